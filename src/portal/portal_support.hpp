#pragma once

// What the portal's handler files (portal.cpp, follow.cpp, forms_with_files.cpp) share: the
// statuses they answer with and the pieces of pages they build alike. Internal to the portal.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "http/http_types.hpp"
#include "portal/pages.hpp"
#include "portal/portal.hpp"
#include "portal/questions.hpp"

namespace redress::portal {

inline constexpr int kOk = 200;
inline constexpr int kSeeOther = 303;
inline constexpr int kBadRequest = 400;
inline constexpr int kForbidden = 403;
inline constexpr int kNotFound = 404;
inline constexpr int kUnprocessable = 422;
inline constexpr int kTooManyRequests = 429;
inline constexpr int kServiceUnavailable = 503;

// A request with its session, as read (Portal::Open, Portal::OpenForm).
struct Portal::Visit {
  std::string token;
  PortalSession session;
  std::string stored_text;      // the session as read, "" when new
  std::int64_t expires_at = 0;  // as stored
  bool set_cookie = false;
};

// A field's error messages as the lines of its inline error (each with `last` on the last).
mustache::data ErrorLines(const std::vector<FieldError>& errors);
// The headers every portal page carries: a Content-Security-Policy without any script, no
// referrer, never framed.
http::Response WithSecurityHeaders(http::Response response);
// The portal's session token in the request's cookies, or "".
std::string_view CookieValueOf(const http::Request& request);
// "4 December 2026".
std::string LongDate(core::Date date);
// `text` without its leading and trailing blanks.
std::string_view Trim(std::string_view text);
std::string Upper(std::string_view text);
// The form's fields; a malformed body reads as an empty form (every field then missing).
Answers FormOf(const http::Request& request);
// Where the complaint stands, in words for its complainant.
std::string StatusInWords(const core::Complaint& complaint);
// Configured texts as the paragraphs of a page.
mustache::data Paragraphs(const std::vector<std::string>& texts);

}  // namespace redress::portal
