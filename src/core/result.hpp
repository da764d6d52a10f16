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

// What kind of failure, in the domain's words; the HTTP status and the CLI exit code are each
// mapped from this in one place (src/http problem.cpp, src/cli ExitCodeFor), never decided at the
// point of failure. A request the transport cannot accept (a body that is not JSON, too large, a
// missing If-Match) is not a kind of its own here: the HTTP adapter says it as kInvalidInput naming
// the part of the request at fault (http/problem.hpp, RequestRefusal).
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
  kUnavailable,           // a resource other than the database failed (a socket): retry later
  kInternal,              // our own or a library's failure (a document not drawn, no memory):
                          // not the caller's doing, nor cured by retrying
};

// Why one field is refused: a closed set a client maps to its own wording (the message beside it
// is for people reading the API, and may change). Documented in openapi.json (FieldErrorCode).
// Contract: the message of a bound on the value (invalid_date, date_in_future, date_too_early,
// date_too_late, out_of_range, too_long, not_allowed_in_state, invalid_format) reads on from the
// field's name
// ("must not be before raised_on"), so a client may put its own name for the field in front
// (web/src/fieldErrors.ts); any other code's message is a sentence of its own.
enum class FieldErrorCode {
  kInvalid,            // any other refusal of the value (the message says why)
  kRequired,           // missing or blank
  kMalformed,          // the wrong JSON type, or a field the request does not know
  kInvalidDate,        // not a date YYYY-MM-DD, or outside the calendar's range
  kDateInFuture,       // a business date after today
  kDateTooEarly,       // a business date before what it follows (the stage start, a response)
  kDateTooLate,        // a business date after what it must precede (the receipt, a report)
  kOutOfRange,         // a number outside its bounds
  kNotInList,          // not one of the enum's names
  kTooLong,            // text or a list longer than its bound
  kUnknownReference,   // names a record, code or user that does not exist (or is not visible)
  kNotAllowedInState,  // the record's state does not allow this value now
  kDuplicate,          // a value that must be unique, taken
  kInvalidFormat,      // not in the form the field requires (a username, a code); the message
                       // states the form
  kInvalidEmail,       // not an email address
  kSameRecord,         // names the record it is given for (a complaint linked to itself)
  kWithinTimeLimit,    // a refusal as outside the time limit for a complaint made within it
};
constexpr std::string_view ToString(FieldErrorCode code) {
  switch (code) {
    case FieldErrorCode::kInvalid:
      return "invalid";
    case FieldErrorCode::kRequired:
      return "required";
    case FieldErrorCode::kMalformed:
      return "malformed";
    case FieldErrorCode::kInvalidDate:
      return "invalid_date";
    case FieldErrorCode::kDateInFuture:
      return "date_in_future";
    case FieldErrorCode::kDateTooEarly:
      return "date_too_early";
    case FieldErrorCode::kDateTooLate:
      return "date_too_late";
    case FieldErrorCode::kOutOfRange:
      return "out_of_range";
    case FieldErrorCode::kNotInList:
      return "not_in_list";
    case FieldErrorCode::kTooLong:
      return "too_long";
    case FieldErrorCode::kUnknownReference:
      return "unknown_reference";
    case FieldErrorCode::kNotAllowedInState:
      return "not_allowed_in_state";
    case FieldErrorCode::kDuplicate:
      return "duplicate";
    case FieldErrorCode::kInvalidFormat:
      return "invalid_format";
    case FieldErrorCode::kInvalidEmail:
      return "invalid_email";
    case FieldErrorCode::kSameRecord:
      return "same_record";
    case FieldErrorCode::kWithinTimeLimit:
      return "within_time_limit";
  }
  return "invalid";
}

// One offending field of an input, named by its JSON/CLI name ("complainant.email").
struct FieldError {
  std::string field;
  std::string message;
  FieldErrorCode code = FieldErrorCode::kInvalid;
  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
  ErrorCode code;
  std::string message;
  std::vector<FieldError> fields;
  // kTooManyRequests, kBusy: seconds until the caller may try again (HTTP Retry-After).
  std::optional<std::int64_t> retry_after_seconds = std::nullopt;
};

// [[nodiscard]]: a failure is never dropped by forgetting to look at it; where one truly does not
// matter, the caller says so with (void) and a comment.
template <typename T>
class [[nodiscard]] Result : public tl::expected<T, Error> {
 public:
  using Base = tl::expected<T, Error>;
  using Base::Base;
  Result() = default;
  // From what tl::expected's combinators (map, and_then, ...) return.
  Result(Base value) : Base(std::move(value)) {}  // NOLINT(google-explicit-constructor)
};

// Result<void> is spelled Status where nothing is returned on success.
using Status = Result<void>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message), {}});
}

// A validation failure naming one field.
inline tl::unexpected<Error> FailField(std::string field, std::string message,
                                       FieldErrorCode code = FieldErrorCode::kInvalid) {
  std::string summary = field + ": " + message;
  return tl::unexpected<Error>(Error{ErrorCode::kInvalidInput,
                                     std::move(summary),
                                     {{std::move(field), std::move(message), code}}});
}

// Collects every offending field of one input so the caller sees them all at once.
class FieldErrors {
 public:
  void Add(std::string field, std::string message, FieldErrorCode code = FieldErrorCode::kInvalid) {
    fields_.push_back({std::move(field), std::move(message), code});
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
