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

// How the parts of the HTTP message a refusal names are spelt (see RequestRefusal).
constexpr std::string_view kRequestPart = "request";
constexpr std::string_view kContentLength = "Content-Length";
constexpr std::string_view kContentType = "Content-Type";
constexpr std::string_view kMethod = "Method";
constexpr std::string_view kIfMatch = "If-Match";

ProblemKind KindOf(RequestRefusal refusal) {
  switch (refusal) {
    case RequestRefusal::kMalformedRequest:
      return {"/problems/malformed-request", "The request is malformed"};
    case RequestRefusal::kPayloadTooLarge:
      return {"/problems/payload-too-large", "The request body is too large"};
    case RequestRefusal::kUnsupportedMediaType:
      return {"/problems/unsupported-media-type", "The request body must be JSON"};
    case RequestRefusal::kMethodNotAllowed:
      return {"/problems/method-not-allowed", "Method not allowed"};
    case RequestRefusal::kPreconditionRequired:
      return {"/problems/precondition-required", "If-Match is required"};
  }
  return {"about:blank", "Internal server error"};
}

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
  }
  return {"about:blank", "Internal server error"};
}

int StatusFor(RequestRefusal refusal) {
  switch (refusal) {
    case RequestRefusal::kMalformedRequest:
      return 400;
    case RequestRefusal::kPayloadTooLarge:
      return 413;
    case RequestRefusal::kUnsupportedMediaType:
      return 415;
    case RequestRefusal::kMethodNotAllowed:
      return 405;
    case RequestRefusal::kPreconditionRequired:
      return 428;
  }
  return kInternalServerError;
}

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
    case core::ErrorCode::kUnauthenticated:
      return 401;
    case core::ErrorCode::kForbidden:
      return 403;
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

ProblemKind KindOf(const core::Error& error) {
  const std::optional<RequestRefusal> refusal = RefusalOf(error);
  return refusal ? KindOf(*refusal) : KindOf(error.code);
}

}  // namespace

core::Error RequestError(RequestRefusal refusal, std::string message,
                         std::vector<core::FieldError> fields) {
  if (refusal == RequestRefusal::kMalformedRequest && fields.empty()) {
    fields.push_back({std::string(kRequestPart), message, core::FieldErrorCode::kMalformed});
  }
  return core::Error{core::ErrorCode::kInvalidInput, std::move(message), std::move(fields)};
}

core::Error RequestError(RequestRefusal refusal, std::string message, std::string field_message) {
  const auto part = [&](std::string_view name, core::FieldErrorCode code) {
    return std::vector<core::FieldError>{{std::string(name), std::move(field_message), code}};
  };
  switch (refusal) {
    case RequestRefusal::kMalformedRequest:
      return RequestError(refusal, std::move(message),
                          part(kRequestPart, core::FieldErrorCode::kMalformed));
    case RequestRefusal::kPayloadTooLarge:
      return RequestError(refusal, std::move(message),
                          part(kContentLength, core::FieldErrorCode::kTooLong));
    case RequestRefusal::kUnsupportedMediaType:
      return RequestError(refusal, std::move(message),
                          part(kContentType, core::FieldErrorCode::kNotInList));
    case RequestRefusal::kMethodNotAllowed:
      return RequestError(refusal, std::move(message),
                          part(kMethod, core::FieldErrorCode::kNotInList));
    case RequestRefusal::kPreconditionRequired:
      return RequestError(refusal, std::move(message),
                          part(kIfMatch, core::FieldErrorCode::kRequired));
  }
  return RequestError(refusal, std::move(message));
}

core::Error MalformedField(std::string field, std::string message) {
  std::string summary = field + ": " + message;
  return RequestError(RequestRefusal::kMalformedRequest, std::move(summary),
                      {{std::move(field), std::move(message), core::FieldErrorCode::kMalformed}});
}

std::optional<RequestRefusal> RefusalOf(const core::Error& error) {
  if (error.code != core::ErrorCode::kInvalidInput) return std::nullopt;
  bool malformed = false;
  for (const core::FieldError& field : error.fields) {
    if (field.field == kIfMatch && field.code == core::FieldErrorCode::kRequired) {
      return RequestRefusal::kPreconditionRequired;
    }
    if (field.field == kContentType && field.code == core::FieldErrorCode::kNotInList) {
      return RequestRefusal::kUnsupportedMediaType;
    }
    if (field.field == kContentLength && field.code == core::FieldErrorCode::kTooLong) {
      return RequestRefusal::kPayloadTooLarge;
    }
    if (field.field == kMethod && field.code == core::FieldErrorCode::kNotInList) {
      return RequestRefusal::kMethodNotAllowed;
    }
    malformed = malformed || field.code == core::FieldErrorCode::kMalformed;
  }
  if (malformed) return RequestRefusal::kMalformedRequest;
  return std::nullopt;
}

int StatusFor(const core::Error& error) {
  const std::optional<RequestRefusal> refusal = RefusalOf(error);
  return refusal ? StatusFor(*refusal) : StatusFor(error.code);
}

Response ProblemResponse(const core::Error& error, std::string_view instance) {
  const ProblemKind kind = KindOf(error);
  const int status = StatusFor(error);
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
