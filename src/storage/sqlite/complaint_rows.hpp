#pragma once

// A complaint as rows: the case row with its list projection, its stages, each stage's lists and
// procedure, and the kept history; how each is bound and read. Shared by the complaint
// repository, which writes and loads cases, and the report reader, which streams them. Internal
// to the SQLite adapter.

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/complaint.hpp"
#include "core/pending_deadline.hpp"
#include "core/person_search.hpp"
#include "core/procedure_transitions.hpp"
#include "core/repeats.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

// ---------------------------------------------------------------------------------------------
// Complaints: the case row, its stages, and each stage's lists.

inline constexpr std::array<std::string_view, 30> kComplaintColumns = {
    "regime",
    "channel",
    "service_area",
    "category",
    "summary",
    "description",
    "desired_outcome",
    "complainant_name",
    "complainant_email",
    "complainant_phone",
    "complainant_address",
    "complainant_postcode",
    "representative_name",
    "representative_email",
    "representative_phone",
    "representative_address",
    "representative_postcode",
    "received_on",
    "status",
    "refusal_decided_on",
    "refusal_reason",
    "refusal_explanation",
    "withdrawn_on",
    "withdrawal_reason",
    "withdrawal_status_before",
    "closed_on",
    "service_request_reference",
    "restricted",
    "reopen_count",
    "matter_arose_on",
};
// Derived from the case on every save, for filtering; never read back into a Complaint.
inline constexpr std::array<std::string_view, 9> kComplaintProjectionColumns = {
    "current_stage", "team",         "handler",     "due_on",    "email_key",
    "phone_key",     "property_key", "people_text", "person_key"};
// Columns of the optional parts of a case, all NULL when the part is absent.
inline constexpr int kPersonColumns = 5;
inline constexpr int kRefusalColumns = 3;
inline constexpr int kWithdrawalColumns = 3;
inline constexpr int kResponseColumns = 4;

inline void BindPerson(Statement& s, const core::Person& person) {
  s.BindAll(person.name, person.email, person.phone, person.address, person.postcode);
}
inline void BindOptionalPerson(Statement& s, const std::optional<core::Person>& person) {
  if (person) {
    BindPerson(s, *person);
    return;
  }
  s.BindNulls(kPersonColumns);
}
inline core::Person ReadPerson(ColumnReader& r) {
  return {r.Text(), r.Text(), r.Text(), r.Text(), r.Text()};
}
inline std::optional<core::Person> ReadOptionalPerson(ColumnReader& r) {
  if (r.NextIsNull()) {
    r.Skip(kPersonColumns);
    return std::nullopt;
  }
  return ReadPerson(r);
}

inline void BindComplaint(Statement& s, const core::Complaint& c) {
  s.BindAll(c.regime, c.channel, c.service_area, c.category, c.summary, c.description,
            c.desired_outcome);
  BindPerson(s, c.complainant);
  BindOptionalPerson(s, c.representative);
  s.BindAll(c.received_on, c.status);
  if (c.refusal) {
    s.BindAll(c.refusal->decided_on, c.refusal->reason, c.refusal->explanation);
  } else {
    s.BindNulls(kRefusalColumns);
  }
  if (c.withdrawal) {
    s.BindAll(c.withdrawal->withdrawn_on, c.withdrawal->reason, c.withdrawal->status_before);
  } else {
    s.BindNulls(kWithdrawalColumns);
  }
  s.BindAll(c.closed_on, Code{c.service_request_reference}, c.restricted, c.reopen_count,
            c.matter_arose_on);

  const core::Stage& stage = c.current_stage();
  const core::RepeatKey key = core::KeyOf(c.complainant, c.category, c.received_on);
  s.BindAll(stage.number, Code{stage.team}, stage.handler, core::PendingDeadline(c), key.email,
            key.phone, key.property, core::PeopleSearchText(c),
            core::PersonKeyOf(c.complainant).name_postcode);
}

