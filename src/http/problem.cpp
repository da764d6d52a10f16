#include "http/problem.hpp"

#include <nlohmann/json.hpp>

#include "http/json_mapping.hpp"

namespace redress::http {
namespace {

constexpr int kInternalServerError = 500;

// The stable, documented part of a problem: its type URI (relative to the API's base, as RFC 9457
// section 3.1.1 allows) and its title. The detail carries what is specific to this occurrence.
struct ProblemKind {
  std::string_view type;
  std::string_view title;
};

ProblemKind KindOf(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidInput:
      return {"/problems/invalid-input", "The request has invalid values"};
    case core::ErrorCode::kNotFound:
      return {"/problems/not-found", "Not found"};
    case core::ErrorCode::kTransitionNotAllowed:
      return {"/problems/transition-not-allowed", "The case does not allow this action now"};
    case core::ErrorCode::kConflict:
      return {"/problems/conflict", "Conflicts with an existing record"};
    case core::ErrorCode::kStaleVersion:
      return {"/problems/stale-version", "The record has changed since it was read"};
    case core::ErrorCode::kUnauthenticated:
      return {"/problems/unauthenticated", "Authentication required"};
    case core::ErrorCode::kForbidden:
      return {"/problems/forbidden", "Not allowed for this user"};
    case core::ErrorCode::kTooManyRequests:
      return {"/problems/too-many-requests", "Too many requests"};
    case core::ErrorCode::kStorage:
      return {"/problems/storage-unavailable", "The database is unavailable"};
    case core::ErrorCode::kBusy:
      return {"/problems/server-busy", "The server is busy"};
    case core::ErrorCode::kUnavailable:
      return {"/problems/unavailable", "A service the request needs is unavailable"};
    case core::ErrorCode::kInternal:
      return {"/problems/internal", "Internal server error"};
    case core::ErrorCode::kMalformedRequest:
      return {"/problems/malformed-request", "The request is malformed"};
    case core::ErrorCode::kPayloadTooLarge:
      return {"/problems/payload-too-large", "The request body is too large"};
    case core::ErrorCode::kUnsupportedMediaType:
      return {"/problems/unsupported-media-type", "The request body must be JSON"};
    case core::ErrorCode::kMethodNotAllowed:
      return {"/problems/method-not-allowed", "Method not allowed"};
    case core::ErrorCode::kPreconditionRequired:
      return {"/problems/precondition-required", "If-Match is required"};
  }
  return {"about:blank", "Internal server error"};
}

}  // namespace

int StatusFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidInput:
      return 422;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kTransitionNotAllowed:
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kStaleVersion:
      return 412;
    case core::ErrorCode::kPreconditionRequired:
      return 428;
    case core::ErrorCode::kUnauthenticated:
      return 401;
    case core::ErrorCode::kForbidden:
      return 403;
    case core::ErrorCode::kMalformedRequest:
      return 400;
    case core::ErrorCode::kPayloadTooLarge:
      return 413;
    case core::ErrorCode::kUnsupportedMediaType:
      return 415;
    case core::ErrorCode::kMethodNotAllowed:
      return 405;
    case core::ErrorCode::kTooManyRequests:
      return 429;
    case core::ErrorCode::kStorage:
    case core::ErrorCode::kBusy:
    case core::ErrorCode::kUnavailable:
      return 503;
    case core::ErrorCode::kInternal:
      return kInternalServerError;
  }
  return kInternalServerError;
}

Response ProblemResponse(const core::Error& error, std::string_view instance) {
  const ProblemKind kind = KindOf(error.code);
  const int status = StatusFor(error.code);
  nlohmann::json problem = {
      {"type", kind.type},       {"title", kind.title},  {"status", status},
      {"detail", error.message}, {"instance", instance},
  };
  if (!error.fields.empty()) {
    nlohmann::json fields = nlohmann::json::array();
    for (const core::FieldError& field : error.fields) {
      fields.push_back({{"field", field.field},
                        {"code", core::ToString(field.code)},
                        {"message", field.message}});
    }
    problem["errors"] = std::move(fields);
  }
  Response response{status, std::string(kProblemContentType), DumpJson(problem), {}};
  if (error.retry_after_seconds) {
    response.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return response;
}

Response InternalErrorResponse(std::string_view instance) {
  nlohmann::json problem = {
      {"type", "about:blank"},
      {"title", "Internal server error"},
      {"status", kInternalServerError},
      {"detail", "the server failed to handle the request; it has been logged"},
      {"instance", instance},
  };
  return Response{kInternalServerError, std::string(kProblemContentType), DumpJson(problem), {}};
}

}  // namespace redress::http
