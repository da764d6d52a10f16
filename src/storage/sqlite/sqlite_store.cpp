#include "storage/sqlite/sqlite_store.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/calendar.hpp"
#include "core/pending_deadline.hpp"
#include "core/procedure_transitions.hpp"
#include "core/repeats.hpp"
#include "report/records.hpp"
#include "storage/common/audit_chain.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/database_file.hpp"
#include "storage/sqlite/letter_repository.hpp"
#include "storage/sqlite/migrations.hpp"

namespace redress::storage::sqlite {
namespace {

using app::EntityType;
using core::Error;
using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;

// Read connections kept open between Reads; more are opened under load and closed afterwards.
// As many as the API runs handlers at once (http::kDefaultHandlerThreads), so that under load a
// Read finds a connection open: opening one parses the whole schema and prepares every statement
// anew. With 8 kept, GETs at 32 connections did about 30% fewer per second. Each idle connection
// holds at most its page cache (SQLite's default, 2 MB).
constexpr std::size_t kMaxIdleReaders = 64;
// References: "<prefix>-<year>-<sequence zero-padded to this width>".
constexpr std::size_t kReferenceDigits = 6;
constexpr std::string_view kComplaintPrefix = "CMP";
constexpr std::string_view kServiceRequestPrefix = "SR";
constexpr std::int64_t kFirstReferenceNumber = 1;
constexpr std::int64_t kFirstVersion = 1;
constexpr int kSettingsRowId = 1;

}  // namespace

namespace {

// ---------------------------------------------------------------------------------------------
// Reference data and accounts: one table description per record type, used by the generic list,
// find, insert and upsert of SqliteTx. Column order = binding order = reading order; kKey, where
// present, is the conflict target of an upsert.

// A record some row refers to, named by the field that holds it, to name the unknown one when a
// foreign key fails.
struct Reference {
  std::string field;      // e.g. "stages[1].team"
  std::string_view what;  // e.g. "team"
  std::string_view table;
  std::string_view key;
  std::string value;
};

template <typename Record>
struct Table;

template <>
struct Table<app::Team> {
  static constexpr std::string_view kName = "teams";
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 2> kColumns = {"code", "name"};
  static void Bind(Statement& s, const app::Team& team) { s.BindAll(team.code, team.name); }
  static app::Team Read(ColumnReader& r) { return {r.Text(), r.Text()}; }
  static std::vector<Reference> References(const app::Team&) { return {}; }
};

template <>
struct Table<app::ServiceArea> {
  static constexpr std::string_view kName = "service_areas";
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 3> kColumns = {"code", "name", "team"};
  static void Bind(Statement& s, const app::ServiceArea& area) {
    s.BindAll(area.code, area.name, area.team);
  }
  static app::ServiceArea Read(ColumnReader& r) { return {r.Text(), r.Text(), r.Text()}; }
  static std::vector<Reference> References(const app::ServiceArea& area) {
    return {{"team", "team", "teams", "code", area.team}};
  }
};

// Categories and root causes share their shape.
template <typename Record, const std::string_view& kTableName>
struct TaxonomyTable {
  static constexpr std::string_view kName = kTableName;
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 3> kColumns = {"code", "name", "active"};
  static void Bind(Statement& s, const Record& record) {
    s.BindAll(record.code, record.name, record.active);
  }
  static Record Read(ColumnReader& r) { return {r.Text(), r.Text(), r.Bool()}; }
  static std::vector<Reference> References(const Record&) { return {}; }
};
constexpr std::string_view kCategoriesTable = "categories";
constexpr std::string_view kRootCausesTable = "root_causes";
template <>
struct Table<app::Category> : TaxonomyTable<app::Category, kCategoriesTable> {};
template <>
struct Table<app::RootCause> : TaxonomyTable<app::RootCause, kRootCausesTable> {};

template <>
struct Table<app::ClosureDay> {
  static constexpr std::string_view kName = "closure_days";
  static constexpr std::string_view kOrder = "date";
  static constexpr std::array<std::string_view, 2> kColumns = {"date", "reason"};
  static void Bind(Statement& s, const app::ClosureDay& day) { s.BindAll(day.date, day.reason); }
  static app::ClosureDay Read(ColumnReader& r) { return {r.Date(), r.Text()}; }
  static std::vector<Reference> References(const app::ClosureDay&) { return {}; }
};

template <>
struct Table<core::Designation> {
  static constexpr std::string_view kName = "designations";
  static constexpr std::string_view kOrder = "service_area, from_date, id";
  static constexpr std::array<std::string_view, 3> kColumns = {"service_area", "from_date",
                                                               "to_date"};
  static void Bind(Statement& s, const core::Designation& d) {
    s.BindAll(d.service_area, d.from, d.to);
  }
  static core::Designation Read(ColumnReader& r) { return {r.Text(), r.Date(), r.OptionalDate()}; }
  static std::vector<Reference> References(const core::Designation& d) {
    return {{"service_area", "service area", "service_areas", "code", d.service_area}};
  }
};

template <>
struct Table<app::OrganisationSettings> {
  static constexpr std::string_view kName = "settings";
  static constexpr std::string_view kKey = "id";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 5> kColumns = {"id", "name", "division",
                                                               "independent_team", "children_team"};
  static void Bind(Statement& s, const app::OrganisationSettings& settings) {
    s.BindAll(kSettingsRowId, settings.name, settings.division, Code{settings.independent_team},
              Code{settings.children_team});
  }
  static app::OrganisationSettings Read(ColumnReader& r) {
    r.Skip(1);  // id
    return {r.Text(), r.Enumerator(core::ParseDivision), r.Text(), r.Text()};
  }
  static std::vector<Reference> References(const app::OrganisationSettings& settings) {
    return {{"independent_team", "team", "teams", "code", settings.independent_team},
            {"children_team", "team", "teams", "code", settings.children_team}};
  }
};

// Records with an id assigned by the database: kColumns leave it out; it is read first.
template <>
struct Table<app::User> {
  static constexpr std::string_view kName = "users";
  static constexpr std::string_view kOrder = "username";
  static constexpr std::array<std::string_view, 6> kColumns = {
      "username", "display_name", "role", "team", "password_hash", "active"};
  static void Bind(Statement& s, const app::User& user) {
    s.BindAll(user.username, user.display_name, user.role, Code{user.team}, user.password_hash,
              user.active);
  }
  static app::User Read(ColumnReader& r) {
    return {r.Int64(), r.Text(), r.Text(), r.Enumerator(core::ParseRole),
            r.Text(),  r.Text(), r.Bool()};
  }
  static std::vector<Reference> References(const app::User& user) {
    return {{"team", "team", "teams", "code", user.team}};
  }
};

template <>
struct Table<app::ApiToken> {
  static constexpr std::string_view kName = "api_tokens";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 6> kColumns = {
      "user_id", "token_hash", "label", "created_at", "revoked_at", "expires_on"};
  static void Bind(Statement& s, const app::ApiToken& token) {
    s.BindAll(token.user_id, token.token_hash, token.label, token.created_at, token.revoked_at,
              token.expires_on);
  }
  static app::ApiToken Read(ColumnReader& r) {
    return {r.Int64(), r.Int64(), r.Text(), r.Text(), r.Text(), r.OptionalText(), r.OptionalDate()};
  }
  static std::vector<Reference> References(const app::ApiToken& token) {
    return {{"user_id", "user", "users", "id", std::to_string(token.user_id)}};
  }
};

template <>
struct Table<app::Session> {
  static constexpr std::string_view kName = "sessions";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 5> kColumns = {
      "token_hash", "user_id", "csrf_token_hash", "created_at", "expires_at"};
  static void Bind(Statement& s, const app::Session& session) {
    s.BindAll(session.token_hash, session.user_id, session.csrf_token_hash, session.created_at,
              session.expires_at);
  }
  static app::Session Read(ColumnReader& r) {
    return {r.Int64(), r.Text(), r.Int64(), r.Text(), r.Int64(), r.Int64()};
  }
  static std::vector<Reference> References(const app::Session& session) {
    return {{"user_id", "user", "users", "id", std::to_string(session.user_id)}};
  }
};

template <typename Record>
concept HasDatabaseId = requires(Record record) {
  record.id;
};

template <typename Record>
const std::string& SelectAllSql() {
  using T = Table<Record>;
  static const std::string sql = [] {
    if constexpr (HasDatabaseId<Record>) {
      return "SELECT id, " + Join(T::kColumns) + " FROM " + std::string(T::kName);
    } else {
      return SelectSql(T::kName, T::kColumns);
    }
  }();
  return sql;
}

template <typename Record>
const std::string& InsertRecordSql() {
  using T = Table<Record>;
  // A record with a database id leaves it out of kColumns; InsertWithId reads it back.
  static const std::string sql = InsertSql(T::kName, T::kColumns);
  return sql;
}

template <typename Record>
const std::string& UpsertRecordSql() {
  using T = Table<Record>;
  static const std::string sql = UpsertSql(T::kName, T::kKey, T::kColumns);
  return sql;
}

// ---------------------------------------------------------------------------------------------
// Complaints: the case row, its stages, and each stage's lists.

constexpr std::array<std::string_view, 30> kComplaintColumns = {
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
constexpr std::array<std::string_view, 7> kComplaintProjectionColumns = {
    "current_stage", "team", "handler", "due_on", "email_key", "phone_key", "property_key"};
// Columns of the optional parts of a case, all NULL when the part is absent.
constexpr int kPersonColumns = 5;
constexpr int kRefusalColumns = 3;
constexpr int kWithdrawalColumns = 3;
constexpr int kResponseColumns = 4;

void BindPerson(Statement& s, const core::Person& person) {
  s.BindAll(person.name, person.email, person.phone, person.address, person.postcode);
}
void BindOptionalPerson(Statement& s, const std::optional<core::Person>& person) {
  if (person) {
    BindPerson(s, *person);
    return;
  }
  s.BindNulls(kPersonColumns);
}
core::Person ReadPerson(ColumnReader& r) {
  return {r.Text(), r.Text(), r.Text(), r.Text(), r.Text()};
}
std::optional<core::Person> ReadOptionalPerson(ColumnReader& r) {
  if (r.NextIsNull()) {
    r.Skip(kPersonColumns);
    return std::nullopt;
  }
  return ReadPerson(r);
}

void BindComplaint(Statement& s, const core::Complaint& c) {
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
            key.phone, key.property);
}

// Reads the columns "id, reference, version" and then kComplaintColumns.
core::Complaint ReadComplaint(ColumnReader& r) {
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

constexpr std::array<std::string_view, 17> kStageColumns = {
    "complaint_id", "number",         "started_on",         "escalation_reason",   "team",
    "handler",      "acknowledge_by", "acknowledged_on",    "respond_by_original", "respond_by",
    "outside_code", "reopened_on",    "first_responded_on", "responded_on",        "outcome",
    "learning",     "responded_by"};

void BindStage(Statement& s, std::int64_t complaint_id, const core::Stage& stage) {
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

core::Stage ReadStage(ColumnReader& r) {
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
constexpr std::array<std::string_view, 22> kProcedureColumns = {
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

void BindProcedure(Statement& s, std::int64_t complaint_id, int stage,
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
std::pair<int, core::StageProcedure> ReadProcedure(ColumnReader& r) {
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

constexpr std::array<std::string_view, 7> kExtensionColumns = {
    "decided_on",   "working_days", "reason",     "good_reason",
    "previous_due", "new_due",      "within_code"};
constexpr std::array<std::string_view, 1> kRootCauseColumns = {"root_cause"};
constexpr std::array<std::string_view, 3> kRemedyColumns = {"type", "amount_pence", "description"};
constexpr std::array<std::string_view, 5> kActionColumns = {"description", "due_on", "owner",
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
constexpr std::array<std::string_view, 7> kEarlierResponseColumns = {
    "responded_on", "outcome", "learning", "responded_by", "root_causes", "remedies", "actions"};

std::string JsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RemediesJson(const std::vector<core::Remedy>& remedies) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Remedy& remedy : remedies) {
    array.push_back({{"type", core::ToString(remedy.type)},
                     {"amount_pence", remedy.amount_pence},
                     {"description", remedy.description}});
  }
  return JsonText(array);
}

std::string ActionsJson(const std::vector<core::Action>& actions) {
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
nlohmann::json ParseArray(const std::string& text) {
  nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return array.is_array() ? array : nlohmann::json::array();
}

std::string TextMember(const nlohmann::json& item, std::string_view key) {
  if (!item.is_object()) return {};
  auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : std::string();
}

core::Response ReadEarlierResponse(ColumnReader& r) {
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

constexpr std::array<std::string_view, 1> kReopeningColumns = {"reopened_on"};

const StageList<core::Date> kReopenings{
    "stage_reopenings",
    kReopeningColumns,
    [](Statement& s, const core::Date& on) { s.Bind(on); },
    [](ColumnReader& r) { return r.Date(); },
    [](core::Stage& stage) { return &stage.reopenings; },
    [](const core::Stage& stage) { return &stage.reopenings; },
};

constexpr std::array<std::string_view, 3> kStageListKeyColumns = {"complaint_id", "stage",
                                                                  "position"};

template <typename Item>
std::vector<std::string_view> StageListColumns(const StageList<Item>& list) {
  std::vector<std::string_view> columns(kStageListKeyColumns.begin(), kStageListKeyColumns.end());
  columns.insert(columns.end(), list.item_columns.begin(), list.item_columns.end());
  return columns;
}

// Every reference a complaint makes, for naming the unknown one after a foreign key failure.
std::vector<Reference> ComplaintReferences(const core::Complaint& c) {
  std::vector<Reference> references = {
      {"service_area", "service area", "service_areas", "code", c.service_area},
      {"category", "category", "categories", "code", c.category},
      {"service_request_reference", "service request", "service_requests", "reference",
       c.service_request_reference},
  };
  for (std::size_t i = 0; i < c.stages.size(); ++i) {
    const core::Stage& stage = c.stages[i];
    const std::string prefix = "stages[" + std::to_string(i) + "].";
    references.push_back({prefix + "team", "team", "teams", "code", stage.team});
    if (!stage.response) continue;
    for (std::size_t j = 0; j < stage.response->root_causes.size(); ++j) {
      references.push_back({prefix + "response.root_causes[" + std::to_string(j) + "]",
                            "root cause", "root_causes", "code", stage.response->root_causes[j]});
    }
  }
  for (std::size_t i = 0; i < c.possible_repeat_of.size(); ++i) {
    references.push_back({"possible_repeat_of[" + std::to_string(i) + "]", "complaint",
                          "complaints", "reference", c.possible_repeat_of[i]});
  }
  return references;
}

// ---------------------------------------------------------------------------------------------
// Service requests.

constexpr std::array<std::string_view, 17> kServiceRequestColumns = {
    "channel",         "received_on",       "service_area",       "category",
    "summary",         "description",       "requester_name",     "requester_email",
    "requester_phone", "requester_address", "requester_postcode", "team",
    "status",          "resolved_on",       "resolution",         "complaint_reference",
    "version"};

void BindServiceRequest(Statement& s, const core::ServiceRequest& r) {
  s.BindAll(r.channel, r.received_on, Code{r.service_area}, Code{r.category}, r.summary,
            r.description);
  BindPerson(s, r.requester);
  s.BindAll(Code{r.team}, r.status, r.resolved_on, r.resolution, Code{r.complaint_reference},
            r.version);
}

// Reads the columns "id, reference" and then kServiceRequestColumns.
core::ServiceRequest ReadServiceRequest(ColumnReader& r) {
  core::ServiceRequest request;
  request.id = r.Int64();
  request.reference = r.Text();
  request.channel = r.Enumerator(core::ParseChannel);
  request.received_on = r.Date();
  request.service_area = r.Text();
  request.category = r.Text();
  request.summary = r.Text();
  request.description = r.Text();
  request.requester = ReadPerson(r);
  request.team = r.Text();
  request.status = r.Enumerator(core::ParseServiceRequestStatus);
  request.resolved_on = r.OptionalDate();
  request.resolution = r.Text();
  request.complaint_reference = r.Text();
  request.version = r.Int64();
  return request;
}

std::vector<Reference> ServiceRequestReferences(const core::ServiceRequest& r) {
  return {{"service_area", "service area", "service_areas", "code", r.service_area},
          {"category", "category", "categories", "code", r.category},
          {"team", "team", "teams", "code", r.team},
          {"complaint_reference", "complaint", "complaints", "reference", r.complaint_reference}};
}

// ---------------------------------------------------------------------------------------------
// Events and the hash chain (whose form and verifier storage/common holds).

// The columns of an event row: the chained fields (storage/common/audit_chain.hpp), then the hash.
constexpr std::array<std::string_view, 12> kEventColumns = {
    "prev_hash", "sequence", "entity_type", "entity_ref", "type",        "occurred_on",
    "stage",     "actor",    "summary",     "changes",    "recorded_at", "hash"};

common::ChainRecord ReadChainRecord(ColumnReader& r) {
  return {r.Text(),  r.Int64(), r.Text(), r.Text(), r.Text(), r.Text(),
          r.Int64(), r.Text(),  r.Text(), r.Text(), r.Text()};
}

constexpr std::string_view kChangeField = "field";
constexpr std::string_view kChangeBefore = "before";
constexpr std::string_view kChangeAfter = "after";

Result<std::string> ChangesToJson(const std::vector<core::Change>& changes) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Change& change : changes) {
    nlohmann::json item = nlohmann::json::object();
    item[kChangeField] = change.field;
    item[kChangeBefore] = change.before;
    item[kChangeAfter] = change.after;
    array.push_back(std::move(item));
  }
  try {
    return array.dump();
  } catch (const nlohmann::json::exception&) {
    return core::FailField("changes", "is not valid UTF-8 text");
  }
}

Result<std::vector<core::Change>> ChangesFromJson(const std::string& text) {
  const nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto malformed = [&text] {
    return Fail(ErrorCode::kStorage, "malformed event changes: " + text);
  };
  if (!array.is_array()) return malformed();
  std::vector<core::Change> changes;
  for (const nlohmann::json& item : array) {
    const auto text_of = [&item](std::string_view key) -> const std::string* {
      if (!item.is_object()) return nullptr;
      auto found = item.find(key);
      return found != item.end() && found->is_string() ? found->get_ptr<const std::string*>()
                                                       : nullptr;
    };
    const std::string* field = text_of(kChangeField);
    const std::string* before = text_of(kChangeBefore);
    const std::string* after = text_of(kChangeAfter);
    if (field == nullptr || before == nullptr || after == nullptr) return malformed();
    changes.push_back({*field, *before, *after});
  }
  return changes;
}

std::string FormatReference(std::string_view prefix, int year, std::int64_t number) {
  std::string digits = std::to_string(number);
  if (digits.size() < kReferenceDigits) digits.insert(0, kReferenceDigits - digits.size(), '0');
  return std::string(prefix) + "-" + std::to_string(year) + "-" + digits;
}

// ---------------------------------------------------------------------------------------------
// Complaint lists: filters, free text, sort orders and keyset cursors.

// Every case status, in the order of core::CaseStatus (the counts by status name each one). The
// schema's CHECK on complaints.status lists the same six.
constexpr std::array<core::CaseStatus, 6> kCaseStatuses = {
    core::CaseStatus::kAwaitingAcknowledgement,
    core::CaseStatus::kInProgress,
    core::CaseStatus::kResponded,
    core::CaseStatus::kClosed,
    core::CaseStatus::kNotAccepted,
    core::CaseStatus::kWithdrawn};

constexpr std::string_view kListColumns =
    "reference, regime, status, current_stage, service_area, category, team, handler, "
    "received_on, due_on, summary, version";

// The stage every case starts at. A filter on a later stage also says `kEscalatedCondition`,
// word for word the condition of the partial index on escalated cases (migration 0005): SQLite
// uses a partial index only for a query that states its condition.
constexpr int kFirstStage = 1;
constexpr std::string_view kEscalatedCondition = "current_stage <> 1";

// A list in reference order filtered on receipt dates reads only the references of those years:
// a reference begins with the year received (migration 0005), and "CMP-<year>-" sorts before
// every reference of that year and after every one of an earlier year, as long as both years
// have four digits.
constexpr int kFirstFourDigitYear = 1000;
constexpr int kLastFourDigitYear = 9999;

// Text search. The last word of a search is a prefix. When it begins at most this many indexed
// words, it is searched as those words (OR), which FTS5 reads lazily in id order, so a page stops
// early; as a prefix, FTS5 merges the whole posting list of every such word before it answers
// (milliseconds for a common word). A short prefix ("a") begins thousands of words, whose OR would
// cost more than the merge.
constexpr int kMaxPrefixWords = 64;
// A search in reference order reads either every matching complaint and sorts them, or the
// references in order, a chunk at a time, searching the text only among each chunk's complaints
// (ListMatchesInChunks). The first costs about this many times the second per complaint read
// (a complaint read and sorted against an index entry read in order, measured at a million).
constexpr double kSortedMatchCost = 10.0;
// How many matches the choice samples: fewer matches than this are simply sorted.
constexpr std::int64_t kMatchSample = 256;
// The chunks: the first spans twice the references a page of matches is expected to span, and
// each next one is twice as big, up to kMaxChunks; should the page still not be full (other
// filters are selective), the rest of it is sorted after all.
constexpr double kChunkMargin = 2.0;
constexpr std::int64_t kSmallestChunk = 64;
constexpr std::int64_t kLargestChunk = 262144;
constexpr int kMaxChunks = 3;

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The words of free text a user typed, split at whitespace. Double quotes, the one character
// special inside an FTS5 string, and NUL, which would end the query early, are dropped.
std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t position = 0;
  while (position < text.size()) {
    while (position < text.size() && IsSpace(text[position])) ++position;
    std::string word;
    while (position < text.size() && !IsSpace(text[position])) {
      const char c = text[position++];
      if (c != '"' && c != '\0') word += c;
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

// `word` as an FTS5 string: searched for as words, never read as search syntax (AND, NEAR, *, ^,
// :, parentheses...). A double quote inside, which SearchWords never leaves, would be doubled.
std::string FtsString(std::string_view word) {
  std::string quoted = "\"";
  for (char c : word) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

// How the free text of a query filters the complaints.
struct TextFilter {
  std::string fts_query;         // the FTS5 query; empty when the text has no words: no filter
  bool matches_nothing = false;  // its last word begins no indexed word: no complaint matches
};

// The FTS5 query for free text (ComplaintQuery::text): every word, AND-ed, the last one also as a
// prefix. When that prefix begins few indexed words (complaints_fts_terms) it becomes their OR,
// and when it begins none nothing matches. Otherwise, and when the last word is several tokens
// (a phrase, "car-park"), FTS5 reads the prefix itself.
Result<TextFilter> PrepareTextFilter(Connection& connection, std::string_view text) {
  const std::vector<std::string> words = SearchWords(text);
  TextFilter filter;
  if (words.empty()) return filter;
  const std::span<const std::string> all_but_last(words.data(), words.size() - 1);
  for (const std::string& word : all_but_last) filter.fts_query += FtsString(word) + " ";
  filter.fts_query += FtsString(words.back()) + "*";

  Result<const TextTokenizer*> tokenizer = connection.Tokenizer();
  if (!tokenizer) return Unexpected(tokenizer.error());
  std::vector<std::string> tokens;
  Status split = (*tokenizer)
                     ->Tokenize(words.back(), FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                                [&tokens](std::string_view token) { tokens.emplace_back(token); });
  if (!split) return Unexpected(split.error());
  if (tokens.size() != 1) return filter;

  Result<Statement> statement = connection.Prepare(
      "SELECT term FROM complaints_fts_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?");
  if (!statement) return Unexpected(statement.error());
  // Every word the token begins sorts from the token to the token followed by byte 0xFF, which no
  // UTF-8 text holds.
  statement->BindAll(tokens.front(), tokens.front() + '\xff', kMaxPrefixWords + 1);
  Result<std::vector<std::string>> prefixed =
      ReadAll(*statement, [](ColumnReader& r) { return r.Text(); });
  if (!prefixed) return Unexpected(prefixed.error());
  if (prefixed->empty()) {
    filter.matches_nothing = true;
    return filter;
  }
  if (prefixed->size() > static_cast<std::size_t>(kMaxPrefixWords)) return filter;
  // FTS5 takes a parenthesised group only after an explicit AND, which, unlike an implicit one,
  // matches nothing with a word of no tokens ("-"): such words, no condition, are left out.
  filter.fts_query.clear();
  for (const std::string& word : all_but_last) {
    bool has_tokens = false;
    Status read =
        (*tokenizer)->Tokenize(word, FTS5_TOKENIZE_QUERY, [&has_tokens](std::string_view) {
          has_tokens = true;
        });
    if (!read) return Unexpected(read.error());
    if (has_tokens) filter.fts_query += FtsString(word) + " AND ";
  }
  std::string any_word;
  for (const std::string& word : *prefixed) {
    any_word += (any_word.empty() ? "" : " OR ") + FtsString(word);
  }
  filter.fts_query += "(" + any_word + ")";
  return filter;
}

// A SELECT being built: its text and the values of its parameters, in order.
struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> values;

  // Appends " AND <condition>"; `sql` already ends in a WHERE clause.
  template <typename... Values>
  void And(std::string_view condition, Values... condition_values) {
    sql += " AND ";
    sql += condition;
    (values.push_back(SqlValue(std::move(condition_values))), ...);
  }
};

// How AppendFilters writes the conditions whose form decides how SQLite reads them.
struct FilterForm {
  std::string fts_query;  // the text's FTS5 query; empty: no text condition
  // The text condition as `+id IN (matches)`, for a text many complaints match: SQLite then reads
  // the rows by another index (a filter's, or the order's) and looks each id up among the
  // matches, rather than reading every match and sorting them.
  bool probe_matches = false;
  // The restricted cases hidden from the team (ComplaintQuery::visible_to_team) listed once, by
  // the index of restricted cases, and each row tested by its id alone, which every index holds:
  // SQLite can then count a team's cases from an index without reading them. A page reads few
  // rows, and tests each one instead.
  bool list_hidden_cases = false;
};

// Appends the query's filters but the cursor to `out`.
void AppendFilters(const app::ComplaintQuery& query, const FilterForm& form, SqlQuery& out) {
  const auto text_filter = [&out](std::string_view condition, const std::string& value) {
    if (!value.empty()) out.And(condition, value);
  };
  if (query.status) out.And("status = ?", std::string(ToString(*query.status)));
  if (query.stage) {
    out.And("current_stage = ?", std::int64_t{*query.stage});
    if (*query.stage != kFirstStage) out.And(kEscalatedCondition);
  }
  if (query.regime) out.And("regime = ?", std::string(ToString(*query.regime)));
  text_filter("service_area = ?", query.service_area);
  text_filter("team = ?", query.team);
  text_filter("handler = ?", query.handler);
  text_filter("category = ?", query.category);
  if (query.received_from) out.And("received_on >= ?", query.received_from->ToIso());
  if (query.received_to) out.And("received_on <= ?", query.received_to->ToIso());
  if (query.due_from) out.And("due_on >= ?", query.due_from->ToIso());
  if (query.due_before) out.And("due_on < ?", query.due_before->ToIso());
  text_filter(form.probe_matches
                  ? "+id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)"
                  : "id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)",
              form.fts_query);
  if (query.visible_to_team && form.list_hidden_cases) {
    out.And(
        "id NOT IN (SELECT r.id FROM complaints AS r WHERE r.restricted = 1 AND NOT EXISTS "
        "(SELECT 1 FROM complaint_stages AS s WHERE s.complaint_id = r.id AND s.team = ?))",
        *query.visible_to_team);
  } else if (query.visible_to_team) {
    out.And(
        "(restricted = 0 OR EXISTS (SELECT 1 FROM complaint_stages AS s "
        "WHERE s.complaint_id = complaints.id AND s.team = ?))",
        *query.visible_to_team);
  }
}

tl::unexpected<Error> InvalidCursor() {
  return core::FailField("after", "is not a position in this sort order");
}

// The position the query's page starts after: `after`, else `after_reference`.
Result<std::optional<app::ComplaintCursor>> EffectiveCursor(const app::ComplaintQuery& query) {
  std::optional<app::ComplaintCursor> cursor = query.after;
  if (!cursor && !query.after_reference.empty()) {
    if (query.sort != app::ComplaintSort::kReference) {
      return core::FailField("after_reference", "pages the reference order only; use after");
    }
    cursor = app::ComplaintCursor{std::string(), query.after_reference};
  }
  if (cursor && cursor->reference.empty()) return InvalidCursor();
  return cursor;
}

// A range of references: after `low` (from it when low_inclusive) and before `high` (up to it
// when high_inclusive); an empty bound is no bound.
struct ReferenceWindow {
  std::string low;
  bool low_inclusive = false;
  std::string high;
  bool high_inclusive = false;

  // Narrows the window to references after (or from) `bound`.
  void RaiseLow(std::string bound, bool inclusive) {
    if (low.empty() || bound > low || (bound == low && !inclusive)) {
      low = std::move(bound);
      low_inclusive = inclusive;
    }
  }
  // Narrows the window to references before (or up to) `bound`.
  void LowerHigh(std::string bound, bool inclusive) {
    if (high.empty() || bound < high || (bound == high && !inclusive)) {
      high = std::move(bound);
      high_inclusive = inclusive;
    }
  }
};

// One bound per side, so that SQLite starts and stops an index in reference order at it (given
// two lower bounds, it may pick either for the index and test the other on every row).
void AppendWindow(const ReferenceWindow& window, SqlQuery& out) {
  if (!window.low.empty()) {
    out.And(window.low_inclusive ? "reference >= ?" : "reference > ?", window.low);
  }
  if (!window.high.empty()) {
    out.And(window.high_inclusive ? "reference <= ?" : "reference < ?", window.high);
  }
}

// "CMP-<year>-": every complaint reference of the year begins with it.
std::string ReferencesOfYear(int year) {
  return std::string(kComplaintPrefix) + "-" + std::to_string(year) + "-";
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
    window.RaiseLow(ReferencesOfYear(query.received_from->year()), true);
    if (query.received_to && query.received_to->year() < kLastFourDigitYear) {
      window.LowerHigh(ReferencesOfYear(query.received_to->year() + 1), false);
    }
  }
  return window;
}

// Appends the ORDER BY and the LIMIT, bound when the part runs to the rows still wanted.
SqlQuery Ordered(SqlQuery part, std::string_view order) {
  part.sql += " ORDER BY ";
  part.sql += order;
  part.sql += " LIMIT ?";
  return part;
}

// The SELECT of a list in reference order within `window`.
SqlQuery ReferenceOrderPart(const app::ComplaintQuery& query, const FilterForm& form,
                            const ReferenceWindow& window) {
  SqlQuery part{"SELECT " + std::string(kListColumns) + " FROM complaints WHERE 1 = 1", {}};
  AppendFilters(query, form, part);
  AppendWindow(window, part);
  return Ordered(std::move(part), query.direction == app::SortDirection::kDescending
                                      ? "reference DESC"
                                      : "reference");
}

// The SELECTs that read a page of the complaint list, run in turn until the page is full; each
// ends in `LIMIT ?`. Keyset conditions are row-value comparisons on (sort column, reference),
// which SQLite answers from an index on the same pair.
Result<std::vector<SqlQuery>> ComplaintListParts(const app::ComplaintQuery& query,
                                                 const FilterForm& form) {
  if (query.limit < 1) return core::FailField("limit", "must be at least 1");
  Result<std::optional<app::ComplaintCursor>> cursor = EffectiveCursor(query);
  if (!cursor) return Unexpected(cursor.error());
  const bool descending = query.direction == app::SortDirection::kDescending;
  const std::string after = descending ? " < " : " > ";
  const std::string direction = descending ? " DESC" : "";
  SqlQuery base{"SELECT " + std::string(kListColumns) + " FROM complaints WHERE 1 = 1", {}};
  AppendFilters(query, form, base);

  switch (query.sort) {
    case app::ComplaintSort::kReference:
      return std::vector<SqlQuery>{
          ReferenceOrderPart(query, form, ReferenceWindowOf(query, *cursor))};
    case app::ComplaintSort::kReceivedOn: {
      SqlQuery part = base;
      if (*cursor) {
        if (!core::Date::Parse((*cursor)->sort_key)) return InvalidCursor();
        part.And("(received_on, reference)" + after + "(?, ?)", (*cursor)->sort_key,
                 (*cursor)->reference);
      }
      return std::vector<SqlQuery>{
          Ordered(std::move(part), "received_on" + direction + ", reference" + direction)};
    }
    case app::ComplaintSort::kDueOn: {
      // Cases with no deadline come after the dated ones ascending, before them descending. The
      // index on (due_on, reference) holds dated cases only, and SQLite reads no index in NULLS
      // LAST order, so dated and undated cases are two parts, each read from an index in order.
      // A due filter keeps dated cases only.
      const bool dated_only = query.due_from || query.due_before;
      const bool after_undated = *cursor && (*cursor)->sort_key.empty();
      if (*cursor && !after_undated && !core::Date::Parse((*cursor)->sort_key)) {
        return InvalidCursor();
      }
      std::optional<SqlQuery> dated;
      if (!after_undated || descending) {
        dated = base;
        dated->And("due_on IS NOT NULL");
        if (*cursor && !after_undated) {
          dated->And("(due_on, reference)" + after + "(?, ?)", (*cursor)->sort_key,
                     (*cursor)->reference);
        }
        dated = Ordered(std::move(*dated), "due_on" + direction + ", reference" + direction);
      }
      std::optional<SqlQuery> undated;
      if (!dated_only && (after_undated || !descending || !*cursor)) {
        undated = base;
        undated->And("due_on IS NULL");
        if (after_undated) undated->And("reference" + after + "?", (*cursor)->reference);
        undated = Ordered(std::move(*undated), "reference" + direction);
      }
      std::vector<SqlQuery> parts;
      for (std::optional<SqlQuery>* part :
           descending ? std::array{&undated, &dated} : std::array{&dated, &undated}) {
        if (*part) parts.push_back(std::move(**part));
      }
      return parts;
    }
  }
  return core::FailField("sort", "is not a known sort order");
}

app::ComplaintRow ReadComplaintRow(ColumnReader& r) {
  app::ComplaintRow row;
  row.reference = r.Text();
  row.regime = r.Enumerator(core::ParseRegime);
  row.status = r.Enumerator(core::ParseCaseStatus);
  row.stage = r.Int();
  row.service_area = r.Text();
  row.category = r.Text();
  row.team = r.Text();
  row.handler = r.Text();
  row.received_on = r.Date();
  row.due_on = r.OptionalDate();
  row.summary = r.Text();
  row.version = r.Int64();
  return row;
}

// Runs `part` for up to `limit` rows.
Result<std::vector<app::ComplaintRow>> ReadListPart(Connection& connection, const SqlQuery& part,
                                                    std::size_t limit) {
  Result<Statement> statement = connection.Prepare(part.sql);
  if (!statement) return Unexpected(statement.error());
  for (const SqlValue& value : part.values) statement->Bind(value);
  statement->Bind(static_cast<std::int64_t>(limit));
  return ReadAll(*statement, ReadComplaintRow);
}

// Runs the parts in turn until `limit` rows are read.
Result<std::vector<app::ComplaintRow>> ReadListParts(Connection& connection,
                                                     const std::vector<SqlQuery>& parts,
                                                     std::size_t limit) {
  std::vector<app::ComplaintRow> rows;
  for (const SqlQuery& part : parts) {
    if (rows.size() >= limit) break;
    Result<std::vector<app::ComplaintRow>> read =
        ReadListPart(connection, part, limit - rows.size());
    if (!read) return read;
    std::move(read->begin(), read->end(), std::back_inserter(rows));
  }
  return rows;
}

// What the first matches of an FTS5 query say of all of them: how many there are among the
// complaints up to an id (at most kMatchSample), and how many complaints there are.
struct MatchSample {
  std::int64_t matches = 0;
  std::int64_t up_to_id = 0;
  std::int64_t last_id = 0;  // the greatest complaint id
};

// FTS5 reads a query of whole words lazily in id order, so this reads kMatchSample matches at most.
Result<MatchSample> SampleMatches(Connection& connection, const std::string& fts_query) {
  Result<Statement> sample = connection.Prepare(
      "SELECT count(*), coalesce(max(rowid), 0), (SELECT coalesce(max(id), 0) FROM complaints) "
      "FROM (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? ORDER BY rowid "
      "LIMIT ?)");
  if (!sample) return Unexpected(sample.error());
  sample->BindAll(fts_query, kMatchSample);
  return ReadOne(
      *sample,
      [](ColumnReader& r) {
        MatchSample read;
        read.matches = r.Int64();
        read.up_to_id = r.Int64();
        read.last_id = r.Int64();
        return read;
      },
      "");
}

// The references the first chunk of ListMatchesInChunks should span, or nothing when sorting
// every match costs less (see kSortedMatchCost). Ids are given in order from 1, so the sample's
// density of matches holds, roughly, for every id.
std::optional<std::int64_t> FirstChunk(const MatchSample& sample, int limit) {
  if (sample.matches < kMatchSample) return std::nullopt;
  const double density = static_cast<double>(sample.matches) / static_cast<double>(sample.up_to_id);
  const double page_span = limit / density;
  const double all_matches = density * static_cast<double>(sample.last_id);
  if (page_span > kSortedMatchCost * all_matches) return std::nullopt;
  return std::clamp(static_cast<std::int64_t>(kChunkMargin * page_span), kSmallestChunk,
                    kLargestChunk);
}

// A chunk of the references in a window, in list order: how many there are (at most the chunk's
// size), the least and greatest id among them, and the last reference when the chunk is full
// (else the chunk ends with the window).
struct ReferenceChunk {
  std::int64_t count = 0;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
  std::string last_reference;
};

// Steps through the chunk's index entries here rather than aggregating them in SQL, which costs
// twice as much per entry (a subquery's co-routine).
Result<ReferenceChunk> ReadReferenceChunk(Connection& connection, const ReferenceWindow& window,
                                          bool descending, std::int64_t size) {
  SqlQuery entries{"SELECT id, reference FROM complaints WHERE 1 = 1", {}};
  AppendWindow(window, entries);
  entries.sql += descending ? " ORDER BY reference DESC LIMIT ?" : " ORDER BY reference LIMIT ?";
  entries.values.emplace_back(size);
  Result<Statement> statement = connection.Prepare(entries.sql);
  if (!statement) return Unexpected(statement.error());
  for (const SqlValue& value : entries.values) statement->Bind(value);
  ReferenceChunk chunk;
  for (;;) {
    Result<bool> row = statement->Step();
    if (!row) return Unexpected(row.error());
    if (!*row) return chunk;
    ColumnReader r = statement->Columns();
    const std::int64_t id = r.Int64();
    chunk.first_id = chunk.count == 0 ? id : std::min(chunk.first_id, id);
    chunk.last_id = chunk.count == 0 ? id : std::max(chunk.last_id, id);
    if (++chunk.count == size) chunk.last_reference = r.Text();
  }
}

// A page of a search in reference order whose text matches many complaints. Sorting every match
// by reference would read tens of thousands of complaints for a common word. The text index is
// in id order, which is not reference order (a reference carries the year received, and
// complaints are not all logged in order of receipt) but close to it: within a year, references
// are given in id order. So the references are read in order from the cursor, a chunk at a time,
// and the text is searched only among the ids from the least to the greatest of the chunk's
// complaints, until the page is full or the window ends. The rows are those sorting every match
// would give: each chunk gives all of its references that match, in order.
Result<std::vector<app::ComplaintRow>> ListMatchesInChunks(Connection& connection,
                                                           const app::ComplaintQuery& query,
                                                           const std::string& fts_query,
                                                           ReferenceWindow window,
                                                           std::int64_t first_chunk) {
  const bool descending = query.direction == app::SortDirection::kDescending;
  const auto limit = static_cast<std::size_t>(query.limit);
  std::vector<app::ComplaintRow> rows;
  const auto read = [&](const SqlQuery& part) -> Status {
    Result<std::vector<app::ComplaintRow>> found =
        ReadListPart(connection, part, limit - rows.size());
    if (!found) return Unexpected(found.error());
    std::move(found->begin(), found->end(), std::back_inserter(rows));
    return {};
  };
  std::int64_t chunk_size = first_chunk;
  for (int chunks = 0; rows.size() < limit; ++chunks) {
    if (chunks == kMaxChunks) {
      const FilterForm probing{.fts_query = fts_query, .probe_matches = true};
      if (Status sorted = read(ReferenceOrderPart(query, probing, window)); !sorted) {
        return Unexpected(sorted.error());
      }
      break;
    }
    Result<ReferenceChunk> chunk = ReadReferenceChunk(connection, window, descending, chunk_size);
    if (!chunk) return Unexpected(chunk.error());
    if (chunk->count == 0) break;

    ReferenceWindow chunk_window = window;
    const bool last_chunk = chunk->count < chunk_size;  // the window holds no more references
    if (!last_chunk && descending) chunk_window.RaiseLow(chunk->last_reference, true);
    if (!last_chunk && !descending) chunk_window.LowerHigh(chunk->last_reference, true);
    SqlQuery page{"SELECT " + std::string(kListColumns) +
                      " FROM complaints WHERE id IN (SELECT rowid FROM complaints_fts "
                      "WHERE complaints_fts MATCH ? AND rowid BETWEEN ? AND ?)",
                  {fts_query, chunk->first_id, chunk->last_id}};
    AppendFilters(query, FilterForm{}, page);
    AppendWindow(chunk_window, page);
    if (Status found = read(Ordered(std::move(page), descending ? "reference DESC" : "reference"));
        !found) {
      return Unexpected(found.error());
    }

    if (last_chunk) break;
    if (descending) {
      window.LowerHigh(chunk->last_reference, false);
    } else {
      window.RaiseLow(chunk->last_reference, false);
    }
    chunk_size = std::min(2 * chunk_size, kLargestChunk);
  }
  return rows;
}

// How a page of the complaint list is read: the SELECTs of ComplaintListParts, or, for a search in
// reference order of a text many complaints match, chunks of references (ListMatchesInChunks).
struct ListPlan {
  TextFilter text;
  std::vector<SqlQuery> parts;
  std::optional<std::int64_t> first_chunk;  // set: read in chunks, the first this big
};

Result<ListPlan> PlanList(Connection& connection, const app::ComplaintQuery& query) {
  ListPlan plan;
  Result<TextFilter> text = PrepareTextFilter(connection, query.text);
  if (!text) return Unexpected(text.error());
  plan.text = std::move(*text);
  if (!plan.text.fts_query.empty() && !plan.text.matches_nothing) {
    Result<MatchSample> sample = SampleMatches(connection, plan.text.fts_query);
    if (!sample) return Unexpected(sample.error());
    plan.first_chunk = FirstChunk(*sample, query.limit);
  }
  // Where chunks would pay, so does probing the matches in the list's order.
  const FilterForm form{.fts_query = plan.text.fts_query,
                        .probe_matches = plan.first_chunk.has_value()};
  Result<std::vector<SqlQuery>> parts = ComplaintListParts(query, form);
  if (!parts) return Unexpected(parts.error());
  plan.parts = std::move(*parts);
  if (query.sort != app::ComplaintSort::kReference) plan.first_chunk.reset();
  return plan;
}

// A page of the complaint list (Tx::ListComplaints).
Result<std::vector<app::ComplaintRow>> ListComplaintsOn(Connection& connection,
                                                        const app::ComplaintQuery& query) {
  Result<ListPlan> plan = PlanList(connection, query);
  if (!plan) return Unexpected(plan.error());
  if (plan->text.matches_nothing) return std::vector<app::ComplaintRow>();
  if (plan->first_chunk) {
    Result<std::optional<app::ComplaintCursor>> cursor = EffectiveCursor(query);
    if (!cursor) return Unexpected(cursor.error());
    return ListMatchesInChunks(connection, query, plan->text.fts_query,
                               ReferenceWindowOf(query, *cursor), *plan->first_chunk);
  }
  return ReadListParts(connection, plan->parts, static_cast<std::size_t>(query.limit));
}

// ---------------------------------------------------------------------------------------------
// Ombudsman cases, failure orders and learning actions: versioned records with a reference.
// kColumns are those after id, reference and version, which Read reads first.

template <typename Record>
struct Versioned;

template <>
struct Versioned<core::OmbudsmanCase> {
  static constexpr std::string_view kName = "ombudsman_cases";
  static constexpr std::string_view kWhat = "Ombudsman case";
  static constexpr std::string_view kPrefix = "OMB";
  static constexpr std::array<std::string_view, 11> kColumns = {"ombudsman",
                                                                "ombudsman_reference",
                                                                "summary",
                                                                "referred_on",
                                                                "enquiry_received_on",
                                                                "information_due_on",
                                                                "information_sent_on",
                                                                "draft_decision_on",
                                                                "final_decision_on",
                                                                "lgsco_decision",
                                                                "satisfactory_remedy_by_council"};
  static void Bind(Statement& s, const core::OmbudsmanCase& c) {
    s.BindAll(c.ombudsman, c.ombudsman_reference, c.summary, c.referred_on, c.enquiry_received_on,
              c.information_due_on, c.information_sent_on, c.draft_decision_on, c.final_decision_on,
              c.lgsco_decision, c.satisfactory_remedy_by_council);
  }
  static core::OmbudsmanCase Read(ColumnReader& r) {
    core::OmbudsmanCase c;
    c.id = r.Int64();
    c.reference = r.Text();
    c.version = r.Int64();
    c.ombudsman = r.Enumerator(core::ParseOmbudsman);
    c.ombudsman_reference = r.Text();
    c.summary = r.Text();
    c.referred_on = r.OptionalDate();
    c.enquiry_received_on = r.OptionalDate();
    c.information_due_on = r.OptionalDate();
    c.information_sent_on = r.OptionalDate();
    c.draft_decision_on = r.OptionalDate();
    c.final_decision_on = r.OptionalDate();
    if (!r.NextIsNull()) {
      c.lgsco_decision = r.Enumerator(core::ParseLgscoDecision);
    } else {
      r.Skip(1);
    }
    c.satisfactory_remedy_by_council = r.Bool();
    return c;
  }
  static std::vector<Reference> References(const core::OmbudsmanCase& c) {
    std::vector<Reference> references;
    for (std::size_t i = 0; i < c.complaints.size(); ++i) {
      references.push_back({"complaints[" + std::to_string(i) + "]", "complaint", "complaints",
                            "reference", c.complaints[i]});
    }
    return references;
  }
};

template <>
struct Versioned<core::FailureOrder> {
  static constexpr std::string_view kName = "failure_orders";
  static constexpr std::string_view kWhat = "failure order";
  static constexpr std::string_view kPrefix = "CHFO";
  static constexpr std::array<std::string_view, 9> kColumns = {
      "ombudsman_case", "ombudsman_reference", "type",   "ground",
      "description",    "issued_on",           "due_on", "outcome",
      "complied_on"};
  static void Bind(Statement& s, const core::FailureOrder& o) {
    s.BindAll(Code{o.ombudsman_case}, o.ombudsman_reference, o.type, o.ground, o.description,
              o.issued_on, o.due_on, o.outcome, o.complied_on);
  }
  static core::FailureOrder Read(ColumnReader& r) {
    core::FailureOrder o;
    o.id = r.Int64();
    o.reference = r.Text();
    o.version = r.Int64();
    o.ombudsman_case = r.Text();
    o.ombudsman_reference = r.Text();
    o.type = r.Enumerator(core::ParseChfoType);
    o.ground = r.Enumerator(core::ParseChfoGround);
    o.description = r.Text();
    o.issued_on = r.Date();
    o.due_on = r.Date();
    o.outcome = r.Enumerator(core::ParseChfoOutcome);
    o.complied_on = r.OptionalDate();
    return o;
  }
  static std::vector<Reference> References(const core::FailureOrder& o) {
    return {{"ombudsman_case", "Ombudsman case", "ombudsman_cases", "reference", o.ombudsman_case}};
  }
};

template <>
struct Versioned<core::LearningAction> {
  static constexpr std::string_view kName = "learning_actions";
  static constexpr std::string_view kWhat = "learning action";
  static constexpr std::string_view kPrefix = "LRN";
  static constexpr std::array<std::string_view, 12> kColumns = {
      "source", "ombudsman_case", "category", "root_cause", "lesson",   "action",
      "owner",  "raised_on",      "due_on",   "status",     "evidence", "completed_on"};
  static void Bind(Statement& s, const core::LearningAction& a) {
    s.BindAll(a.source, Code{a.ombudsman_case}, Code{a.category}, Code{a.root_cause}, a.lesson,
              a.action, a.owner, a.raised_on, a.due_on, a.status, a.evidence, a.completed_on);
  }
  static core::LearningAction Read(ColumnReader& r) {
    core::LearningAction a;
    a.id = r.Int64();
    a.reference = r.Text();
    a.version = r.Int64();
    a.source = r.Enumerator(core::ParseLearningSource);
    a.ombudsman_case = r.Text();
    a.category = r.Text();
    a.root_cause = r.Text();
    a.lesson = r.Text();
    a.action = r.Text();
    a.owner = r.Text();
    a.raised_on = r.Date();
    a.due_on = r.Date();
    a.status = r.Enumerator(core::ParseLearningStatus);
    a.evidence = r.Text();
    a.completed_on = r.OptionalDate();
    return a;
  }
  static std::vector<Reference> References(const core::LearningAction& a) {
    std::vector<Reference> references = {
        {"ombudsman_case", "Ombudsman case", "ombudsman_cases", "reference", a.ombudsman_case},
        {"category", "category", "categories", "code", a.category},
        {"root_cause", "root cause", "root_causes", "code", a.root_cause},
        {"owner", "user", "users", "username", a.owner}};
    for (std::size_t i = 0; i < a.complaints.size(); ++i) {
      references.push_back({"complaints[" + std::to_string(i) + "]", "complaint", "complaints",
                            "reference", a.complaints[i]});
    }
    return references;
  }
};

// The rows of a list that belongs to one parent row, kept in the list's order by `position`.
struct ChildTable {
  std::string_view name;
  std::string_view parent;  // the column holding the parent's key
};
constexpr ChildTable kCaseComplaints{"ombudsman_case_complaints", "case_id"};
constexpr ChildTable kCaseFindings{"ombudsman_findings", "case_id"};
constexpr ChildTable kCaseRemedies{"ombudsman_remedies", "case_id"};
constexpr ChildTable kActionComplaints{"learning_action_complaints", "action_id"};
constexpr ChildTable kAssessmentProvisions{"self_assessment_provisions", "financial_year"};

template <typename Item>
struct ChildColumns;

// A complaint named by its reference.
template <>
struct ChildColumns<std::string> {
  static constexpr std::array<std::string_view, 1> kColumns = {"complaint"};
  static void Bind(Statement& s, const std::string& reference) { s.Bind(reference); }
  static std::string Read(ColumnReader& r) { return r.Text(); }
};

template <>
struct ChildColumns<core::ElementFinding> {
  static constexpr std::array<std::string_view, 2> kColumns = {"element", "finding"};
  static void Bind(Statement& s, const core::ElementFinding& f) { s.BindAll(f.element, f.finding); }
  static core::ElementFinding Read(ColumnReader& r) {
    return {r.Text(), r.Enumerator(core::ParseHoFinding)};
  }
};

template <>
struct ChildColumns<core::OmbudsmanRemedy> {
  static constexpr std::array<std::string_view, 6> kColumns = {
      "kind", "type", "description", "due_on", "completed_on", "evidence"};
  static void Bind(Statement& s, const core::OmbudsmanRemedy& m) {
    s.BindAll(m.kind, m.type, m.description, m.due_on, m.completed_on, m.evidence);
  }
  static core::OmbudsmanRemedy Read(ColumnReader& r) {
    return {r.Enumerator(core::ParseRemedyKind),
            r.Enumerator(core::ParseOmbudsmanRemedyType),
            r.Text(),
            r.Date(),
            r.OptionalDate(),
            r.Text()};
  }
};

template <>
struct ChildColumns<core::ProvisionAssessment> {
  static constexpr std::array<std::string_view, 8> kColumns = {
      "provision", "section",    "requirement", "compliance",
      "evidence",  "commentary", "action",      "action_due_on"};
  static void Bind(Statement& s, const core::ProvisionAssessment& p) {
    s.BindAll(p.provision, p.section, p.requirement, p.compliance, p.evidence, p.commentary,
              p.action, p.action_due_on);
  }
  static core::ProvisionAssessment Read(ColumnReader& r) {
    core::ProvisionAssessment p;
    p.provision = r.Text();
    p.section = r.Text();
    p.requirement = r.Text();
    if (!r.NextIsNull()) {
      p.compliance = r.Enumerator(core::ParseCodeCompliance);
    } else {
      r.Skip(1);
    }
    p.evidence = r.Text();
    p.commentary = r.Text();
    p.action = r.Text();
    p.action_due_on = r.OptionalDate();
    return p;
  }
};

// ---------------------------------------------------------------------------------------------
// The Tx on one connection inside an open transaction.

class SqliteTx final : public app::Tx {
 public:
  SqliteTx(Connection& connection, const app::Clock& clock)
      : connection_(connection),
        clock_(clock),
        letters_(connection),
        letter_templates_(connection),
        outbox_(connection),
        contact_preferences_(connection) {}

  // --- complaints ---

  Result<core::Complaint> LoadComplaint(std::string_view reference) override {
    static const std::string sql = "SELECT id, reference, version, " + Join(kComplaintColumns) +
                                   " FROM complaints WHERE reference = ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference);
    Result<core::Complaint> complaint =
        ReadOne(*statement, ReadComplaint, "no complaint " + std::string(reference));
    if (!complaint) return complaint;
    if (Status loaded = LoadComplaintChildren(*complaint); !loaded) {
      return Unexpected(loaded.error());
    }
    return complaint;
  }

  Result<core::Complaint> InsertComplaint(core::Complaint complaint,
                                          const core::CaseEvent& event) override {
    if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
    Result<std::string> reference = NextReference(kComplaintPrefix, complaint.received_on.year());
    if (!reference) return Unexpected(reference.error());
    complaint.reference = std::move(*reference);
    complaint.version = kFirstVersion;

    constexpr std::size_t kReferenceAndVersion = 2;
    static const std::string sql = "INSERT INTO complaints (reference, version, " +
                                   Join(kComplaintColumns) + ", " +
                                   Join(kComplaintProjectionColumns) + ") VALUES (" +
                                   Placeholders(kReferenceAndVersion + kComplaintColumns.size() +
                                                kComplaintProjectionColumns.size()) +
                                   ")";
    Status saved = SaveComplaint(sql, complaint, Children::kNew, [&](Statement& s) {
      s.BindAll(complaint.reference, complaint.version);
      BindComplaint(s, complaint);
    });
    if (!saved) return Unexpected(saved.error());
    if (Status appended = AppendEvent(EntityType::kComplaint, complaint.reference, event);
        !appended) {
      return Unexpected(appended.error());
    }
    return complaint;
  }

  Result<core::Complaint> UpdateComplaint(const core::Complaint& complaint,
                                          std::int64_t expected_version,
                                          const core::CaseEvent& event) override {
    if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
    core::Complaint stored = complaint;
    stored.version = expected_version + 1;
    constexpr std::size_t kVersion = 1;
    static const std::string sql =
        "UPDATE complaints SET (version, " + Join(kComplaintColumns) + ", " +
        Join(kComplaintProjectionColumns) + ") = (" +
        Placeholders(kVersion + kComplaintColumns.size() + kComplaintProjectionColumns.size()) +
        ") WHERE reference = ? AND version = ?";
    Status saved = SaveComplaint(sql, stored, Children::kReplace, [&](Statement& s) {
      s.Bind(stored.version);
      BindComplaint(s, stored);
      s.BindAll(stored.reference, expected_version);
    });
    if (!saved) return Unexpected(saved.error());
    if (Status appended = AppendEvent(EntityType::kComplaint, stored.reference, event); !appended) {
      return Unexpected(appended.error());
    }
    return stored;
  }

  Result<std::vector<app::ComplaintRow>> ListComplaints(const app::ComplaintQuery& query) override {
    return ListComplaintsOn(connection_, query);
  }

  Result<app::StatusCounts> CountByStatus(const app::ComplaintQuery& query) override {
    Result<TextFilter> text = PrepareTextFilter(connection_, query.text);
    if (!text) return Unexpected(text.error());
    app::StatusCounts counts;
    counts.reserve(kCaseStatuses.size());
    if (text->matches_nothing) {
      for (core::CaseStatus status : kCaseStatuses) counts.emplace_back(status, 0);
      return counts;
    }
    SqlQuery count{"SELECT status, count(*) FROM complaints WHERE 1 = 1", {}};
    AppendFilters(query, FilterForm{.fts_query = text->fts_query, .list_hidden_cases = true},
                  count);
    count.sql += " GROUP BY status";
    Result<Statement> statement = connection_.Prepare(count.sql);
    if (!statement) return Unexpected(statement.error());
    for (const SqlValue& value : count.values) statement->Bind(value);
    Result<app::StatusCounts> found = ReadAll(*statement, [](ColumnReader& r) {
      return std::pair{r.Enumerator(core::ParseCaseStatus), r.Int64()};
    });
    if (!found) return found;
    for (core::CaseStatus status : kCaseStatuses) {
      auto match = std::find_if(found->begin(), found->end(),
                                [status](const auto& entry) { return entry.first == status; });
      counts.emplace_back(status, match == found->end() ? 0 : match->second);
    }
    return counts;
  }

  Result<std::vector<core::RepeatCandidate>> RepeatCandidates(const core::RepeatKey& key,
                                                              core::Date from, core::Date to,
                                                              std::size_t limit) override {
    // One query per key the complainant gave, each reading only its `limit` most recent matches
    // from the (key, category, received_on) index of migration 0010, whose entries end with the
    // rowid: the cost does not grow with how many complaints share the key (an MP's caseworker
    // writing for hundreds of constituents). The merged lists keep the `limit` most recent.
    std::vector<core::RepeatCandidate> merged;
    const auto add = [&](std::string_view column, const std::string& value) -> Status {
      if (value.empty()) return {};
      const std::string sql =
          "SELECT id, reference, email_key, phone_key, property_key, category, received_on, "
          "restricted FROM complaints WHERE " +
          std::string(column) + " = ? AND " + std::string(column) +
          " <> '' AND category = ? AND received_on BETWEEN ? AND ? "
          "ORDER BY received_on DESC, id DESC LIMIT ?";
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      statement->BindAll(value, key.category, from, to, static_cast<std::int64_t>(limit));
      auto rows = ReadAll(*statement, [](ColumnReader& r) {
        std::pair<std::int64_t, core::RepeatCandidate> row;
        row.first = r.Int64();
        core::RepeatCandidate& candidate = row.second;
        candidate.reference = r.Text();
        candidate.key.email = r.Text();
        candidate.key.phone = r.Text();
        candidate.key.property = r.Text();
        candidate.key.category = r.Text();
        candidate.key.received_on = r.Date();
        candidate.restricted = r.Int64() != 0;
        return row;
      });
      if (!rows) return Unexpected(rows.error());
      for (auto& [id, candidate] : *rows) {
        const bool known = std::any_of(merged.begin(), merged.end(), [&](const auto& c) {
          return c.reference == candidate.reference;
        });
        if (!known) merged.push_back(std::move(candidate));
      }
      return {};
    };
    for (const auto& [column, value] :
         {std::pair<std::string_view, const std::string&>{"email_key", key.email},
          {"phone_key", key.phone},
          {"property_key", key.property}}) {
      if (Status added = add(column, value); !added) return Unexpected(added.error());
    }
    // Most recent first; references of one year sort by their sequence, so they break ties.
    std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
      return std::tie(b.key.received_on, b.reference) < std::tie(a.key.received_on, a.reference);
    });
    if (merged.size() > limit) merged.resize(limit);
    return merged;
  }

  // --- service requests ---

  Result<core::ServiceRequest> LoadServiceRequest(std::string_view reference) override {
    static const std::string sql = "SELECT id, reference, " + Join(kServiceRequestColumns) +
                                   " FROM service_requests WHERE reference = ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference);
    return ReadOne(*statement, ReadServiceRequest, "no service request " + std::string(reference));
  }

  Result<core::ServiceRequest> InsertServiceRequest(core::ServiceRequest request,
                                                    const core::CaseEvent& event) override {
    Result<std::string> reference =
        NextReference(kServiceRequestPrefix, request.received_on.year());
    if (!reference) return Unexpected(reference.error());
    request.reference = std::move(*reference);
    request.version = kFirstVersion;
    constexpr std::size_t kReference = 1;
    static const std::string sql = "INSERT INTO service_requests (reference, " +
                                   Join(kServiceRequestColumns) + ") VALUES (" +
                                   Placeholders(kReference + kServiceRequestColumns.size()) + ")";
    Result<std::int64_t> id =
        SaveServiceRequest(sql, request, RowChange::kInsert, [&](Statement& s) {
          s.Bind(request.reference);
          BindServiceRequest(s, request);
        });
    if (!id) return Unexpected(id.error());
    request.id = *id;
    if (Status appended = AppendEvent(EntityType::kServiceRequest, request.reference, event);
        !appended) {
      return Unexpected(appended.error());
    }
    return request;
  }

  Result<core::ServiceRequest> UpdateServiceRequest(const core::ServiceRequest& request,
                                                    std::int64_t expected_version,
                                                    const core::CaseEvent& event) override {
    core::ServiceRequest stored = request;
    stored.version = expected_version + 1;
    static const std::string sql = "UPDATE service_requests SET (" + Join(kServiceRequestColumns) +
                                   ") = (" + Placeholders(kServiceRequestColumns.size()) +
                                   ") WHERE reference = ? AND version = ?";
    Result<std::int64_t> id =
        SaveServiceRequest(sql, stored, RowChange::kUpdate, [&](Statement& s) {
          BindServiceRequest(s, stored);
          s.BindAll(stored.reference, expected_version);
        });
    if (!id) return Unexpected(id.error());
    stored.id = *id;
    if (Status appended = AppendEvent(EntityType::kServiceRequest, stored.reference, event);
        !appended) {
      return Unexpected(appended.error());
    }
    return stored;
  }

  // --- events ---

  Status AppendEvent(EntityType type, std::string_view entity_ref,
                     const core::CaseEvent& event) override {
    Result<std::string> changes = ChangesToJson(event.changes);
    if (!changes) return Unexpected(changes.error());

    // The next sequence number follows the highest ever used (AUTOINCREMENT's record), so a
    // removed last row leaves a gap the verification finds rather than a reused number.
    Result<Statement> head = connection_.Prepare(
        "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'events'), "
        "(SELECT hash FROM events ORDER BY sequence DESC LIMIT 1)");
    if (!head) return Unexpected(head.error());
    Result<std::pair<std::int64_t, std::string>> last = ReadOne(
        *head,
        [](ColumnReader& r) {
          return std::pair{r.Int64(), r.Text()};
        },
        "no chain head");
    if (!last) return Unexpected(last.error());

    common::ChainRecord record;
    record.prev_hash = std::move(last->second);
    record.sequence = last->first + 1;
    record.entity_type = std::string(ToString(type));
    record.entity_ref = std::string(entity_ref);
    record.type = std::string(ToString(event.type));
    record.occurred_on = event.occurred_on.ToIso();
    record.stage = event.stage;
    record.actor = event.actor;
    record.summary = event.summary;
    record.changes = std::move(*changes);
    record.recorded_at = clock_.NowRfc3339();

    static const std::string sql = InsertSql("events", kEventColumns);
    Result<Statement> insert = connection_.Prepare(sql);
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(record.prev_hash, record.sequence, record.entity_type, record.entity_ref,
                    record.type, record.occurred_on, record.stage, record.actor, record.summary,
                    record.changes, record.recorded_at, common::ChainHash(record));
    return insert->Run();
  }

  Result<std::vector<app::StoredEvent>> EventsOf(EntityType type,
                                                 std::string_view entity_ref) override {
    static const std::string sql =
        "SELECT sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, "
        "changes, recorded_at, hash FROM events WHERE entity_type = ? AND entity_ref = ? "
        "ORDER BY sequence";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(type, entity_ref);
    std::vector<std::string> changes_json;
    Result<std::vector<app::StoredEvent>> events =
        ReadAll(*statement, [&changes_json](ColumnReader& r) {
          app::StoredEvent stored;
          stored.sequence = r.Int64();
          stored.entity_type = r.Enumerator(app::ParseEntityType);
          stored.entity_ref = r.Text();
          stored.event.type = r.Enumerator(core::ParseEventType);
          stored.event.occurred_on = r.Date();
          stored.event.stage = r.Int();
          stored.event.actor = r.Text();
          stored.event.summary = r.Text();
          changes_json.push_back(r.Text());
          stored.recorded_at = r.Text();
          stored.hash = r.Text();
          return stored;
        });
    if (!events) return events;
    for (std::size_t i = 0; i < events->size(); ++i) {
      Result<std::vector<core::Change>> changes = ChangesFromJson(changes_json[i]);
      if (!changes) return Unexpected(changes.error());
      (*events)[i].event.changes = std::move(*changes);
    }
    return events;
  }

  // --- notes and links ---

  Result<app::CaseNote> InsertNote(std::string_view reference, app::CaseNote note) override {
    Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
    if (!complaint_id) return Unexpected(complaint_id.error());
    Result<Statement> statement = connection_.Prepare(
        "INSERT INTO complaint_notes (complaint_id, author, created_at, text) VALUES (?, ?, ?, ?)");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(*complaint_id, note.author, note.created_at, note.text);
    if (Status run = statement->Run(); !run) return Unexpected(run.error());
    note.id = statement->LastInsertRowid();
    return note;
  }
  Result<std::vector<app::CaseNote>> NotesOf(std::string_view reference) override {
    Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
    if (!complaint_id) return Unexpected(complaint_id.error());
    Result<Statement> statement = connection_.Prepare(
        "SELECT id, author, created_at, text FROM complaint_notes WHERE complaint_id = ? "
        "ORDER BY id");
    if (!statement) return Unexpected(statement.error());
    statement->Bind(*complaint_id);
    return ReadAll(*statement, [](ColumnReader& r) {
      return app::CaseNote{r.Int64(), r.Text(), r.Text(), r.Text()};
    });
  }

  Status InsertLink(const app::CaseLink& link) override {
    Result<std::int64_t> from_id = ComplaintIdOf(link.from);
    if (!from_id) return Unexpected(from_id.error());
    Result<std::int64_t> to_id = ComplaintIdOf(link.to);
    if (!to_id) return Unexpected(to_id.error());
    Result<Statement> statement = connection_.Prepare(
        "INSERT INTO complaint_links (from_id, to_id, relation, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(*from_id, *to_id, link.relation, link.created_by, link.created_at);
    Status inserted = statement->Run();
    if (!inserted && inserted.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, link.from + " and " + link.to + " are already linked");
    }
    return inserted;
  }
  Result<app::CaseLink> DeleteLink(std::string_view a, std::string_view b) override {
    static const std::string kBetween =
        " WHERE (l.from_id = ?1 AND l.to_id = ?2) OR (l.from_id = ?2 AND l.to_id = ?1)";
    Result<std::int64_t> a_id = ComplaintIdOf(a);
    if (!a_id) return Unexpected(a_id.error());
    Result<std::int64_t> b_id = ComplaintIdOf(b);
    if (!b_id) return Unexpected(b_id.error());
    Result<Statement> select = connection_.Prepare(kSelectLinksSql + kBetween);
    if (!select) return Unexpected(select.error());
    select->BindAll(*a_id, *b_id);
    Result<app::CaseLink> link =
        ReadOne(*select, ReadLink, std::string(a) + " and " + std::string(b) + " are not linked");
    if (!link) return link;
    Result<Statement> remove = connection_.Prepare("DELETE FROM complaint_links AS l" + kBetween);
    if (!remove) return Unexpected(remove.error());
    remove->BindAll(*a_id, *b_id);
    if (Status run = remove->Run(); !run) return Unexpected(run.error());
    return link;
  }
  Result<std::vector<app::CaseLink>> LinksOf(std::string_view reference) override {
    static const std::string sql = kSelectLinksSql +
                                   " WHERE l.from_id = ?1 OR l.to_id = ?1 "
                                   "ORDER BY l.created_at, f.reference, t.reference";
    Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
    if (!complaint_id) return Unexpected(complaint_id.error());
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(*complaint_id);
    return ReadAll(*statement, ReadLink);
  }

  // --- organisation and reference data ---

  Result<app::OrganisationSettings> LoadSettings() override {
    static const std::string sql = SelectAllSql<app::OrganisationSettings>() + " WHERE id = ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(kSettingsRowId);
    return ReadOne(*statement, Table<app::OrganisationSettings>::Read, "no settings");
  }
  Status SaveSettings(const app::OrganisationSettings& settings) override {
    return Upsert(settings);
  }

  Result<std::vector<app::Team>> ListTeams() override { return ListAll<app::Team>(); }
  Status UpsertTeam(const app::Team& team) override { return Upsert(team); }
  Result<std::vector<app::ServiceArea>> ListServiceAreas() override {
    return ListAll<app::ServiceArea>();
  }
  Status UpsertServiceArea(const app::ServiceArea& area) override { return Upsert(area); }
  Result<std::vector<app::Category>> ListCategories() override { return ListAll<app::Category>(); }
  Status UpsertCategory(const app::Category& category) override { return Upsert(category); }
  Result<std::vector<app::RootCause>> ListRootCauses() override {
    return ListAll<app::RootCause>();
  }
  Status UpsertRootCause(const app::RootCause& root_cause) override { return Upsert(root_cause); }

  Result<std::vector<app::ClosureDay>> ListClosureDays() override {
    return ListAll<app::ClosureDay>();
  }
  Status AddClosureDay(const app::ClosureDay& day) override {
    Status added = Insert(day);
    if (!added && added.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, day.date.ToIso() + " is already a closure day");
    }
    return added;
  }
  Status RemoveClosureDay(core::Date date) override {
    Result<Statement> statement = connection_.Prepare("DELETE FROM closure_days WHERE date = ?");
    if (!statement) return Unexpected(statement.error());
    statement->Bind(date);
    return RunOnExistingRow(*statement, date.ToIso() + " is not a closure day");
  }

  Result<std::vector<core::Designation>> ListDesignations() override {
    return ListAll<core::Designation>();
  }
  Status AddDesignation(const core::Designation& designation) override {
    return Insert(designation);
  }
  Result<std::int64_t> ConfigurationGeneration() override {
    // A range of the events_entity index: configuration events are few.
    Result<Statement> statement = connection_.Prepare(
        "SELECT coalesce(max(sequence), 0) FROM events WHERE entity_type = 'configuration'");
    if (!statement) return Unexpected(statement.error());
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int64(); }, "no generation");
  }

  // --- accounts ---

  Result<app::User> InsertUser(app::User user) override {
    Result<std::int64_t> id = InsertWithId(user);
    if (!id) {
      if (id.error().code == ErrorCode::kConflict) {
        return Fail(ErrorCode::kConflict, "the username " + user.username + " is taken");
      }
      return Unexpected(id.error());
    }
    user.id = *id;
    return user;
  }
  Result<app::User> FindUser(std::string_view username) override {
    static const std::string sql = SelectAllSql<app::User>() + " WHERE username = ?";
    return FindBy<app::User>(sql, username, "no user " + std::string(username));
  }
  Result<std::vector<app::User>> ListUsers() override { return ListAll<app::User>(); }
  Status UpdateUser(const app::User& user) override {
    static const std::string sql = [] {
      std::string assignments;
      for (std::string_view column : Table<app::User>::kColumns) {
        if (!assignments.empty()) assignments += ", ";
        assignments += std::string(column) + " = ?";
      }
      return "UPDATE users SET " + assignments + " WHERE id = ?";
    }();
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    Table<app::User>::Bind(*statement, user);
    statement->Bind(user.id);
    return NameUnknownReference(RunOnExistingRow(*statement, "no user " + std::to_string(user.id)),
                                [&] { return Table<app::User>::References(user); });
  }

  Result<app::ApiToken> InsertToken(app::ApiToken token) override {
    Result<std::int64_t> id = InsertWithId(token);
    if (!id) return Unexpected(id.error());
    token.id = *id;
    return token;
  }
  Result<app::ApiToken> FindTokenByHash(std::string_view token_hash) override {
    static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE token_hash = ?";
    return FindBy<app::ApiToken>(sql, token_hash, "no such token");
  }
  Result<app::User> FindUserById(std::int64_t id) override {
    static const std::string sql = SelectAllSql<app::User>() + " WHERE id = ?";
    return FindBy<app::User>(sql, id, "no user " + std::to_string(id));
  }
  Result<app::ApiToken> FindToken(std::int64_t id) override {
    static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE id = ?";
    return FindBy<app::ApiToken>(sql, id, "no token " + std::to_string(id));
  }
  Result<std::vector<app::ApiToken>> TokensOf(std::int64_t user_id) override {
    static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE user_id = ? ORDER BY id";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(user_id);
    return ReadAll(*statement, Table<app::ApiToken>::Read);
  }
  Status RevokeToken(std::int64_t id, std::string_view revoked_at) override {
    Result<Statement> statement = connection_.Prepare(
        "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(revoked_at, id);
    return RunOnExistingRow(*statement, "no token " + std::to_string(id));
  }
  Result<int> RevokeTokensOf(std::int64_t user_id, std::string_view revoked_at) override {
    Result<Statement> statement = connection_.Prepare(
        "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(revoked_at, user_id);
    if (Status run = statement->Run(); !run) return Unexpected(run.error());
    return statement->Changes();
  }

  // --- sessions and sign-in attempts ---

  Result<app::Session> InsertSession(app::Session session) override {
    Result<std::int64_t> id = InsertWithId(session);
    if (!id) return Unexpected(id.error());
    session.id = *id;
    return session;
  }
  Result<app::Session> FindSessionByHash(std::string_view token_hash) override {
    static const std::string sql = SelectAllSql<app::Session>() + " WHERE token_hash = ?";
    return FindBy<app::Session>(sql, token_hash, "no such session");
  }
  Status ExtendSession(std::int64_t id, std::int64_t expires_at) override {
    Result<Statement> statement =
        connection_.Prepare("UPDATE sessions SET expires_at = ? WHERE id = ?");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(expires_at, id);
    return statement->Run();
  }
  Status DeleteSession(std::int64_t id) override {
    Result<Statement> statement = connection_.Prepare("DELETE FROM sessions WHERE id = ?");
    if (!statement) return Unexpected(statement.error());
    statement->Bind(id);
    return statement->Run();
  }
  Result<int> DeleteSessionsOf(std::int64_t user_id, std::string_view keep_token_hash) override {
    Result<Statement> statement =
        connection_.Prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(user_id, keep_token_hash);
    if (Status run = statement->Run(); !run) return Unexpected(run.error());
    return statement->Changes();
  }
  Result<app::SignInAttempts> LoadSignInAttempts(std::string_view username) override {
    Result<Statement> statement = connection_.Prepare(
        "SELECT consecutive_failures, last_failure_at FROM sign_in_attempts WHERE username = ?");
    if (!statement) return Unexpected(statement.error());
    statement->Bind(username);
    Result<app::SignInAttempts> found = ReadOne(
        *statement,
        [](ColumnReader& r) {
          app::SignInAttempts attempts;
          attempts.consecutive_failures = r.Int();
          attempts.last_failure_at = r.Int64();
          return attempts;
        },
        "no attempts");
    if (!found && found.error().code == ErrorCode::kNotFound) return app::SignInAttempts{};
    return found;
  }
  Status SaveSignInAttempts(std::string_view username,
                            const app::SignInAttempts& attempts) override {
    Result<Statement> statement = connection_.Prepare(
        "INSERT INTO sign_in_attempts (username, consecutive_failures, last_failure_at) "
        "VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
        "consecutive_failures = excluded.consecutive_failures, "
        "last_failure_at = excluded.last_failure_at");
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(username, std::int64_t{attempts.consecutive_failures},
                       attempts.last_failure_at);
    return statement->Run();
  }

  // --- summary ---

  Result<app::StoreSummary> Summarise() override {
    app::StoreSummary summary;
    Result<app::OrganisationSettings> settings = LoadSettings();
    if (!settings) return Unexpected(settings.error());
    summary.organisation = settings->name;

    Result<Statement> counts = connection_.Prepare(
        "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM service_requests), "
        "(SELECT count(*) FROM users), (SELECT count(*) FROM teams), "
        "(SELECT count(*) FROM service_areas), (SELECT count(*) FROM events)");
    if (!counts) return Unexpected(counts.error());
    Result<bool> counted = ReadOne(
        *counts,
        [&summary](ColumnReader& r) {
          summary.complaints = r.Int64();
          summary.service_requests = r.Int64();
          summary.users = r.Int64();
          summary.teams = r.Int64();
          summary.service_areas = r.Int64();
          summary.events = r.Int64();
          return true;
        },
        "no counts");
    if (!counted) return Unexpected(counted.error());

    // Grouped by start date in SQL and folded into financial years here, so that the financial
    // year has one definition (core::Date::FinancialYear).
    Result<Statement> stages = connection_.Prepare(
        "SELECT c.regime, s.number, s.started_on, count(*) FROM complaint_stages s "
        "JOIN complaints c ON c.id = s.complaint_id GROUP BY c.regime, s.number, s.started_on");
    if (!stages) return Unexpected(stages.error());
    using StageKey = std::tuple<int, core::Regime, int>;
    Result<std::vector<std::pair<StageKey, std::int64_t>>> stage_rows =
        ReadAll(*stages, [](ColumnReader& r) {
          const core::Regime regime = r.Enumerator(core::ParseRegime);
          const int number = r.Int();
          const core::Date started_on = r.Date();
          return std::pair{StageKey{started_on.FinancialYear(), regime, number}, r.Int64()};
        });
    if (!stage_rows) return Unexpected(stage_rows.error());
    std::map<StageKey, std::int64_t> stage_counts;
    for (const auto& [key, count] : *stage_rows) stage_counts[key] += count;
    for (const auto& [key, count] : stage_counts) {
      const auto& [year, regime, number] = key;
      summary.stage_counts.push_back({year, regime, number, count});
    }

    Result<Statement> statuses =
        connection_.Prepare("SELECT status, count(*) FROM complaints GROUP BY status");
    if (!statuses) return Unexpected(statuses.error());
    Result<std::vector<std::pair<core::CaseStatus, std::int64_t>>> by_status =
        ReadAll(*statuses, [](ColumnReader& r) {
          return std::pair{r.Enumerator(core::ParseCaseStatus), r.Int64()};
        });
    if (!by_status) return Unexpected(by_status.error());
    summary.by_status = std::move(*by_status);
    std::sort(summary.by_status.begin(), summary.by_status.end());
    return summary;
  }

  // --- reports (defined at the end of this file) ---

  Status ReadReportRecords(const report::RecordWindow& window, report::RecordSink& sink) override;
  Result<std::map<int, std::int64_t>> ListHomesOwned() override;
  Status SaveHomesOwned(int financial_year, std::int64_t homes) override;
  Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() override;
  Status SaveTenantSatisfaction(int financial_year,
                                const report::TenantSatisfaction& survey) override;

  // --- Ombudsman cases, learning actions, self-assessment ---

  Result<core::OmbudsmanCase> InsertOmbudsmanCase(core::OmbudsmanCase c, int year) override {
    return InsertVersioned(std::move(c), year);
  }
  Result<core::OmbudsmanCase> UpdateOmbudsmanCase(core::OmbudsmanCase c,
                                                  std::int64_t expected_version) override {
    return UpdateVersioned(std::move(c), expected_version);
  }
  Result<core::OmbudsmanCase> LoadOmbudsmanCase(std::string_view reference) override {
    return LoadVersioned<core::OmbudsmanCase>(reference);
  }
  Result<std::vector<core::OmbudsmanCase>> ListOmbudsmanCases(std::string_view complaint) override;
  Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder order, int year) override {
    return InsertVersioned(std::move(order), year);
  }
  Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder order,
                                                std::int64_t expected_version) override {
    return UpdateVersioned(std::move(order), expected_version);
  }
  Result<core::FailureOrder> LoadFailureOrder(std::string_view reference) override {
    return LoadVersioned<core::FailureOrder>(reference);
  }
  Result<std::vector<core::FailureOrder>> ListFailureOrders() override {
    return ListVersioned<core::FailureOrder>();
  }
  Result<core::LearningAction> InsertLearningAction(core::LearningAction action,
                                                    int year) override {
    return InsertVersioned(std::move(action), year);
  }
  Result<core::LearningAction> UpdateLearningAction(core::LearningAction action,
                                                    std::int64_t expected_version) override {
    return UpdateVersioned(std::move(action), expected_version);
  }
  Result<core::LearningAction> LoadLearningAction(std::string_view reference) override {
    return LoadVersioned<core::LearningAction>(reference);
  }
  Result<std::vector<core::LearningAction>> ListLearningActions() override {
    return ListVersioned<core::LearningAction>();
  }
  Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int year) override;
  Status SaveLgscoLetter(const core::LgscoLetter& letter) override;
  Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int year) override;
  Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) override;

