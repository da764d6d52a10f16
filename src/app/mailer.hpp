#pragma once

// The port through which letters leave as email (issue 15); the adapter is src/mail's libcurl
// SMTP client.

#include <string>

#include "core/result.hpp"

namespace redress::app {

// One email: a letter's plain text and HTML bodies with its PDF attached.
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
