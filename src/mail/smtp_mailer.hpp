#pragma once

// The Mailer port over SMTP with libcurl (issue 15): a multipart/mixed message holding a
// multipart/alternative body (plain text, then HTML) and the letter's PDF, from the configured
// sender through the configured relay, with TLS when configured.

#include <string>

#include "app/mailer.hpp"

namespace redress::mail {

enum class SmtpTls {
  kNone,      // plain SMTP (a relay on loopback, tests)
  kStartTls,  // STARTTLS required: the send fails rather than go in clear
  kImplicit,  // smtps:// (port 465)
};

struct SmtpOptions {
  std::string relay_url;  // "smtp://relay.example.org:587"; smtps:// for implicit TLS
  std::string from;       // "complaints@council.example.org"
  std::string from_name;  // "Exampleshire Council"
  SmtpTls tls = SmtpTls::kNone;
  std::string username;  // empty = no authentication
  std::string password;
  long timeout_seconds = 30;
};

class SmtpMailer final : public app::Mailer {
 public:
  explicit SmtpMailer(SmtpOptions options);
  // kUnavailable when the relay cannot be reached, times out or answers 4xx (try again later);
  // kInvalidInput when it answers 5xx (a permanent refusal).
  core::Status Send(const app::MailMessage& message) override;

 private:
  SmtpOptions options_;
};

}  // namespace redress::mail
