#pragma once

// Expected failures are values: every operation a user can make fail returns Result<T>.
// Bugs are asserts. Exceptions never cross into or out of the core.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

namespace redress::core {

// What kind of failure; the HTTP status and the CLI exit code are each mapped from this in one
// place (src/http, src/cli), never decided at the point of failure.
enum class ErrorCode {
  kInvalidInput,          // a field is missing, malformed or out of range
  kNotFound,              // the named record does not exist (or the caller may not see it)
  kTransitionNotAllowed,  // the case is not in a state that allows the action
  kConflict,              // a duplicate of a unique value
  kStaleVersion,          // the record changed since the caller read it (optimistic concurrency)
  kUnauthenticated,       // no or bad credentials
  kForbidden,             // authenticated but the role does not allow it
  kTooManyRequests,       // slowed down or locked out (repeated failed sign-ins)
  kStorage,               // the database failed (disk full, corrupt, locked too long)
  kBusy,                  // the server is at a limit (open connections, report renders): retry
  // Requests the transport could not accept; raised by adapters, never by the core.
  kMalformedRequest,  // unparseable body, unknown field, wrong JSON type
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kMethodNotAllowed,
  kPreconditionRequired,  // an update without the version it is based on (If-Match)
};

// One offending field of an input, named by its JSON/CLI name ("complainant.email").
struct FieldError {
  std::string field;
  std::string message;
  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
  ErrorCode code;
  std::string message;
  std::vector<FieldError> fields;
  // kTooManyRequests, kBusy: seconds until the caller may try again (HTTP Retry-After).
  std::optional<std::int64_t> retry_after_seconds = std::nullopt;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Result<void> is spelled Status where nothing is returned on success.
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message), {}});
}

// A validation failure naming one field.
inline tl::unexpected<Error> FailField(std::string field, std::string message) {
  std::string summary = field + ": " + message;
  return tl::unexpected<Error>(Error{
      ErrorCode::kInvalidInput, std::move(summary), {{std::move(field), std::move(message)}}});
}

// Collects every offending field of one input so the caller sees them all at once.
class FieldErrors {
 public:
  void Add(std::string field, std::string message) {
    fields_.push_back({std::move(field), std::move(message)});
  }
  bool empty() const { return fields_.empty(); }
  // The error to return; call only when !empty().
  tl::unexpected<Error> ToError() const {
    std::string summary =
        fields_.size() == 1 ? fields_.front().field + ": " + fields_.front().message
                            : "the input has " + std::to_string(fields_.size()) + " invalid fields";
    return tl::unexpected<Error>(Error{ErrorCode::kInvalidInput, std::move(summary), fields_});
  }

 private:
  std::vector<FieldError> fields_;
};

}  // namespace redress::core