// Reads the columns "id, reference, version" and then kComplaintColumns.
inline core::Complaint ReadComplaint(ColumnReader& r) {
  core::Complaint c;
  c.id = r.Int64();
  c.reference = r.Text();
  c.version = r.Int64();
  c.regime = r.Enumerator(core::ParseRegime);
  c.channel = r.Enumerator(core::ParseChannel);
  c.service_area = r.Text();
  c.category = r.Text();
  c.summary = r.Text();
  c.description = r.Text();
  c.desired_outcome = r.Text();
  c.complainant = ReadPerson(r);
  c.representative = ReadOptionalPerson(r);
  c.received_on = r.Date();
  c.status = r.Enumerator(core::ParseCaseStatus);
  if (r.NextIsNull()) {
    r.Skip(kRefusalColumns);
  } else {
    c.refusal = core::Refusal{r.Date(), r.Enumerator(core::ParseRefusalReason), r.Text()};
  }
  if (r.NextIsNull()) {
    r.Skip(kWithdrawalColumns);
  } else {
    c.withdrawal = core::Withdrawal{r.Date(), r.Text(), r.Enumerator(core::ParseCaseStatus)};
  }
  c.closed_on = r.OptionalDate();
  c.service_request_reference = r.Text();
  c.restricted = r.Bool();
  c.reopen_count = r.Int();
  c.matter_arose_on = r.OptionalDate();
  return c;
}

inline constexpr std::array<std::string_view, 17> kStageColumns = {
    "complaint_id", "number",         "started_on",         "escalation_reason",   "team",
    "handler",      "acknowledge_by", "acknowledged_on",    "respond_by_original", "respond_by",
    "outside_code", "reopened_on",    "first_responded_on", "responded_on",        "outcome",
    "learning",     "responded_by"};

inline void BindStage(Statement& s, std::int64_t complaint_id, const core::Stage& stage) {
  s.BindAll(complaint_id, stage.number, stage.started_on, stage.escalation_reason, Code{stage.team},
            stage.handler, stage.acknowledge_by, stage.acknowledged_on, stage.respond_by_original,
            stage.respond_by, stage.outside_code, stage.reopened_on, stage.first_responded_on);
  if (stage.response) {
    const core::Response& response = *stage.response;
    s.BindAll(response.responded_on, response.outcome, response.learning, response.responded_by);
  } else {
    s.BindNulls(kResponseColumns);
  }
}

inline core::Stage ReadStage(ColumnReader& r) {
  core::Stage stage;
  r.Skip(1);  // complaint_id
  stage.number = r.Int();
  stage.started_on = r.Date();
  stage.escalation_reason = r.Text();
  stage.team = r.Text();
  stage.handler = r.Text();
  stage.acknowledge_by = r.Date();
  stage.acknowledged_on = r.OptionalDate();
  stage.respond_by_original = r.OptionalDate();
  stage.respond_by = r.OptionalDate();
  stage.outside_code = r.Bool();
  stage.reopened_on = r.OptionalDate();
  stage.first_responded_on = r.OptionalDate();
  if (r.NextIsNull()) {
    r.Skip(kResponseColumns);
  } else {
    core::Response response;
    response.responded_on = r.Date();
    response.outcome = r.Enumerator(core::ParseOutcome);
    response.learning = r.Text();
    response.responded_by = r.Text();
    stage.response = std::move(response);
  }
  return stage;
}

// The statutory procedure's steps at a stage (stage_procedures): one row for a stage that has any.
inline constexpr std::array<std::string_view, 22> kProcedureColumns = {
    "complaint_id",          "stage",
    "record_agreed_on",      "investigating_officer",
    "independent_person",    "adjudicating_officer",
    "adjudicated_on",        "panel_met_on",
    "panel_member_1",        "panel_member_2",
    "panel_member_3",        "panel_report_on",
    "panel_meet_by",         "panel_report_by",
    "discussion_offered_on", "discussion_take_up",
    "discussion_notes",      "period_agreed_on",
    "agreed_respond_by",     "late_notice_on",
    "late_notice_reason",    "late_notice_expected_by"};

