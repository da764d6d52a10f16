#include "http/learning_mapping.hpp"

#include <utility>

#include "http/json_reader.hpp"
#include "http/json_writer.hpp"
#include "http/query_parameters.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr core::LearningSource kSources[] = {core::LearningSource::kComplaints,
                                             core::LearningSource::kOmbudsmanCase,
                                             core::LearningSource::kTheme};
constexpr core::LearningStatus kStatuses[] = {
    core::LearningStatus::kOpen, core::LearningStatus::kInProgress,
    core::LearningStatus::kCompleted, core::LearningStatus::kCancelled};

constexpr EnumDomain<core::LearningSource> kSourceDomain{kSources, core::ParseLearningSource};
constexpr EnumDomain<core::LearningStatus> kStatusDomain{kStatuses, core::ParseLearningStatus};

}  // namespace

core::Result<core::LearningAction> ParseLearningAction(const json& body,
                                                       std::optional<core::Date> new_on) {
  return ReadBody<core::LearningAction>(body, [new_on](ObjectReader& reader) {
    core::LearningAction a;
    a.source = reader.Enumerated("source", Presence::kRequired, kSourceDomain).value_or(a.source);
    a.complaints = reader.TextList("complaints");
    a.ombudsman_case = reader.Text("ombudsman_case");
    a.category = reader.Text("category");
    a.root_cause = reader.Text("root_cause");
    a.lesson = reader.Text("lesson");
    a.action = reader.Text("action", Presence::kRequired);
    a.owner = reader.Text("owner", Presence::kRequired);
    a.raised_on = new_on ? reader.DateOr("raised_on", *new_on)
                         : reader.Date("raised_on", Presence::kRequired).value_or(a.raised_on);
    a.due_on = reader.Date("due_on", Presence::kRequired).value_or(a.due_on);
    a.status = reader.Enumerated("status", Presence::kOptional, kStatusDomain).value_or(a.status);
    a.evidence = reader.Text("evidence");
    a.completed_on = reader.Date("completed_on", Presence::kOptional);
    return a;
  });
}

json LearningActionToJson(const core::LearningAction& a, core::Date today) {
  return {{"reference", a.reference},
          {"version", a.version},
          {"source", ToString(a.source)},
          {"complaints", a.complaints},
          {"ombudsman_case", TextOrNull(a.ombudsman_case)},
          {"category", TextOrNull(a.category)},
          {"root_cause", TextOrNull(a.root_cause)},
          {"lesson", a.lesson},
          {"action", a.action},
          {"owner", a.owner},
          {"raised_on", a.raised_on.ToIso()},
          {"due_on", a.due_on.ToIso()},
          {"status", ToString(a.status)},
          {"evidence", a.evidence},
          {"completed_on", DateOrNull(a.completed_on)},
          {"overdue", core::IsOverdue(a, today)}};
}

core::Result<app::LearningFilter> ParseLearningFilter(const Parameters& query) {
  const json object = QueryObject(query);
  InputErrors errors;
  ObjectReader reader(object, "", errors);
  app::LearningFilter filter;
  filter.status = reader.Enumerated("status", Presence::kOptional, kStatusDomain);
  filter.source = reader.Enumerated("source", Presence::kOptional, kSourceDomain);
  const std::string overdue = reader.Text("overdue");
  if (overdue == "true") {
    filter.overdue_only = true;
  } else if (!overdue.empty() && overdue != "false") {
    errors.Invalid("overdue", "must be true or false, got '" + overdue + "'");
  }
  filter.owner = reader.Text("owner");
  filter.complaint = reader.Text("complaint");
  filter.ombudsman_case = reader.Text("ombudsman_case");
  filter.due_in = YearParameter(reader, errors, "due_in");
  reader.Finish();
  if (!errors.empty()) return errors.ToError();
  return filter;
}

}  // namespace redress::http
