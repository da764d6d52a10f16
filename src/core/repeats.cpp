#include "core/repeats.hpp"

#include <string_view>

namespace redress::core {
namespace {

// The UK country code, and the international and trunk prefixes that surround it in the ways
// people write a UK number: "+44 7700 900123", "0044 7700 900123", "+44 (0)7700 900123".
constexpr std::string_view kUkCountryCode = "44";
constexpr std::string_view kDialledUkCountryCode = "0044";
constexpr char kTrunkPrefix = '0';

// ASCII only, on purpose: std::tolower depends on the process locale, and e-mail addresses and
// postcodes are compared as ASCII.
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string NormaliseEmail(std::string_view email) {
  std::string result;
  for (char c : Trim(email)) result.push_back(AsciiLower(c));
  return result;
}

// Digits only, in the national form: a number given with the UK country code gets the trunk
// prefix back, so all the ways of writing one number give one key.
std::string NormalisePhone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (IsAsciiDigit(c)) digits.push_back(c);
  }
  std::string_view rest = digits;
  if (rest.starts_with(kDialledUkCountryCode)) {
    rest.remove_prefix(kDialledUkCountryCode.size());
  } else if (rest.starts_with(kUkCountryCode)) {
    rest.remove_prefix(kUkCountryCode.size());
  } else {
    return digits;
  }
  // "+44 (0)7700 900123": the written trunk prefix must not be doubled.
  if (!rest.empty() && rest.front() == kTrunkPrefix) rest.remove_prefix(1);
  return kTrunkPrefix + std::string(rest);
}

std::string NormalisePostcode(std::string_view postcode) {
  std::string result;
  for (char c : postcode) {
    if (!IsAsciiSpace(c)) result.push_back(AsciiLower(c));
  }
  return result;
}

// The first line of the address (up to the first comma or line break), lower-cased, with runs of
// whitespace collapsed to one space and trimmed: "12  High Street, Town" -> "12 high street".
std::string FirstAddressLine(std::string_view address) {
  std::string_view line = address.substr(0, address.find_first_of(",\n"));
  std::string result;
  bool pending_space = false;
  for (char c : Trim(line)) {
    if (IsAsciiSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) result.push_back(' ');
    pending_space = false;
    result.push_back(AsciiLower(c));
  }
  return result;
}

// Both must be known for a key to match: an empty key says nothing about identity.
bool SameKnown(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

}  // namespace

RepeatKey KeyOf(const Person& complainant, const std::string& category, Date received_on) {
  RepeatKey key;
  key.email = NormaliseEmail(complainant.email);
  key.phone = NormalisePhone(complainant.phone);
  std::string postcode = NormalisePostcode(complainant.postcode);
  std::string first_line = FirstAddressLine(complainant.address);
  if (!postcode.empty() || !first_line.empty()) key.property = postcode + "|" + first_line;
  key.category = category;
  key.received_on = received_on;
  return key;
}

std::vector<std::string> FindPossibleRepeats(const RepeatKey& incoming,
                                             const std::vector<RepeatCandidate>& candidates) {
  const Date window_start = incoming.received_on.AddMonths(-kRepeatWindowMonths);
  std::vector<std::string> references;
  for (const RepeatCandidate& candidate : candidates) {
    const RepeatKey& key = candidate.key;
    if (key.category != incoming.category) continue;
    if (key.received_on < window_start || key.received_on > incoming.received_on) continue;
    if (SameKnown(key.email, incoming.email) || SameKnown(key.phone, incoming.phone) ||
        SameKnown(key.property, incoming.property)) {
      references.push_back(candidate.reference);
    }
  }
  return references;
}

}  // namespace redress::core
