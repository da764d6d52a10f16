#include "http/complaint_query.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>

#include "core/case_statuses.hpp"
#include "core/regime.hpp"
#include "http/json_reader.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
constexpr core::Channel kAllChannels[] = {core::Channel::kPhone,   core::Channel::kEmail,
                                          core::Channel::kLetter,  core::Channel::kInPerson,
                                          core::Channel::kWebForm, core::Channel::kSocialMedia,
                                          core::Channel::kOnline};
constexpr EnumDomain<core::Channel> kChannelDomain{kAllChannels, core::ParseChannel};
constexpr EnumDomain<core::CaseStatus> kCaseStatusDomain{core::kAllCaseStatuses,
                                                         core::ParseCaseStatus};

constexpr char kDescendingPrefix = '-';
constexpr char kCursorSeparator = '.';

std::string_view SortName(app::ComplaintSort sort) {
  switch (sort) {
    case app::ComplaintSort::kReference:
      return "reference";
    case app::ComplaintSort::kReceivedOn:
      return "received_on";
    case app::ComplaintSort::kDueOn:
      return "due_on";
  }
  return "reference";
}

std::optional<app::ComplaintSort> ParseSort(std::string_view name) {
  for (app::ComplaintSort sort : {app::ComplaintSort::kReference, app::ComplaintSort::kReceivedOn,
                                  app::ComplaintSort::kDueOn}) {
    if (SortName(sort) == name) return sort;
  }
  return std::nullopt;
}

std::string_view DirectionName(app::SortDirection direction) {
  return direction == app::SortDirection::kDescending ? "desc" : "asc";
}

// Splits "a.b.c.d" into its four parts; nullopt for any other number of parts.
std::optional<std::array<std::string_view, 4>> CursorParts(std::string_view text) {
  std::array<std::string_view, 4> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t end = text.find(kCursorSeparator);
    const bool last = i + 1 == parts.size();
    if (last != (end == std::string_view::npos)) return std::nullopt;
    parts[i] = text.substr(0, end);
    if (!last) text.remove_prefix(end + 1);
  }
  return parts;
}

// The cursor a NextCursor string stands for, when it was made for the query's sort and direction
// and its key fits that sort.
std::optional<app::ComplaintCursor> ParseCursor(std::string_view text,
                                                const app::ComplaintQuery& query) {
  auto parts = CursorParts(text);
  if (!parts) return std::nullopt;
  const auto& [sort, direction, key, reference] = *parts;
  if (sort != SortName(query.sort) || direction != DirectionName(query.direction) ||
      reference.empty()) {
    return std::nullopt;
  }
  const bool dated_key = !key.empty() && core::Date::Parse(key).has_value();
  switch (query.sort) {
    case app::ComplaintSort::kReference:
      if (!key.empty()) return std::nullopt;
      break;
    case app::ComplaintSort::kReceivedOn:
      if (!dated_key) return std::nullopt;
      break;
    case app::ComplaintSort::kDueOn:
      if (!key.empty() && !dated_key) return std::nullopt;
      break;
  }
  return app::ComplaintCursor{std::string(key), std::string(reference)};
}

}  // namespace

core::Status CheckSearchText(std::string_view text) {
  if (text.size() > kMaxSearchTextBytes) {
    return core::FailField("text",
                           "must be at most " + std::to_string(kMaxSearchTextBytes) +
                               " characters, got " + std::to_string(text.size()),
                           core::FieldErrorCode::kTooLong);
  }
  // A word as the search's tokenizer sees one: a run of letters and digits (any byte of a
  // multi-byte UTF-8 character counts as a letter).
  const auto in_word = [](unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; };
  std::size_t words = 0;
  bool inside = false;
  for (const unsigned char c : text) {
    if (in_word(c) && !inside) ++words;
    inside = in_word(c);
  }
  if (words > kMaxSearchWords) {
    return core::FailField("text",
                           "must be at most " + std::to_string(kMaxSearchWords) + " words, got " +
                               std::to_string(words),
                           core::FieldErrorCode::kTooLong);
  }
  return {};
}