inline void BindProcedure(Statement& s, std::int64_t complaint_id, int stage,
                          const core::StageProcedure& p) {
  s.BindAll(complaint_id, stage);
  if (p.investigation) {
    s.BindAll(p.investigation->record_agreed_on, p.investigation->investigating_officer,
              p.investigation->independent_person);
  } else {
    s.BindNulls(3);
  }
  if (p.adjudication) {
    s.BindAll(p.adjudication->adjudicating_officer, p.adjudication->adjudicated_on);
  } else {
    s.BindNulls(2);
  }
  // The core accepts only a panel of exactly core::kReviewPanelSize.
  if (p.panel && p.panel->members.size() == core::kReviewPanelSize) {
    s.BindAll(p.panel->met_on, p.panel->members[0], p.panel->members[1], p.panel->members[2]);
  } else {
    s.BindNulls(4);
  }
  s.BindAll(p.panel_report_on, p.panel_meet_by, p.panel_report_by);
  if (p.discussion) {
    s.BindAll(p.discussion->offered_on, p.discussion->take_up, p.discussion->notes);
  } else {
    s.BindNulls(3);
  }
  if (p.agreed_period) {
    s.BindAll(p.agreed_period->agreed_on, p.agreed_period->respond_by);
  } else {
    s.BindNulls(2);
  }
  if (p.late_notice) {
    s.BindAll(p.late_notice->notified_on, p.late_notice->reason, p.late_notice->expected_by);
  } else {
    s.BindNulls(3);
  }
}

// The stage number and its procedure.
inline std::pair<int, core::StageProcedure> ReadProcedure(ColumnReader& r) {
  r.Skip(1);  // complaint_id
  const int stage = r.Int();
  core::StageProcedure p;
  if (r.NextIsNull()) {
    r.Skip(3);
  } else {
    p.investigation = core::Investigation{r.Date(), r.Text(), r.Text()};
  }
  if (r.NextIsNull()) {
    r.Skip(2);
  } else {
    core::Adjudication adjudication;
    adjudication.adjudicating_officer = r.Text();
    adjudication.adjudicated_on = r.Date();
    p.adjudication = std::move(adjudication);
  }
  if (r.NextIsNull()) {
    r.Skip(4);
  } else {
    core::ReviewPanel panel;
    panel.met_on = r.Date();
    for (std::size_t i = 0; i < core::kReviewPanelSize; ++i) panel.members.push_back(r.Text());
    p.panel = std::move(panel);
  }
  p.panel_report_on = r.OptionalDate();
  p.panel_meet_by = r.OptionalDate();
  p.panel_report_by = r.OptionalDate();
  if (r.NextIsNull()) {
    r.Skip(3);
  } else {
    core::DiscussionOffer offer;
    offer.offered_on = r.Date();
    offer.take_up = r.Enumerator(core::ParseDiscussionTakeUp);
    offer.notes = r.Text();
    p.discussion = std::move(offer);
  }
  if (r.NextIsNull()) {
    r.Skip(2);
  } else {
    core::AgreedResponsePeriod period;
    period.agreed_on = r.Date();
    period.respond_by = r.Date();
    p.agreed_period = period;
  }
  if (r.NextIsNull()) {
    r.Skip(3);
  } else {
    core::LateNotice notice;
    notice.notified_on = r.Date();
    notice.reason = r.Text();
    notice.expected_by = r.OptionalDate();
    p.late_notice = std::move(notice);
  }
  return {stage, std::move(p)};
}

