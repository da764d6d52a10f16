#pragma once

// Ombudsman cases (rules file section 5), Complaint Handling Failure Orders (section 1.7) and the
// LGSCO annual review letter (section 5.1), with the rules that judge them: validation, what is
// overdue as at a date, and the reconciliation of a letter with the cases recorded. Pure: "today"
// is a parameter.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::core {

// Ombudsman (regime.hpp) as text.
std::string_view ToString(Ombudsman value);  // "housing_ombudsman", "lgsco"
std::optional<Ombudsman> ParseOmbudsman(std::string_view name);
// As people write it: "Housing Ombudsman", "LGSCO".
std::string_view DisplayName(Ombudsman value);

// A Housing Ombudsman finding on one complaint element (rules 5.2).
enum class HoFinding {
  kNoMaladministration,
  kServiceFailure,
  kMaladministration,
  kSevereMaladministration,
  kMediation,
  kReasonableRedress,
  kOutsideJurisdiction,
  kWithdrawn,
};
std::string_view ToString(HoFinding value);  // snake_case, e.g. "severe_maladministration"
std::optional<HoFinding> ParseHoFinding(std::string_view name);

// An LGSCO decision (rules 5.1: the letter's categories and the historic decision list). The
// letter counts "upheld" as fault found, with or without injustice, or a remedy already given.
enum class LgscoDecision {
  kUpheldFaultAndInjustice,
  kUpheldFaultNoInjustice,
  kNotUpheld,
  kClosedAfterInitialEnquiries,
  kNotForUsPremature,
  kReferredBackForLocalResolution,
  kAdviceGiven,
  kIncompleteInvalid,
};
std::string_view ToString(LgscoDecision value);  // e.g. "upheld_fault_and_injustice"
std::optional<LgscoDecision> ParseLgscoDecision(std::string_view name);

// Where a decision falls in the columns of the LGSCO annual letter.
enum class LetterColumn {
  kNotForUs,
  kAssessedAndClosed,
  kInvestigatedUpheld,
  kInvestigatedNotUpheld
};
LetterColumn LetterColumnOf(LgscoDecision decision);

// Orders bind; recommendations advise (rules 5.2, "Remedies").
enum class RemedyKind { kOrder, kRecommendation };
std::string_view ToString(RemedyKind value);  // "order", "recommendation"
std::optional<RemedyKind> ParseRemedyKind(std::string_view name);

enum class OmbudsmanRemedyType {
  kApology,
  kSpecificAction,
  kPolicyReview,
  kFinancialCompensation,
  kWiderOrder,
  kOther,
};
std::string_view ToString(OmbudsmanRemedyType value);  // e.g. "financial_compensation"
std::optional<OmbudsmanRemedyType> ParseOmbudsmanRemedyType(std::string_view name);

// One element of a Housing Ombudsman determination and the finding on it.
struct ElementFinding {
  std::string element;  // e.g. "the landlord's handling of reports of damp and mould"
  HoFinding finding = HoFinding::kNoMaladministration;
  friend bool operator==(const ElementFinding&, const ElementFinding&) = default;
};

// An order or recommendation and how the council complied.
struct OmbudsmanRemedy {
  RemedyKind kind = RemedyKind::kOrder;
  OmbudsmanRemedyType type = OmbudsmanRemedyType::kOther;
  std::string description;
  Date due_on;
  std::optional<Date> completed_on;
  std::string evidence;  // what shows it was done; required once completed
  friend bool operator==(const OmbudsmanRemedy&, const OmbudsmanRemedy&) = default;
};

// Compliance with an order or recommendation as at a date.
enum class Compliance { kPending, kOverdue, kCompliedOnTime, kCompliedLate };
std::string_view ToString(Compliance value);  // "pending", "overdue", "complied_on_time", ...
Compliance ComplianceOf(const OmbudsmanRemedy& remedy, Date today);

// A case with an Ombudsman: an enquiry or investigation about one or more of the organisation's
// complaints (or none, when the Ombudsman contacts the organisation first).
struct OmbudsmanCase {
  std::int64_t id = 0;
  std::string reference;  // Redress's own, "OMB-<year recorded>-<6-digit sequence>"
  Ombudsman ombudsman = Ombudsman::kHousingOmbudsman;
  std::string ombudsman_reference;      // the Ombudsman's own reference; may be unknown at first
  std::vector<std::string> complaints;  // references of the complaints it concerns
  std::string summary;
  std::optional<Date> referred_on;
  std::optional<Date> enquiry_received_on;
  std::optional<Date> information_due_on;  // the Ombudsman's deadline for the information
  std::optional<Date> information_sent_on;
  std::optional<Date> draft_decision_on;
  std::optional<Date> final_decision_on;
  std::vector<ElementFinding> findings;         // Housing Ombudsman only
  std::optional<LgscoDecision> lgsco_decision;  // LGSCO only
  // LGSCO: the organisation had already given a remedy the LGSCO found satisfactory.
  bool satisfactory_remedy_by_council = false;
  std::vector<OmbudsmanRemedy> remedies;
  std::int64_t version = 0;
};

