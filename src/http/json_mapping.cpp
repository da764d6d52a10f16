#include "http/json_mapping.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>
#include <set>
#include <span>
#include <utility>
#include <vector>

#include "core/procedure_transitions.hpp"
#include "core/regime.hpp"
#include "core/time_limit.hpp"
#include "http/json_reader.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

// The enum values a client may name. The names come from the core's ToString, so only the set of
// values is written here.
constexpr core::Channel kChannels[] = {core::Channel::kPhone,   core::Channel::kEmail,
                                       core::Channel::kLetter,  core::Channel::kInPerson,
                                       core::Channel::kWebForm, core::Channel::kSocialMedia};
constexpr core::CaseStatus kCaseStatuses[] = {core::CaseStatus::kAwaitingAcknowledgement,
                                              core::CaseStatus::kInProgress,
                                              core::CaseStatus::kResponded,
                                              core::CaseStatus::kClosed,
                                              core::CaseStatus::kNotAccepted,
                                              core::CaseStatus::kWithdrawn};
constexpr core::Outcome kOutcomes[] = {core::Outcome::kUpheld, core::Outcome::kPartlyUpheld,
                                       core::Outcome::kNotUpheld};
constexpr core::RemedyType kRemedyTypes[] = {
    core::RemedyType::kApology,          core::RemedyType::kAcknowledgeFault,
    core::RemedyType::kExplanation,      core::RemedyType::kActionOnDelay,
    core::RemedyType::kChangeOfDecision, core::RemedyType::kAmendRecord,
    core::RemedyType::kFinancial,        core::RemedyType::kWorks,
    core::RemedyType::kChangeOfPolicy};
constexpr core::RefusalReason kRefusalReasons[] = {
    core::RefusalReason::kOlderThan12Months, core::RefusalReason::kLegalProceedings,
    core::RefusalReason::kPreviouslyConsidered, core::RefusalReason::kOther};

constexpr core::DiscussionTakeUp kDiscussionTakeUps[] = {core::DiscussionTakeUp::kTakenUp,
                                                        core::DiscussionTakeUp::kDeclined,
                                                        core::DiscussionTakeUp::kNoReply};

constexpr EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
constexpr EnumDomain<core::Channel> kChannelDomain{kChannels, core::ParseChannel};
constexpr EnumDomain<core::CaseStatus> kCaseStatusDomain{kCaseStatuses, core::ParseCaseStatus};
constexpr EnumDomain<core::Outcome> kOutcomeDomain{kOutcomes, core::ParseOutcome};
constexpr EnumDomain<core::RemedyType> kRemedyTypeDomain{kRemedyTypes, core::ParseRemedyType};
constexpr EnumDomain<core::RefusalReason> kRefusalReasonDomain{kRefusalReasons,
                                                               core::ParseRefusalReason};
constexpr EnumDomain<core::DiscussionTakeUp> kDiscussionTakeUpDomain{kDiscussionTakeUps,
                                                                     core::ParseDiscussionTakeUp};

core::Person ReadPerson(ObjectReader& reader) {
  core::Person person;
  person.name = reader.Text("name");
  person.email = reader.Text("email");
  person.phone = reader.Text("phone");
  person.address = reader.Text("address");
  person.postcode = reader.Text("postcode");
  return person;
}

// A required date: the placeholder stands in only while an error is being reported.
core::Date Required(std::optional<core::Date> date) { return date.value_or(core::Date()); }

core::AcknowledgeInput ReadAcknowledge(ObjectReader& reader, core::Date today) {
  return core::AcknowledgeInput{reader.DateOr("on", today)};
}

core::ExtendInput ReadExtend(ObjectReader& reader, core::Date today) {
  // Bounded so that the core's date arithmetic stays inside the calendar; the core applies the
  // Code's limits.
  constexpr std::int64_t kMaxExtensionWorkingDays = 1000;
  core::ExtendInput input;
  input.on = reader.DateOr("on", today);
  input.working_days = static_cast<int>(
      reader.Integer("working_days", Presence::kRequired, 1, kMaxExtensionWorkingDays).value_or(0));
  input.reason = reader.Text("reason");
  input.good_reason = reader.Text("good_reason");
  return input;
}