// A list held by a stage, stored in its own table keyed by (complaint_id, stage, position).
// Item columns follow the key columns; `Target` finds the list in a stage (null when the stage
// cannot hold it, e.g. root causes of a stage without a response).
template <typename Item>
struct StageList {
  std::string_view table;
  std::span<const std::string_view> item_columns;
  void (*bind)(Statement&, const Item&);
  Item (*read)(ColumnReader&);
  std::vector<Item>* (*target)(core::Stage&);
  const std::vector<Item>* (*source)(const core::Stage&);
};

inline constexpr std::array<std::string_view, 7> kExtensionColumns = {
    "decided_on",   "working_days", "reason",     "good_reason",
    "previous_due", "new_due",      "within_code"};
inline constexpr std::array<std::string_view, 1> kRootCauseColumns = {"root_cause"};
inline constexpr std::array<std::string_view, 3> kRemedyColumns = {"type", "amount_pence",
                                                                   "description"};
inline constexpr std::array<std::string_view, 5> kActionColumns = {"description", "due_on", "owner",
                                                                   "status", "completed_on"};

// The list `member` of a stage's response; null when the stage has no response.
template <typename Item, typename StageType>
auto ResponseList(StageType& stage, std::vector<Item> core::Response::*member) {
  return stage.response ? &((*stage.response).*member) : nullptr;
}

const StageList<core::Extension> kExtensions{
    "stage_extensions",
    kExtensionColumns,
    [](Statement& s, const core::Extension& e) {
      s.BindAll(e.decided_on, e.working_days, e.reason, e.good_reason, e.previous_due, e.new_due,
                e.within_code);
    },
    [](ColumnReader& r) {
      return core::Extension{r.Date(), r.Int(), r.Text(), r.Text(), r.Date(), r.Date(), r.Bool()};
    },
    [](core::Stage& stage) { return &stage.extensions; },
    [](const core::Stage& stage) { return &stage.extensions; },
};

const StageList<std::string> kRootCauses{
    "stage_root_causes",
    kRootCauseColumns,
    [](Statement& s, const std::string& code) { s.Bind(code); },
    [](ColumnReader& r) { return r.Text(); },
    [](core::Stage& stage) { return ResponseList(stage, &core::Response::root_causes); },
    [](const core::Stage& stage) { return ResponseList(stage, &core::Response::root_causes); },
};

const StageList<core::Remedy> kRemedies{
    "stage_remedies",
    kRemedyColumns,
    [](Statement& s, const core::Remedy& remedy) {
      s.BindAll(remedy.type, remedy.amount_pence, remedy.description);
    },
    [](ColumnReader& r) {
      return core::Remedy{r.Enumerator(core::ParseRemedyType), r.Int64(), r.Text()};
    },
    [](core::Stage& stage) { return ResponseList(stage, &core::Response::remedies); },
    [](const core::Stage& stage) { return ResponseList(stage, &core::Response::remedies); },
};

const StageList<core::Action> kActions{
    "stage_actions",
    kActionColumns,
    [](Statement& s, const core::Action& action) {
      s.BindAll(action.description, action.due_on, action.owner, action.status,
                action.completed_on);
    },
    [](ColumnReader& r) {
      return core::Action{r.Text(), r.OptionalDate(), r.Text(),
                          r.Enumerator(core::ParseActionStatus), r.OptionalDate()};
    },
    [](core::Stage& stage) { return ResponseList(stage, &core::Response::actions); },
    [](const core::Stage& stage) { return ResponseList(stage, &core::Response::actions); },
};

// A superseded response's lists, kept whole as JSON arrays (migration 0011): written once, when a
// reopening supersedes the response, and never edited.
inline constexpr std::array<std::string_view, 7> kEarlierResponseColumns = {
    "responded_on", "outcome", "learning", "responded_by", "root_causes", "remedies", "actions"};

inline std::string JsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline std::string RemediesJson(const std::vector<core::Remedy>& remedies) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Remedy& remedy : remedies) {
    array.push_back({{"type", core::ToString(remedy.type)},
                     {"amount_pence", remedy.amount_pence},
                     {"description", remedy.description}});
  }
  return JsonText(array);
}

