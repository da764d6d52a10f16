#pragma once

// Checks on free text and on people shared by every input the core validates (complaints and
// service requests), so one rule gives one answer whichever record is being logged.

#include <cstddef>
#include <string_view>

#include "core/complaint.hpp"
#include "core/result.hpp"

namespace redress::core {

// The summary is the record's one-line title in lists, reports and the timeline; the detail goes in
// the description. Counted in characters (see Utf8Length), not bytes.
inline constexpr std::size_t kMaxSummaryLength = 200;

// True when `text` is empty or only ASCII whitespace: a required field filled with spaces is
// still missing.
bool IsBlank(std::string_view text);

// Characters, not bytes: UTF-8 continuation bytes are not counted, so a summary in Welsh or with
// accents is measured as it is read. Expects UTF-8; malformed input is counted, never refused.
std::size_t Utf8Length(std::string_view text);

// A plausibility check, not RFC 5322: one '@' with text on both sides, a dot inside the domain, no
// whitespace. It catches the typing errors that would lose the person, nothing more.
bool LooksLikeEmail(std::string_view email);

// Adds to `errors` what is wrong with `person`: the name is required ("<field>.name"), at least one
// of email, phone or address must be given so the person can be reached ("<field>"), and an email,
// when given, must look like one ("<field>.email"). `field` is the person's role as named in the
// input ("complainant", "requester") and is also the noun the messages use.
void ValidatePerson(const Person& person, std::string_view field, FieldErrors& errors);

// Adds a "summary" error to `errors` when `summary` is blank or longer than kMaxSummaryLength
// characters.
void ValidateSummary(std::string_view summary, FieldErrors& errors);

}  // namespace redress::core