core::RespondInput ReadRespond(ObjectReader& reader, core::Date today) {
  core::RespondInput input;
  input.on = reader.DateOr("on", today);
  input.outcome = reader.Enumerated("outcome", Presence::kRequired, kOutcomeDomain);
  input.root_causes = reader.TextList("root_causes");
  reader.EachObject("remedies", [&](ObjectReader& element) {
    core::Remedy remedy;
    remedy.type = element.Enumerated("type", Presence::kRequired, kRemedyTypeDomain)
                      .value_or(core::RemedyType::kApology);
    remedy.amount_pence = element
                              .Integer("amount_pence", Presence::kOptional, 0,
                                       std::numeric_limits<std::int64_t>::max())
                              .value_or(0);
    remedy.description = element.Text("description");
    input.remedies.push_back(std::move(remedy));
  });
  reader.EachObject("actions", [&](ObjectReader& element) {
    core::Action action;
    action.description = element.Text("description");
    action.due_on = element.Date("due_on", Presence::kOptional);
    action.owner = element.Text("owner");
    input.actions.push_back(std::move(action));
  });
  input.learning = reader.Text("learning");
  return input;
}

app::EscalateCommand ReadEscalate(ObjectReader& reader, core::Date today) {
  app::EscalateCommand command;
  command.requested_on = reader.DateOr("requested_on", today);
  command.reason = reader.Text("reason");
  command.handler = reader.Text("handler");
  return command;
}

core::RefuseInput ReadRefuse(ObjectReader& reader, core::Date today) {
  core::RefuseInput input;
  input.on = reader.DateOr("on", today);
  input.reason = reader.Enumerated("reason", Presence::kRequired, kRefusalReasonDomain);
  input.explanation = reader.Text("explanation");
  input.matter_arose_on = reader.Date("matter_arose_on", Presence::kOptional);
  return input;
}

core::WithdrawInput ReadWithdraw(ObjectReader& reader, core::Date today) {
  core::WithdrawInput input;
  input.on = reader.DateOr("on", today);
  input.reason = reader.Text("reason");
  return input;
}

// ---- the statutory procedures' steps ----

core::InvestigationInput ReadInvestigation(ObjectReader& reader) {
  core::InvestigationInput input;
  input.record_agreed_on = Required(reader.Date("record_agreed_on", Presence::kRequired));
  input.investigating_officer = reader.Text("investigating_officer", Presence::kRequired);
  input.independent_person = reader.Text("independent_person", Presence::kRequired);
  return input;
}

core::AdjudicationInput ReadAdjudication(ObjectReader& reader, core::Date today) {
  core::AdjudicationInput input;
  input.on = reader.DateOr("on", today);
  input.adjudicating_officer = reader.Text("adjudicating_officer", Presence::kRequired);
  return input;
}

core::ReviewPanelInput ReadReviewPanel(ObjectReader& reader) {
  core::ReviewPanelInput input;
  input.met_on = Required(reader.Date("met_on", Presence::kRequired));
  input.members = reader.TextList("members");
  return input;
}

core::PanelReportInput ReadPanelReport(ObjectReader& reader, core::Date today) {
  return core::PanelReportInput{reader.DateOr("on", today)};
}

core::DiscussionOfferInput ReadDiscussionOffer(ObjectReader& reader, core::Date today) {
  core::DiscussionOfferInput input;
  input.on = reader.DateOr("on", today);
  input.take_up = reader.Enumerated("take_up", Presence::kRequired, kDiscussionTakeUpDomain);
  input.notes = reader.Text("notes");
  return input;
}

core::ResponsePeriodInput ReadResponsePeriod(ObjectReader& reader, core::Date today) {
  core::ResponsePeriodInput input;
  input.agreed_on = reader.DateOr("agreed_on", today);
  input.respond_by = Required(reader.Date("respond_by", Presence::kRequired));
  return input;
}

