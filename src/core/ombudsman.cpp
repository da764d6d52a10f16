#include "core/ombudsman.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/complaint.hpp"
#include "core/enum_names.hpp"
#include "core/validation.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<Ombudsman, 2> kOmbudsmanNames{{
    {Ombudsman::kHousingOmbudsman, "housing_ombudsman"},
    {Ombudsman::kLgsco, "lgsco"},
}};

constexpr EnumNames<HoFinding, 8> kHoFindingNames{{
    {HoFinding::kNoMaladministration, "no_maladministration"},
    {HoFinding::kServiceFailure, "service_failure"},
    {HoFinding::kMaladministration, "maladministration"},
    {HoFinding::kSevereMaladministration, "severe_maladministration"},
    {HoFinding::kMediation, "mediation"},
    {HoFinding::kReasonableRedress, "reasonable_redress"},
    {HoFinding::kOutsideJurisdiction, "outside_jurisdiction"},
    {HoFinding::kWithdrawn, "withdrawn"},
}};

constexpr EnumNames<LgscoDecision, 8> kLgscoDecisionNames{{
    {LgscoDecision::kUpheldFaultAndInjustice, "upheld_fault_and_injustice"},
    {LgscoDecision::kUpheldFaultNoInjustice, "upheld_fault_no_injustice"},
    {LgscoDecision::kNotUpheld, "not_upheld"},
    {LgscoDecision::kClosedAfterInitialEnquiries, "closed_after_initial_enquiries"},
    {LgscoDecision::kNotForUsPremature, "not_for_us_premature"},
    {LgscoDecision::kReferredBackForLocalResolution, "referred_back_for_local_resolution"},
    {LgscoDecision::kAdviceGiven, "advice_given"},
    {LgscoDecision::kIncompleteInvalid, "incomplete_invalid"},
}};

constexpr EnumNames<RemedyKind, 2> kRemedyKindNames{{
    {RemedyKind::kOrder, "order"},
    {RemedyKind::kRecommendation, "recommendation"},
}};

constexpr EnumNames<OmbudsmanRemedyType, 6> kRemedyTypeNames{{
    {OmbudsmanRemedyType::kApology, "apology"},
    {OmbudsmanRemedyType::kSpecificAction, "specific_action"},
    {OmbudsmanRemedyType::kPolicyReview, "policy_review"},
    {OmbudsmanRemedyType::kFinancialCompensation, "financial_compensation"},
    {OmbudsmanRemedyType::kWiderOrder, "wider_order"},
    {OmbudsmanRemedyType::kOther, "other"},
}};

constexpr EnumNames<Compliance, 4> kComplianceNames{{
    {Compliance::kPending, "pending"},
    {Compliance::kOverdue, "overdue"},
    {Compliance::kCompliedOnTime, "complied_on_time"},
    {Compliance::kCompliedLate, "complied_late"},
}};

constexpr EnumNames<ChfoType, 3> kChfoTypeNames{{
    {ChfoType::kType1, "type_1"},
    {ChfoType::kType2, "type_2"},
    {ChfoType::kType3, "type_3"},
}};

constexpr EnumNames<ChfoGround, 3> kChfoGroundNames{{
    {ChfoGround::kDelayProgressingComplaint, "delay_progressing_complaint"},
    {ChfoGround::kDelayProvidingInformation, "delay_providing_information"},
    {ChfoGround::kBreachOfMembershipObligations, "breach_of_membership_obligations"},
}};

constexpr EnumNames<ChfoOutcome, 3> kChfoOutcomeNames{{
    {ChfoOutcome::kPending, "pending"},
    {ChfoOutcome::kComplied, "complied"},
    {ChfoOutcome::kNotComplied, "not_complied"},
}};

constexpr EnumNames<OverdueKind, 4> kOverdueKindNames{{
    {OverdueKind::kInformation, "information"},
    {OverdueKind::kRemedy, "remedy"},
    {OverdueKind::kFailureOrder, "failure_order"},
    {OverdueKind::kSubjectAccess, "subject_access"},
}};

constexpr double kPercentMax = 100.0;

