#include "demo/demo_oversight.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/learning.hpp"
#include "app/ombudsman.hpp"
#include "app/store_values.hpp"
#include "demo/demo.hpp"
#include "report/annual_report.hpp"

namespace redress::demo {
namespace {

using app::Actor;
using app::ComplaintQuery;
using app::ComplaintRow;
using app::ManualClock;
using app::Reach;
using app::Store;
using app::Tx;
using core::Date;
using core::Result;
using core::Status;

// Records are made at ten in the morning of their day.
constexpr int kRecordSeconds = 10 * 3600;

// How many of a year's stage 2 complaints went on to each Ombudsman. The seed council's letters
// report a handful a year; enough here for every page and report section to have content.
constexpr int kHousingOmbudsmanCasesPerYear = 2;
constexpr int kLgscoCasesPerYear = 3;

// The Ombudsman's usual rhythm, in calendar days.
constexpr int kDaysToReferral = 21;        // after the final response
constexpr int kDaysToEnquiry = 14;         // the Ombudsman's enquiry after the referral
constexpr int kDaysToInformationDue = 20;  // the deadline it sets for the council's file
constexpr int kDaysSentBeforeDue = 3;
constexpr int kDaysSentLate = 6;  // the one file a year that went late
constexpr int kDaysToDraftDecision = 90;
constexpr int kDaysToFinalDecision = 28;
constexpr int kDaysToComply = 28;  // the date the Ombudsman sets for its orders
constexpr int kDaysCompliedEarly = 5;
constexpr int kDaysToFileEvidence = 60;
constexpr int kDaysToFailureOrder = 2;  // the order follows the missed deadline
constexpr int kDaysToComplyWithFailureOrder = 14;
// The financial year from which the Housing Ombudsman's Code is statutory.
constexpr int kStatutoryCode = 2024;
constexpr int kDaysToLearningAction = 7;  // after a decision, at the next review meeting
constexpr int kDaysForLearningAction = 60;
constexpr int kDaysToCompleteLearning = 50;

// The annual cycle: the LGSCO letter arrives in July; the self-assessment is done in June and
// approved by Cabinet in September, after the year it covers.
constexpr int kDaysToLetter = 110;           // 1 April + 110 = about 20 July
constexpr int kDaysToSelfAssessment = 70;    // about 10 June
constexpr int kDaysToCabinetApproval = 169;  // about 17 September
constexpr int kDaysToThemeReview = 45;       // the first review meeting of the new year
constexpr int kDaysForThemeAction = 120;

// Complaints the LGSCO decided without the council hearing of them (premature, or not for it):
// the letter counts them, the council's records cannot, so each year's reconciliation shows them.
constexpr int kPrematureComplaintsPerLetter = 2;
// The LGSCO's average uphold rate for the council's comparison group, as its letters print it.
constexpr double kComparisonGroupUpholdRate = 80.0;
constexpr double kPercent = 100.0;
// Compensation the Ombudsman orders for the distress and inconvenience caused.
constexpr std::array<std::string_view, 2> kCompensation = {"£350", "£600"};

const Actor kOfficer{"sarita.riley", core::Role::kManager, "corporate-governance", Reach::kOwnTeam};
constexpr std::string_view kOwner = "david.clarke";
constexpr std::string_view kCorporateOwner = "sarita.riley";

struct Referral {
  std::string complaint;
  Date final_response;
};

// The first `count` unrestricted complaints of `regime` received in `year` whose stage 2 was
// answered and closed, with that answer's date.
Result<std::vector<Referral>> FindReferrals(Store& store, int year, core::Regime regime,
                                            int count) {
  return ReadValue<std::vector<Referral>>(store, [&](Tx& tx) -> Result<std::vector<Referral>> {
    ComplaintQuery query;
    query.status = core::CaseStatus::kClosed;
    query.stage = 2;
    query.regime = regime;
    query.received_from = core::FinancialYearStart(year);
    query.received_to = core::FinancialYearEnd(year);
    query.visible_to_team = "";
    query.limit = count;
    auto rows = tx.Complaints().List(query);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Referral> referrals;
    for (const ComplaintRow& row : *rows) {
      auto complaint = tx.Complaints().Load(row.reference);
      if (!complaint) return tl::unexpected(complaint.error());
      const core::Stage& stage = complaint->stages.back();
      if (!stage.response) continue;
      referrals.push_back({row.reference, stage.response->responded_on});
    }
    return referrals;
  });
}

// `value` in decimal with leading zeros to `width` digits.
std::string Padded(int value, std::size_t width) {
  std::string digits = std::to_string(value);
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

constexpr int kCentury = 100;

// The latest of the dates that happened, for the clock when the record is made.
Date LatestOf(const core::OmbudsmanCase& c) {
  Date latest = *c.referred_on;
  for (const auto& date :
       {c.enquiry_received_on, c.information_sent_on, c.draft_decision_on, c.final_decision_on}) {
    if (date) latest = std::max(latest, *date);
  }
  for (const core::OmbudsmanRemedy& remedy : c.remedies) {
    if (remedy.completed_on) latest = std::max(latest, *remedy.completed_on);
  }
  return latest;
}

// Keeps `date` only if it has happened by `today`.
std::optional<Date> Happened(Date date, Date today) {
  return date <= today ? std::optional<Date>(date) : std::nullopt;
}

class Seeder {
 public:
  Seeder(Store& store, ManualClock& clock, Date today)
      : store_(store), clock_(clock), today_(today) {}

  Status Run() {
    const int current_year = today_.FinancialYear();
    for (int year = kDemoFirstFinancialYear; year <= current_year; ++year) {
      if (Status seeded = SeedYear(year); !seeded) return seeded;
    }
    for (int year = kDemoFirstFinancialYear; year < current_year; ++year) {
      if (Status letter = SeedLetter(year); !letter) return letter;
      if (Status themes = SeedThemeAction(year); !themes) return themes;
      if (Status assessed = SeedSelfAssessment(year); !assessed) return assessed;
    }
    return {};
  }

 private:
  void SetClock(Date day) { clock_.Set(day, kRecordSeconds); }

  Status SeedYear(int year) {
    auto housing =
        FindReferrals(store_, year, core::Regime::kHousing, kHousingOmbudsmanCasesPerYear);
    if (!housing) return tl::unexpected(housing.error());
    auto corporate = FindReferrals(store_, year, core::Regime::kCorporate, kLgscoCasesPerYear);
    if (!corporate) return tl::unexpected(corporate.error());
    for (std::size_t i = 0; i < housing->size(); ++i) {
      if (Status recorded = RecordCase(core::Ombudsman::kHousingOmbudsman, (*housing)[i], i);
          !recorded) {
        return recorded;
      }
    }
    for (std::size_t i = 0; i < corporate->size(); ++i) {
      if (Status recorded = RecordCase(core::Ombudsman::kLgsco, (*corporate)[i], i); !recorded) {
        return recorded;
      }
    }
    return {};
  }

  // The `index`-th case of its year and Ombudsman: the first is found at fault and ordered to
  // remedy it, the second not, the third (LGSCO) closed after initial enquiries. The first case
  // of each year sent its file late.
  Status RecordCase(core::Ombudsman ombudsman, const Referral& referral, std::size_t index) {
    core::OmbudsmanCase c;
    c.ombudsman = ombudsman;
    c.complaints = {referral.complaint};
    const Date referred = referral.final_response.AddDays(kDaysToReferral);
    if (referred > today_) return {};
    c.referred_on = referred;
    const bool housing = ombudsman == core::Ombudsman::kHousingOmbudsman;
    c.summary = housing ? "The resident was unhappy with the landlord's final response and "
                          "referred the complaint to the Housing Ombudsman."
                        : "The complainant asked the Local Government and Social Care Ombudsman "
                          "to consider the council's final response.";
    const Date enquiry = referred.AddDays(kDaysToEnquiry);
    c.enquiry_received_on = Happened(enquiry, today_);
    if (c.enquiry_received_on) {
      c.ombudsman_reference = std::string(housing ? "HO" : "LG") +
                              Padded(enquiry.year() % kCentury, 2) + Padded(++sequence_, 4);
      c.information_due_on = enquiry.AddDays(kDaysToInformationDue);
      const bool late = index == 0;
      c.information_sent_on = Happened(late ? c.information_due_on->AddDays(kDaysSentLate)
                                            : c.information_due_on->AddDays(-kDaysSentBeforeDue),
                                       today_);
    }
    const Date draft = enquiry.AddDays(kDaysToDraftDecision);
    const Date final_decision = draft.AddDays(kDaysToFinalDecision);
    if (c.information_sent_on) c.draft_decision_on = Happened(draft, today_);
    if (c.draft_decision_on) c.final_decision_on = Happened(final_decision, today_);
    const bool at_fault = index == 0;
    if (c.final_decision_on) Decide(c, at_fault, index);
    SetClock(LatestOf(c));
    auto saved = RecordOmbudsmanCase(store_, clock_, kOfficer, std::move(c));
    if (!saved) return tl::unexpected(saved.error());
    if (Status order = MaybeFailureOrder(*saved); !order) return order;
    if (saved->final_decision_on && at_fault) return RaiseFromDecision(*saved);
    return {};
  }

  // The Housing Ombudsman's first file sent late once the Code became statutory (April 2024)
  // drew a Complaint Handling Failure Order, complied with before its date.
  Status MaybeFailureOrder(const core::OmbudsmanCase& c) {
    if (failure_order_made_ || c.ombudsman != core::Ombudsman::kHousingOmbudsman ||
        !c.information_due_on || *c.information_due_on < core::FinancialYearStart(kStatutoryCode)) {
      return {};
    }
    const Date due = *c.information_due_on;
    if (c.information_sent_on && *c.information_sent_on <= due) return {};
    const Date issued = due.AddDays(kDaysToFailureOrder);
    if (issued > today_) return {};
    core::FailureOrder order;
    order.ombudsman_case = c.reference;
    order.ombudsman_reference = c.ombudsman_reference;
    order.type = core::ChfoType::kType2;
    order.ground = core::ChfoGround::kDelayProvidingInformation;
    order.description = "Provide the complaint file and the evidence the Ombudsman asked for.";
    order.issued_on = issued;
    order.due_on = issued.AddDays(kDaysToComplyWithFailureOrder);
    const Date complied = c.information_sent_on.value_or(order.due_on);
    if (complied <= today_) {
      order.outcome = core::ChfoOutcome::kComplied;
      order.complied_on = std::max(complied, issued);
    }
    SetClock(order.complied_on.value_or(issued));
    auto saved = RecordFailureOrder(store_, clock_, kOfficer, std::move(order));
    if (!saved) return tl::unexpected(saved.error());
    failure_order_made_ = true;
    return {};
  }

  void Decide(core::OmbudsmanCase& c, bool at_fault, std::size_t index) {
    if (c.ombudsman == core::Ombudsman::kHousingOmbudsman) {
      c.findings = {
          {"The landlord's handling of the resident's reports of damp and mould",
           at_fault ? core::HoFinding::kMaladministration : core::HoFinding::kNoMaladministration},
          {"The landlord's complaint handling",
           at_fault ? core::HoFinding::kServiceFailure : core::HoFinding::kReasonableRedress},
      };
    } else {
      constexpr std::array<core::LgscoDecision, 3> kDecisions = {
          core::LgscoDecision::kUpheldFaultAndInjustice, core::LgscoDecision::kNotUpheld,
          core::LgscoDecision::kClosedAfterInitialEnquiries};
      c.lgsco_decision = kDecisions[index % kDecisions.size()];
    }
    if (!at_fault) return;
    const Date due = c.final_decision_on->AddDays(kDaysToComply);
    const std::string_view compensation = kCompensation[decided_ % kCompensation.size()];
    ++decided_;
    c.remedies = {
        Remedy(core::RemedyKind::kOrder, core::OmbudsmanRemedyType::kApology,
               "Apologise in writing to the complainant", due),
        Remedy(core::RemedyKind::kOrder, core::OmbudsmanRemedyType::kFinancialCompensation,
               "Pay " + std::string(compensation) + " for the distress and inconvenience caused",
               due),
        Remedy(core::RemedyKind::kRecommendation, core::OmbudsmanRemedyType::kPolicyReview,
               "Review how reports are triaged and tell the Ombudsman what will change",
               due.AddDays(kDaysToComply)),
    };
  }

  // An order or recommendation, complied with a few days before its date (the policy review a few
  // days after). Evidence of the last weeks' work is still to be filed, so a remedy completed
  // less than kDaysToFileEvidence ago is not yet recorded: it shows as pending, or overdue.
  core::OmbudsmanRemedy Remedy(core::RemedyKind kind, core::OmbudsmanRemedyType type,
                               std::string description, Date due) const {
    core::OmbudsmanRemedy remedy{kind, type, std::move(description), due, std::nullopt, ""};
    const bool slow = type == core::OmbudsmanRemedyType::kPolicyReview;
    const Date completed = due.AddDays(slow ? kDaysCompliedEarly : -kDaysCompliedEarly);
    if (completed.AddDays(kDaysToFileEvidence) <= today_) {
      remedy.completed_on = completed;
      remedy.evidence = slow ? "Revised triage procedure sent to the Ombudsman"
                             : "Letter and payment record sent to the Ombudsman";
    }
    return remedy;
  }

  Status RaiseFromDecision(const core::OmbudsmanCase& decided) {
    core::LearningAction action;
    action.source = core::LearningSource::kOmbudsmanCase;
    action.ombudsman_case = decided.reference;
    action.raised_on = decided.final_decision_on->AddDays(kDaysToLearningAction);
    if (action.raised_on > today_) return {};
    action.due_on = action.raised_on.AddDays(kDaysForLearningAction);
    action.lesson =
        "The Ombudsman found that reports were not inspected promptly and that the "
        "complaint response did not put this right.";
    action.action =
        "Inspect every report of damp and mould within ten working days and check "
        "this at the monthly performance meeting.";
    action.owner = std::string(kOwner);
    Complete(action,
             "Inspection times are now in the monthly performance report; the last "
             "three months met the target.");
    SetClock(action.completed_on.value_or(action.raised_on));
    auto raised = RaiseLearningAction(store_, clock_, kOfficer, std::move(action));
    if (!raised) return tl::unexpected(raised.error());
    return {};
  }

  // Completes the action with `evidence` if it was finished by `today`; otherwise it stays open,
  // or in progress once it is under way (and overdue once its date passes).
  void Complete(core::LearningAction& action, std::string evidence) const {
    const Date completed = action.raised_on.AddDays(kDaysToCompleteLearning);
    if (completed <= today_) {
      action.status = core::LearningStatus::kCompleted;
      action.completed_on = completed;
      action.evidence = std::move(evidence);
    } else if (action.raised_on < today_) {
      action.status = core::LearningStatus::kInProgress;
    }
  }

  // After each year, the review meeting picks the year's theme: housing repairs in delay.
  Status SeedThemeAction(int year) {
    core::LearningAction action;
    action.source = core::LearningSource::kTheme;
    action.category = "repairs";
    action.root_cause = "delay";
    action.raised_on = core::FinancialYearEnd(year).AddDays(kDaysToThemeReview);
    if (action.raised_on > today_) return {};
    action.due_on = action.raised_on.AddDays(kDaysForThemeAction);
    action.lesson = "Repairs complaints in " + report::FinancialYearLabel(year) +
                    " most often came from appointments missed or rearranged without telling "
                    "the resident.";
    action.action =
        "Text residents the day before each repairs appointment and whenever one "
        "moves.";
    action.owner = std::string(kCorporateOwner);
    // The last year's action is still being done: the dashboard shows it once it is late.
    const bool last_year = year + 1 == today_.FinancialYear();
    if (!last_year) {
      Complete(action,
               "Appointment texts went live; repairs complaints about missed "
               "appointments fell by a third in the next quarter.");
    } else if (action.raised_on < today_) {
      action.status = core::LearningStatus::kInProgress;
    }
    SetClock(action.completed_on.value_or(action.raised_on));
    auto raised = RaiseLearningAction(store_, clock_, kOfficer, std::move(action));
    if (!raised) return tl::unexpected(raised.error());
    return {};
  }

  // The letter of `year`, as the LGSCO would send it: the council's LGSCO cases of the year, and
  // the premature complaints the council never saw.
  Status SeedLetter(int year) {
    const Date arrives = core::FinancialYearStart(year + 1).AddDays(kDaysToLetter);
    if (arrives > today_) return {};
    auto cases = ListOmbudsmanCases(store_, kOfficer, {core::Ombudsman::kLgsco, "", std::nullopt});
    if (!cases) return tl::unexpected(cases.error());
    core::LgscoLetter letter;
    letter.year = year;
    std::map<std::string, double, std::less<>> recorded;
    for (const core::ReconciliationLine& line : core::ReconcileLetter(letter, *cases)) {
      if (line.recorded) recorded[line.key] = *line.recorded;
    }
    const auto count = [&](std::string_view key) {
      auto found = recorded.find(key);
      return found == recorded.end() ? std::int64_t{0} : static_cast<std::int64_t>(found->second);
    };
    letter.complaints_and_enquiries_received =
        count("complaints_and_enquiries_received") + kPrematureComplaintsPerLetter;
    letter.decisions_made = count("decisions_made") + kPrematureComplaintsPerLetter;
    letter.not_for_us = count("not_for_us") + kPrematureComplaintsPerLetter;
    letter.assessed_and_closed = count("assessed_and_closed");
    letter.investigated = count("investigated");
    letter.upheld = count("upheld");
    if (letter.investigated > 0) {
      letter.uphold_rate_percent =
          kPercent * static_cast<double>(letter.upheld) / static_cast<double>(letter.investigated);
    }
    letter.average_uphold_rate_percent = kComparisonGroupUpholdRate;
    if (recorded.contains("compliance_percent")) {
      letter.compliance_percent = recorded.at("compliance_percent");
    }
    letter.satisfactory_remedy_by_council = count("satisfactory_remedy_by_council");
    letter.comparison_group = "Unitary";
    SetClock(arrives);
    auto saved = SaveLgscoLetter(store_, clock_, kOfficer, letter);
    if (!saved) return tl::unexpected(saved.error());
    return {};
  }

  // The self-assessment of `year`: every provision assessed, two only partly met with an action,
  // then approved by Cabinet once the meeting has been held.
  Status SeedSelfAssessment(int year) {
    const Date assessed_on = core::FinancialYearStart(year + 1).AddDays(kDaysToSelfAssessment);
    if (assessed_on > today_) return {};
    SetClock(assessed_on);
    auto started = StartSelfAssessment(store_, clock_, kOfficer, year);
    if (!started) return tl::unexpected(started.error());
    const Date action_due = core::FinancialYearEnd(year + 1);
    for (core::ProvisionAssessment provision : started->provisions) {
      if (provision.provision == "6.3") {
        provision.compliance = core::CodeCompliance::kPartly;
        provision.evidence = "Stage 1 responses on time in most months; not all.";
        provision.action = "A weekly stage 1 tracker reviewed by each service's management team";
        provision.action_due_on = action_due;
      } else if (provision.provision == "8.4") {
        provision.compliance = core::CodeCompliance::kPartly;
        provision.evidence = "Updates were sent, one after the Ombudsman's deadline.";
        provision.action = "Ombudsman deadlines tracked in Redress with a weekly overdue check";
        provision.action_due_on = action_due;
      } else {
        provision.compliance = core::CodeCompliance::kComplies;
        provision.evidence = "Complaints policy, Redress records and the annual report.";
      }
      auto saved = SaveProvision(store_, clock_, kOfficer, year, provision);
      if (!saved) return tl::unexpected(saved.error());
    }
    const Date approved_on = core::FinancialYearStart(year + 1).AddDays(kDaysToCabinetApproval);
    if (approved_on > today_) return {};
    SetClock(approved_on);
    core::GoverningBodyApproval approval{
        approved_on, "Cabinet",
        "CAB/" + Padded(approved_on.year() % kCentury, 2) + "/" + Padded(year % kCentury, 3),
        "Cabinet notes the self-assessment, endorses the two actions and asks for progress in the "
        "next annual report."};
    auto approved = RecordApproval(store_, clock_, kOfficer, year, approval);
    if (!approved) return tl::unexpected(approved.error());
    return {};
  }

  Store& store_;
  ManualClock& clock_;
  Date today_;
  int sequence_ = 0;
  bool failure_order_made_ = false;
  std::size_t decided_ = 0;
};

}  // namespace

Status SeedDemoOversight(Store& store, ManualClock& clock, Date today) {
  return Seeder(store, clock, today).Run();
}

}  // namespace redress::demo
