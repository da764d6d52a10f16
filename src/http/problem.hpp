#pragma once

// RFC 9457 problem details. The one place where an error becomes an HTTP status.
//
// Every error answer of the API is a problem document; "type" is a URI reference relative to the
// API's base ("/problems/stale-version") that names the kind of problem and never changes, "title"
// is its fixed human summary, "detail" says what went wrong this time.

#include <string_view>

#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// The HTTP status for an error code:
//   kInvalidInput 422, kNotFound 404, kTransitionNotAllowed 409, kConflict 409,
//   kStaleVersion 412, kPreconditionRequired 428, kUnauthenticated 401, kForbidden 403,
//   kMalformedRequest 400, kPayloadTooLarge 413, kUnsupportedMediaType 415,
//   kMethodNotAllowed 405, kTooManyRequests 429, kStorage 503, kBusy 503, kUnavailable 503,
//   kInternal 500.
int StatusFor(core::ErrorCode code);

// An application/problem+json response: {"type", "title", "status", "detail", "instance",
// "errors": [{"field", "code", "message"}...]} (errors only when the error names fields; "code" is
// the core::FieldErrorCode's name).
Response ProblemResponse(const core::Error& error, std::string_view instance);

// The 500 answer for a bug or an escaped exception; says nothing about the cause (it is logged).
Response InternalErrorResponse(std::string_view instance);

inline constexpr std::string_view kProblemContentType = "application/problem+json";

}  // namespace redress::http