  app::LetterRepository& Letters() override { return letters_; }
  app::LetterTemplateRepository& LetterTemplates() override { return letter_templates_; }
  app::OutboxRepository& Outbox() override { return outbox_; }
  app::ContactPreferencesRepository& ContactPreferences() override { return contact_preferences_; }

 private:
  // --- versioned records (Versioned<Record>) and their child lists ---

  // Whether SavedRowId follows an INSERT or an UPDATE (declared here, before its first use).
  enum class RowChange { kInsert, kUpdate };

  template <typename Record>
  Result<Record> InsertVersioned(Record record, int year) {
    using V = Versioned<Record>;
    static const std::string sql = "INSERT INTO " + std::string(V::kName) +
                                   " (reference, version, " + Join(V::kColumns) + ") VALUES (" +
                                   Placeholders(V::kColumns.size() + 2) + ")";
    Result<std::string> reference = NextReference(V::kPrefix, year);
    if (!reference) return Unexpected(reference.error());
    record.reference = std::move(*reference);
    record.version = kFirstVersion;
    Status saved = SaveVersioned(sql, record, RowChange::kInsert, [&](Statement& statement) {
      statement.BindAll(record.reference, record.version);
      V::Bind(statement, record);
    });
    if (!saved) return Unexpected(saved.error());
    return record;
  }

