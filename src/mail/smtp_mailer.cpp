#include "mail/smtp_mailer.hpp"

#include <curl/curl.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace redress::mail {
namespace {

// SMTP reply codes: 4xx is transient, 5xx permanent (RFC 5321 4.2.1).
constexpr long kFirstPermanentReply = 500;
constexpr long kFirstTransientReply = 400;

struct EasyCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct MimeFree {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};
struct ListFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void InitialiseOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// RFC 5322 date of now, for the Date header.
std::string DateHeader() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "Date: %a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

// A header's text without line breaks, so that nothing typed can add a header.
std::string HeaderText(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpOptions options) : options_(std::move(options)) { InitialiseOnce(); }

core::Status SmtpMailer::Send(const app::MailMessage& message) {
  std::unique_ptr<CURL, EasyCleanup> curl(curl_easy_init());
  if (!curl) return core::Fail(core::ErrorCode::kInternal, "libcurl did not start");
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, options_.relay_url.c_str());
  std::string from = "<" + options_.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, ListFree> recipients(
      curl_slist_append(nullptr, ("<" + HeaderText(message.to) + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  if (options_.tls == SmtpTls::kStartTls) curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!options_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);

  std::unique_ptr<curl_slist, ListFree> headers;
  auto add_header = [&headers](const std::string& header) {
    headers.reset(curl_slist_append(headers.release(), header.c_str()));
  };
  add_header(DateHeader());
  add_header("From: " + HeaderText(options_.from_name) + " <" + options_.from + ">");
  add_header("To: <" + HeaderText(message.to) + ">");
  add_header("Subject: " + HeaderText(message.subject));
  add_header("Message-ID: " + HeaderText(message.message_id));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  // multipart/mixed { multipart/alternative { text/plain, text/html }, application/pdf }
  std::unique_ptr<curl_mime, MimeFree> mixed(curl_mime_init(c));
  curl_mime* alternative = curl_mime_init(c);
  curl_mimepart* text = curl_mime_addpart(alternative);
  curl_mime_data(text, message.text.data(), message.text.size());
  curl_mime_type(text, "text/plain; charset=utf-8");
  curl_mime_encoder(text, "quoted-printable");
  curl_mimepart* html = curl_mime_addpart(alternative);
  curl_mime_data(html, message.html.data(), message.html.size());
  curl_mime_type(html, "text/html; charset=utf-8");
  curl_mime_encoder(html, "quoted-printable");
  curl_mimepart* body = curl_mime_addpart(mixed.get());
  curl_mime_subparts(body, alternative);  // `mixed` owns it from here
  curl_mime_type(body, "multipart/alternative");
  std::unique_ptr<curl_slist, ListFree> inline_header(
      curl_slist_append(nullptr, "Content-Disposition: inline"));
  curl_mime_headers(body, inline_header.release(), 1);
  // A message without a PDF (a reminder digest, the resident's one-time code) has the text and
  // HTML only.
  if (!message.attachment.empty()) {
    curl_mimepart* pdf = curl_mime_addpart(mixed.get());
    curl_mime_data(pdf, message.attachment.data(), message.attachment.size());
    curl_mime_type(pdf, "application/pdf");
    curl_mime_filename(pdf, message.attachment_name.c_str());
    curl_mime_encoder(pdf, "base64");
  }
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mixed.get());

  CURLcode code = curl_easy_perform(c);
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  if (code == CURLE_OK) return {};
  std::string what = std::string("the relay did not take the message: ") +
                     curl_easy_strerror(code) +
                     (reply > 0 ? " (" + std::to_string(reply) + ")" : "");
  if (reply >= kFirstPermanentReply) return core::Fail(core::ErrorCode::kInvalidInput, what);
  if (reply >= kFirstTransientReply || reply == 0) {
    return core::Fail(core::ErrorCode::kUnavailable, what);
  }
  return core::Fail(core::ErrorCode::kUnavailable, what);
}

}  // namespace redress::mail