core::Result<app::ComplaintQuery> ParseComplaintQuery(const Parameters& parameters) {
  // Query parameters are text; each is read as a JSON string is, through the same strict reader,
  // except numbers and booleans, which are parsed from their text here. An empty value means the
  // filter is not set, as HTML forms send empty fields.
  json object = json::object();
  for (const auto& [name, value] : parameters) {
    object[name] = value.empty() ? json(nullptr) : json(value);
  }
  InputErrors errors;
  ObjectReader reader(object, "", errors);
  app::ComplaintQuery query;

  const auto integer = [&](std::string_view name, int min_value,
                           int max_value) -> std::optional<int> {
    const std::string text = reader.Text(name);
    if (text.empty()) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min_value ||
        value > max_value) {
      errors.Invalid(std::string(name), "must be a whole number from " + std::to_string(min_value) +
                                            " to " + std::to_string(max_value) + ", got '" + text +
                                            "'");
      return std::nullopt;
    }
    return value;
  };

  query.status = reader.Enumerated("status", Presence::kOptional, kCaseStatusDomain);
  query.stage = integer("stage", 1, core::kMaxStages);
  query.regime = reader.Enumerated("regime", Presence::kOptional, kRegimeDomain);
  query.service_area = reader.Text("service_area");
  query.team = reader.Text("team");
  query.handler = reader.Text("handler");
  query.category = reader.Text("category");
  query.channel = reader.Enumerated("channel", Presence::kOptional, kChannelDomain);
  const std::string unassigned = reader.Text("unassigned");
  if (unassigned == "true") {
    query.assignment = app::ComplaintQuery::Assignment::kUnassigned;
  } else if (!unassigned.empty() && unassigned != "false") {
    errors.Invalid("unassigned", "must be true or false, got '" + unassigned + "'");
  }
  query.received_from = reader.Date("received_from", Presence::kOptional);
  query.received_to = reader.Date("received_to", Presence::kOptional);
  const std::string overdue = reader.Text("overdue");
  if (overdue == "true") {
    query.overdue = true;
  } else if (!overdue.empty() && overdue != "false") {
    errors.Invalid("overdue", "must be true or false, got '" + overdue + "'");
  }
  if (std::optional<int> due_within = integer("due_within", 0, kMaxDueWithinWorkingDays)) {
    if (overdue == "true") {
      errors.Invalid("due_within",
                     "cannot be combined with overdue=true: overdue cases are due "
                     "before today, these from today on");
    }
    query.due_within = due_within;
  }
  query.text = reader.Text("text");
  if (auto bound = CheckSearchText(query.text); !bound) {
    errors.Invalid("text", bound.error().fields.front().message);
  }
  const std::string sort = reader.Text("sort");
  if (!sort.empty()) {
    const bool descending = sort.front() == kDescendingPrefix;
    const std::optional<app::ComplaintSort> order =
        ParseSort(descending ? std::string_view(sort).substr(1) : std::string_view(sort));
    if (order) {
      query.sort = *order;
      query.direction =
          descending ? app::SortDirection::kDescending : app::SortDirection::kAscending;
    } else {
      errors.Invalid("sort",
                     "must be one of: reference, received_on, due_on, each with a leading '-' "
                     "for descending; got '" +
                         sort + "'");
    }
  }
  query.limit = integer("limit", 1, kMaxPageSize).value_or(kDefaultPageSize);
  const std::string cursor = reader.Text("cursor");
  reader.Finish();
  // The cursor is judged against the sort it must belong to, so only once that is known.
  if (!cursor.empty() && errors.empty()) {
    query.after = ParseCursor(cursor, query);
    if (!query.after) {
      errors.Invalid("cursor",
                     "is not a next_cursor of this list in this order; start again without it");
    }
  }
  if (!errors.empty()) return errors.ToError();
  return query;
}

std::string NextCursor(const app::ComplaintRow& last, const app::ComplaintQuery& query) {
  const app::ComplaintCursor cursor = app::CursorAfter(last, query.sort);
  return std::string(SortName(query.sort)) + kCursorSeparator +
         std::string(DirectionName(query.direction)) + kCursorSeparator + cursor.sort_key +
         kCursorSeparator + cursor.reference;
}

}  // namespace redress::http