  template <typename Record>
  Result<Record> UpdateVersioned(Record record, std::int64_t expected_version) {
    using V = Versioned<Record>;
    static const std::string sql = [] {
      std::string text = "UPDATE " + std::string(V::kName) + " SET version = ?";
      for (std::string_view column : V::kColumns) text += ", " + std::string(column) + " = ?";
      return text + " WHERE reference = ? AND version = ?";
    }();
    record.version = expected_version + 1;
    Status saved = SaveVersioned(sql, record, RowChange::kUpdate, [&](Statement& statement) {
      statement.Bind(record.version);
      V::Bind(statement, record);
      statement.BindAll(record.reference, expected_version);
    });
    if (!saved) return Unexpected(saved.error());
    return record;
  }

  // Runs the INSERT or UPDATE `sql` bound by `bind`, sets the record's id, rewrites its children,
  // and names an unknown reference when a foreign key fails.
  template <typename Record, typename BindRow>
  Status SaveVersioned(const std::string& sql, Record& record, RowChange change, BindRow bind) {
    using V = Versioned<Record>;
    Status saved = [&]() -> Status {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      bind(*statement);
      Result<std::int64_t> id =
          SavedRowId(*statement, change, V::kName, record.reference, V::kWhat);
      if (!id) return Unexpected(id.error());
      record.id = *id;
      return SaveChildrenOf(record);
    }();
    return NameUnknownReference(std::move(saved), [&] { return V::References(record); });
  }

