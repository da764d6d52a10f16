#pragma once

// A complaint as rows, the same on every engine: the case row with its list projection, its
// stages, each stage's lists and statutory procedure, and the kept history; their columns and how
// each is bound and read, written once as templates over an engine's binder (BindAll, BindNulls,
// Bind: the SQLite Statement's and the PostgreSQL Params' interface) and row reader (Text, Int,
// Int64, Date, OptionalDate, Bool, Enumerator, NextIsNull, Skip: the SQLite ColumnReader's and the
// PostgreSQL RowReader's). Each engine runs the SQL itself.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/complaint.hpp"
#include "core/pending_deadline.hpp"
#include "core/person_search.hpp"
#include "core/procedure_transitions.hpp"
#include "core/repeats.hpp"
#include "core/result.hpp"
#include "storage/common/code.hpp"

namespace redress::storage::common {

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

template <typename Binder>
void BindPerson(Binder& s, const core::Person& person) {
  s.BindAll(person.name, person.email, person.phone, person.address, person.postcode);
}
template <typename Binder>
void BindOptionalPerson(Binder& s, const std::optional<core::Person>& person) {
  if (person) {
    BindPerson(s, *person);
    return;
  }
  s.BindNulls(kPersonColumns);
}
template <typename Reader>
core::Person ReadPerson(Reader& r) {
  return {r.Text(), r.Text(), r.Text(), r.Text(), r.Text()};
}
template <typename Reader>
std::optional<core::Person> ReadOptionalPerson(Reader& r) {
  if (r.NextIsNull()) {
    r.Skip(kPersonColumns);
    return std::nullopt;
  }
  return ReadPerson(r);
}

template <typename Binder>
void BindComplaint(Binder& s, const core::Complaint& c) {
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
template <typename Reader>
core::Complaint ReadComplaint(Reader& r) {
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

template <typename Binder>
void BindStage(Binder& s, std::int64_t complaint_id, const core::Stage& stage) {
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

template <typename Reader>
core::Stage ReadStage(Reader& r) {
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

template <typename Binder>
void BindProcedure(Binder& s, std::int64_t complaint_id, int stage, const core::StageProcedure& p) {
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
template <typename Reader>
std::pair<int, core::StageProcedure> ReadProcedure(Reader& r) {
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
template <typename Binder, typename Reader, typename Item>
struct StageList {
  std::string_view table;
  std::span<const std::string_view> item_columns;
  void (*bind)(Binder&, const Item&);
  Item (*read)(Reader&);
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

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, core::Extension> kExtensions{
    "stage_extensions",
    kExtensionColumns,
    [](Binder& s, const core::Extension& e) {
      s.BindAll(e.decided_on, e.working_days, e.reason, e.good_reason, e.previous_due, e.new_due,
                e.within_code);
    },
    [](Reader& r) {
      return core::Extension{r.Date(), r.Int(), r.Text(), r.Text(), r.Date(), r.Date(), r.Bool()};
    },
    [](core::Stage& stage) { return &stage.extensions; },
    [](const core::Stage& stage) { return &stage.extensions; },
};

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, std::string> kRootCauses{
    "stage_root_causes",
    kRootCauseColumns,
    [](Binder& s, const std::string& code) { s.Bind(code); },
    [](Reader& r) { return r.Text(); },
    [](core::Stage& stage) { return ResponseList(stage, &core::Response::root_causes); },
    [](const core::Stage& stage) { return ResponseList(stage, &core::Response::root_causes); },
};

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, core::Remedy> kRemedies{
    "stage_remedies",
    kRemedyColumns,
    [](Binder& s, const core::Remedy& remedy) {
      s.BindAll(remedy.type, remedy.amount_pence, remedy.description);
    },
    [](Reader& r) {
      return core::Remedy{r.Enumerator(core::ParseRemedyType), r.Int64(), r.Text()};
    },
    [](core::Stage& stage) { return ResponseList(stage, &core::Response::remedies); },
    [](const core::Stage& stage) { return ResponseList(stage, &core::Response::remedies); },
};

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, core::Action> kActions{
    "stage_actions",
    kActionColumns,
    [](Binder& s, const core::Action& action) {
      s.BindAll(action.description, action.due_on, action.owner, action.status,
                action.completed_on);
    },
    [](Reader& r) {
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

// A superseded response's three lists as the JSON arrays kept in stage_earlier_responses.
std::string RootCausesJson(const std::vector<std::string>& root_causes);
std::string RemediesJson(const std::vector<core::Remedy>& remedies);
std::string ActionsJson(const std::vector<core::Action>& actions);
// The three arrays back into `response`; the table's CHECK keeps each an array, and a member of
// the wrong type reads as its default rather than failing the whole case.
void ParseEarlierResponseLists(const std::string& root_causes, const std::string& remedies,
                               const std::string& actions, core::Response& response);

template <typename Reader>
core::Response ReadEarlierResponse(Reader& r) {
  core::Response response;
  response.responded_on = r.Date();
  response.outcome = r.Enumerator(core::ParseOutcome);
  response.learning = r.Text();
  response.responded_by = r.Text();
  std::string root_causes = r.Text();
  std::string remedies = r.Text();
  std::string actions = r.Text();
  ParseEarlierResponseLists(root_causes, remedies, actions, response);
  return response;
}

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, core::Response> kEarlierResponses{
    "stage_earlier_responses",
    kEarlierResponseColumns,
    [](Binder& s, const core::Response& response) {
      s.BindAll(response.responded_on, response.outcome, response.learning, response.responded_by,
                RootCausesJson(response.root_causes), RemediesJson(response.remedies),
                ActionsJson(response.actions));
    },
    ReadEarlierResponse<Reader>,
    [](core::Stage& stage) { return &stage.earlier_responses; },
    [](const core::Stage& stage) { return &stage.earlier_responses; },
};

inline constexpr std::array<std::string_view, 1> kReopeningColumns = {"reopened_on"};

template <typename Binder, typename Reader>
inline const StageList<Binder, Reader, core::Date> kReopenings{
    "stage_reopenings",
    kReopeningColumns,
    [](Binder& s, const core::Date& on) { s.Bind(on); },
    [](Reader& r) { return r.Date(); },
    [](core::Stage& stage) { return &stage.reopenings; },
    [](const core::Stage& stage) { return &stage.reopenings; },
};

inline constexpr std::array<std::string_view, 3> kStageListKeyColumns = {"complaint_id", "stage",
                                                                         "position"};

template <typename Binder, typename Reader, typename Item>
std::vector<std::string_view> StageListColumns(const StageList<Binder, Reader, Item>& list) {
  std::vector<std::string_view> columns(kStageListKeyColumns.begin(), kStageListKeyColumns.end());
  columns.insert(columns.end(), list.item_columns.begin(), list.item_columns.end());
  return columns;
}

// The select of one stage list's items for a complaint, stage first, `placeholder` (the engine's
// parameter marker) standing for the complaint's id.
template <typename Binder, typename Reader, typename Item>
std::string StageListSelectSql(const StageList<Binder, Reader, Item>& list,
                               std::string_view placeholder) {
  std::string sql = "SELECT stage";
  for (std::string_view column : list.item_columns) sql += ", " + std::string(column);
  return sql + " FROM " + std::string(list.table) +
         " WHERE complaint_id = " + std::string(placeholder) + " ORDER BY stage, position";
}

// Reads one row of StageListSelectSql: the stage's number and the item.
template <typename Binder, typename Reader, typename Item>
std::pair<int, Item> ReadStageListRow(const StageList<Binder, Reader, Item>& list, Reader& r) {
  const int stage = r.Int();
  return {stage, list.read(r)};
}

// Files each item read by ReadStageListRow in its stage of `complaint`. A row for a stage the
// complaint lacks, or one that cannot hold the list, is a storage failure rather than dropped.
template <typename Binder, typename Reader, typename Item>
core::Status PlaceStageListItems(const StageList<Binder, Reader, Item>& list,
                                 std::vector<std::pair<int, Item>> rows,
                                 core::Complaint& complaint) {
  for (auto& [number, item] : rows) {
    std::vector<Item>* target = nullptr;
    for (core::Stage& stage : complaint.stages) {
      if (stage.number == number) target = list.target(stage);
    }
    if (target == nullptr) {
      return core::Fail(core::ErrorCode::kStorage,
                        std::string(list.table) + " has a row for stage " + std::to_string(number) +
                            " of " + complaint.reference + ", which cannot hold it");
    }
    target->push_back(std::move(item));
  }
  return {};
}

// Calls `visit` with each list a stage holds, in the order they are saved and loaded, stopping at
// the first failure; so that an engine names the lists once.
template <typename Binder, typename Reader, typename Visit>
core::Status ForEachStageList(Visit&& visit) {
  if (core::Status s = visit(kExtensions<Binder, Reader>); !s) return s;
  if (core::Status s = visit(kRootCauses<Binder, Reader>); !s) return s;
  if (core::Status s = visit(kRemedies<Binder, Reader>); !s) return s;
  if (core::Status s = visit(kActions<Binder, Reader>); !s) return s;
  if (core::Status s = visit(kEarlierResponses<Binder, Reader>); !s) return s;
  return visit(kReopenings<Binder, Reader>);
}

}  // namespace redress::storage::common
