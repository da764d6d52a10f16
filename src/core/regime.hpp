#pragma once

// Regimes and their timescales: one table of data (rules file sections 1.3, 2 and 3). Nothing else
// in the code knows a timescale.

#include <optional>
#include <span>
#include <string_view>

#include "core/date.hpp"

namespace redress::core {

// The rulebook a complaint is handled under; one per complaint.
enum class Regime {
  kHousing,    // Housing Ombudsman Complaint Handling Code 2024, 2 stages
  kCorporate,  // LGSCO Complaint Handling Code, 2 stages
  kChildren,   // Children Act 1989 representations procedure (SI 2006/1738), 3 stages
  kAdults,     // Social Services and NHS Complaints (England) Regulations 2009, 1 stage
};

inline constexpr Regime kAllRegimes[] = {Regime::kHousing, Regime::kCorporate, Regime::kChildren,
                                         Regime::kAdults};

std::string_view ToString(Regime regime);  // "housing", "corporate", "children", "adults"
std::optional<Regime> ParseRegime(std::string_view name);

enum class Ombudsman { kHousingOmbudsman, kLgsco };

// The event a stage's respond-by clock counts from.
enum class ClockStart {
  kStageStart,       // receipt of the complaint (stage 1) or of the escalation request
  kAcknowledgement,  // the stage's actual acknowledgement date
};

enum class PeriodUnit { kWorkingDays, kCalendarMonths };

struct Period {
  int amount;
  PeriodUnit unit;
};

// Who investigates a stage.
enum class StageOwner {
  kServiceTeam,        // the team that owns the service area
  kIndependentTeam,    // the independent complaints team when the area is designated, else service
  kChildrenComplaints  // the children's complaints manager's team
};

// The statutory procedure's own steps a stage records (procedure.hpp), besides the Codes' common
// ones (acknowledge, extend, respond).
enum class StatutorySteps {
  kNone,
  kInvestigation,   // children's stage 2: written record, IO and IP, adjudication
  kReviewPanel,     // children's stage 3: the panel, its report, the response
  kAgreedHandling,  // adults: discussion offer, agreed response period, late notice
};

// Children's stage 3: each step has its own clock, counted from the actual date of the step
// before (SI 2006/1738 regs 19-20).
struct PanelTimescales {
  int meet_working_days;      // from the request (the stage start)
  int report_working_days;    // from the meeting
  int response_working_days;  // from the report
};

struct StageRule {
  int number;                    // 1-based
  std::string_view name;         // "Stage 1", "Local resolution", "Review panel", ...
  int acknowledge_working_days;  // from the stage start
  Period respond;                // the response period
  ClockStart respond_clock;
  // Working days an extension may add in total at this stage without a recorded good reason;
  // nullopt when the regime sets no limit (adults: a longer period agreed with the complainant).
  std::optional<int> extension_limit_working_days;
  // Working days after the previous stage's response within which the next stage should be asked
  // for; nullopt when local policy sets none. Informational: a late request is still accepted.
  std::optional<int> escalation_window_working_days;
  StageOwner owner;
  std::string_view source;  // the provision the timescale comes from
  StatutorySteps steps = StatutorySteps::kNone;
  // Set for the children's review panel: the response is then due `response_working_days` after
  // the report, not `respond` after the start (which is only the sum, while no step is recorded).
  std::optional<PanelTimescales> panel = std::nullopt;
};

// Which days a regime's clocks count as working days (rules 3.1, 3.2 and 7).
enum class WorkingDayBasis {
  // The Complaint Handling Codes define no working day: the organisation's calendar, its
  // division's bank holidays and its closure days.
  kOrganisation,
  // The regulations define their own: not a Saturday or Sunday, Christmas Day, Boxing Day, Good
  // Friday or an England and Wales bank holiday; nothing else, whatever the organisation's
  // division or closure days (SI 2006/1738 reg 2; SI 2006/1681, followed by SI 2009/309).
  kStatutory,
};

struct RegimeRules {
  Regime regime;
  Ombudsman ombudsman;
  std::span<const StageRule> stages;  // stages[0] is stage 1
  // Months after the matter arose within which a complaint is normally accepted.
  int complaint_time_limit_months;
  WorkingDayBasis working_days;

  int stage_count() const { return static_cast<int>(stages.size()); }
  // Precondition: 1 <= number <= stage_count().
  const StageRule& stage(int number) const { return stages[number - 1]; }
};

// The regime's rules as they stand today: the latest version of its rulebook.
const RegimeRules& RulesFor(Regime regime);

// One version of a regime's rulebook (a Code or the regulations) and the date it applies from: a
// complaint is judged on the version in force on the day it was received (Housing: the 2024 Code
// for complaints received from 1 April 2024, the 2022 Code before; docs/code-versions.md).
struct CodeVersion {
  std::string_view id;     // stable, in the API: "hoc-2024"
  std::string_view title;  // "Housing Ombudsman Complaint Handling Code 2024"
  Date applies_from;       // complaints received on or after this date
  std::span<const StageRule> stages;
  std::string_view note;  // how its timescales compare with the version before, or ""
};

// The regime's versions, oldest first; never empty.
std::span<const CodeVersion> CodeVersionsOf(Regime regime);

// The version a complaint received on `received_on` is judged on: the latest that applies from
// that date or earlier; for a date before every version, the earliest (the table starts at the
// oldest rulebook the system judges by).
const CodeVersion& CodeVersionFor(Regime regime, Date received_on);

// The rules a complaint received on `received_on` is judged on: the regime's rules with the
// stages of CodeVersionFor. Everything that judges a case asks this, never RulesFor(regime).
RegimeRules RulesFor(Regime regime, Date received_on);
// The most stages any regime has (the children's three), for what is sized or bounded by stage
// before a regime is known: the list filter's stage, the report's and the summary's columns.
// Checked against the table in regime.cpp.
inline constexpr int kMaxStages = 3;

// Whether `number` is the last stage of `regime`'s procedure: no escalation follows it, and its
// response closes the complaint.
bool IsFinalStage(Regime regime, int number);

}  // namespace redress::core
