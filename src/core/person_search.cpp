#include "core/person_search.hpp"

#include <cstddef>
#include <vector>

namespace redress::core {
namespace {

// The UK country code, and the international and trunk prefixes that surround it in the ways
// people write a UK number: "+44 7700 900123", "0044 7700 900123", "+44 (0)7700 900123".
constexpr std::string_view kUkCountryCode = "44";
constexpr std::string_view kDialledUkCountryCode = "0044";
constexpr char kTrunkPrefix = '0';
// What people write between the digits of a phone number.
constexpr std::string_view kPhoneMarks = "+()-./";

// ASCII only, on purpose: std::tolower depends on the process locale.
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && IsAsciiSpace(text[start])) ++start;
    std::size_t end = start;
    while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

// A word of a phone number: digits and marks only, at least one digit.
bool IsPhoneWord(std::string_view word) {
  bool digit = false;
  for (char c : word) {
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if (kPhoneMarks.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digit;
}

// How a phone number is written to begin: the trunk prefix, "+" or "(": "07700", "+44",
// "(01632)". Other runs of digits ("2024 000123", part of a reference) are left alone.
bool BeginsAPhoneNumber(std::string_view word) {
  return word.front() == kTrunkPrefix || word.front() == '+' || word.front() == '(';
}

int DigitsIn(std::string_view word) {
  int digits = 0;
  for (char c : word) digits += IsAsciiDigit(c) ? 1 : 0;
  return digits;
}

// The outward code of a UK postcode: a letter or two, a digit, then a letter or digit or
// nothing ("M1", "B33", "CR2", "SW1A", "EC1V").
bool IsOutwardCode(std::string_view word) {
  std::size_t letters = 0;
  while (letters < word.size() && IsAsciiLetter(word[letters])) ++letters;
  if (letters < 1 || letters > 2 || letters >= word.size()) return false;
  if (!IsAsciiDigit(word[letters])) return false;
  const std::string_view rest = word.substr(letters + 1);
  return rest.empty() ||
         (rest.size() == 1 && (IsAsciiDigit(rest.front()) || IsAsciiLetter(rest.front())));
}

// The inward code: a digit and two letters ("1AA").
bool IsInwardCode(std::string_view word) {
  return word.size() == 3 && IsAsciiDigit(word[0]) && IsAsciiLetter(word[1]) &&
         IsAsciiLetter(word[2]);
}

void AddLine(std::string& text, std::string_view value) {
  value = Trim(value);
  if (value.empty()) return;
  if (!text.empty()) text += '\n';
  text += value;
}

void AddPerson(std::string& text, const Person& person) {
  AddLine(text, person.name);
  AddLine(text, person.email);
  AddLine(text, person.phone);
  if (const std::string phone = NormalisePhone(person.phone); phone != Trim(person.phone)) {
    AddLine(text, phone);
  }
  AddLine(text, person.address);
  AddLine(text, person.postcode);
  if (const std::string postcode = NormalisePostcode(person.postcode);
      postcode != Trim(person.postcode)) {
    AddLine(text, postcode);
  }
}

}  // namespace

std::string NormaliseEmail(std::string_view email) {
  std::string result;
  for (char c : Trim(email)) result.push_back(AsciiLower(c));
  return result;
}

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

std::string NormaliseName(std::string_view name) {
  std::string result;
  for (std::string_view word : Words(name)) {
    if (!result.empty()) result.push_back(' ');
    for (char c : word) result.push_back(AsciiLower(c));
  }
  return result;
}

std::string PeopleSearchText(const Complaint& complaint) {
  std::string text;
  AddLine(text, complaint.reference);
  AddPerson(text, complaint.complainant);
  if (complaint.representative) AddPerson(text, *complaint.representative);
  return text;
}

std::string NormaliseSearchText(std::string_view text) {
  const std::vector<std::string_view> words = Words(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    // The longest run of phone words from here.
    std::size_t end = i;
    int digits = 0;
    while (end < words.size() && IsPhoneWord(words[end])) digits += DigitsIn(words[end++]);
    if (end > i && digits >= kMinPhoneDigits && BeginsAPhoneNumber(words[i])) {
      std::string run;
      for (std::size_t j = i; j < end; ++j) run += words[j];
      out.push_back(NormalisePhone(run));
      i = end;
      continue;
    }
    if (i + 1 < words.size() && IsOutwardCode(words[i]) && IsInwardCode(words[i + 1])) {
      out.push_back(NormalisePostcode(std::string(words[i]) + std::string(words[i + 1])));
      i += 2;
      continue;
    }
    out.emplace_back(words[i]);
    ++i;
  }
  std::string joined;
  for (const std::string& word : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined += word;
  }
  return joined;
}

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

PersonKey PersonKeyOf(const Person& person) {
  PersonKey key;
  key.email = NormaliseEmail(person.email);
  key.phone = NormalisePhone(person.phone);
  const std::string name = NormaliseName(person.name);
  const std::string postcode = NormalisePostcode(person.postcode);
  if (!name.empty() && !postcode.empty()) key.name_postcode = name + "|" + postcode;
  return key;
}

bool SamePerson(const PersonKey& a, const PersonKey& b) {
  const auto same = [](const std::string& x, const std::string& y) { return !x.empty() && x == y; };
  return same(a.email, b.email) || same(a.phone, b.phone) || same(a.name_postcode, b.name_postcode);
}

}  // namespace redress::core