  template <typename Record>
  static const std::string& SelectVersionedSql() {
    using V = Versioned<Record>;
    static const std::string sql =
        "SELECT id, reference, version, " + Join(V::kColumns) + " FROM " + std::string(V::kName);
    return sql;
  }

  template <typename Record>
  Result<Record> LoadVersioned(std::string_view reference) {
    using V = Versioned<Record>;
    static const std::string sql = SelectVersionedSql<Record>() + " WHERE reference = ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference);
    Result<Record> record =
        ReadOne(*statement, V::Read, "no " + std::string(V::kWhat) + " " + std::string(reference));
    if (!record) return record;
    if (Status loaded = LoadChildrenOf(*record); !loaded) return Unexpected(loaded.error());
    return record;
  }

  // Every record, oldest first, or those whose id `filter_sql` (a "WHERE ..." with one parameter,
  // bound to `value`) selects.
  template <typename Record>
  Result<std::vector<Record>> ListVersioned(const std::string& filter_sql = "",
                                            std::string_view value = {}) {
    const std::string sql = SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    if (!filter_sql.empty()) statement->Bind(value);
    Result<std::vector<Record>> records = ReadAll(*statement, Versioned<Record>::Read);
    if (!records) return records;
    for (Record& record : *records) {
      if (Status loaded = LoadChildrenOf(record); !loaded) return Unexpected(loaded.error());
    }
    return records;
  }

