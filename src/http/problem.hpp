#pragma once

// RFC 9457 problem details. The one place where an error becomes an HTTP status.
//
// Every error answer of the API is a problem document; "type" is a URI reference relative to the
// API's base ("/problems/stale-version") that names the kind of problem and never changes, "title"
// is its fixed human summary, "detail" says what went wrong this time.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// The refusals of a request that only the transport makes, beside the core's error codes. The
// core's vocabulary is the domain's (core::ErrorCode), so a refusal travels as a kInvalidInput
// core::Error naming the part of the HTTP message at fault; RequestError builds it, and RefusalOf
// (used by StatusFor) tells it apart again. Parts of the message are named as HTTP spells them
// ("Content-Type", "If-Match", capitalised with hyphens), which no member of the API's JSON (all
// snake_case) can be, so a field error about a body's member is never mistaken for one.
enum class RequestRefusal {
  kMalformedRequest,      // 400: not HTTP, not JSON, an unknown member, a wrong JSON type, a bad
                          // header or query string (the offending fields carry kMalformed)
  kPayloadTooLarge,       // 413: the body is over the limit ("Content-Length", kTooLong)
  kUnsupportedMediaType,  // 415: a body that is not JSON ("Content-Type", kNotInList)
  kMethodNotAllowed,      // 405: the path exists under other methods ("Method", kNotInList)
  kPreconditionRequired,  // 428: an update without the version it is based on ("If-Match",
                          // kRequired)
};

// The error for a refusal: kInvalidInput whose fields are `fields` (kMalformedRequest: each must
// carry kMalformed; an empty list names the whole request) or, for the others, the one part of
// the message named above, with `field_message`.
core::Error RequestError(RequestRefusal refusal, std::string message,
                         std::vector<core::FieldError> fields = {});
core::Error RequestError(RequestRefusal refusal, std::string message, std::string field_message);

// A malformed-request error naming one field (kMalformed): a header, a query parameter, a member.
core::Error MalformedField(std::string field, std::string message);

// The refusal an error says, or nullopt for an error of the domain (kInvalidInput naming only the
// API's fields is 422).
std::optional<RequestRefusal> RefusalOf(const core::Error& error);

// The HTTP status for an error:
//   kInvalidInput 422 (a RequestRefusal: 400, 413, 415, 405 or 428, as listed above),
//   kNotFound 404, kTransitionNotAllowed 409, kConflict 409, kStaleVersion 412,
//   kUnauthenticated 401, kForbidden 403, kTooManyRequests 429, kStorage 503, kBusy 503,
//   kUnavailable 503, kInternal 500.
int StatusFor(const core::Error& error);

// An application/problem+json response: {"type", "title", "status", "detail", "instance",
// "errors": [{"field", "code", "message"}...]} (errors only when the error names fields; "code" is
// the core::FieldErrorCode's name).
Response ProblemResponse(const core::Error& error, std::string_view instance);

// The 500 answer for a bug or an escaped exception; says nothing about the cause (it is logged).
Response InternalErrorResponse(std::string_view instance);

inline constexpr std::string_view kProblemContentType = "application/problem+json";

}  // namespace redress::http