core::LateNoticeInput ReadLateNotice(ObjectReader& reader, core::Date today) {
  core::LateNoticeInput input;
  input.on = reader.DateOr("on", today);
  input.reason = reader.Text("reason", Presence::kRequired);
  input.expected_by = reader.Date("expected_by", Presence::kOptional);
  return input;
}

core::CloseInput ReadClose(ObjectReader& reader, core::Date today) {
  return core::CloseInput{reader.DateOr("on", today)};
}

core::ReopenInput ReadReopen(ObjectReader& reader, core::Date today) {
  core::ReopenInput input;
  input.on = reader.DateOr("on", today);
  input.reason = reader.Text("reason");
  return input;
}

core::ReassignInput ReadReassign(ObjectReader& reader) {
  core::ReassignInput input;
  input.team = reader.Text("team");
  input.handler = reader.Text("handler");
  return input;
}

// --- list order and cursors ---

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

// --- writing ---

json DateOrNull(const std::optional<core::Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

json TextOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json PersonToJson(const core::Person& person) {
  return {{"name", person.name},
          {"email", person.email},
          {"phone", person.phone},
          {"address", person.address},
          {"postcode", person.postcode}};
}

json ResponseToJson(const core::Response& response) {
  json remedies = json::array();
  for (const core::Remedy& remedy : response.remedies) {
    remedies.push_back({{"type", core::ToString(remedy.type)},
                        {"amount_pence", remedy.amount_pence},
                        {"description", remedy.description}});
  }
  json actions = json::array();
  for (const core::Action& action : response.actions) {
    actions.push_back({{"description", action.description},
                       {"due_on", DateOrNull(action.due_on)},
                       {"owner", action.owner},
                       {"status", core::ToString(action.status)},
                       {"completed_on", DateOrNull(action.completed_on)}});
  }
  return {{"responded_on", response.responded_on.ToIso()},
          {"outcome", core::ToString(response.outcome)},
          {"root_causes", response.root_causes},
          {"remedies", std::move(remedies)},
          {"actions", std::move(actions)},
          {"learning", response.learning},
          {"responded_by", response.responded_by}};
}

// The deadline the council is working to at a stage that is waiting on it (a review panel's
// meeting or report while pending).
std::optional<core::Date> PendingDeadline(const core::Stage& stage) {
  if (!stage.acknowledged_on) return stage.acknowledge_by;
  return core::NextStepDue(stage);
}

std::string_view TimingName(core::StepTiming timing) {
  switch (timing) {
    case core::StepTiming::kPending:
      return "pending";
    case core::StepTiming::kOnTime:
      return "on_time";
    case core::StepTiming::kLate:
      return "late";
  }
  return {};
}

// The statutory procedure's steps at a stage, each null until recorded; the review panel's clocks
// with each step judged on its own.
json ProcedureToJson(const core::Stage& stage) {
  const core::StageProcedure& p = stage.procedure;
  json out = json::object();
  out["investigation"] =
      p.investigation
          ? json{{"record_agreed_on", p.investigation->record_agreed_on.ToIso()},
                 {"investigating_officer", p.investigation->investigating_officer},
                 {"independent_person", p.investigation->independent_person}}
          : json(nullptr);
  out["adjudication"] = p.adjudication
                            ? json{{"adjudicating_officer", p.adjudication->adjudicating_officer},
                                   {"adjudicated_on", p.adjudication->adjudicated_on.ToIso()}}
                            : json(nullptr);
  out["review_panel"] =
      p.panel ? json{{"members", p.panel->members}, {"met_on", p.panel->met_on.ToIso()}}
              : json(nullptr);
  out["panel_report_on"] = DateOrNull(p.panel_report_on);
  out["panel_meet_by"] = DateOrNull(p.panel_meet_by);
  out["panel_report_by"] = DateOrNull(p.panel_report_by);
  if (p.panel_meet_by) {
    const core::PanelTiming timing = core::JudgePanel(stage);
    out["panel_timing"] = {{"meeting", TimingName(timing.meeting)},
                           {"report", TimingName(timing.report)},
                           {"response", TimingName(timing.response)}};
  } else {
    out["panel_timing"] = nullptr;
  }
  out["discussion_offer"] = p.discussion
                                ? json{{"offered_on", p.discussion->offered_on.ToIso()},
                                       {"take_up", core::ToString(p.discussion->take_up)},
                                       {"notes", p.discussion->notes}}
                                : json(nullptr);
  out["agreed_response_period"] =
      p.agreed_period ? json{{"agreed_on", p.agreed_period->agreed_on.ToIso()},
                             {"respond_by", p.agreed_period->respond_by.ToIso()}}
                      : json(nullptr);
  out["late_notice"] = p.late_notice ? json{{"notified_on", p.late_notice->notified_on.ToIso()},
                                            {"reason", p.late_notice->reason},
                                            {"expected_by", DateOrNull(p.late_notice->expected_by)}}
                                     : json(nullptr);
  return out;
}

// Whether a stage's deadline is running: it is when the stage is waiting on the council.
enum class StageClock { kRunning, kStopped };

json StageToJson(const core::Stage& stage, StageClock clock, const RenderContext& context) {
  json extensions = json::array();
  for (const core::Extension& extension : stage.extensions) {
    extensions.push_back({{"decided_on", extension.decided_on.ToIso()},
                          {"working_days", extension.working_days},
                          {"reason", extension.reason},
                          {"good_reason", extension.good_reason},
                          {"previous_due", extension.previous_due.ToIso()},
                          {"new_due", extension.new_due.ToIso()},
                          {"within_code", extension.within_code}});
  }
  json out = {
      {"number", stage.number},
      {"started_on", stage.started_on.ToIso()},
      {"escalation_reason", stage.escalation_reason},
      {"team", stage.team},
      {"handler", TextOrNull(stage.handler)},
      {"acknowledge_by", stage.acknowledge_by.ToIso()},
      {"acknowledged_on", DateOrNull(stage.acknowledged_on)},
      {"respond_by_original", DateOrNull(stage.respond_by_original)},
      {"respond_by", DateOrNull(stage.respond_by)},
      {"extensions", std::move(extensions)},
      {"outside_code", stage.outside_code},
      {"reopened_on", DateOrNull(stage.reopened_on)},
      {"response", stage.response ? ResponseToJson(*stage.response) : json(nullptr)},
      {"procedure", ProcedureToJson(stage)},
  };
  // History that stays put: the answers reopenings superseded, oldest first, and every reopening.
  json earlier = json::array();
  for (const core::Response& response : stage.earlier_responses) {
    earlier.push_back(ResponseToJson(response));
  }
  out["earlier_responses"] = std::move(earlier);
  json reopenings = json::array();
  for (core::Date on : stage.reopenings) reopenings.push_back(on.ToIso());
  out["reopenings"] = std::move(reopenings);
  if (clock == StageClock::kRunning && !stage.response && context.calendar != nullptr) {
    if (std::optional<core::Date> due = PendingDeadline(stage)) {
      out["working_days_left"] = context.calendar->WorkingDaysBetween(context.today, *due);
    }
  }
  return out;
}

}  // namespace