// The case's dates, each with its field name, in the order of the case: the one list that the
// audit's field values (FieldsOf) and the API's JSON read, so that a date is added in one place.
struct OmbudsmanCaseDate {
  std::string_view field;
  std::optional<Date> OmbudsmanCase::*date;
};
inline constexpr std::array<OmbudsmanCaseDate, 6> kOmbudsmanCaseDates{{
    {"referred_on", &OmbudsmanCase::referred_on},
    {"enquiry_received_on", &OmbudsmanCase::enquiry_received_on},
    {"information_due_on", &OmbudsmanCase::information_due_on},
    {"information_sent_on", &OmbudsmanCase::information_sent_on},
    {"draft_decision_on", &OmbudsmanCase::draft_decision_on},
    {"final_decision_on", &OmbudsmanCase::final_decision_on},
}};

// The information the Ombudsman asked for is overdue as at `today`: its deadline has passed and
// nothing has been sent.
bool IsInformationOverdue(const OmbudsmanCase& c, Date today);
// Some order or recommendation of the case is overdue (ComplianceOf) as at `today`.
bool IsAnyRemedyOverdue(const OmbudsmanCase& c, Date today);

// Whether the case is decided: a final decision date and an outcome.
bool IsDecided(const OmbudsmanCase& ombudsman_case);

// The rules of a case, every offending field at once (field names as in the API):
// - the dates in order: referred_on ≤ enquiry_received_on ≤ information_sent_on, draft ≤ final,
//   enquiry_received_on ≤ information_due_on; nothing that has happened dated after `today`
//   (information_due_on and the remedies' due_on are deadlines, so they may be later);
// - the vocabulary of the case's Ombudsman: findings only for the Housing Ombudsman, a decision and
//   the satisfactory remedy only for the LGSCO;
// - a final decision needs its outcome (at least one finding, or the decision), and an outcome
//   needs the final decision date;
// - remedies only after a final decision, each with a description, and evidence when completed;
// - element descriptions not blank; summary up to kMaxOmbudsmanText characters.
Status ValidateOmbudsmanCase(const OmbudsmanCase& ombudsman_case, Date today);

inline constexpr std::size_t kMaxOmbudsmanText = 20000;

// Complaint Handling Failure Orders (rules 1.7): type 1 progressing a complaint, type 2
// information owed to the Housing Ombudsman, type 3 compliance with the Code.
enum class ChfoType { kType1, kType2, kType3 };
std::string_view ToString(ChfoType value);  // "type_1", "type_2", "type_3"
std::optional<ChfoType> ParseChfoType(std::string_view name);

enum class ChfoGround {
  kDelayProgressingComplaint,
  kDelayProvidingInformation,
  kBreachOfMembershipObligations,
};
std::string_view ToString(ChfoGround value);  // e.g. "delay_providing_information"
std::optional<ChfoGround> ParseChfoGround(std::string_view name);

enum class ChfoOutcome { kPending, kComplied, kNotComplied };
std::string_view ToString(ChfoOutcome value);  // "pending", "complied", "not_complied"
std::optional<ChfoOutcome> ParseChfoOutcome(std::string_view name);

struct FailureOrder {
  std::int64_t id = 0;
  std::string reference;       // "CHFO-<year recorded>-<6-digit sequence>"
  std::string ombudsman_case;  // reference of the Ombudsman case; empty for a systemic order
  std::string ombudsman_reference;
  ChfoType type = ChfoType::kType1;
  ChfoGround ground = ChfoGround::kDelayProgressingComplaint;
  std::string description;
  Date issued_on;
  Date due_on;  // when the order must be complied with
  ChfoOutcome outcome = ChfoOutcome::kPending;
  std::optional<Date> complied_on;
  std::int64_t version = 0;
};

// A failure order is overdue as at `today` while it is pending past its due date.
bool IsOverdue(const FailureOrder& order, Date today);

// issued_on not after today and ≤ due_on; complied_on exactly when the outcome is complied, not
// before issued_on and not after today; description not blank.
Status ValidateFailureOrder(const FailureOrder& order, Date today);

