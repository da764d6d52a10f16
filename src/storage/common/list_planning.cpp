#include "storage/common/list_planning.hpp"

#include <utility>

#include "core/person_search.hpp"
#include "storage/common/references.hpp"

namespace redress::storage::common {
namespace {

// A list in reference order filtered on receipt dates reads only the references of those years:
// a reference begins with the year received (migration 0005), and "CMP-<year>-" sorts before
// every reference of that year and after every one of an earlier year, as long as both years
// have four digits.
constexpr int kFirstFourDigitYear = 1000;
constexpr int kLastFourDigitYear = 9999;

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The length of the well-formed UTF-8 sequence `text` begins with; 0 when it begins with a byte
// that starts none (a stray continuation byte, 0xc0, 0xc1, 0xf5 and above, an overlong or
// surrogate form, or a truncated sequence).
std::size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // the bounds of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

// The words of free text a user typed, split at whitespace. Double quotes, the one character
// special inside an FTS5 string, NUL, which would end the query early, and bytes that are not
// UTF-8, which PostgreSQL refuses as text, are dropped.
std::vector<std::string> SearchWords(std::string_view typed) {
  const std::string normalised = core::NormaliseSearchText(typed);
  const std::string_view text = normalised;
  std::vector<std::string> words;
  std::size_t position = 0;
  while (position < text.size()) {
    while (position < text.size() && IsSpace(text[position])) ++position;
    std::string word;
    while (position < text.size() && !IsSpace(text[position])) {
      const std::size_t length = Utf8SequenceLength(text.substr(position));
      if (length == 0) {
        ++position;  // not UTF-8: dropped
      } else if (length > 1) {
        word.append(text.substr(position, length));
        position += length;
      } else {
        const char c = text[position++];
        if (c != '"' && c != '\0') word += c;
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

core::Error InvalidCursor() {
  return core::FailField("after", "is not a position in this sort order").value();
}

// The position the query's page starts after: `after`, else `after_reference`.
core::Result<std::optional<app::ComplaintCursor>> EffectiveCursor(
    const app::ComplaintQuery& query) {
  std::optional<app::ComplaintCursor> cursor = query.after;
  if (!cursor && !query.after_reference.empty()) {
    if (query.sort != app::ComplaintSort::kReference) {
      return core::FailField("after_reference", "pages the reference order only; use after");
    }
    cursor = app::ComplaintCursor{std::string(), query.after_reference};
  }
  if (cursor && cursor->reference.empty()) return tl::unexpected(InvalidCursor());
  return cursor;
}

// The references a list in reference order may return: those after the cursor and, when its
// receipt dates are bounded, those of the years the dates allow (see kFirstFourDigitYear). A
// lower date of a four-digit year keeps every row that can match to four-digit years, so that
// the upper bound holds for them too.
ReferenceWindow ReferenceWindowOf(const app::ComplaintQuery& query,
                                  const std::optional<app::ComplaintCursor>& cursor) {
  ReferenceWindow window;
  if (cursor) {
    if (query.direction == app::SortDirection::kDescending) {
      window.LowerHigh(cursor->reference, false);
    } else {
      window.RaiseLow(cursor->reference, false);
    }
  }
  if (query.received_from && query.received_from->year() >= kFirstFourDigitYear) {
    window.RaiseLow(ReferencesOfYear(kComplaintPrefix, query.received_from->year()), true);
    if (query.received_to && query.received_to->year() < kLastFourDigitYear) {
      window.LowerHigh(ReferencesOfYear(kComplaintPrefix, query.received_to->year() + 1), false);
    }
  }
  return window;
}

}  // namespace redress::storage::common