std::string DumpJson(const json& value) {
  constexpr int kCompact = -1;
  return value.dump(kCompact, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

core::Result<json> ParseJsonBody(const Request& request) {
  if (request.body.empty()) return json::object();
  // The media type without parameters (";charset=utf-8"), compared case-insensitively.
  std::string media_type(request.Header("content-type"));
  media_type = media_type.substr(0, media_type.find(';'));
  std::erase_if(media_type, [](unsigned char c) { return std::isspace(c) != 0; });
  std::transform(media_type.begin(), media_type.end(), media_type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  constexpr std::string_view kStructuredSuffix = "+json";
  const bool json_type =
      media_type == kJsonContentType ||
      (media_type.starts_with("application/") && media_type.ends_with(kStructuredSuffix));
  if (!json_type) {
    return core::Fail(core::ErrorCode::kUnsupportedMediaType,
                      "the body must be application/json, got '" +
                          std::string(request.Header("content-type")) + "'");
  }
  auto parsed = ParseStrictJson(request.body);
  if (!parsed) return tl::unexpected(parsed.error());
  json body = std::move(*parsed);
  if (!body.is_object()) {
    return tl::unexpected(core::Error{core::ErrorCode::kMalformedRequest,
                                      "body: must be a JSON object",
                                      {{"body", "must be a JSON object"}}});
  }
  return body;
}

std::string_view ToString(CaseActionKind kind) {
  switch (kind) {
    case CaseActionKind::kAcknowledge:
      return "acknowledge";
    case CaseActionKind::kExtend:
      return "extend";
    case CaseActionKind::kRespond:
      return "respond";
    case CaseActionKind::kEscalate:
      return "escalate";
    case CaseActionKind::kRefuse:
      return "refuse";
    case CaseActionKind::kWithdraw:
      return "withdraw";
    case CaseActionKind::kClose:
      return "close";
    case CaseActionKind::kReopen:
      return "reopen";
    case CaseActionKind::kReassign:
      return "reassign";
    case CaseActionKind::kInvestigation:
      return "investigation";
    case CaseActionKind::kAdjudication:
      return "adjudication";
    case CaseActionKind::kReviewPanel:
      return "review-panel";
    case CaseActionKind::kPanelReport:
      return "panel-report";
    case CaseActionKind::kDiscussionOffer:
      return "discussion-offer";
    case CaseActionKind::kResponsePeriod:
      return "response-period";
    case CaseActionKind::kLateNotice:
      return "late-notice";
  }
  return {};
}

core::Result<app::LogComplaintCommand> ParseLogComplaint(const json& body) {
  return ReadBody<app::LogComplaintCommand>(body, [](ObjectReader& reader) {
    app::LogComplaintCommand command;
    command.regime =
        reader.Enumerated("regime", Presence::kRequired, kRegimeDomain).value_or(command.regime);
    command.received_on = Required(reader.Date("received_on", Presence::kRequired));
    command.matter_arose_on = reader.Date("matter_arose_on", Presence::kOptional);
    command.channel =
        reader.Enumerated("channel", Presence::kRequired, kChannelDomain).value_or(command.channel);
    command.service_area = reader.Text("service_area", Presence::kRequired);
    command.category = reader.Text("category", Presence::kRequired);
    command.summary = reader.Text("summary", Presence::kRequired);
    command.description = reader.Text("description");
    command.desired_outcome = reader.Text("desired_outcome");
    reader.Object("complainant", Presence::kRequired,
                  [&](ObjectReader& person) { command.complainant = ReadPerson(person); });
    reader.Object("representative", Presence::kOptional,
                  [&](ObjectReader& person) { command.representative = ReadPerson(person); });
    command.handler = reader.Text("handler");
    return command;
  });
}

core::Result<app::CaseAction> ParseCaseAction(CaseActionKind kind, const json& body,
                                              core::Date today) {
  return ReadBody<app::CaseAction>(body, [&](ObjectReader& reader) -> app::CaseAction {
    switch (kind) {
      case CaseActionKind::kAcknowledge:
        return ReadAcknowledge(reader, today);
      case CaseActionKind::kExtend:
        return ReadExtend(reader, today);
      case CaseActionKind::kRespond:
        return ReadRespond(reader, today);
      case CaseActionKind::kEscalate:
        return ReadEscalate(reader, today);
      case CaseActionKind::kRefuse:
        return ReadRefuse(reader, today);
      case CaseActionKind::kWithdraw:
        return ReadWithdraw(reader, today);
      case CaseActionKind::kClose:
        return ReadClose(reader, today);
      case CaseActionKind::kReopen:
        return ReadReopen(reader, today);
      case CaseActionKind::kReassign:
        return ReadReassign(reader);
      case CaseActionKind::kInvestigation:
        return ReadInvestigation(reader);
      case CaseActionKind::kAdjudication:
        return ReadAdjudication(reader, today);
      case CaseActionKind::kReviewPanel:
        return ReadReviewPanel(reader);
      case CaseActionKind::kPanelReport:
        return ReadPanelReport(reader, today);
      case CaseActionKind::kDiscussionOffer:
        return ReadDiscussionOffer(reader, today);
      case CaseActionKind::kResponsePeriod:
        return ReadResponsePeriod(reader, today);
      case CaseActionKind::kLateNotice:
        return ReadLateNotice(reader, today);
    }
    return ReadAcknowledge(reader, today);
  });
}

core::Result<core::ServiceRequestInput> ParseServiceRequest(const json& body) {
  return ReadBody<core::ServiceRequestInput>(body, [](ObjectReader& reader) {
    core::ServiceRequestInput input;
    input.channel =
        reader.Enumerated("channel", Presence::kRequired, kChannelDomain).value_or(input.channel);
    input.received_on = Required(reader.Date("received_on", Presence::kRequired));
    input.service_area = reader.Text("service_area", Presence::kRequired);
    input.category = reader.Text("category", Presence::kRequired);
    input.summary = reader.Text("summary", Presence::kRequired);
    input.description = reader.Text("description");
    reader.Object("requester", Presence::kRequired,
                  [&](ObjectReader& person) { input.requester = ReadPerson(person); });
    return input;
  });
}

core::Result<ResolveCommand> ParseResolveServiceRequest(const json& body, core::Date today) {
  return ReadBody<ResolveCommand>(body, [&](ObjectReader& reader) {
    ResolveCommand command;
    command.on = reader.DateOr("on", today);
    command.resolution = reader.Text("resolution");
    return command;
  });
}

core::Result<app::ConvertServiceRequestCommand> ParseConvertServiceRequest(const json& body) {
  return ReadBody<app::ConvertServiceRequestCommand>(body, [](ObjectReader& reader) {
    app::ConvertServiceRequestCommand command;
    command.regime =
        reader.Enumerated("regime", Presence::kRequired, kRegimeDomain).value_or(command.regime);
    command.received_on = Required(reader.Date("received_on", Presence::kRequired));
    command.summary = reader.Text("summary");
    command.description = reader.Text("description");
    return command;
  });
}

core::Result<app::Credentials> ParseCredentials(const json& body) {
  return ReadBody<app::Credentials>(body, [](ObjectReader& reader) {
    app::Credentials credentials;
    credentials.username = reader.Text("username", Presence::kRequired);
    credentials.password = reader.Text("password", Presence::kRequired);
    return credentials;
  });
}

core::Result<TokenRequest> ParseTokenRequest(const json& body) {
  return ReadBody<TokenRequest>(body, [](ObjectReader& reader) {
    TokenRequest wanted;
    wanted.label = reader.Text("label", Presence::kRequired);
    wanted.expires_on = reader.Date("expires_on", Presence::kOptional);
    return wanted;
  });
}

core::Status CheckSearchText(std::string_view text) {
  if (text.size() > kMaxSearchTextBytes) {
    return core::FailField("text", "must be at most " + std::to_string(kMaxSearchTextBytes) +
                                       " characters, got " + std::to_string(text.size()));
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
    return core::FailField("text", "must be at most " + std::to_string(kMaxSearchWords) +
                                       " words, got " + std::to_string(words));
  }
  return {};
}

core::Result<app::ComplaintQuery> ParseComplaintQuery(const Parameters& parameters,
                                                      core::Date today,
                                                      const core::WorkingCalendar* calendar) {
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
  constexpr int kMaxStageNumber = 3;  // the most stages any regime has (children's)

  query.status = reader.Enumerated("status", Presence::kOptional, kCaseStatusDomain);
  query.stage = integer("stage", 1, kMaxStageNumber);
  query.regime = reader.Enumerated("regime", Presence::kOptional, kRegimeDomain);
  query.service_area = reader.Text("service_area");
  query.team = reader.Text("team");
  query.handler = reader.Text("handler");
  query.category = reader.Text("category");
  query.received_from = reader.Date("received_from", Presence::kOptional);
  query.received_to = reader.Date("received_to", Presence::kOptional);
  const std::string overdue = reader.Text("overdue");
  if (overdue == "true") {
    query.due_before = today;
  } else if (!overdue.empty() && overdue != "false") {
    errors.Invalid("overdue", "must be true or false, got '" + overdue + "'");
  }
  if (std::optional<int> due_within = integer("due_within", 0, kMaxDueWithinWorkingDays)) {
    assert(calendar != nullptr && "due_within needs the organisation's calendar");
    if (overdue == "true") {
      errors.Invalid("due_within",
                     "cannot be combined with overdue=true: overdue cases are due "
                     "before today, these from today on");
    }
    query.due_from = today;
    query.due_before = calendar->AddWorkingDays(today, *due_within).AddDays(1);
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

namespace {

// Where the complaint stands against the time limit for complaining, or null when the date the
// matter arose is not recorded. Evidence only: being outside the limit never refuses by itself.
json TimeLimitToJson(const core::Complaint& complaint) {
  const std::optional<core::TimeLimitEvidence> evidence = core::TimeLimitEvidenceFor(
      complaint.regime, complaint.matter_arose_on, complaint.received_on);
  if (!evidence) return nullptr;
  return {{"matter_arose_on", evidence->matter_arose_on.ToIso()},
          {"received_on", evidence->received_on.ToIso()},
          {"limit_months", evidence->limit_months},
          {"limit_ends_on", evidence->limit_ends_on.ToIso()},
          {"days_beyond_limit", evidence->days_beyond_limit},
          {"outside_limit", evidence->outside_limit()}};
}

}  // namespace

json ComplaintToJson(const core::Complaint& complaint, const RenderContext& context) {
  json stages = json::array();
  const core::Stage& current = complaint.current_stage();
  for (const core::Stage& stage : complaint.stages) {
    const bool waiting_on_council = &stage == &current && core::IsOpen(complaint.status);
    stages.push_back(StageToJson(
        stage, waiting_on_council ? StageClock::kRunning : StageClock::kStopped, context));
  }
  // A refusal as outside the time limit shows its evidence (core/time_limit.hpp); an earlier
  // refusal, undone by a reopening, is kept as it was decided.
  const auto refusal_json = [&complaint](const core::Refusal& refusal) -> json {
    return {{"decided_on", refusal.decided_on.ToIso()},
            {"reason", core::ToString(refusal.reason)},
            {"explanation", refusal.explanation},
            {"time_limit", refusal.reason == core::RefusalReason::kOlderThan12Months
                               ? TimeLimitToJson(complaint)
                               : json(nullptr)}};
  };
  const auto withdrawal_json = [](const core::Withdrawal& withdrawal) -> json {
    return {{"withdrawn_on", withdrawal.withdrawn_on.ToIso()},
            {"reason", withdrawal.reason},
            {"status_before", core::ToString(withdrawal.status_before)}};
  };
  json refusal = complaint.refusal ? refusal_json(*complaint.refusal) : json(nullptr);
  json withdrawal = complaint.withdrawal ? withdrawal_json(*complaint.withdrawal) : json(nullptr);
  json earlier_refusals = json::array();
  for (const core::Refusal& earlier : complaint.earlier_refusals) {
    earlier_refusals.push_back(refusal_json(earlier));
  }
  json earlier_withdrawals = json::array();
  for (const core::Withdrawal& earlier : complaint.earlier_withdrawals) {
    earlier_withdrawals.push_back(withdrawal_json(earlier));
  }
  return {
      {"reference", complaint.reference},
      {"version", complaint.version},
      {"regime", core::ToString(complaint.regime)},
      {"channel", core::ToString(complaint.channel)},
      {"service_area", complaint.service_area},
      {"category", complaint.category},
      {"summary", complaint.summary},
      {"description", complaint.description},
      {"desired_outcome", complaint.desired_outcome},
      {"complainant", PersonToJson(complaint.complainant)},
      {"representative",
       complaint.representative ? PersonToJson(*complaint.representative) : json(nullptr)},
      {"received_on", complaint.received_on.ToIso()},
      {"matter_arose_on", DateOrNull(complaint.matter_arose_on)},
      {"time_limit", TimeLimitToJson(complaint)},
      // The Code version the complaint is judged on, picked by its received date.
      {"code_version", core::CodeVersionFor(complaint.regime, complaint.received_on).id},
      {"code_version_title", core::CodeVersionFor(complaint.regime, complaint.received_on).title},
      {"status", core::ToString(complaint.status)},
      {"restricted", complaint.restricted},
      {"service_request_reference", TextOrNull(complaint.service_request_reference)},
      {"possible_repeat_of", complaint.possible_repeat_of},
      {"refusal", std::move(refusal)},
      {"withdrawal", std::move(withdrawal)},
      {"earlier_refusals", std::move(earlier_refusals)},
      {"earlier_withdrawals", std::move(earlier_withdrawals)},
      {"closed_on", DateOrNull(complaint.closed_on)},
      {"reopen_count", complaint.reopen_count},
      {"stage", current.number},
      {"acknowledge_by", current.acknowledge_by.ToIso()},
      {"respond_by", DateOrNull(current.respond_by)},
      {"stages", std::move(stages)},
  };
}

json ComplaintRowToJson(const app::ComplaintRow& row, core::Date today) {
  return {
      {"reference", row.reference},
      {"version", row.version},
      {"regime", core::ToString(row.regime)},
      {"status", core::ToString(row.status)},
      {"stage", row.stage},
      {"service_area", row.service_area},
      {"category", row.category},
      {"team", row.team},
      {"handler", TextOrNull(row.handler)},
      {"received_on", row.received_on.ToIso()},
      {"due_on", DateOrNull(row.due_on)},
      {"overdue", row.due_on.has_value() && *row.due_on < today},
      {"summary", row.summary},
  };
}

json EventToJson(const app::StoredEvent& stored) {
  json changes = json::array();
  for (const core::Change& change : stored.event.changes) {
    changes.push_back(
        {{"field", change.field}, {"before", change.before}, {"after", change.after}});
  }
  return {
      {"sequence", stored.sequence},
      {"type", core::ToString(stored.event.type)},
      {"occurred_on", stored.event.occurred_on.ToIso()},
      {"recorded_at", stored.recorded_at},
      {"actor", stored.event.actor},
      {"stage", stored.event.stage == 0 ? json(nullptr) : json(stored.event.stage)},
      {"summary", stored.event.summary},
      {"changes", std::move(changes)},
  };
}

json ServiceRequestToJson(const core::ServiceRequest& request) {
  return {
      {"reference", request.reference},
      {"version", request.version},
      {"channel", core::ToString(request.channel)},
      {"received_on", request.received_on.ToIso()},
      {"service_area", request.service_area},
      {"category", request.category},
      {"summary", request.summary},
      {"description", request.description},
      {"requester", PersonToJson(request.requester)},
      {"team", request.team},
      {"status", core::ToString(request.status)},
      {"resolved_on", DateOrNull(request.resolved_on)},
      {"resolution", request.resolution},
      {"complaint_reference", TextOrNull(request.complaint_reference)},
  };
}

json UserToJson(const app::User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", core::ToString(user.role)},
          {"team", user.team.empty() ? json() : json(user.team)},
          {"active", user.active}};
}

json TokenToJson(const app::ApiToken& token) {
  return {{"id", token.id},
          {"label", token.label},
          {"created_at", token.created_at},
          {"revoked_at", token.revoked_at ? json(*token.revoked_at) : json()},
          {"expires_on", token.expires_on ? json(token.expires_on->ToIso()) : json()}};
}

}  // namespace redress::http
