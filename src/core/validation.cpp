#include "core/validation.hpp"

#include <algorithm>
#include <string>

namespace redress::core {
namespace {

// The whitespace std::isspace accepts in the "C" locale, spelt out so the result does not depend
// on the process locale.
constexpr std::string_view kAsciiWhitespace = " \t\n\r\v\f";

bool IsAsciiWhitespace(char c) { return kAsciiWhitespace.find(c) != std::string_view::npos; }

}  // namespace

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), IsAsciiWhitespace);
}

std::size_t Utf8Length(std::string_view text) {
  // A UTF-8 continuation byte is 10xxxxxx; every other byte starts a character.
  constexpr unsigned char kContinuationMask = 0xC0;
  constexpr unsigned char kContinuationTag = 0x80;
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & kContinuationMask) != kContinuationTag;
  }));
}

bool LooksLikeEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  if (std::any_of(email.begin(), email.end(), IsAsciiWhitespace)) return false;
  const std::string_view domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

void ValidatePerson(const Person& person, std::string_view field, FieldErrors& errors) {
  const std::string role(field);
  if (IsBlank(person.name)) {
    errors.Add(role + ".name", "the " + role + "'s name is required", FieldErrorCode::kRequired);
  }
  // Without a way to reach the person the case can be neither followed up nor answered.
  if (IsBlank(person.email) && IsBlank(person.phone) && IsBlank(person.address)) {
    errors.Add(role, "give at least one way to reach the " + role + ": email, phone or address",
               FieldErrorCode::kRequired);
  }
  if (!IsBlank(person.email) && !LooksLikeEmail(person.email)) {
    errors.Add(role + ".email", "is not an email address", FieldErrorCode::kInvalidEmail);
  }
}

void ValidateSummary(std::string_view summary, FieldErrors& errors) {
  if (IsBlank(summary)) {
    errors.Add("summary", "a summary is required", FieldErrorCode::kRequired);
  } else if (Utf8Length(summary) > kMaxSummaryLength) {
    errors.Add("summary", "must be at most " + std::to_string(kMaxSummaryLength) + " characters",
               FieldErrorCode::kTooLong);
  }
}

}  // namespace redress::core
