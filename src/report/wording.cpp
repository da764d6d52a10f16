#include "report/wording.hpp"

namespace redress::report {

// Each switch names every value and has no default, so that the compiler (-Wswitch) reports an
// enum value added without its words.

std::string_view Wording(core::HoFinding value) {
  switch (value) {
    case core::HoFinding::kNoMaladministration:
      return "No maladministration";
    case core::HoFinding::kServiceFailure:
      return "Service failure";
    case core::HoFinding::kMaladministration:
      return "Maladministration";
    case core::HoFinding::kSevereMaladministration:
      return "Severe maladministration";
    case core::HoFinding::kMediation:
      return "Resolved by mediation";
    case core::HoFinding::kReasonableRedress:
      return "Reasonable redress offered";
    case core::HoFinding::kOutsideJurisdiction:
      return "Outside the Ombudsman's jurisdiction";
    case core::HoFinding::kWithdrawn:
      return "Withdrawn";
  }
  return "Other finding";
}

std::string_view Wording(core::LgscoDecision value) {
  switch (value) {
    case core::LgscoDecision::kUpheldFaultAndInjustice:
      return "Upheld: fault and injustice";
    case core::LgscoDecision::kUpheldFaultNoInjustice:
      return "Upheld: fault, no injustice";
    case core::LgscoDecision::kNotUpheld:
      return "Not upheld";
    case core::LgscoDecision::kClosedAfterInitialEnquiries:
      return "Closed after initial enquiries";
    case core::LgscoDecision::kNotForUsPremature:
      return "Not for the Ombudsman: premature";
    case core::LgscoDecision::kReferredBackForLocalResolution:
      return "Referred back for local resolution";
    case core::LgscoDecision::kAdviceGiven:
      return "Advice given";
    case core::LgscoDecision::kIncompleteInvalid:
      return "Incomplete or invalid";
  }
  return "Other decision";
}

std::string_view Wording(core::CodeCompliance value) {
  switch (value) {
    case core::CodeCompliance::kComplies:
      return "Complies";
    case core::CodeCompliance::kPartly:
      return "Partly complies";
    case core::CodeCompliance::kDoesNotComply:
      return "Does not comply";
  }
  return "Not assessed";
}

std::string_view Wording(core::LetterType value) {
  switch (value) {
    case core::LetterType::kAcknowledgement:
      return "Acknowledgement";
    case core::LetterType::kExtensionNotice:
      return "Extension notice";
    case core::LetterType::kStageResponse:
      return "Stage response";
    case core::LetterType::kNotAccepted:
      return "Complaint not accepted";
    case core::LetterType::kEscalationDeclined:
      return "Escalation declined";
    case core::LetterType::kActionsUpdate:
      return "Update on outstanding actions";
    case core::LetterType::kPhoneResolution:
      return "Confirmation of a resolution by phone";
    case core::LetterType::kFreeLetter:
      return "Free letter";
  }
  return "Letter";
}

std::string_view Wording(core::Regime value) {
  switch (value) {
    case core::Regime::kHousing:
      return "Housing";
    case core::Regime::kCorporate:
      return "Corporate";
    case core::Regime::kChildren:
      return "Children's social care";
    case core::Regime::kAdults:
      return "Adult social care";
  }
  return "Other";
}

std::string_view Wording(Unit value) {
  switch (value) {
    case Unit::kCount:
      return "Count";
    case Unit::kPercent:
      return "Percentage";
    case Unit::kWorkingDays:
      return "Working days";
    case Unit::kPounds:
      return "Pounds";
    case Unit::kPerThousandHomes:
      return "Per 1,000 homes";
  }
  return "Number";
}

std::string_view Wording(ScopeKind value) {
  switch (value) {
    case ScopeKind::kOrganisation:
      return "Organisation";
    case ScopeKind::kRegime:
      return "Regime";
    case ScopeKind::kServiceArea:
      return "Service area";
  }
  return "Scope";
}

std::string_view Wording(TrendDimension value) {
  switch (value) {
    case TrendDimension::kCategory:
      return "Category";
    case TrendDimension::kServiceArea:
      return "Service area";
  }
  return "Dimension";
}

std::string OutcomeWording(core::Ombudsman ombudsman, std::string_view outcome) {
  if (ombudsman == core::Ombudsman::kHousingOmbudsman) {
    if (const auto finding = core::ParseHoFinding(outcome)) return std::string(Wording(*finding));
  }
  if (const auto decision = core::ParseLgscoDecision(outcome)) {
    return std::string(Wording(*decision));
  }
  return std::string(outcome);
}

}  // namespace redress::report