  Status SaveChildrenOf(const core::OmbudsmanCase& c) {
    if (Status saved = ReplaceChildren(kCaseComplaints, c.id, c.complaints); !saved) return saved;
    if (Status saved = ReplaceChildren(kCaseFindings, c.id, c.findings); !saved) return saved;
    return ReplaceChildren(kCaseRemedies, c.id, c.remedies);
  }
  Status LoadChildrenOf(core::OmbudsmanCase& c) {
    if (Status loaded = LoadChildren(kCaseComplaints, c.id, c.complaints); !loaded) return loaded;
    if (Status loaded = LoadChildren(kCaseFindings, c.id, c.findings); !loaded) return loaded;
    return LoadChildren(kCaseRemedies, c.id, c.remedies);
  }
  Status SaveChildrenOf(const core::FailureOrder&) { return {}; }
  Status LoadChildrenOf(core::FailureOrder&) { return {}; }
  Status SaveChildrenOf(const core::LearningAction& a) {
    return ReplaceChildren(kActionComplaints, a.id, a.complaints);
  }
  Status LoadChildrenOf(core::LearningAction& a) {
    return LoadChildren(kActionComplaints, a.id, a.complaints);
  }

  // Replaces the parent's rows of `table` with `items`, in order.
  template <typename Item>
  Status ReplaceChildren(const ChildTable& table, std::int64_t parent,
                         const std::vector<Item>& items) {
    using C = ChildColumns<Item>;
    const std::string remove_sql =
        "DELETE FROM " + std::string(table.name) + " WHERE " + std::string(table.parent) + " = ?";
    Result<Statement> remove = connection_.Prepare(remove_sql);
    if (!remove) return Unexpected(remove.error());
    remove->Bind(parent);
    if (Status removed = remove->Run(); !removed) return removed;
    const std::string insert_sql = "INSERT INTO " + std::string(table.name) + " (" +
                                   std::string(table.parent) + ", position, " + Join(C::kColumns) +
                                   ") VALUES (" + Placeholders(C::kColumns.size() + 2) + ")";
    for (std::size_t i = 0; i < items.size(); ++i) {
      Result<Statement> insert = connection_.Prepare(insert_sql);
      if (!insert) return Unexpected(insert.error());
      insert->BindAll(parent, static_cast<std::int64_t>(i));
      C::Bind(*insert, items[i]);
      if (Status inserted = insert->Run(); !inserted) return inserted;
    }
    return {};
  }

  template <typename Item>
  Status LoadChildren(const ChildTable& table, std::int64_t parent, std::vector<Item>& items) {
    using C = ChildColumns<Item>;
    const std::string sql = "SELECT " + Join(C::kColumns) + " FROM " + std::string(table.name) +
                            " WHERE " + std::string(table.parent) + " = ? ORDER BY position";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(parent);
    Result<std::vector<Item>> rows = ReadAll(*statement, C::Read);
    if (!rows) return Unexpected(rows.error());
    items = std::move(*rows);
    return {};
  }

  // If `status` failed on a foreign key, names the first of the references (made by
  // `make_references`, called only then) that does not exist.
  template <typename MakeReferences>
  Status NameUnknownReference(Status status, MakeReferences make_references) {
    if (status || status.error().code != ErrorCode::kInvalidInput ||
        status.error().message != kUnknownReferenceMessage) {
      return status;
    }
    for (const Reference& reference : make_references()) {
      if (reference.value.empty()) continue;
      const std::string sql = "SELECT 1 FROM " + std::string(reference.table) + " WHERE " +
                              std::string(reference.key) + " = ?";
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      statement->Bind(reference.value);
      Result<bool> exists = statement->Step();
      if (!exists) return Unexpected(exists.error());
      if (!*exists) {
        return core::FailField(reference.field, "unknown " + std::string(reference.what) + " '" +
                                                    reference.value + "'");
      }
    }
    return status;
  }

  // The next reference of the series `prefix` for `year`, consuming its number.
  Result<std::string> NextReference(std::string_view prefix, int year) {
    // Two statements rather than an upsert with RETURNING (see SavedRowId).
    Result<Statement> consume = connection_.Prepare(
        "INSERT INTO reference_sequences (prefix, year, next_value) VALUES (?, ?, ?) "
        "ON CONFLICT (prefix, year) DO UPDATE SET next_value = next_value + 1");
    if (!consume) return Unexpected(consume.error());
    consume->BindAll(prefix, year, kFirstReferenceNumber + 1);
    if (Status consumed = consume->Run(); !consumed) return Unexpected(consumed.error());
    Result<Statement> taken = connection_.Prepare(
        "SELECT next_value - 1 FROM reference_sequences WHERE prefix = ? AND year = ?");
    if (!taken) return Unexpected(taken.error());
    taken->BindAll(prefix, year);
    Result<std::int64_t> number = ReadOne(
        *taken, [](ColumnReader& r) { return r.Int64(); }, "no reference number");
    if (!number) return Unexpected(number.error());
    return FormatReference(prefix, year, *number);
  }

  // Runs `statement`, the INSERT of a row or the UPDATE ... WHERE reference = ? AND version = ?
  // of the row `reference` of `table`, and returns the row's id. An UPDATE that matches no row is
  // kNotFound or, when the row exists at another version, kStaleVersion. (RETURNING id would be
  // shorter, but SQLite buffers RETURNING rows in a temporary table that it creates and frees on
  // every run, which costs more than the write itself.)
  Result<std::int64_t> SavedRowId(Statement& statement, RowChange change, std::string_view table,
                                  const std::string& reference, std::string_view what) {
    if (Status run = statement.Run(); !run) return Unexpected(run.error());
    if (change == RowChange::kInsert) return statement.LastInsertRowid();
    if (statement.Changes() == 0) {
      Status mismatch = VersionMismatch(table, reference, what);
      return Unexpected(mismatch.error());
    }
    const std::string sql = "SELECT id FROM " + std::string(table) + " WHERE reference = ?";
    Result<Statement> select = connection_.Prepare(sql);
    if (!select) return Unexpected(select.error());
    select->Bind(reference);
    return ReadOne(
        *select, [](ColumnReader& r) { return r.Int64(); }, "no " + std::string(what));
  }

  // Whether a save starts the case's child rows afresh (insert) or replaces them (update).
  enum class Children { kNew, kReplace };

  // Runs the complaint INSERT or UPDATE `sql` (see SavedRowId), then rewrites the case's stages,
  // their lists and its repeat links.
  template <typename BindAll>
  Status SaveComplaint(const std::string& sql, core::Complaint& complaint, Children children,
                       BindAll bind_all) {
    Status saved = [&]() -> Status {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      bind_all(*statement);
      const RowChange change = children == Children::kNew ? RowChange::kInsert : RowChange::kUpdate;
      Result<std::int64_t> id =
          SavedRowId(*statement, change, "complaints", complaint.reference, "complaint");
      if (!id) return Unexpected(id.error());
      complaint.id = *id;
      return SaveComplaintChildren(complaint, children);
    }();
    return NameUnknownReference(std::move(saved), [&] { return ComplaintReferences(complaint); });
  }

  // Why an UPDATE ... WHERE reference = ? AND version = ? changed nothing.
  Status VersionMismatch(std::string_view table, const std::string& reference,
                         std::string_view what) {
    const std::string sql = "SELECT 1 FROM " + std::string(table) + " WHERE reference = ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference);
    Result<bool> exists = statement->Step();
    if (!exists) return Unexpected(exists.error());
    if (!*exists) return Fail(ErrorCode::kNotFound, "no " + std::string(what) + " " + reference);
    return Fail(ErrorCode::kStaleVersion,
                "the " + std::string(what) + " changed since you loaded it");
  }

  // Deleting the stages cascades to their lists.
  Status DeleteComplaintChildren(std::int64_t complaint_id) {
    for (std::string_view sql :
         {"DELETE FROM complaint_stages WHERE complaint_id = ?",
          "DELETE FROM complaint_repeats WHERE complaint_id = ?",
          "DELETE FROM complaint_earlier_refusals WHERE complaint_id = ?",
          "DELETE FROM complaint_earlier_withdrawals WHERE complaint_id = ?"}) {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      statement->Bind(complaint_id);
      if (Status deleted = statement->Run(); !deleted) return deleted;
    }
    return {};
  }

  Status SaveComplaintChildren(const core::Complaint& complaint, Children children) {
    if (children == Children::kReplace) {
      if (Status deleted = DeleteComplaintChildren(complaint.id); !deleted) return deleted;
    }
    static const std::string stage_sql = InsertSql("complaint_stages", kStageColumns);
    for (const core::Stage& stage : complaint.stages) {
      Result<Statement> statement = connection_.Prepare(stage_sql);
      if (!statement) return Unexpected(statement.error());
      BindStage(*statement, complaint.id, stage);
      if (Status inserted = statement->Run(); !inserted) return inserted;
      if (Status s = InsertStageList(kExtensions, complaint.id, stage); !s) return s;
      if (Status s = InsertStageList(kRootCauses, complaint.id, stage); !s) return s;
      if (Status s = InsertStageList(kRemedies, complaint.id, stage); !s) return s;
      if (Status s = InsertStageList(kActions, complaint.id, stage); !s) return s;
      if (Status s = InsertStageList(kEarlierResponses, complaint.id, stage); !s) return s;
      if (Status s = InsertStageList(kReopenings, complaint.id, stage); !s) return s;
      if (Status s = InsertProcedure(complaint.id, stage); !s) return s;
    }
    if (Status s = SaveEarlierDecisions(complaint); !s) return s;
    return InsertPositioned(
        "INSERT INTO complaint_repeats (complaint_id, position, repeat_of) VALUES (?, ?, ?)",
        complaint.id, complaint.possible_repeat_of,
        [](const std::string& repeat_of) { return std::tie(repeat_of); });
  }

