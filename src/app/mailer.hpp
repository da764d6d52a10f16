#pragma once

// The port through which letters leave as email (issue 15); the adapter is src/mail's libcurl
// SMTP client.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace redress::app {

// The right-hand side of the Message-IDs the outbox derives from letters and digests: stable, so
// that a message sent again after a crash is the same message; reserved by RFC 2606, so it names
// no real host.
inline constexpr std::string_view kMessageIdDomain = "redress.invalid";

// One email: a letter's plain text and HTML bodies with its PDF attached, or a reminder digest's
// bodies with no attachment (attachment empty).
struct MailMessage {
  std::string message_id;  // "<...@...>", the same for every attempt of one letter
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
  std::string attachment_name;  // "CMP-2026-000001-letter-1.pdf"
  std::string attachment;       // the PDF's bytes
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands the message to the relay. kUnavailable when it may succeed later (relay unreachable,
  // a 4xx answer, a timeout); any other error is permanent (a 5xx answer, a refused recipient).
  virtual core::Status Send(const MailMessage& message) = 0;
};

}  // namespace redress::app