inline std::string ActionsJson(const std::vector<core::Action>& actions) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Action& action : actions) {
    array.push_back({{"description", action.description},
                     {"due_on", action.due_on ? action.due_on->ToIso() : std::string()},
                     {"owner", action.owner},
                     {"status", core::ToString(action.status)},
                     {"completed_on", action.completed_on ? action.completed_on->ToIso() : ""}});
  }
  return JsonText(array);
}

// The members of a stored JSON array; the table's CHECK keeps it an array, and a member of the
// wrong type reads as its default rather than failing the whole case.
inline nlohmann::json ParseArray(const std::string& text) {
  nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return array.is_array() ? array : nlohmann::json::array();
}

inline std::string TextMember(const nlohmann::json& item, std::string_view key) {
  if (!item.is_object()) return {};
  auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : std::string();
}

inline core::Response ReadEarlierResponse(ColumnReader& r) {
  core::Response response;
  response.responded_on = r.Date();
  response.outcome = r.Enumerator(core::ParseOutcome);
  response.learning = r.Text();
  response.responded_by = r.Text();
  for (const nlohmann::json& code : ParseArray(r.Text())) {
    if (code.is_string()) response.root_causes.push_back(code.get<std::string>());
  }
  for (const nlohmann::json& item : ParseArray(r.Text())) {
    core::Remedy remedy{
        core::ParseRemedyType(TextMember(item, "type")).value_or(core::RemedyType::kApology), 0,
        TextMember(item, "description")};
    if (item.is_object() && item.contains("amount_pence") && item["amount_pence"].is_number()) {
      remedy.amount_pence = item["amount_pence"].get<std::int64_t>();
    }
    response.remedies.push_back(std::move(remedy));
  }
  for (const nlohmann::json& item : ParseArray(r.Text())) {
    core::Action action;
    action.description = TextMember(item, "description");
    action.due_on = core::Date::Parse(TextMember(item, "due_on"));
    action.owner = TextMember(item, "owner");
    action.status =
        core::ParseActionStatus(TextMember(item, "status")).value_or(core::ActionStatus::kOpen);
    action.completed_on = core::Date::Parse(TextMember(item, "completed_on"));
    response.actions.push_back(std::move(action));
  }
  return response;
}

const StageList<core::Response> kEarlierResponses{
    "stage_earlier_responses",
    kEarlierResponseColumns,
    [](Statement& s, const core::Response& response) {
      nlohmann::json causes = nlohmann::json::array();
      for (const std::string& code : response.root_causes) causes.push_back(code);
      s.BindAll(response.responded_on, response.outcome, response.learning, response.responded_by,
                JsonText(causes), RemediesJson(response.remedies), ActionsJson(response.actions));
    },
    ReadEarlierResponse,
    [](core::Stage& stage) { return &stage.earlier_responses; },
    [](const core::Stage& stage) { return &stage.earlier_responses; },
};

inline constexpr std::array<std::string_view, 1> kReopeningColumns = {"reopened_on"};

const StageList<core::Date> kReopenings{
    "stage_reopenings",
    kReopeningColumns,
    [](Statement& s, const core::Date& on) { s.Bind(on); },
    [](ColumnReader& r) { return r.Date(); },
    [](core::Stage& stage) { return &stage.reopenings; },
    [](const core::Stage& stage) { return &stage.reopenings; },
};

inline constexpr std::array<std::string_view, 3> kStageListKeyColumns = {"complaint_id", "stage",
                                                                         "position"};

template <typename Item>
std::vector<std::string_view> StageListColumns(const StageList<Item>& list) {
  std::vector<std::string_view> columns(kStageListKeyColumns.begin(), kStageListKeyColumns.end());
  columns.insert(columns.end(), list.item_columns.begin(), list.item_columns.end());
  return columns;
}

using common::ComplaintReferences;

}  // namespace redress::storage::sqlite