  // Inserts one row per item of a complaint-level list: (complaint_id, position, the columns
  // `fields` gives for the item as a tuple), position 0-based in the list's order.
  template <typename Item, typename Fields>
  Status InsertPositioned(const char* sql, std::int64_t complaint_id,
                          const std::vector<Item>& items, Fields fields) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      std::apply(
          [&](const auto&... values) {
            statement->BindAll(complaint_id, static_cast<std::int64_t>(i), values...);
          },
          fields(items[i]));
      if (Status inserted = statement->Run(); !inserted) return inserted;
    }
    return {};
  }

  // The refusals and withdrawals a reopening undid (migration 0011).
  Status SaveEarlierDecisions(const core::Complaint& complaint) {
    if (Status s = InsertPositioned(
            "INSERT INTO complaint_earlier_refusals (complaint_id, position, decided_on, reason, "
            "explanation) VALUES (?, ?, ?, ?, ?)",
            complaint.id, complaint.earlier_refusals,
            [](const core::Refusal& refusal) {
              return std::tie(refusal.decided_on, refusal.reason, refusal.explanation);
            });
        !s) {
      return s;
    }
    return InsertPositioned(
        "INSERT INTO complaint_earlier_withdrawals (complaint_id, position, withdrawn_on, reason, "
        "status_before) VALUES (?, ?, ?, ?, ?)",
        complaint.id, complaint.earlier_withdrawals, [](const core::Withdrawal& withdrawal) {
          return std::tie(withdrawal.withdrawn_on, withdrawal.reason, withdrawal.status_before);
        });
  }

  Status InsertProcedure(std::int64_t complaint_id, const core::Stage& stage) {
    if (stage.procedure == core::StageProcedure{}) return {};
    static const std::string sql = InsertSql("stage_procedures", kProcedureColumns);
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    BindProcedure(*statement, complaint_id, stage.number, stage.procedure);
    return statement->Run();
  }

  Status LoadProcedures(core::Complaint& complaint) {
    static const std::string sql =
        SelectSql("stage_procedures", kProcedureColumns) + " WHERE complaint_id = ? ORDER BY stage";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(complaint.id);
    Result<std::vector<std::pair<int, core::StageProcedure>>> rows =
        ReadAll(*statement, ReadProcedure);
    if (!rows) return Unexpected(rows.error());
    for (auto& [number, procedure] : *rows) {
      for (core::Stage& stage : complaint.stages) {
        if (stage.number == number) stage.procedure = std::move(procedure);
      }
    }
    return {};
  }

  Status LoadEarlierDecisions(core::Complaint& complaint) {
    Result<Statement> refusals = connection_.Prepare(
        "SELECT decided_on, reason, explanation FROM complaint_earlier_refusals "
        "WHERE complaint_id = ? ORDER BY position");
    if (!refusals) return Unexpected(refusals.error());
    refusals->Bind(complaint.id);
    auto refused = ReadAll(*refusals, [](ColumnReader& r) {
      return core::Refusal{r.Date(), r.Enumerator(core::ParseRefusalReason), r.Text()};
    });
    if (!refused) return Unexpected(refused.error());
    complaint.earlier_refusals = std::move(*refused);
    Result<Statement> withdrawals = connection_.Prepare(
        "SELECT withdrawn_on, reason, status_before FROM complaint_earlier_withdrawals "
        "WHERE complaint_id = ? ORDER BY position");
    if (!withdrawals) return Unexpected(withdrawals.error());
    withdrawals->Bind(complaint.id);
    auto withdrawn = ReadAll(*withdrawals, [](ColumnReader& r) {
      return core::Withdrawal{r.Date(), r.Text(), r.Enumerator(core::ParseCaseStatus)};
    });
    if (!withdrawn) return Unexpected(withdrawn.error());
    complaint.earlier_withdrawals = std::move(*withdrawn);
    return {};
  }

  template <typename Item>
  Status InsertStageList(const StageList<Item>& list, std::int64_t complaint_id,
                         const core::Stage& stage) {
    const std::vector<Item>* items = list.source(stage);
    if (items == nullptr) return {};
    // Each item type has one list, so one SQL text per instantiation.
    static const std::string sql = InsertSql(list.table, StageListColumns(list));
    for (std::size_t i = 0; i < items->size(); ++i) {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      statement->BindAll(complaint_id, stage.number, static_cast<std::int64_t>(i));
      list.bind(*statement, (*items)[i]);
      if (Status inserted = statement->Run(); !inserted) return inserted;
    }
    return {};
  }

  Status LoadComplaintChildren(core::Complaint& complaint) {
    static const std::string stage_sql =
        SelectSql("complaint_stages", kStageColumns) + " WHERE complaint_id = ? ORDER BY number";
    Result<Statement> statement = connection_.Prepare(stage_sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(complaint.id);
    Result<std::vector<core::Stage>> stages = ReadAll(*statement, ReadStage);
    if (!stages) return Unexpected(stages.error());
    complaint.stages = std::move(*stages);

    if (Status s = LoadStageList(kExtensions, complaint); !s) return s;
    if (Status s = LoadStageList(kRootCauses, complaint); !s) return s;
    if (Status s = LoadStageList(kRemedies, complaint); !s) return s;
    if (Status s = LoadStageList(kActions, complaint); !s) return s;
    if (Status s = LoadStageList(kEarlierResponses, complaint); !s) return s;
    if (Status s = LoadStageList(kReopenings, complaint); !s) return s;
    if (Status s = LoadEarlierDecisions(complaint); !s) return s;
    if (Status s = LoadProcedures(complaint); !s) return s;

    Result<Statement> repeats = connection_.Prepare(
        "SELECT repeat_of FROM complaint_repeats WHERE complaint_id = ? ORDER BY position");
    if (!repeats) return Unexpected(repeats.error());
    repeats->Bind(complaint.id);
    Result<std::vector<std::string>> references =
        ReadAll(*repeats, [](ColumnReader& r) { return r.Text(); });
    if (!references) return Unexpected(references.error());
    complaint.possible_repeat_of = std::move(*references);
    return {};
  }

  template <typename Item>
  Status LoadStageList(const StageList<Item>& list, core::Complaint& complaint) {
    // Each item type has one list, so one SQL text per instantiation.
    static const std::string sql = "SELECT stage, " + Join(list.item_columns) + " FROM " +
                                   std::string(list.table) +
                                   " WHERE complaint_id = ? ORDER BY stage, position";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(complaint.id);
    Result<std::vector<std::pair<int, Item>>> rows = ReadAll(*statement, [&list](ColumnReader& r) {
      const int stage = r.Int();
      return std::pair<int, Item>(stage, list.read(r));
    });
    if (!rows) return Unexpected(rows.error());
    for (auto& [number, item] : *rows) {
      std::vector<Item>* target = nullptr;
      for (core::Stage& stage : complaint.stages) {
        if (stage.number == number) target = list.target(stage);
      }
      if (target == nullptr) {
        return Fail(ErrorCode::kStorage, std::string(list.table) + " has a row for stage " +
                                             std::to_string(number) + " of " + complaint.reference +
                                             ", which cannot hold it");
      }
      target->push_back(std::move(item));
    }
    return {};
  }

  template <typename BindAll>
  Result<std::int64_t> SaveServiceRequest(const std::string& sql,
                                          const core::ServiceRequest& request, RowChange change,
                                          BindAll bind_all) {
    Result<std::int64_t> id = [&]() -> Result<std::int64_t> {
      Result<Statement> statement = connection_.Prepare(sql);
      if (!statement) return Unexpected(statement.error());
      bind_all(*statement);
      return SavedRowId(*statement, change, "service_requests", request.reference,
                        "service request");
    }();
    if (id) return id;
    Status named = NameUnknownReference(Unexpected(id.error()),
                                        [&] { return ServiceRequestReferences(request); });
    return Unexpected(named.error());
  }

  // The row id of the complaint `reference`; kNotFound when there is none.
  Result<std::int64_t> ComplaintIdOf(std::string_view reference) {
    Result<Statement> statement =
        connection_.Prepare("SELECT id FROM complaints WHERE reference = ?");
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference);
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int64(); },
        "no complaint " + std::string(reference));
  }

  // The columns ReadLink reads, from complaint_links "l" joined to both complaints.
  static inline const std::string kSelectLinksSql =
      "SELECT f.reference, t.reference, l.relation, l.created_by, l.created_at "
      "FROM complaint_links l JOIN complaints f ON f.id = l.from_id "
      "JOIN complaints t ON t.id = l.to_id";
  static app::CaseLink ReadLink(ColumnReader& r) {
    return app::CaseLink{r.Text(), r.Text(), r.Enumerator(app::ParseLinkRelation), r.Text(),
                         r.Text()};
  }

  template <typename Record>
  Result<std::vector<Record>> ListAll() {
    static const std::string sql =
        SelectAllSql<Record>() + " ORDER BY " + std::string(Table<Record>::kOrder);
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    return ReadAll(*statement, Table<Record>::Read);
  }

  // The record selected by `sql` (SelectAllSql + a WHERE with one parameter) for `value`.
  template <typename Record, typename Value>
  Result<Record> FindBy(const std::string& sql, const Value& value, const std::string& not_found) {
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(value);
    return ReadOne(*statement, Table<Record>::Read, not_found);
  }

  template <typename Record>
  Status Upsert(const Record& record) {
    return Apply(UpsertRecordSql<Record>(), record);
  }

  template <typename Record>
  Status Insert(const Record& record) {
    return Apply(InsertRecordSql<Record>(), record);
  }

  // Runs the INSERT or upsert `sql` of a record.
  template <typename Record>
  Status Apply(const std::string& sql, const Record& record) {
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    Table<Record>::Bind(*statement, record);
    return NameUnknownReference(statement->Run(),
                                [&] { return Table<Record>::References(record); });
  }

  template <typename Record>
  Result<std::int64_t> InsertWithId(const Record& record) {
    Result<Statement> statement = connection_.Prepare(InsertRecordSql<Record>());
    if (!statement) return Unexpected(statement.error());
    Table<Record>::Bind(*statement, record);
    Status inserted = statement->Run();
    if (inserted) return statement->LastInsertRowid();
    Status named = NameUnknownReference(std::move(inserted),
                                        [&] { return Table<Record>::References(record); });
    return Unexpected(named.error());
  }

  Connection& connection_;
  const app::Clock& clock_;
  SqliteLetterRepository letters_;
  SqliteLetterTemplateRepository letter_templates_;
  SqliteOutboxRepository outbox_;
  SqliteContactPreferencesRepository contact_preferences_;
};

// Runs `work`, turning any exception it throws into a kStorage error: this adapter is where
// library exceptions stop.
template <typename Work>
Status Guarded(Work&& work) {
  try {
    return work();
  } catch (const std::exception& exception) {
    return Fail(ErrorCode::kStorage, std::string("unexpected failure: ") + exception.what());
  } catch (...) {
    return Fail(ErrorCode::kStorage, "unexpected failure");
  }
}

// Runs `work` between `begin` and COMMIT (when `commit`) or ROLLBACK.
Status InTransaction(Connection& connection, std::string_view begin, bool commit,
                     const std::function<Status()>& work) {
  return Guarded([&]() -> Status {
    if (Status begun = connection.Begin(begin); !begun) {
      connection.Rollback();
      return begun;
    }
    Status result = Guarded(work);
    if (result && commit) result = connection.Commit();
    connection.Rollback();
    return result;
  });
}

// Process-wide SQLite settings, made once, before SQLite initialises: sqlite3_config refuses them
// afterwards (harmlessly: e.g. when the process used SQLite before opening a store) and must not
// run while another thread uses SQLite, which the first Open, at start-up, does not risk.
// Memory statistics off: they take one global mutex on every allocation of every connection,
// which costs the writer about a tenth of its throughput; nothing here reads them (nor sets a
// soft heap limit, which needs them).
void ConfigureSqliteOnce() {
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  static_cast<void>(configured);
}

// The complaints listed in complaints_fts_pending (as p) and their current text (as c). CROSS
// JOIN keeps this order in SQLite: the few listed rows, each complaint looked up by id. Given the
// statistics of the complaints and none of the list, SQLite would otherwise read every complaint
// and look each one up in the list, on every commit.
constexpr std::string_view kPendingTexts =
    " FROM complaints_fts_pending AS p CROSS JOIN complaints AS c ON c.id = p.id";

// Adds the words of the complaints listed in complaints_fts_pending, as the index is about to
// hold them, to the dictionary of indexed words (migration 0005), each once.
Status AddIndexedWords(Connection& connection) {
  Result<const TextTokenizer*> tokenizer = connection.Tokenizer();
  if (!tokenizer) return Unexpected(tokenizer.error());
  std::set<std::string, std::less<>> words;
  const auto add = [&words](std::string_view word) {
    if (words.find(word) == words.end()) words.emplace(word);
  };
  {
    static const std::string sql = "SELECT c.summary, c.description" + std::string(kPendingTexts);
    Result<Statement> texts = connection.Prepare(sql);
    if (!texts) return Unexpected(texts.error());
    for (;;) {
      Result<bool> row = texts->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) break;
      ColumnReader r = texts->Columns();
      for (const std::string& text : {r.Text(), r.Text()}) {
        if (Status split = (*tokenizer)->Tokenize(text, FTS5_TOKENIZE_DOCUMENT, add); !split) {
          return split;
        }
      }
    }
  }
  for (const std::string& word : words) {
    Result<Statement> insert =
        connection.Prepare("INSERT OR IGNORE INTO complaints_fts_terms (term) VALUES (?)");
    if (!insert) return Unexpected(insert.error());
    insert->Bind(word);
    if (Status added = insert->Run(); !added) return added;
  }
  return {};
}

// Brings the full-text index up to date with the complaints listed in complaints_fts_pending (see
// migration 0002): removes the text it held for them, adds their current text and its words to
// the dictionary. Run once per transaction, outside any Write's savepoint, so the index takes a
// whole batch in one segment.
Status SyncTextIndex(Connection& connection) {
  if (Status added = AddIndexedWords(connection); !added) return added;
  static const std::array<std::string, 3> statements = {
      "INSERT INTO complaints_fts (complaints_fts, rowid, summary, description) "
      "SELECT 'delete', id, indexed_summary, indexed_description FROM complaints_fts_pending "
      "WHERE indexed_summary IS NOT NULL",
      "INSERT INTO complaints_fts (rowid, summary, description) "
      "SELECT c.id, c.summary, c.description" +
          std::string(kPendingTexts),
      "DELETE FROM complaints_fts_pending",
  };
  for (const std::string& sql : statements) {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    if (Status run = statement->Run(); !run) return run;
  }
  return {};
}

Status Migrate(Connection& connection, const app::Clock& clock) {
  if (Status created = connection.Execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
      !created) {
    return created;
  }
  const auto current_version = [&connection]() -> Result<int> {
    Result<Statement> statement =
        connection.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!statement) return Unexpected(statement.error());
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int(); }, "no version");
  };
  const std::span<const Migration> migrations = Migrations();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  Result<int> version = current_version();
  if (!version) return Unexpected(version.error());
  if (*version > known) {
    return Fail(ErrorCode::kStorage, "the database has schema version " + std::to_string(*version) +
                                         ", newer than the " + std::to_string(known) +
                                         " this program knows");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    Status applied = InTransaction(connection, "BEGIN IMMEDIATE", true, [&]() -> Status {
      // Another process may have applied it since the version was read.
      Result<int> now = current_version();
      if (!now) return Unexpected(now.error());
      if (*now >= migration.version) return {};
      if (Status run = connection.Execute(std::string(migration.sql)); !run) return run;
      Result<Statement> record = connection.Prepare(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      if (!record) return Unexpected(record.error());
      record->BindAll(migration.version, migration.name, clock.NowRfc3339());
      return record->Run();
    });
    if (!applied) {
      return Fail(ErrorCode::kStorage, "migration " + std::to_string(migration.version) + " (" +
                                           std::string(migration.name) +
                                           ") failed: " + applied.error().message);
    }
  }
  return {};
}

// SQLite chooses among the indexes of a list by the statistics ANALYZE keeps in sqlite_stat1 (how
// many complaints share a status, a team, a regime...). Without them it takes every equality for
// a selective one, and sorts a regime's hundred thousand complaints rather than reading them in
// the order wanted. So the complaints are analysed when they have no statistics or their number
// has changed by this factor since: the statistics are averages, which move slowly, and ANALYZE
// reads every index (about two seconds for a million complaints). Below the minimum any plan is
// fast, and an empty table would give no statistics.
constexpr std::int64_t kMinComplaintsToAnalyse = 10000;
constexpr std::int64_t kReanalyseFactor = 2;

Status RefreshStatistics(Connection& connection) {
  const auto number = [&connection](std::string_view sql) -> Result<std::int64_t> {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int64(); }, "");
  };
  Result<std::int64_t> complaints = number("SELECT count(*) FROM complaints");
  if (!complaints) return Unexpected(complaints.error());
  if (*complaints < kMinComplaintsToAnalyse) return {};
  Result<std::int64_t> analysed_table =
      number("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'");
  if (!analysed_table) return Unexpected(analysed_table.error());
  std::int64_t analysed = 0;
  if (*analysed_table > 0) {
    // An index's statistics begin with its number of rows; a partial index has fewer.
    Result<std::int64_t> rows = number(
        "SELECT coalesce(max(CAST(stat AS INTEGER)), 0) FROM sqlite_stat1 "
        "WHERE tbl = 'complaints'");
    if (!rows) return Unexpected(rows.error());
    analysed = *rows;
  }
  if (analysed > 0 && *complaints < kReanalyseFactor * analysed &&
      analysed < kReanalyseFactor * *complaints) {
    return {};
  }
  return connection.Execute("ANALYZE complaints");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// SqliteStore.

struct SqliteStore::PendingWrite {
  explicit PendingWrite(const std::function<Status(app::Tx&)>& work_to_run) : work(work_to_run) {}