// The LGSCO annual review letter's figures for a financial year (rules 5.1), as entered from it.
struct LgscoLetter {
  int year = 0;  // financial year year/year+1
  std::int64_t complaints_and_enquiries_received = 0;
  std::int64_t decisions_made = 0;  // "complaints dealt with"
  std::int64_t not_for_us = 0;
  std::int64_t assessed_and_closed = 0;
  std::int64_t investigated = 0;
  std::int64_t upheld = 0;
  std::optional<double> uphold_rate_percent;          // of investigations
  std::optional<double> average_uphold_rate_percent;  // the comparison group's
  std::optional<double> compliance_percent;           // with the Ombudsman's recommendations
  std::int64_t satisfactory_remedy_by_council = 0;
  std::string comparison_group;  // County, District, Metropolitan Borough, Unitary, London Borough
};

// The letter's figures by their field name (API, CLI, audit), in the letter's order: the one list
// its check, its audit fields and its JSON walk. Each is a count or a percentage, never both.
struct LgscoLetterFigure {
  std::string_view field;
  std::int64_t LgscoLetter::*count = nullptr;
  std::optional<double> LgscoLetter::*percent = nullptr;
};
inline constexpr std::array<LgscoLetterFigure, 10> kLgscoLetterFigures{{
    {"complaints_and_enquiries_received", &LgscoLetter::complaints_and_enquiries_received},
    {"decisions_made", &LgscoLetter::decisions_made},
    {"not_for_us", &LgscoLetter::not_for_us},
    {"assessed_and_closed", &LgscoLetter::assessed_and_closed},
    {"investigated", &LgscoLetter::investigated},
    {"upheld", &LgscoLetter::upheld},
    {"uphold_rate_percent", nullptr, &LgscoLetter::uphold_rate_percent},
    {"average_uphold_rate_percent", nullptr, &LgscoLetter::average_uphold_rate_percent},
    {"compliance_percent", nullptr, &LgscoLetter::compliance_percent},
    {"satisfactory_remedy_by_council", &LgscoLetter::satisfactory_remedy_by_council},
}};

// Counts ≥ 0; investigated ≤ decisions_made; upheld ≤ investigated; percentages within 0..100.
Status ValidateLgscoLetter(const LgscoLetter& letter);

// One figure of the letter beside the same figure from the cases recorded; difference = letter -
// recorded, absent when either side is.
struct ReconciliationLine {
  std::string key;  // the letter's field name, e.g. "upheld"
  std::string label;
  std::optional<double> letter;
  std::optional<double> recorded;
  std::optional<double> difference;
};

// The letter of `year` beside the LGSCO cases recorded (cases of the other Ombudsman are ignored):
// received = enquiry received (or referred, when no enquiry date) in the year; decisions and
// their columns = final decision in the year; compliance = remedies due in the year completed by
// their due date. Lines in the letter's order.
std::vector<ReconciliationLine> ReconcileLetter(const LgscoLetter& letter,
                                                const std::vector<OmbudsmanCase>& cases);

// What needs chasing as at `today`.
enum class OverdueKind {
  kInformation,    // information_due_on passed without information_sent_on
  kRemedy,         // an order or recommendation past due_on and not completed
  kFailureOrder,   // a CHFO past due_on and still pending
  kSubjectAccess,  // a subject access request past its due date (core/subject_access_request.hpp)
};
// "information", "remedy", "failure_order", "subject_access"
std::string_view ToString(OverdueKind value);

struct OverdueItem {
  OverdueKind kind = OverdueKind::kInformation;
  std::string reference;  // the Ombudsman case or the CHFO
  int index = -1;         // the remedy's position in the case; -1 otherwise
  std::string description;
  Date due_on;
  int days_overdue = 0;  // calendar days since due_on
};

// Most overdue first, then by reference: the dashboard's one order.
void SortOverdueItems(std::vector<OverdueItem>& items);

// Every overdue item, most overdue first (then by reference).
std::vector<OverdueItem> OverdueOmbudsmanItems(const std::vector<OmbudsmanCase>& cases,
                                               const std::vector<FailureOrder>& orders, Date today);

// The fields of a record as text, for the before/after changes of its audit events.
using FieldValues = std::vector<std::pair<std::string, std::string>>;
FieldValues FieldsOf(const OmbudsmanCase& ombudsman_case);
FieldValues FieldsOf(const FailureOrder& order);
FieldValues FieldsOf(const LgscoLetter& letter);
// A short fingerprint of a record's fields (FNV-1a, 16 hex digits), for records that carry no
// version: a client names the content it read, and a change based on other content is refused.
std::string ContentTag(const FieldValues& fields);

// The fields whose text differs between two descriptions of one record (a field present in only
// one is a change from or to ""), in the order of `after` then the removed ones.
std::vector<Change> Diff(const FieldValues& before, const FieldValues& after);

}  // namespace redress::core