std::string DateText(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

// A named date of a record, for the ordering rules.
struct NamedDate {
  std::string_view field;
  const std::optional<Date>* date;
};

// Each pair (earlier, later) present must be in order; the later one is named in the error.
void CheckOrder(std::initializer_list<std::pair<NamedDate, NamedDate>> pairs, FieldErrors& errors) {
  for (const auto& [earlier, later] : pairs) {
    if (*earlier.date && *later.date && **later.date < **earlier.date) {
      errors.Add(std::string(later.field),
                 "must not be before " + std::string(earlier.field) + " (" +
                     (*earlier.date)->ToIso() + ")",
                 FieldErrorCode::kDateTooEarly);
    }
  }
}

void CheckNotFuture(std::string_view field, const std::optional<Date>& date, Date today,
                    FieldErrors& errors) {
  if (date && today < *date) {
    errors.Add(std::string(field), "must not be after today (" + today.ToIso() + ")",
               FieldErrorCode::kDateInFuture);
  }
}

bool WithinYear(const std::optional<Date>& date, int year) {
  return date && date->FinancialYear() == year;
}

std::optional<double> Percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return kPercentMax * static_cast<double>(part) / static_cast<double>(whole);
}

std::string NumberText(const std::optional<double>& value) {
  if (!value) return "";
  std::string text = std::to_string(*value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string_view ToString(Ombudsman value) { return NameOf(kOmbudsmanNames, value); }
std::optional<Ombudsman> ParseOmbudsman(std::string_view name) {
  return ParseName(kOmbudsmanNames, name);
}
std::string_view ToString(HoFinding value) { return NameOf(kHoFindingNames, value); }
std::optional<HoFinding> ParseHoFinding(std::string_view name) {
  return ParseName(kHoFindingNames, name);
}
std::string_view ToString(LgscoDecision value) { return NameOf(kLgscoDecisionNames, value); }
std::optional<LgscoDecision> ParseLgscoDecision(std::string_view name) {
  return ParseName(kLgscoDecisionNames, name);
}
std::string_view ToString(RemedyKind value) { return NameOf(kRemedyKindNames, value); }
std::optional<RemedyKind> ParseRemedyKind(std::string_view name) {
  return ParseName(kRemedyKindNames, name);
}
std::string_view ToString(OmbudsmanRemedyType value) { return NameOf(kRemedyTypeNames, value); }
std::optional<OmbudsmanRemedyType> ParseOmbudsmanRemedyType(std::string_view name) {
  return ParseName(kRemedyTypeNames, name);
}
std::string_view ToString(Compliance value) { return NameOf(kComplianceNames, value); }
std::string_view ToString(ChfoType value) { return NameOf(kChfoTypeNames, value); }
std::optional<ChfoType> ParseChfoType(std::string_view name) {
  return ParseName(kChfoTypeNames, name);
}
std::string_view ToString(ChfoGround value) { return NameOf(kChfoGroundNames, value); }
std::optional<ChfoGround> ParseChfoGround(std::string_view name) {
  return ParseName(kChfoGroundNames, name);
}
std::string_view ToString(ChfoOutcome value) { return NameOf(kChfoOutcomeNames, value); }
std::optional<ChfoOutcome> ParseChfoOutcome(std::string_view name) {
  return ParseName(kChfoOutcomeNames, name);
}
std::string_view ToString(OverdueKind value) { return NameOf(kOverdueKindNames, value); }

LetterColumn LetterColumnOf(LgscoDecision decision) {
  switch (decision) {
    case LgscoDecision::kUpheldFaultAndInjustice:
    case LgscoDecision::kUpheldFaultNoInjustice:
      return LetterColumn::kInvestigatedUpheld;
    case LgscoDecision::kNotUpheld:
      return LetterColumn::kInvestigatedNotUpheld;
    case LgscoDecision::kClosedAfterInitialEnquiries:
    case LgscoDecision::kAdviceGiven:
    case LgscoDecision::kIncompleteInvalid:
      return LetterColumn::kAssessedAndClosed;
    case LgscoDecision::kNotForUsPremature:
    case LgscoDecision::kReferredBackForLocalResolution:
      return LetterColumn::kNotForUs;
  }
  return LetterColumn::kNotForUs;
}

Compliance ComplianceOf(const OmbudsmanRemedy& remedy, Date today) {
  if (remedy.completed_on) {
    return *remedy.completed_on <= remedy.due_on ? Compliance::kCompliedOnTime
                                                 : Compliance::kCompliedLate;
  }
  return remedy.due_on < today ? Compliance::kOverdue : Compliance::kPending;
}

bool IsInformationOverdue(const OmbudsmanCase& c, Date today) {
  return c.information_due_on && !c.information_sent_on && *c.information_due_on < today;
}

bool IsAnyRemedyOverdue(const OmbudsmanCase& c, Date today) {
  return std::any_of(c.remedies.begin(), c.remedies.end(), [&](const OmbudsmanRemedy& remedy) {
    return ComplianceOf(remedy, today) == Compliance::kOverdue;
  });
}

bool IsOverdue(const FailureOrder& order, Date today) {
  return order.outcome == ChfoOutcome::kPending && order.due_on < today;
}

bool IsDecided(const OmbudsmanCase& c) {
  return c.final_decision_on.has_value() && (!c.findings.empty() || c.lgsco_decision.has_value());
}

Status ValidateOmbudsmanCase(const OmbudsmanCase& c, Date today) {
  FieldErrors errors;
  if (c.complaints.size() > kMaxConcernedComplaints) {
    errors.Add("complaints",
               "must name at most " + std::to_string(kMaxConcernedComplaints) + " complaints",
               FieldErrorCode::kTooLong);
  }
  if (Utf8Length(c.summary) > kMaxOmbudsmanText) {
    errors.Add("summary", "must be at most " + std::to_string(kMaxOmbudsmanText) + " characters",
               FieldErrorCode::kTooLong);
  }
  const NamedDate referred{"referred_on", &c.referred_on};
  const NamedDate enquiry{"enquiry_received_on", &c.enquiry_received_on};
  const NamedDate info_due{"information_due_on", &c.information_due_on};
  const NamedDate info_sent{"information_sent_on", &c.information_sent_on};
  const NamedDate draft{"draft_decision_on", &c.draft_decision_on};
  const NamedDate final_decision{"final_decision_on", &c.final_decision_on};
  CheckOrder({{referred, enquiry},
              {enquiry, info_due},
              {enquiry, info_sent},
              {referred, final_decision},
              {enquiry, final_decision},
              {draft, final_decision},
              {enquiry, draft}},
             errors);
  for (const NamedDate& happened : {referred, enquiry, info_sent, draft, final_decision}) {
    CheckNotFuture(happened.field, *happened.date, today, errors);
  }

  const bool housing = c.ombudsman == Ombudsman::kHousingOmbudsman;
  if (housing && c.lgsco_decision) {
    errors.Add("lgsco_decision", "is for LGSCO cases; the Housing Ombudsman makes findings",
               FieldErrorCode::kNotAllowedInState);
  }
  if (housing && c.satisfactory_remedy_by_council) {
    errors.Add("satisfactory_remedy_by_council", "is for LGSCO cases",
               FieldErrorCode::kNotAllowedInState);
  }
  if (!housing && !c.findings.empty()) {
    errors.Add("findings", "are for Housing Ombudsman cases; the LGSCO makes a decision",
               FieldErrorCode::kNotAllowedInState);
  }
  for (std::size_t i = 0; i < c.findings.size(); ++i) {
    if (IsBlank(c.findings[i].element)) {
      errors.Add("findings[" + std::to_string(i) + "].element", "must describe the element",
                 FieldErrorCode::kRequired);
    }
  }
  const bool has_outcome = !c.findings.empty() || c.lgsco_decision.has_value();
  if (c.final_decision_on && !has_outcome) {
    errors.Add(housing ? "findings" : "lgsco_decision",
               "a final decision needs its outcome (" +
                   std::string(housing ? "at least one finding" : "the decision") + ")",
               FieldErrorCode::kRequired);
  }
  if (has_outcome && !c.final_decision_on) {
    errors.Add("final_decision_on", "is required with an outcome", FieldErrorCode::kRequired);
  }
  if (!housing && c.satisfactory_remedy_by_council && !c.lgsco_decision) {
    errors.Add("satisfactory_remedy_by_council", "needs the decision", FieldErrorCode::kRequired);
  }
  if (!c.remedies.empty() && !c.final_decision_on) {
    errors.Add("remedies", "are made by a final decision: record final_decision_on first",
               FieldErrorCode::kNotAllowedInState);
  }
  for (std::size_t i = 0; i < c.remedies.size(); ++i) {
    const OmbudsmanRemedy& remedy = c.remedies[i];
    const std::string field = "remedies[" + std::to_string(i) + "]";
    if (IsBlank(remedy.description)) {
      errors.Add(field + ".description", "is required", FieldErrorCode::kRequired);
    }
    if (c.final_decision_on && remedy.due_on < *c.final_decision_on) {
      errors.Add(field + ".due_on", "must not be before final_decision_on",
                 FieldErrorCode::kDateTooEarly);
    }
    if (remedy.completed_on) {
      CheckNotFuture(field + ".completed_on", remedy.completed_on, today, errors);
      if (c.final_decision_on && *remedy.completed_on < *c.final_decision_on) {
        errors.Add(field + ".completed_on", "must not be before final_decision_on",
                   FieldErrorCode::kDateTooEarly);
      }
      if (IsBlank(remedy.evidence)) {
        errors.Add(field + ".evidence", "is required to record a remedy as completed",
                   FieldErrorCode::kRequired);
      }
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status ValidateFailureOrder(const FailureOrder& order, Date today) {
  FieldErrors errors;
  if (IsBlank(order.description)) {
    errors.Add("description", "is required", FieldErrorCode::kRequired);
  }
  CheckNotFuture("issued_on", order.issued_on, today, errors);
  if (order.due_on < order.issued_on)
    errors.Add("due_on", "must not be before issued_on", FieldErrorCode::kDateTooEarly);
  const bool complied = order.outcome == ChfoOutcome::kComplied;
  if (complied && !order.complied_on)
    errors.Add("complied_on", "is required when complied", FieldErrorCode::kRequired);
  if (!complied && order.complied_on) {
    errors.Add("complied_on", "is only for an order complied with",
               FieldErrorCode::kNotAllowedInState);
  }
  if (order.complied_on) {
    CheckNotFuture("complied_on", order.complied_on, today, errors);
    if (*order.complied_on < order.issued_on) {
      errors.Add("complied_on", "must not be before issued_on", FieldErrorCode::kDateTooEarly);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status ValidateLgscoLetter(const LgscoLetter& letter) {
  FieldErrors errors;
  for (const LgscoLetterFigure& figure : kLgscoLetterFigures) {
    if (figure.count && letter.*figure.count < 0) {
      errors.Add(std::string(figure.field), "must not be negative", FieldErrorCode::kOutOfRange);
    }
  }
  if (letter.investigated > letter.decisions_made) {
    errors.Add("investigated", "must not exceed decisions_made", FieldErrorCode::kOutOfRange);
  }
  if (letter.upheld > letter.investigated)
    errors.Add("upheld", "must not exceed investigated", FieldErrorCode::kOutOfRange);
  for (const LgscoLetterFigure& figure : kLgscoLetterFigures) {
    const std::optional<double> percent = figure.percent ? letter.*figure.percent : std::nullopt;
    if (percent && (*percent < 0.0 || *percent > kPercentMax)) {
      errors.Add(std::string(figure.field), "must be between 0 and 100",
                 FieldErrorCode::kOutOfRange);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::vector<ReconciliationLine> ReconcileLetter(const LgscoLetter& letter,
                                                const std::vector<OmbudsmanCase>& cases) {
  std::int64_t received = 0;
  std::int64_t decided = 0;
  std::int64_t not_for_us = 0;
  std::int64_t assessed_and_closed = 0;
  std::int64_t upheld = 0;
  std::int64_t not_upheld = 0;
  std::int64_t satisfactory = 0;
  std::int64_t remedies_due = 0;
  std::int64_t remedies_on_time = 0;
  for (const OmbudsmanCase& c : cases) {
    if (c.ombudsman != Ombudsman::kLgsco) continue;
    const std::optional<Date> arrived =
        c.enquiry_received_on ? c.enquiry_received_on : c.referred_on;
    if (WithinYear(arrived, letter.year)) ++received;
    for (const OmbudsmanRemedy& remedy : c.remedies) {
      if (remedy.due_on.FinancialYear() != letter.year) continue;
      ++remedies_due;
      if (remedy.completed_on && *remedy.completed_on <= remedy.due_on) ++remedies_on_time;
    }
    if (!WithinYear(c.final_decision_on, letter.year) || !c.lgsco_decision) continue;
    ++decided;
    if (c.satisfactory_remedy_by_council) ++satisfactory;
    switch (LetterColumnOf(*c.lgsco_decision)) {
      case LetterColumn::kNotForUs:
        ++not_for_us;
        break;
      case LetterColumn::kAssessedAndClosed:
        ++assessed_and_closed;
        break;
      case LetterColumn::kInvestigatedUpheld:
        ++upheld;
        break;
      case LetterColumn::kInvestigatedNotUpheld:
        ++not_upheld;
        break;
    }
  }
  const std::int64_t investigated = upheld + not_upheld;
  const auto count = [](std::int64_t n) { return std::optional<double>(static_cast<double>(n)); };
  struct Pair {
    std::string_view key;
    std::string_view label;
    std::optional<double> letter;
    std::optional<double> recorded;
  };
  const Pair pairs[] = {
      {"complaints_and_enquiries_received", "Complaints and enquiries received",
       count(letter.complaints_and_enquiries_received), count(received)},
      {"decisions_made", "Decisions made", count(letter.decisions_made), count(decided)},
      {"not_for_us", "Not for us (premature or wrong Ombudsman)", count(letter.not_for_us),
       count(not_for_us)},
      {"assessed_and_closed", "Assessed and closed", count(letter.assessed_and_closed),
       count(assessed_and_closed)},
      {"investigated", "Investigated", count(letter.investigated), count(investigated)},
      {"upheld", "Upheld", count(letter.upheld), count(upheld)},
      {"uphold_rate_percent", "Uphold rate (% of investigations)", letter.uphold_rate_percent,
       Percent(upheld, investigated)},
      {"compliance_percent", "Compliance with recommendations (%)", letter.compliance_percent,
       Percent(remedies_on_time, remedies_due)},
      {"satisfactory_remedy_by_council", "Satisfactory remedy provided by the council",
       count(letter.satisfactory_remedy_by_council), count(satisfactory)},
  };
  std::vector<ReconciliationLine> lines;
  for (const Pair& pair : pairs) {
    std::optional<double> difference;
    if (pair.letter && pair.recorded) difference = *pair.letter - *pair.recorded;
    lines.push_back(
        {std::string(pair.key), std::string(pair.label), pair.letter, pair.recorded, difference});
  }
  return lines;
}

std::string ContentTag(const FieldValues& fields) {
  constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
  constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
  constexpr char kSeparator = '\n';  // between names and values, so "ab"+"c" differs from "a"+"bc"
  std::uint64_t hash = kFnvOffset;
  const auto add = [&hash](std::string_view text) {
    for (const char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= kFnvPrime;
    }
    hash ^= static_cast<unsigned char>(kSeparator);
    hash *= kFnvPrime;
  };
  for (const auto& [name, value] : fields) {
    add(name);
    add(value);
  }
  constexpr int kHexDigits = 16;
  constexpr std::uint64_t kNibble = 0xF;
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string tag(kHexDigits, '0');
  for (int i = kHexDigits - 1; i >= 0; --i) {
    tag[static_cast<std::size_t>(i)] = kHex[hash & kNibble];
    hash >>= 4;
  }
  return tag;
}

std::string_view DisplayName(Ombudsman value) {
  return value == Ombudsman::kHousingOmbudsman ? "Housing Ombudsman" : "LGSCO";
}

std::vector<OverdueItem> OverdueOmbudsmanItems(const std::vector<OmbudsmanCase>& cases,
                                               const std::vector<FailureOrder>& orders,
                                               Date today) {
  std::vector<OverdueItem> items;
  for (const OmbudsmanCase& c : cases) {
    if (IsInformationOverdue(c, today)) {
      items.push_back(
          {OverdueKind::kInformation, c.reference, -1,
           "Information for the " + std::string(DisplayName(c.ombudsman)) +
               (c.ombudsman_reference.empty() ? "'s enquiry" : " enquiry " + c.ombudsman_reference),
           *c.information_due_on, c.information_due_on->DaysUntil(today)});
    }
    for (std::size_t i = 0; i < c.remedies.size(); ++i) {
      const OmbudsmanRemedy& remedy = c.remedies[i];
      if (ComplianceOf(remedy, today) != Compliance::kOverdue) continue;
      items.push_back({OverdueKind::kRemedy, c.reference, static_cast<int>(i), remedy.description,
                       remedy.due_on, remedy.due_on.DaysUntil(today)});
    }
  }
  for (const FailureOrder& order : orders) {
    if (IsOverdue(order, today)) {
      items.push_back({OverdueKind::kFailureOrder, order.reference, -1, order.description,
                       order.due_on, order.due_on.DaysUntil(today)});
    }
  }
  SortOverdueItems(items);
  return items;
}

void SortOverdueItems(std::vector<OverdueItem>& items) {
  std::sort(items.begin(), items.end(), [](const OverdueItem& a, const OverdueItem& b) {
    return std::tie(b.days_overdue, a.reference, a.index) <
           std::tie(a.days_overdue, b.reference, b.index);
  });
}

FieldValues FieldsOf(const OmbudsmanCase& c) {
  FieldValues fields = {
      {"ombudsman", std::string(ToString(c.ombudsman))},
      {"ombudsman_reference", c.ombudsman_reference},
      {"summary", c.summary},
  };
  for (const OmbudsmanCaseDate& date : kOmbudsmanCaseDates) {
    fields.emplace_back(std::string(date.field), DateText(c.*date.date));
  }
  fields.emplace_back("lgsco_decision",
                      c.lgsco_decision ? std::string(ToString(*c.lgsco_decision)) : "");
  fields.emplace_back("satisfactory_remedy_by_council",
                      c.satisfactory_remedy_by_council ? "true" : "false");
  std::string complaints;
  for (const std::string& complaint : c.complaints) {
    complaints += (complaints.empty() ? "" : ", ") + complaint;
  }
  fields.emplace_back("complaints", complaints);
  for (std::size_t i = 0; i < c.findings.size(); ++i) {
    const std::string field = "findings[" + std::to_string(i) + "]";
    fields.emplace_back(field + ".element", c.findings[i].element);
    fields.emplace_back(field + ".finding", std::string(ToString(c.findings[i].finding)));
  }
  for (std::size_t i = 0; i < c.remedies.size(); ++i) {
    const OmbudsmanRemedy& remedy = c.remedies[i];
    const std::string field = "remedies[" + std::to_string(i) + "]";
    fields.emplace_back(field + ".kind", std::string(ToString(remedy.kind)));
    fields.emplace_back(field + ".type", std::string(ToString(remedy.type)));
    fields.emplace_back(field + ".description", remedy.description);
    fields.emplace_back(field + ".due_on", remedy.due_on.ToIso());
    fields.emplace_back(field + ".completed_on", DateText(remedy.completed_on));
    fields.emplace_back(field + ".evidence", remedy.evidence);
  }
  return fields;
}

FieldValues FieldsOf(const FailureOrder& order) {
  return {
      {"ombudsman_case", order.ombudsman_case},
      {"ombudsman_reference", order.ombudsman_reference},
      {"type", std::string(ToString(order.type))},
      {"ground", std::string(ToString(order.ground))},
      {"description", order.description},
      {"issued_on", order.issued_on.ToIso()},
      {"due_on", order.due_on.ToIso()},
      {"outcome", std::string(ToString(order.outcome))},
      {"complied_on", DateText(order.complied_on)},
  };
}

FieldValues FieldsOf(const LgscoLetter& letter) {
  FieldValues fields;
  for (const LgscoLetterFigure& figure : kLgscoLetterFigures) {
    fields.emplace_back(figure.field, figure.count ? std::to_string(letter.*figure.count)
                                                   : NumberText(letter.*figure.percent));
  }
  fields.emplace_back("comparison_group", letter.comparison_group);
  return fields;
}

std::vector<Change> Diff(const FieldValues& before, const FieldValues& after) {
  std::map<std::string, std::string, std::less<>> earlier(before.begin(), before.end());
  std::vector<Change> changes;
  for (const auto& [field, value] : after) {
    auto found = earlier.find(field);
    const std::string old_value = found == earlier.end() ? "" : found->second;
    if (found != earlier.end()) earlier.erase(found);
    if (old_value != value) changes.push_back({field, old_value, value});
  }
  for (const auto& [field, value] : before) {
    if (earlier.contains(field) && !value.empty()) changes.push_back({field, value, ""});
  }
  return changes;
}

}  // namespace redress::core