  const std::function<Status(app::Tx&)>& work;
  Status result;                  // set by the leader before `done`
  bool done = false;              // guarded by queue_mutex_
  std::condition_variable woken;  // notified when done, or when the queue needs a new leader
};

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const app::Clock& clock,
                                                       SqliteOptions options,
                                                       std::optional<AuditAnchor> audit_anchor) {
  if (path.empty()) return core::FailField("db", "the database path is empty");
  if (options.max_writes_per_commit < 1) {
    return core::FailField("max_writes_per_commit", "must be at least 1");
  }
  if (sodium_init() < 0) return Fail(ErrorCode::kStorage, "libsodium failed to initialise");
  ConfigureSqliteOnce();
  if (sqlite3_threadsafe() == 0) {
    return Fail(ErrorCode::kStorage, "this SQLite library is built without thread support");
  }
  if (Status prepared = PrepareDatabaseFile(path, options.open_mode); !prepared) {
    return Unexpected(prepared.error());
  }
  Result<std::unique_ptr<Connection>> writer = Connection::Open(path, Connection::Role::kWriter);
  if (!writer) return Unexpected(writer.error());
  Status migrated = Guarded([&] { return Migrate(**writer, clock); });
  if (!migrated) return Unexpected(migrated.error());
  Status analysed = Guarded([&] { return RefreshStatistics(**writer); });
  if (!analysed) return Unexpected(analysed.error());
  const std::span<const Migration> migrations = Migrations();
  const int version = migrations.empty() ? 0 : migrations.back().version;
  std::unique_ptr<SqliteStore> store(
      new SqliteStore(path, clock, options, audit_anchor, std::move(*writer), version));
  if (audit_anchor && !audit_anchor->read_only) {
    SqliteStore* raw = store.get();
    Result<std::unique_ptr<common::Checkpointer>> checkpointer = common::Checkpointer::Start(
        audit_anchor->checkpointer, [raw] { return raw->ReadChainHead(); }, clock);
    if (!checkpointer) return Unexpected(checkpointer.error());
    store->checkpointer_ = std::move(*checkpointer);
  }
  return store;
}

SqliteStore::SqliteStore(std::string path, const app::Clock& clock, SqliteOptions options,
                         std::optional<AuditAnchor> audit_anchor,
                         std::unique_ptr<Connection> writer, int schema_version)
    : path_(std::move(path)),
      clock_(clock),
      options_(options),
      audit_anchor_(std::move(audit_anchor)),
      schema_version_(schema_version),
      writer_(std::move(writer)) {
  // Room for a full batch waiting while another commits, so the queue rarely grows.
  queue_.reserve(2 * options_.max_writes_per_commit);
  batch_.reserve(options_.max_writes_per_commit);
}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::Write(const std::function<Status(app::Tx&)>& work) {
  PendingWrite pending(work);
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&pending);
  // Wait until a leader has committed this Write, or until there is no leader.
  while (!pending.done && leader_active_) pending.woken.wait(lock);

  // Lead: commit the oldest queued Writes, in batches, until this one is among them. Each batch
  // takes everything that queued up while the previous one was committing.
  while (!pending.done) {
    leader_active_ = true;
    const auto taken = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(
                                            queue_.size(), options_.max_writes_per_commit));
    batch_.assign(queue_.begin(), taken);
    queue_.erase(queue_.begin(), taken);
    lock.unlock();
    const int commits = CommitBatch(batch_);
    lock.lock();
    statistics_.commits += commits;
    statistics_.largest_batch =
        std::max(statistics_.largest_batch, static_cast<std::int64_t>(batch_.size()));
    for (PendingWrite* written : batch_) {
      ++(written->result ? statistics_.writes : statistics_.failed_writes);
      written->done = true;
      if (written != &pending) written->woken.notify_one();
    }
    leader_active_ = false;
  }
  // Hand the lead to the oldest Write still waiting, if any.
  if (!queue_.empty()) queue_.front()->woken.notify_one();
  return std::move(pending.result);
}

int SqliteStore::CommitBatch(std::span<PendingWrite* const> batch) {
  std::lock_guard writer_lock(writer_mutex_);
  int commits = 0;
  std::size_t next = 0;
  // The works' exceptions stop in CommitSome; this catches the store's own (out of memory), so
  // that the leader always wakes its batch and gives up the lead.
  try {
    while (next < batch.size()) next = CommitSome(batch, next, commits);
  } catch (const std::exception& exception) {
    writer_->Rollback();
    const Error error{
        ErrorCode::kStorage, std::string("unexpected failure: ") + exception.what(), {}};
    for (std::size_t i = next; i < batch.size(); ++i) batch[i]->result = Unexpected(error);
  }
  return commits;
}

std::size_t SqliteStore::CommitSome(std::span<PendingWrite* const> batch, std::size_t first,
                                    int& commits) {
  Connection& writer = *writer_;
  if (Status begun = writer.Begin("BEGIN IMMEDIATE"); !begun) {
    writer.Rollback();
    for (std::size_t i = first; i < batch.size(); ++i) batch[i]->result = begun;
    return batch.size();
  }
  // The Writes of batch[first..last) that succeeded lose their changes: each fails with `error`.
  const auto fail_succeeded = [&batch, first](std::size_t last, const Error& error) {
    for (std::size_t i = first; i < last; ++i) {
      if (batch[i]->result) batch[i]->result = Unexpected(error);
    }
  };
  for (std::size_t i = first; i < batch.size(); ++i) {
    PendingWrite& write = *batch[i];
    write.result = Guarded([&]() -> Status {
      if (Status saved = writer.Savepoint(); !saved) return saved;
      SqliteTx tx(writer, clock_);
      return write.work(tx);
    });
    Status ended;
    if (writer.TransactionAbandoned()) {
      ended = Fail(ErrorCode::kStorage, "the database abandoned the transaction after an error");
    } else if (write.result) {
      ended = writer.ReleaseSavepoint();
    } else {
      ended = writer.RollbackToSavepoint();
    }
    if (!ended) {
      // The transaction is lost, and this Write's work with it: it keeps its own error if it had
      // one, the Writes before it fail, and the rest run in a new transaction.
      if (write.result) write.result = Unexpected(ended.error());
      fail_succeeded(i, Error{ErrorCode::kStorage,
                              "not saved: the database dropped the transaction it shared with a "
                              "failed change (" +
                                  write.result.error().message + ")",
                              {}});
      writer.Rollback();
      return i + 1;
    }
  }
  Status committed = Guarded([&] { return SyncTextIndex(writer); });
  if (committed) committed = writer.Commit();
  if (!committed) {
    writer.Rollback();
    fail_succeeded(batch.size(), committed.error());
  } else {
    ++commits;
  }
  return batch.size();
}

Status SqliteStore::Read(const std::function<Status(app::Tx&)>& work) {
  return WithReader([&](Connection& reader) {
    SqliteTx tx(reader, clock_);
    return work(tx);
  });
}

Status SqliteStore::WithReader(const std::function<Status(Connection&)>& work) {
  return Guarded([&]() -> Status {
    Result<std::unique_ptr<Connection>> reader = AcquireReader();
    if (!reader) return Unexpected(reader.error());
    // A read transaction is one snapshot; it is always rolled back, having written nothing.
    Status result = InTransaction(**reader, "BEGIN", false, [&] { return work(**reader); });
    ReleaseReader(std::move(*reader));
    return result;
  });
}

Result<std::unique_ptr<Connection>> SqliteStore::AcquireReader() {
  {
    std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
  }
  return Connection::Open(path_, Connection::Role::kReader);
}

void SqliteStore::ReleaseReader(std::unique_ptr<Connection> reader) {
  std::lock_guard lock(readers_mutex_);
  if (idle_readers_.size() < kMaxIdleReaders) idle_readers_.push_back(std::move(reader));
}

Status SqliteStore::CheckWritable() {
  return Write([this](app::Tx&) -> Status {
    Result<Statement> probe = writer_->Prepare(
        "INSERT INTO readiness_probe (id, probed_at) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at");
    if (!probe) return Unexpected(probe.error());
    probe->Bind(clock_.NowRfc3339());
    return probe->Run();
  });
}

Result<app::AuditReport> SqliteStore::VerifyAudit() {
  common::Anchoring anchoring;
  if (audit_anchor_) {
    Result<common::Anchoring> loaded = common::LoadAnchoring(audit_anchor_->checkpointer.paths);
    if (!loaded) return Unexpected(loaded.error());
    anchoring = std::move(*loaded);
  } else {
    anchoring.warning = "the audit trail is not anchored outside the database";
  }
  if (!anchoring.problem.empty()) {
    app::AuditReport forged;
    forged.intact = false;
    forged.problem = std::move(anchoring.problem);
    return forged;
  }
  std::optional<app::AuditReport> verification;
  Status checked = WithReader([&](Connection& reader) -> Status {
    static const std::string sql = SelectSql("events", kEventColumns) + " ORDER BY sequence";
    Result<Statement> statement = reader.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    common::ChainVerifier verifier(anchoring.checkpoints);
    for (;;) {
      Result<bool> row = statement->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) break;
      ColumnReader r = statement->Columns();
      const common::ChainRecord record = ReadChainRecord(r);
      if (!verifier.Add(record, r.Text())) break;
    }
    // AUTOINCREMENT's record of the highest number handed out, which rows removed from the end
    // do not take back.
    Result<Statement> highest = reader.Prepare(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)");
    if (!highest) return Unexpected(highest.error());
    Result<std::int64_t> last = ReadOne(
        *highest, [](ColumnReader& r) { return r.Int64(); }, "");
    if (!last) return Unexpected(last.error());
    verification = verifier.Finish(*last);
    return {};
  });
  if (!checked) return Unexpected(checked.error());
  verification->warning = std::move(anchoring.warning);
  return std::move(*verification);
}

Result<common::ChainHead> SqliteStore::ReadChainHead() {
  common::ChainHead head;
  Status read = WithReader([&head](Connection& reader) -> Status {
    Result<Statement> statement = reader.Prepare(
        "SELECT coalesce((SELECT sequence FROM events ORDER BY sequence DESC LIMIT 1), 0), "
        "coalesce((SELECT hash FROM events ORDER BY sequence DESC LIMIT 1), ''), "
        "(SELECT count(*) FROM events)");
    if (!statement) return Unexpected(statement.error());
    Result<common::ChainHead> row = ReadOne(
        *statement,
        [](ColumnReader& r) {
          return common::ChainHead{r.Int64(), r.Text(), r.Int64()};
        },
        "no chain head");
    if (!row) return Unexpected(row.error());
    head = std::move(*row);
    return {};
  });
  if (!read) return Unexpected(read.error());
  return head;
}

Result<std::string> SqliteStore::PragmaValue(std::string_view name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
  if (!bare) return core::FailField("pragma", "is not a pragma name");
  std::lock_guard lock(writer_mutex_);
  Result<Statement> statement = writer_->Prepare("PRAGMA " + std::string(name));
  if (!statement) return Unexpected(statement.error());
  return ReadOne(
      *statement, [](ColumnReader& r) { return r.Text(); }, "no value");
}

Result<std::string> SqliteStore::ExplainComplaintList(const app::ComplaintQuery& query) {
  std::string plan;
  Status explained = WithReader([&](Connection& reader) -> Status {
    Result<ListPlan> list = PlanList(reader, query);
    if (!list) return Unexpected(list.error());
    if (list->first_chunk) {
      plan += "READ IN CHUNKS OF REFERENCES, THE FIRST OF " + std::to_string(*list->first_chunk) +
              "; PAST THE LAST CHUNK:\n";
    }
    for (const SqlQuery& part : list->parts) {
      Result<Statement> statement = reader.Prepare("EXPLAIN QUERY PLAN " + part.sql);
      if (!statement) return Unexpected(statement.error());
      for (const SqlValue& value : part.values) statement->Bind(value);
      statement->Bind(std::int64_t{query.limit});
      constexpr int kDetailColumn = 3;  // id, parent, notused, detail
      Result<std::vector<std::string>> steps = ReadAll(*statement, [](ColumnReader& r) {
        r.Skip(kDetailColumn);
        return r.Text();
      });
      if (!steps) return Unexpected(steps.error());
      for (const std::string& step : *steps) plan += step + "\n";
    }
    return {};
  });
  if (!explained) return Unexpected(explained.error());
  return plan;
}

WriteStatistics SqliteStore::Statistics() const {
  std::lock_guard lock(queue_mutex_);
  return statistics_;
}

std::size_t SqliteStore::QueuedWrites() const {
  std::lock_guard lock(queue_mutex_);
  return queue_.size();
}

// ---------------------------------------------------------------------------------------------
// Reports: the projection of report/records.hpp, streamed by merging scans that are all in
// complaint id order (the complaints_report index of migration 0006, and the primary keys of the
// stage tables), so each row is read once, nothing is sorted and nothing is kept per complaint.

namespace {

// A scan of rows keyed by complaint id, or by (complaint id, stage number), one row ahead: the
// reader takes the rows of a key while the scan is at it.
class KeyedScan {
 public:
  enum class Key { kComplaint, kComplaintAndStage };

  KeyedScan(Statement statement, Key key) : statement_(std::move(statement)), key_(key) {}

  Status Advance() {
    Result<bool> row = statement_.Step();
    if (!row) return Unexpected(row.error());
    has_row_ = *row;
    if (has_row_) {
      ColumnReader r = statement_.Columns();
      id_ = r.Int64();
      stage_ = key_ == Key::kComplaintAndStage ? r.Int() : 0;
    }
    return {};
  }

  // Whether the scan is at a row of complaint `id` (and stage `stage`, for a stage key). Rows of
  // earlier keys are skipped first: rows of no complaint, which the foreign keys prevent.
  Result<bool> At(std::int64_t id, int stage = 0) {
    while (has_row_ && std::pair(id_, stage_) < std::pair(id, stage)) {
      if (Status advanced = Advance(); !advanced) return Unexpected(advanced.error());
    }
    return has_row_ && id_ == id && (key_ == Key::kComplaint || stage_ == stage);
  }
  // Whether the scan is at any row of complaint `id` (a stage scan's next stage of it).
  Result<bool> AtComplaint(std::int64_t id) {
    while (has_row_ && id_ < id) {
      if (Status advanced = Advance(); !advanced) return Unexpected(advanced.error());
    }
    return has_row_ && id_ == id;
  }

  int stage() const { return stage_; }

  // The columns of the current row after its key.
  ColumnReader Columns() const {
    ColumnReader r = statement_.Columns();
    r.Skip(key_ == Key::kComplaintAndStage ? 2 : 1);
    return r;
  }

 private:
  Statement statement_;
  Key key_;
  bool has_row_ = false;
  std::int64_t id_ = 0;
  int stage_ = 0;
};

// An enum read from its text without copying it; an unknown name is a malformed value.
template <typename Enum>
Result<Enum> ParseColumn(std::string_view text, std::optional<Enum> (*parse)(std::string_view),
                         std::string_view column) {
  std::optional<Enum> value = parse(text);
  if (!value) {
    return Fail(ErrorCode::kStorage,
                "malformed value '" + std::string(text) + "' in column " + std::string(column));
  }
  return *value;
}

class ReportReader {
 public:
  ReportReader(Connection& connection, const report::RecordWindow& window, report::RecordSink& sink)
      : connection_(connection), window_(window), sink_(sink) {}

  Status Run() {
    if (Status opened = OpenScans(); !opened) return opened;
    Result<Statement> complaints = connection_.Prepare(
        "SELECT id, regime, service_area, category, received_on, status, refusal_decided_on, "
        "refusal_reason, withdrawn_on FROM complaints INDEXED BY complaints_report "
        "WHERE received_on <= ? ORDER BY id");
    if (!complaints) return Unexpected(complaints.error());
    complaints->Bind(window_.to);
    for (;;) {
      Result<bool> row = complaints->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) break;
      if (Status added = AddComplaint(complaints->Columns()); !added) return added;
    }
    return AddServiceRequests();
  }

 private:
  // Where a stage's lists lie in the reader's buffers.
  struct StageLists {
    std::size_t extensions_begin, extensions_end;
    std::size_t causes_begin, causes_end;
    std::size_t remedies_begin, remedies_end;
    std::size_t actions_begin, actions_end;
    std::size_t earlier_begin, earlier_end;
    std::size_t reopenings_begin, reopenings_end;
  };
  // Where a superseded response's lists lie in the buffers.
  struct ResponseLists {
    std::size_t causes_begin, causes_end;
    std::size_t remedies_begin, remedies_end;
    std::size_t actions_begin, actions_end;
  };

