#include "core/references.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace redress::core {
namespace {

struct KindPrefix {
  ReferenceKind kind;
  std::string_view prefix;
};

// One row per kind; ParseReference and ReferencesNamedIn read only this table.
constexpr std::array<KindPrefix, 5> kPrefixes = {{
    {ReferenceKind::kComplaint, "CMP"},
    {ReferenceKind::kServiceRequest, "SR"},
    {ReferenceKind::kOmbudsmanCase, "OMB"},
    {ReferenceKind::kFailureOrder, "CHFO"},
    {ReferenceKind::kLearningAction, "LRN"},
}};

constexpr std::size_t kYearDigits = 4;
constexpr std::size_t kSequenceDigits = 6;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsTokenChar(char c) {
  return IsDigit(c) || IsUpper(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

}  // namespace

std::string_view PrefixOf(ReferenceKind kind) {
  for (const KindPrefix& row : kPrefixes) {
    if (row.kind == kind) return row.prefix;
  }
  return {};
}

std::optional<ReferenceKind> KindOfReference(std::string_view reference) {
  for (const KindPrefix& row : kPrefixes) {
    const std::size_t length = row.prefix.size() + 1 + kYearDigits + 1 + kSequenceDigits;
    if (reference.size() != length || !reference.starts_with(row.prefix)) continue;
    std::string_view rest = reference.substr(row.prefix.size());
    if (rest[0] != '-' || rest[1 + kYearDigits] != '-') continue;
    if (AllDigits(rest.substr(1, kYearDigits)) &&
        AllDigits(rest.substr(2 + kYearDigits, kSequenceDigits))) {
      return row.kind;
    }
  }
  return std::nullopt;
}

std::vector<std::string> ReferencesNamedIn(std::string_view text) {
  std::vector<std::string> found;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsTokenChar(text[i])) {
      ++i;
      continue;
    }
    // A token: the longest run of reference characters; only a whole token can be a reference.
    std::size_t end = i;
    while (end < text.size() && IsTokenChar(text[end])) ++end;
    std::string_view token = text.substr(i, end - i);
    if (IsUpper(token.front()) && KindOfReference(token)) {
      if (std::find(found.begin(), found.end(), token) == found.end()) {
        found.emplace_back(token);
      }
    }
    i = end;
  }
  return found;
}

}  // namespace redress::core
