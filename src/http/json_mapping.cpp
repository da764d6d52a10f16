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

#include "core/pending_deadline.hpp"
#include "core/procedure_transitions.hpp"
#include "core/regime.hpp"
#include "core/validation.hpp"
#include "http/json_reader.hpp"
#include "http/problem.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

// The enum values a client may name. The names come from the core's ToString, so only the set of
// values is written here. Channel kOnline is not one: only the public service logs with it.
constexpr core::Channel kChannels[] = {core::Channel::kPhone,   core::Channel::kEmail,
                                       core::Channel::kLetter,  core::Channel::kInPerson,
                                       core::Channel::kWebForm, core::Channel::kSocialMedia};
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
constexpr EnumDomain<core::Outcome> kOutcomeDomain{kOutcomes, core::ParseOutcome};
constexpr EnumDomain<core::RemedyType> kRemedyTypeDomain{kRemedyTypes, core::ParseRemedyType};
constexpr EnumDomain<core::RefusalReason> kRefusalReasonDomain{kRefusalReasons,
                                                               core::ParseRefusalReason};
constexpr EnumDomain<core::DiscussionTakeUp> kDiscussionTakeUpDomain{kDiscussionTakeUps,
                                                                     core::ParseDiscussionTakeUp};

core::Person ReadPerson(ObjectReader& reader) {
  core::Person person;
  person.name = reader.Text("name", Presence::kRequired);
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

// What a case action requires is the core's to say where its input can be absent (an empty
// reason, no outcome, no root cause): the core then names every missing and invalid field of the
// action in one answer. The mapping requires only what the core's input cannot hold absent.
core::ExtendInput ReadExtend(ObjectReader& reader, core::Date today) {
  // Bounded so that the core's date arithmetic stays inside the calendar; the core applies the
  // Code's limits.
  constexpr std::int64_t kMaxExtensionWorkingDays = 1000;
  core::ExtendInput input;
  input.on = reader.DateOr("on", today);
  input.working_days = static_cast<int>(
      reader.Integer("working_days", Presence::kOptional, 1, kMaxExtensionWorkingDays).value_or(0));
  input.reason = reader.Text("reason");
  input.good_reason = reader.Text("good_reason");
  return input;
}

core::RespondInput ReadRespond(ObjectReader& reader, core::Date today) {
  core::RespondInput input;
  input.on = reader.DateOr("on", today);
  input.outcome = reader.Enumerated("outcome", Presence::kOptional, kOutcomeDomain);
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

// The corrected response has Respond's members; `on` dates the correction, `reason` says why.
core::CorrectResponseInput ReadCorrectResponse(ObjectReader& reader, core::Date today) {
  core::CorrectResponseInput input;
  input.corrected = ReadRespond(reader, today);
  input.on = input.corrected.on;
  input.reason = reader.Text("reason");
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
  input.reason = reader.Enumerated("reason", Presence::kOptional, kRefusalReasonDomain);
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

// A log request the mapping refused (a choice or a date missing) never reaches the core, so the
// core's checks of its texts that need no context (core/validation.hpp: the summary, the people)
// are added here for the fields the refusal does not name, and a form learns every problem in one
// answer. A malformed request (400) is answered as it is.
core::Error WithTextChecks(core::Error refused, const app::LogComplaintCommand& command) {
  const auto malformed = [](const core::FieldError& field) {
    return field.code == core::FieldErrorCode::kMalformed;
  };
  if (std::any_of(refused.fields.begin(), refused.fields.end(), malformed)) return refused;
  core::FieldErrors core_checks;
  core::ValidateSummary(command.summary, core_checks);
  for (const auto& [field, text] : {std::pair{"description", &command.description},
                                    std::pair{"service_area", &command.service_area},
                                    std::pair{"category", &command.category}}) {
    if (core::IsBlank(*text)) {
      core_checks.Add(field, "is required", core::FieldErrorCode::kRequired);
    }
  }
  core::ValidatePerson(command.complainant, "complainant", core_checks);
  if (command.representative) {
    core::ValidatePerson(*command.representative, "representative", core_checks);
  }
  if (core_checks.empty()) return refused;
  const auto named = [&refused](const std::string& field) {
    return std::any_of(refused.fields.begin(), refused.fields.end(),
                       [&field](const core::FieldError& error) {
                         return field == error.field || field.starts_with(error.field + ".");
                       });
  };
  core::Error checked = core_checks.ToError().value();
  for (core::FieldError& found : checked.fields) {
    if (!named(found.field)) refused.fields.push_back(std::move(found));
  }
  refused.message = "the input has " + std::to_string(refused.fields.size()) + " invalid fields";
  return refused;
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
    return tl::unexpected(RequestError(RequestRefusal::kUnsupportedMediaType,
                                       "the body must be application/json, got '" +
                                           std::string(request.Header("content-type")) + "'",
                                       "must be application/json"));
  }
  auto parsed = ParseStrictJson(request.body);
  if (!parsed) return tl::unexpected(parsed.error());
  json body = std::move(*parsed);
  if (!body.is_object()) {
    return tl::unexpected(MalformedField("body", "must be a JSON object"));
  }
  return body;
}

core::Result<app::LogComplaintCommand> ParseLogComplaint(const json& body) {
  app::LogComplaintCommand command;
  auto read = ReadBody<bool>(body, [&command](ObjectReader& reader) {
    command.regime =
        reader.Enumerated("regime", Presence::kRequired, kRegimeDomain).value_or(command.regime);
    command.received_on = Required(reader.Date("received_on", Presence::kRequired));
    command.matter_arose_on = reader.Date("matter_arose_on", Presence::kOptional);
    command.channel =
        reader.Enumerated("channel", Presence::kRequired, kChannelDomain).value_or(command.channel);
    command.service_area = reader.Text("service_area", Presence::kRequired);
    command.category = reader.Text("category", Presence::kRequired);
    command.summary = reader.Text("summary", Presence::kRequired);
    command.description = reader.Text("description", Presence::kRequired);
    command.desired_outcome = reader.Text("desired_outcome");
    reader.Object("complainant", Presence::kRequired,
                  [&](ObjectReader& person) { command.complainant = ReadPerson(person); });
    reader.Object("representative", Presence::kOptional,
                  [&](ObjectReader& person) { command.representative = ReadPerson(person); });
    command.handler = reader.Text("handler");
    return true;
  });
  if (read) return command;
  return tl::unexpected(WithTextChecks(read.error(), command));
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
      case CaseActionKind::kCorrectResponse:
        return ReadCorrectResponse(reader, today);
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

}  // namespace redress::http