  Status OpenScans() {
    using Key = KeyedScan::Key;
    struct ScanSql {
      std::string_view sql;
      Key key;
      std::optional<KeyedScan>* scan;
    };
    const ScanSql scans[] = {
        {"SELECT s.complaint_id, s.number, s.started_on, s.acknowledged_on, "
         "coalesce(s.first_responded_on, s.responded_on), s.responded_on, s.outcome, "
         "s.reopened_on, coalesce(trim(s.learning) <> '', 0), p.panel_met_on, p.panel_report_on, "
         "p.period_agreed_on, p.agreed_respond_by FROM complaint_stages s "
         "LEFT JOIN stage_procedures p ON p.complaint_id = s.complaint_id AND p.stage = s.number "
         "ORDER BY s.complaint_id, s.number",
         Key::kComplaintAndStage, &stages_},
        {"SELECT complaint_id, stage, decided_on, working_days, within_code "
         "FROM stage_extensions ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &extensions_},
        {"SELECT complaint_id, stage, root_cause FROM stage_root_causes "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &causes_},
        {"SELECT complaint_id, stage, type, amount_pence FROM stage_remedies "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &remedies_},
        {"SELECT complaint_id, stage, status, due_on, completed_on FROM stage_actions "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &actions_},
        {"SELECT complaint_id, stage, responded_on, outcome, trim(learning) <> '', root_causes, "
         "remedies, actions FROM stage_earlier_responses ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &earlier_responses_},
        {"SELECT complaint_id, stage, reopened_on FROM stage_reopenings "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &reopenings_},
        {"SELECT complaint_id, decided_on, reason FROM complaint_earlier_refusals "
         "ORDER BY complaint_id, position",
         Key::kComplaint, &earlier_refusals_},
        {"SELECT complaint_id, withdrawn_on FROM complaint_earlier_withdrawals "
         "ORDER BY complaint_id, position",
         Key::kComplaint, &earlier_withdrawals_},
        {"SELECT DISTINCT complaint_id FROM complaint_repeats ORDER BY complaint_id",
         Key::kComplaint, &repeats_},
    };
    for (const ScanSql& scan : scans) {
      Result<Statement> statement = connection_.Prepare(scan.sql);
      if (!statement) return Unexpected(statement.error());
      scan.scan->emplace(std::move(*statement), scan.key);
      if (Status started = (*scan.scan)->Advance(); !started) return started;
    }
    return {};
  }

  Status AddComplaint(ColumnReader r) {
    const std::int64_t id = r.Int64();
    report::ComplaintRecord record;
    Result<core::Regime> regime = ParseColumn(r.View(), core::ParseRegime, "regime");
    if (!regime) return Unexpected(regime.error());
    record.regime = *regime;
    record.service_area = r.View();
    record.category = r.View();
    record.received_on = r.Date();
    Result<core::CaseStatus> status = ParseColumn(r.View(), core::ParseCaseStatus, "status");
    if (!status) return Unexpected(status.error());
    record.status = *status;
    record.refused_on = r.OptionalDate();
    if (r.NextIsNull()) {
      r.Skip(1);
    } else {
      Result<core::RefusalReason> reason =
          ParseColumn(r.View(), core::ParseRefusalReason, "refusal_reason");
      if (!reason) return Unexpected(reason.error());
      record.refusal_reason = *reason;
    }
    record.withdrawn_on = r.OptionalDate();
    if (!r.status()) return r.status();

    if (Status read = ReadStages(id); !read) return read;
    if (Status read = ReadEarlierDecisions(id); !read) return read;
    record.earlier_refusals = refusal_buffer_;
    record.earlier_withdrawals = withdrawal_buffer_;
    Result<bool> repeat = repeats_->At(id);
    if (!repeat) return Unexpected(repeat.error());
    record.possible_repeat = *repeat;
    record.stages = stage_records_;
    sink_.Add(record);
    return {};
  }

  // The refusals and withdrawals a reopening undid, of complaint `id`.
  Status ReadEarlierDecisions(std::int64_t id) {
    refusal_buffer_.clear();
    withdrawal_buffer_.clear();
    Status read = ReadComplaintList(*earlier_refusals_, id, [this](ColumnReader& row) -> Status {
      const core::Date decided_on = row.Date();
      Result<core::RefusalReason> reason =
          ParseColumn(row.View(), core::ParseRefusalReason, "reason");
      if (!reason) return Unexpected(reason.error());
      refusal_buffer_.push_back({decided_on, *reason});
      return {};
    });
    if (!read) return read;
    return ReadComplaintList(*earlier_withdrawals_, id, [this](ColumnReader& row) {
      withdrawal_buffer_.push_back(row.Date());
      return Status{};
    });
  }

  // Reads every row of a complaint-keyed `scan` at `id` with `read`.
  template <typename Read>
  Status ReadComplaintList(KeyedScan& scan, std::int64_t id, Read read) {
    for (;;) {
      Result<bool> at = scan.At(id);
      if (!at) return Unexpected(at.error());
      if (!*at) return {};
      ColumnReader row = scan.Columns();
      if (Status added = read(row); !added) return added;
      if (!row.status()) return row.status();
      if (Status advanced = scan.Advance(); !advanced) return advanced;
    }
  }

  // A superseded response's JSON lists, parsed into the buffers (ResponseLists says where).
  Status ReadEarlierResponse(ColumnReader& row) {
    report::ResponseRecord response;
    response.responded_on = row.Date();
    Result<core::Outcome> outcome = ParseColumn(row.View(), core::ParseOutcome, "outcome");
    if (!outcome) return Unexpected(outcome.error());
    response.outcome = *outcome;
    response.learning_recorded = row.Bool();
    const std::string causes = row.Text();
    const std::string remedies = row.Text();
    const std::string actions = row.Text();
    ResponseLists lists{};
    lists.causes_begin = cause_texts_.size();
    for (const nlohmann::json& code : ParseArray(causes)) {
      if (code.is_string()) cause_texts_.push_back(code.get<std::string>());
    }
    lists.causes_end = cause_texts_.size();
    lists.remedies_begin = remedy_buffer_.size();
    for (const nlohmann::json& item : ParseArray(remedies)) {
      Result<core::RemedyType> type = ParseColumn(std::string_view(TextMember(item, "type")),
                                                  core::ParseRemedyType, "remedies");
      if (!type) return Unexpected(type.error());
      std::int64_t amount = 0;
      if (item.contains("amount_pence") && item["amount_pence"].is_number_integer()) {
        amount = item["amount_pence"].get<std::int64_t>();
      }
      remedy_buffer_.push_back({*type, amount});
    }
    lists.remedies_end = remedy_buffer_.size();
    lists.actions_begin = action_buffer_.size();
    for (const nlohmann::json& item : ParseArray(actions)) {
      action_buffer_.push_back(
          {TextMember(item, "status") == core::ToString(core::ActionStatus::kDone),
           core::Date::Parse(TextMember(item, "due_on")),
           core::Date::Parse(TextMember(item, "completed_on"))});
    }
    lists.actions_end = action_buffer_.size();
    earlier_buffer_.push_back(response);
    earlier_lists_.push_back(lists);
    return {};
  }

  // Reads the stages of complaint `id` and their lists into the buffers, then points the stage
  // records into them (only once every buffer has stopped growing).
  Status ReadStages(std::int64_t id) {
    stage_records_.clear();
    stage_lists_.clear();
    extension_buffer_.clear();
    cause_texts_.clear();
    remedy_buffer_.clear();
    action_buffer_.clear();
    earlier_buffer_.clear();
    earlier_lists_.clear();
    reopening_buffer_.clear();
    for (;;) {
      Result<bool> at = stages_->AtComplaint(id);
      if (!at) return Unexpected(at.error());
      if (!*at) break;
      if (Status read = ReadStage(id); !read) return read;
      if (Status advanced = stages_->Advance(); !advanced) return advanced;
    }
    cause_views_.assign(cause_texts_.begin(), cause_texts_.end());
    const auto slice = [](const auto& buffer, std::size_t begin, std::size_t end) {
      return std::span(buffer).subspan(begin, end - begin);
    };
    for (std::size_t i = 0; i < stage_records_.size(); ++i) {
      const StageLists& lists = stage_lists_[i];
      report::StageRecord& stage = stage_records_[i];
      stage.extensions = slice(extension_buffer_, lists.extensions_begin, lists.extensions_end);
      stage.root_causes = slice(cause_views_, lists.causes_begin, lists.causes_end);
      stage.remedies = slice(remedy_buffer_, lists.remedies_begin, lists.remedies_end);
      stage.actions = slice(action_buffer_, lists.actions_begin, lists.actions_end);
      stage.earlier_responses = slice(earlier_buffer_, lists.earlier_begin, lists.earlier_end);
      stage.reopenings = slice(reopening_buffer_, lists.reopenings_begin, lists.reopenings_end);
    }
    for (std::size_t i = 0; i < earlier_buffer_.size(); ++i) {
      const ResponseLists& lists = earlier_lists_[i];
      report::ResponseRecord& response = earlier_buffer_[i];
      response.root_causes = slice(cause_views_, lists.causes_begin, lists.causes_end);
      response.remedies = slice(remedy_buffer_, lists.remedies_begin, lists.remedies_end);
      response.actions = slice(action_buffer_, lists.actions_begin, lists.actions_end);
    }
    return {};
  }

  Status ReadStage(std::int64_t id) {
    report::StageRecord stage;
    ColumnReader r = stages_->Columns();
    stage.number = stages_->stage();
    stage.started_on = r.Date();
    stage.acknowledged_on = r.OptionalDate();
    stage.first_responded_on = r.OptionalDate();
    stage.responded_on = r.OptionalDate();
    if (r.NextIsNull()) {
      r.Skip(1);
    } else {
      Result<core::Outcome> outcome = ParseColumn(r.View(), core::ParseOutcome, "outcome");
      if (!outcome) return Unexpected(outcome.error());
      stage.outcome = *outcome;
    }
    stage.reopened_on = r.OptionalDate();
    stage.learning_recorded = r.Bool();
    stage.panel_met_on = r.OptionalDate();
    stage.panel_report_on = r.OptionalDate();
    stage.period_agreed_on = r.OptionalDate();
    stage.agreed_respond_by = r.OptionalDate();
    if (!r.status()) return r.status();

    StageLists lists{};
    lists.extensions_begin = extension_buffer_.size();
    Status read = ReadList(*extensions_, id, stage.number, [this](ColumnReader& row) {
      report::ExtensionRecord extension;
      extension.decided_on = row.Date();
      extension.working_days = row.Int();
      extension.within_code = row.Bool();
      extension_buffer_.push_back(extension);
      return Status{};
    });
    lists.extensions_end = extension_buffer_.size();
    lists.causes_begin = cause_texts_.size();
    if (read) {
      read = ReadList(*causes_, id, stage.number, [this](ColumnReader& row) {
        cause_texts_.push_back(row.Text());
        return Status{};
      });
    }
    lists.causes_end = cause_texts_.size();
    lists.remedies_begin = remedy_buffer_.size();
    if (read) {
      read = ReadList(*remedies_, id, stage.number, [this](ColumnReader& row) -> Status {
        Result<core::RemedyType> type = ParseColumn(row.View(), core::ParseRemedyType, "type");
        if (!type) return Unexpected(type.error());
        remedy_buffer_.push_back({*type, row.Int64()});
        return {};
      });
    }
    lists.remedies_end = remedy_buffer_.size();
    lists.actions_begin = action_buffer_.size();
    if (read) {
      read = ReadList(*actions_, id, stage.number, [this](ColumnReader& row) -> Status {
        Result<core::ActionStatus> status =
            ParseColumn(row.View(), core::ParseActionStatus, "status");
        if (!status) return Unexpected(status.error());
        const std::optional<core::Date> due_on = row.OptionalDate();
        action_buffer_.push_back(
            {*status == core::ActionStatus::kDone, due_on, row.OptionalDate()});
        return {};
      });
    }
    lists.actions_end = action_buffer_.size();
    lists.earlier_begin = earlier_buffer_.size();
    if (read) {
      read = ReadList(*earlier_responses_, id, stage.number,
                      [this](ColumnReader& row) { return ReadEarlierResponse(row); });
    }
    lists.earlier_end = earlier_buffer_.size();
    lists.reopenings_begin = reopening_buffer_.size();
    if (read) {
      read = ReadList(*reopenings_, id, stage.number, [this](ColumnReader& row) {
        reopening_buffer_.push_back(row.Date());
        return Status{};
      });
    }
    lists.reopenings_end = reopening_buffer_.size();
    if (!read) return read;
    stage_records_.push_back(stage);
    stage_lists_.push_back(lists);
    return {};
  }

  // Reads every row of `scan` at (id, stage) with `read`.
  template <typename Read>
  Status ReadList(KeyedScan& scan, std::int64_t id, int stage, Read read) {
    for (;;) {
      Result<bool> at = scan.At(id, stage);
      if (!at) return Unexpected(at.error());
      if (!*at) return {};
      ColumnReader row = scan.Columns();
      if (Status added = read(row); !added) return added;
      if (!row.status()) return row.status();
      if (Status advanced = scan.Advance(); !advanced) return advanced;
    }
  }

  Status AddServiceRequests() {
    Result<Statement> requests = connection_.Prepare(
        "SELECT received_on, coalesce(service_area, ''), complaint_reference IS NOT NULL "
        "FROM service_requests WHERE received_on BETWEEN ? AND ?");
    if (!requests) return Unexpected(requests.error());
    requests->BindAll(window_.from, window_.to);
    for (;;) {
      Result<bool> row = requests->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) return {};
      ColumnReader r = requests->Columns();
      report::ServiceRequestRecord request;
      request.received_on = r.Date();
      request.service_area = r.View();
      request.converted = r.Bool();
      if (!r.status()) return r.status();
      sink_.Add(request);
    }
  }

  Connection& connection_;
  const report::RecordWindow window_;
  report::RecordSink& sink_;
  std::optional<KeyedScan> stages_;
  std::optional<KeyedScan> extensions_;
  std::optional<KeyedScan> causes_;
  std::optional<KeyedScan> remedies_;
  std::optional<KeyedScan> actions_;
  std::optional<KeyedScan> repeats_;
  std::optional<KeyedScan> earlier_responses_;
  std::optional<KeyedScan> reopenings_;
  std::optional<KeyedScan> earlier_refusals_;
  std::optional<KeyedScan> earlier_withdrawals_;
  // Reused from complaint to complaint: a complaint allocates nothing once they have grown.
  std::vector<report::StageRecord> stage_records_;
  std::vector<StageLists> stage_lists_;
  std::vector<report::ExtensionRecord> extension_buffer_;
  std::vector<std::string> cause_texts_;
  std::vector<std::string_view> cause_views_;
  std::vector<report::RemedyRecord> remedy_buffer_;
  std::vector<report::ActionRecord> action_buffer_;
  std::vector<report::ResponseRecord> earlier_buffer_;
  std::vector<ResponseLists> earlier_lists_;
  std::vector<core::Date> reopening_buffer_;
  std::vector<report::RefusalRecord> refusal_buffer_;
  std::vector<core::Date> withdrawal_buffer_;
};

}  // namespace

Status SqliteTx::ReadReportRecords(const report::RecordWindow& window, report::RecordSink& sink) {
  return ReportReader(connection_, window, sink).Run();
}

Result<std::map<int, std::int64_t>> SqliteTx::ListHomesOwned() {
  Result<Statement> statement =
      connection_.Prepare("SELECT financial_year, homes FROM homes_owned ORDER BY financial_year");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, std::int64_t>>> rows = ReadAll(*statement, [](ColumnReader& r) {
    return std::pair{r.Int(), r.Int64()};
  });
  if (!rows) return Unexpected(rows.error());
  return std::map<int, std::int64_t>(rows->begin(), rows->end());
}

Status SqliteTx::SaveHomesOwned(int financial_year, std::int64_t homes) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO homes_owned (financial_year, homes) VALUES (?, ?) "
      "ON CONFLICT (financial_year) DO UPDATE SET homes = excluded.homes");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(financial_year, homes);
  return statement->Run();
}

Result<std::map<int, report::TenantSatisfaction>> SqliteTx::ListTenantSatisfaction() {
  Result<Statement> statement = connection_.Prepare(
      "SELECT financial_year, satisfied_tenths, sample_size FROM tenant_satisfaction "
      "ORDER BY financial_year");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, report::TenantSatisfaction>>> rows =
      ReadAll(*statement, [](ColumnReader& r) {
        const int year = r.Int();
        const int tenths = r.Int();
        return std::pair{year, report::TenantSatisfaction{tenths, r.Int64()}};
      });
  if (!rows) return Unexpected(rows.error());
  return std::map<int, report::TenantSatisfaction>(rows->begin(), rows->end());
}

Status SqliteTx::SaveTenantSatisfaction(int financial_year,
                                        const report::TenantSatisfaction& survey) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO tenant_satisfaction (financial_year, satisfied_tenths, sample_size) "
      "VALUES (?, ?, ?) ON CONFLICT (financial_year) DO UPDATE SET "
      "satisfied_tenths = excluded.satisfied_tenths, sample_size = excluded.sample_size");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(financial_year, survey.satisfied_tenths, survey.sample_size);
  return statement->Run();
}

Result<std::vector<core::OmbudsmanCase>> SqliteTx::ListOmbudsmanCases(std::string_view complaint) {
  if (complaint.empty()) return ListVersioned<core::OmbudsmanCase>();
  return ListVersioned<core::OmbudsmanCase>(
      "WHERE id IN (SELECT case_id FROM ombudsman_case_complaints WHERE complaint = ?)", complaint);
}

namespace {

constexpr std::array<std::string_view, 12> kLetterColumns = {"financial_year",
                                                             "complaints_and_enquiries_received",
                                                             "decisions_made",
                                                             "not_for_us",
                                                             "assessed_and_closed",
                                                             "investigated",
                                                             "upheld",
                                                             "uphold_rate_percent",
                                                             "average_uphold_rate_percent",
                                                             "compliance_percent",
                                                             "satisfactory_remedy_by_council",
                                                             "comparison_group"};

}  // namespace

Result<std::optional<core::LgscoLetter>> SqliteTx::LoadLgscoLetter(int year) {
  static const std::string sql =
      SelectSql("lgsco_letters", kLetterColumns) + " WHERE financial_year = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return std::optional<core::LgscoLetter>();
  ColumnReader r = statement->Columns();
  core::LgscoLetter letter;
  letter.year = r.Int();
  letter.complaints_and_enquiries_received = r.Int64();
  letter.decisions_made = r.Int64();
  letter.not_for_us = r.Int64();
  letter.assessed_and_closed = r.Int64();
  letter.investigated = r.Int64();
  letter.upheld = r.Int64();
  letter.uphold_rate_percent = r.OptionalReal();
  letter.average_uphold_rate_percent = r.OptionalReal();
  letter.compliance_percent = r.OptionalReal();
  letter.satisfactory_remedy_by_council = r.Int64();
  letter.comparison_group = r.Text();
  return std::optional<core::LgscoLetter>(std::move(letter));
}

Status SqliteTx::SaveLgscoLetter(const core::LgscoLetter& letter) {
  static const std::string sql = UpsertSql("lgsco_letters", "financial_year", kLetterColumns);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(letter.year, letter.complaints_and_enquiries_received, letter.decisions_made,
                     letter.not_for_us, letter.assessed_and_closed, letter.investigated,
                     letter.upheld, letter.uphold_rate_percent, letter.average_uphold_rate_percent,
                     letter.compliance_percent, letter.satisfactory_remedy_by_council,
                     letter.comparison_group);
  return statement->Run();
}

Result<std::optional<core::SelfAssessment>> SqliteTx::LoadSelfAssessment(int year) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT version, approved_on, meeting, minute_reference, response FROM self_assessments "
      "WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<std::optional<core::SelfAssessment>> found =
      ReadAll(*statement, [&](ColumnReader& r) {
        core::SelfAssessment assessment;
        assessment.year = year;
        assessment.version = r.Int64();
        std::optional<core::Date> approved_on = r.OptionalDate();
        std::string meeting = r.Text();
        std::string minute_reference = r.Text();
        std::string response = r.Text();
        if (approved_on) {
          assessment.approval = core::GoverningBodyApproval{
              *approved_on, std::move(meeting), std::move(minute_reference), std::move(response)};
        }
        return assessment;
      }).map([](std::vector<core::SelfAssessment> rows) {
        return rows.empty() ? std::optional<core::SelfAssessment>()
                            : std::optional<core::SelfAssessment>(std::move(rows.front()));
      });
  if (!found || !*found) return found;
  if (Status loaded = LoadChildren(kAssessmentProvisions, year, (*found)->provisions); !loaded) {
    return Unexpected(loaded.error());
  }
  return found;
}

Result<core::SelfAssessment> SqliteTx::SaveSelfAssessment(
    core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) {
  assessment.version = expected_version ? *expected_version + 1 : kFirstVersion;
  const std::optional<core::GoverningBodyApproval>& approval = assessment.approval;
  const std::optional<core::Date> approved_on =
      approval ? std::optional<core::Date>(approval->approved_on) : std::nullopt;
  const std::optional<std::string> meeting =
      approval ? std::optional<std::string>(approval->meeting) : std::nullopt;
  const std::optional<std::string> minute_reference =
      approval ? std::optional<std::string>(approval->minute_reference) : std::nullopt;
  const std::optional<std::string> response =
      approval ? std::optional<std::string>(approval->response) : std::nullopt;
  Result<Statement> statement = connection_.Prepare(
      expected_version
          ? "UPDATE self_assessments SET version = ?, approved_on = ?, meeting = ?, "
            "minute_reference = ?, response = ? WHERE financial_year = ? AND version = ?"
          : "INSERT INTO self_assessments (version, approved_on, meeting, minute_reference, "
            "response, financial_year) VALUES (?, ?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(assessment.version, approved_on, meeting, minute_reference, response,
                     assessment.year);
  if (expected_version) statement->Bind(*expected_version);
  if (Status saved = statement->Run(); !saved) return Unexpected(saved.error());
  if (expected_version && statement->Changes() == 0) {
    return Fail(ErrorCode::kStaleVersion, "the self-assessment of " +
                                              std::to_string(assessment.year) +
                                              " changed since you loaded it");
  }
  if (Status saved = ReplaceChildren(kAssessmentProvisions, assessment.year, assessment.provisions);
      !saved) {
    return Unexpected(saved.error());
  }
  return assessment;
}

}  // namespace redress::storage::sqlite
