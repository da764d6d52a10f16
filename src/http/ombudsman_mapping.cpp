#include "http/ombudsman_mapping.hpp"

#include <limits>
#include <utility>

#include "http/json_reader.hpp"
#include "http/json_writer.hpp"
#include "http/learning_mapping.hpp"
#include "http/query_parameters.hpp"
#include "report/annual_report.hpp"

namespace redress::http {
namespace {

using core::Ombudsman;

constexpr Ombudsman kOmbudsmen[] = {Ombudsman::kHousingOmbudsman, Ombudsman::kLgsco};
constexpr core::HoFinding kFindings[] = {
    core::HoFinding::kNoMaladministration, core::HoFinding::kServiceFailure,
    core::HoFinding::kMaladministration,   core::HoFinding::kSevereMaladministration,
    core::HoFinding::kMediation,           core::HoFinding::kReasonableRedress,
    core::HoFinding::kOutsideJurisdiction, core::HoFinding::kWithdrawn};
constexpr core::LgscoDecision kDecisions[] = {core::LgscoDecision::kUpheldFaultAndInjustice,
                                              core::LgscoDecision::kUpheldFaultNoInjustice,
                                              core::LgscoDecision::kNotUpheld,
                                              core::LgscoDecision::kClosedAfterInitialEnquiries,
                                              core::LgscoDecision::kNotForUsPremature,
                                              core::LgscoDecision::kReferredBackForLocalResolution,
                                              core::LgscoDecision::kAdviceGiven,
                                              core::LgscoDecision::kIncompleteInvalid};
constexpr core::RemedyKind kRemedyKinds[] = {core::RemedyKind::kOrder,
                                             core::RemedyKind::kRecommendation};
constexpr core::OmbudsmanRemedyType kRemedyTypes[] = {
    core::OmbudsmanRemedyType::kApology,      core::OmbudsmanRemedyType::kSpecificAction,
    core::OmbudsmanRemedyType::kPolicyReview, core::OmbudsmanRemedyType::kFinancialCompensation,
    core::OmbudsmanRemedyType::kWiderOrder,   core::OmbudsmanRemedyType::kOther};
constexpr core::ChfoType kChfoTypes[] = {core::ChfoType::kType1, core::ChfoType::kType2,
                                         core::ChfoType::kType3};
constexpr core::ChfoGround kChfoGrounds[] = {core::ChfoGround::kDelayProgressingComplaint,
                                             core::ChfoGround::kDelayProvidingInformation,
                                             core::ChfoGround::kBreachOfMembershipObligations};
constexpr core::ChfoOutcome kChfoOutcomes[] = {
    core::ChfoOutcome::kPending, core::ChfoOutcome::kComplied, core::ChfoOutcome::kNotComplied};
constexpr EnumDomain<Ombudsman> kOmbudsmanDomain{kOmbudsmen, core::ParseOmbudsman};
constexpr EnumDomain<core::HoFinding> kFindingDomain{kFindings, core::ParseHoFinding};
constexpr EnumDomain<core::LgscoDecision> kDecisionDomain{kDecisions, core::ParseLgscoDecision};
constexpr EnumDomain<core::RemedyKind> kRemedyKindDomain{kRemedyKinds, core::ParseRemedyKind};
constexpr EnumDomain<core::OmbudsmanRemedyType> kRemedyTypeDomain{kRemedyTypes,
                                                                  core::ParseOmbudsmanRemedyType};
constexpr EnumDomain<core::ChfoType> kChfoTypeDomain{kChfoTypes, core::ParseChfoType};
constexpr EnumDomain<core::ChfoGround> kChfoGroundDomain{kChfoGrounds, core::ParseChfoGround};
constexpr EnumDomain<core::ChfoOutcome> kChfoOutcomeDomain{kChfoOutcomes, core::ParseChfoOutcome};

constexpr double kPercentMin = 0.0;
constexpr double kPercentMax = 100.0;
constexpr std::int64_t kMaxCount = std::numeric_limits<std::int32_t>::max();

json NumberOrNull(const std::optional<double>& value) { return value ? json(*value) : json(); }

}  // namespace

core::Result<core::OmbudsmanCase> ParseOmbudsmanCase(const json& body) {
  return ReadBody<core::OmbudsmanCase>(body, [](ObjectReader& reader) {
    core::OmbudsmanCase c;
    c.ombudsman =
        reader.Enumerated("ombudsman", Presence::kRequired, kOmbudsmanDomain).value_or(c.ombudsman);
    c.ombudsman_reference = reader.Text("ombudsman_reference");
    c.complaints = reader.TextList("complaints");
    c.summary = reader.Text("summary");
    c.referred_on = reader.Date("referred_on", Presence::kOptional);
    c.enquiry_received_on = reader.Date("enquiry_received_on", Presence::kOptional);
    c.information_due_on = reader.Date("information_due_on", Presence::kOptional);
    c.information_sent_on = reader.Date("information_sent_on", Presence::kOptional);
    c.draft_decision_on = reader.Date("draft_decision_on", Presence::kOptional);
    c.final_decision_on = reader.Date("final_decision_on", Presence::kOptional);
    reader.EachObject("findings", [&](ObjectReader& item) {
      core::ElementFinding finding;
      finding.element = item.Text("element", Presence::kRequired);
      finding.finding =
          item.Enumerated("finding", Presence::kRequired, kFindingDomain).value_or(finding.finding);
      c.findings.push_back(std::move(finding));
    });
    c.lgsco_decision = reader.Enumerated("lgsco_decision", Presence::kOptional, kDecisionDomain);
    c.satisfactory_remedy_by_council =
        reader.Boolean("satisfactory_remedy_by_council", Presence::kOptional).value_or(false);
    reader.EachObject("remedies", [&](ObjectReader& item) {
      core::OmbudsmanRemedy remedy;
      remedy.kind =
          item.Enumerated("kind", Presence::kRequired, kRemedyKindDomain).value_or(remedy.kind);
      remedy.type =
          item.Enumerated("type", Presence::kOptional, kRemedyTypeDomain).value_or(remedy.type);
      remedy.description = item.Text("description", Presence::kRequired);
      remedy.due_on = item.Date("due_on", Presence::kRequired).value_or(remedy.due_on);
      remedy.completed_on = item.Date("completed_on", Presence::kOptional);
      remedy.evidence = item.Text("evidence");
      c.remedies.push_back(std::move(remedy));
    });
    return c;
  });
}

json OmbudsmanCaseToJson(const core::OmbudsmanCase& c, core::Date today) {
  json findings = json::array();
  for (const core::ElementFinding& finding : c.findings) {
    findings.push_back({{"element", finding.element}, {"finding", ToString(finding.finding)}});
  }
  json remedies = json::array();
  for (const core::OmbudsmanRemedy& remedy : c.remedies) {
    const core::Compliance compliance = core::ComplianceOf(remedy, today);
    remedies.push_back({{"kind", ToString(remedy.kind)},
                        {"type", ToString(remedy.type)},
                        {"description", remedy.description},
                        {"due_on", remedy.due_on.ToIso()},
                        {"completed_on", DateOrNull(remedy.completed_on)},
                        {"evidence", remedy.evidence},
                        {"compliance", ToString(compliance)}});
  }
  json out = {{"reference", c.reference},
              {"version", c.version},
              {"ombudsman", ToString(c.ombudsman)},
              {"ombudsman_reference", c.ombudsman_reference},
              {"complaints", c.complaints},
              {"summary", c.summary},
              {"findings", std::move(findings)},
              {"lgsco_decision", NameOrNull(c.lgsco_decision)},
              {"satisfactory_remedy_by_council", c.satisfactory_remedy_by_council},
              {"remedies", std::move(remedies)},
              {"decided", core::IsDecided(c)},
              {"information_overdue", core::IsInformationOverdue(c, today)},
              {"remedy_overdue", core::IsAnyRemedyOverdue(c, today)}};
  for (const core::OmbudsmanCaseDate& date : core::kOmbudsmanCaseDates) {
    out[std::string(date.field)] = DateOrNull(c.*date.date);
  }
  return out;
}

core::Result<core::FailureOrder> ParseFailureOrder(const json& body) {
  return ReadBody<core::FailureOrder>(body, [](ObjectReader& reader) {
    core::FailureOrder order;
    order.ombudsman_case = reader.Text("ombudsman_case");
    order.ombudsman_reference = reader.Text("ombudsman_reference");
    order.type =
        reader.Enumerated("type", Presence::kRequired, kChfoTypeDomain).value_or(order.type);
    order.ground =
        reader.Enumerated("ground", Presence::kRequired, kChfoGroundDomain).value_or(order.ground);
    order.description = reader.Text("description", Presence::kRequired);
    order.issued_on = reader.Date("issued_on", Presence::kRequired).value_or(order.issued_on);
    order.due_on = reader.Date("due_on", Presence::kRequired).value_or(order.due_on);
    order.outcome = reader.Enumerated("outcome", Presence::kOptional, kChfoOutcomeDomain)
                        .value_or(order.outcome);
    order.complied_on = reader.Date("complied_on", Presence::kOptional);
    return order;
  });
}

json FailureOrderToJson(const core::FailureOrder& order, core::Date today) {
  return {{"reference", order.reference},
          {"version", order.version},
          {"ombudsman_case", TextOrNull(order.ombudsman_case)},
          {"ombudsman_reference", order.ombudsman_reference},
          {"type", ToString(order.type)},
          {"ground", ToString(order.ground)},
          {"description", order.description},
          {"issued_on", order.issued_on.ToIso()},
          {"due_on", order.due_on.ToIso()},
          {"outcome", ToString(order.outcome)},
          {"complied_on", DateOrNull(order.complied_on)},
          {"overdue", core::IsOverdue(order, today)}};
}

core::Result<core::LgscoLetter> ParseLgscoLetter(int year, const json& body) {
  return ReadBody<core::LgscoLetter>(body, [year](ObjectReader& reader) {
    core::LgscoLetter letter;
    letter.year = year;
    const auto count = [&](std::string_view name) {
      return reader.Integer(name, Presence::kRequired, 0, kMaxCount).value_or(0);
    };
    const auto percent = [&](std::string_view name) {
      return reader.Number(name, Presence::kOptional, kPercentMin, kPercentMax);
    };
    for (const core::LgscoLetterFigure& figure : core::kLgscoLetterFigures) {
      if (figure.count) letter.*figure.count = count(figure.field);
      if (figure.percent) letter.*figure.percent = percent(figure.field);
    }
    letter.comparison_group = reader.Text("comparison_group");
    return letter;
  });
}

json LgscoLetterToJson(const core::LgscoLetter& letter) {
  json out = {{"year", letter.year}, {"comparison_group", letter.comparison_group}};
  for (const core::LgscoLetterFigure& figure : core::kLgscoLetterFigures) {
    out[figure.field] =
        figure.count ? json(letter.*figure.count) : NumberOrNull(letter.*figure.percent);
  }
  return out;
}

json ReconciliationToJson(const app::LetterReconciliation& reconciliation) {
  json lines = json::array();
  for (const core::ReconciliationLine& line : reconciliation.lines) {
    lines.push_back({{"key", line.key},
                     {"label", line.label},
                     {"letter", NumberOrNull(line.letter)},
                     {"recorded", NumberOrNull(line.recorded)},
                     {"difference", NumberOrNull(line.difference)}});
  }
  return {{"year", reconciliation.letter.year},
          {"letter", LgscoLetterToJson(reconciliation.letter)},
          {"lines", std::move(lines)},
          {"differences", reconciliation.differences}};
}

json OverdueToJson(const app::OverdueDashboard& dashboard) {
  json ombudsman = json::array();
  for (const core::OverdueItem& item : dashboard.ombudsman) {
    ombudsman.push_back({{"kind", ToString(item.kind)},
                         {"reference", item.reference},
                         {"remedy_index", item.index < 0 ? json() : json(item.index)},
                         {"description", item.description},
                         {"due_on", item.due_on.ToIso()},
                         {"days_overdue", item.days_overdue}});
  }
  json actions = json::array();
  for (const core::LearningAction& action : dashboard.learning_actions) {
    actions.push_back(LearningActionToJson(action, dashboard.as_at));
  }
  return {{"as_at", dashboard.as_at.ToIso()},
          {"ombudsman", std::move(ombudsman)},
          {"learning_actions", std::move(actions)}};
}

core::Result<app::OmbudsmanCaseFilter> ParseOmbudsmanCaseFilter(const Parameters& query) {
  const json object = QueryObject(query);
  InputErrors errors;
  ObjectReader reader(object, "", errors);
  app::OmbudsmanCaseFilter filter;
  filter.ombudsman = reader.Enumerated("ombudsman", Presence::kOptional, kOmbudsmanDomain);
  filter.complaint = reader.Text("complaint");
  filter.decided_in = YearParameter(reader, errors, "decided_in");
  reader.Finish();
  if (!errors.empty()) return errors.ToError();
  return filter;
}

}  // namespace redress::http
