#include "core/regime.hpp"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <string_view>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<Regime, 4> kRegimeNames{{
    {Regime::kHousing, "housing"},
    {Regime::kCorporate, "corporate"},
    {Regime::kChildren, "children"},
    {Regime::kAdults, "adults"},
}};

// The timescale table (rules file sections 1.3, 2 and 3). Every deadline in the system is derived
// from these rows; a timescale written anywhere else is a bug.

constexpr int kComplaintTimeLimitMonths = 12;  // HO Code 2.3, LGSCO Code, SI 2006/1738 reg 9,
                                               // SI 2009/309 reg 12

// The Complaint Handling Codes' timescales. The LGSCO Code copies the Housing Ombudsman's, so the
// housing and corporate regimes share these stages and differ only in the provision cited.
constexpr int kCodeAcknowledgeWorkingDays = 5;
constexpr int kCodeStage1RespondWorkingDays = 10;
constexpr int kCodeStage1ExtensionLimitWorkingDays = 10;
constexpr int kCodeStage2RespondWorkingDays = 20;
constexpr int kCodeStage2ExtensionLimitWorkingDays = 20;

constexpr StageRule CodeStage1(std::string_view source) {
  return {.number = 1,
          .name = "Stage 1",
          .acknowledge_working_days = kCodeAcknowledgeWorkingDays,
          .respond = {kCodeStage1RespondWorkingDays, PeriodUnit::kWorkingDays},
          .respond_clock = ClockStart::kAcknowledgement,
          .extension_limit_working_days = kCodeStage1ExtensionLimitWorkingDays,
          .escalation_window_working_days = std::nullopt,
          .owner = StageOwner::kServiceTeam,
          .source = source};
}

// The independent team takes stage 2 only when the service area is designated (routing).
constexpr StageRule CodeStage2(std::string_view source) {
  return {.number = 2,
          .name = "Stage 2",
          .acknowledge_working_days = kCodeAcknowledgeWorkingDays,
          .respond = {kCodeStage2RespondWorkingDays, PeriodUnit::kWorkingDays},
          .respond_clock = ClockStart::kAcknowledgement,
          .extension_limit_working_days = kCodeStage2ExtensionLimitWorkingDays,
          .escalation_window_working_days = std::nullopt,
          .owner = StageOwner::kIndependentTeam,
          .source = source};
}

constexpr StageRule kHousingStages[] = {
    CodeStage1("HO Complaint Handling Code 2024, 6.2-6.4"),
    CodeStage2("HO Code 2024 6.11-6.13; 20 WD stage 2 response"),
};

constexpr StageRule kCorporateStages[] = {
    CodeStage1("LGSCO Complaint Handling Code, chapter 7"),
    CodeStage2("LGSCO Complaint Handling Code, chapter 7"),
};

// The regulations set no acknowledgement time; 3 WD is local practice from the 2006 guidance,
// applied at every stage.
constexpr int kChildrenAcknowledgeWorkingDays = 3;

// The review panel's three clocks (regs 19-20).
constexpr int kPanelMeetWorkingDays = 30;
constexpr int kPanelReportWorkingDays = 5;
constexpr int kPanelResponseWorkingDays = 15;

constexpr StageRule kChildrenStages[] = {
    {.number = 1,
     .name = "Local resolution",
     .acknowledge_working_days = kChildrenAcknowledgeWorkingDays,
     .respond = {10, PeriodUnit::kWorkingDays},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = 10,
     .escalation_window_working_days = std::nullopt,
     .owner = StageOwner::kServiceTeam,
     .source = "SI 2006/1738 reg 14 (10 WD, extendable by 10 WD); acknowledge 3 WD: local "
               "practice (2006 guidance)"},
    // 25 WD, extendable to 65 WD in all: 40 WD of extension.
    {.number = 2,
     .name = "Investigation",
     .acknowledge_working_days = kChildrenAcknowledgeWorkingDays,
     .respond = {25, PeriodUnit::kWorkingDays},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = 40,
     .escalation_window_working_days = 20,
     .owner = StageOwner::kChildrenComplaints,
     .source = "SI 2006/1738 regs 16-17 (25 WD, at most 65 WD); request within 20 WD: local "
               "practice; acknowledge 3 WD: local practice (2006 guidance)",
     // The 25 WD count from the request: the rules file (3.1) names no later start, so the
     // agreed written record is recorded but does not move the clock.
     .steps = StatutorySteps::kInvestigation},
    // Panel within 30 WD of the request (reg 19), its report 5 WD after the meeting and the
    // authority's response 15 WD after that (reg 20), each from the actual step before; 50 WD in
    // all while no step is recorded, with no extension.
    {.number = 3,
     .name = "Review panel",
     .acknowledge_working_days = kChildrenAcknowledgeWorkingDays,
     .respond = {kPanelMeetWorkingDays + kPanelReportWorkingDays + kPanelResponseWorkingDays,
                 PeriodUnit::kWorkingDays},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = 0,
     .escalation_window_working_days = 20,
     .owner = StageOwner::kChildrenComplaints,
     .source = "SI 2006/1738 regs 18-20 (request within 20 WD; panel within 30 WD, report 5 WD, "
               "response 15 WD); acknowledge 3 WD: local practice (2006 guidance)",
     .steps = StatutorySteps::kReviewPanel,
     .panel = PanelTimescales{kPanelMeetWorkingDays, kPanelReportWorkingDays,
                              kPanelResponseWorkingDays}},
};

// No extension limit: the regulations allow a longer period agreed with the complainant; the six
// months are the default when none is agreed.
constexpr StageRule kAdultsStages[] = {
    {.number = 1,
     .name = "Single stage",
     .acknowledge_working_days = 3,
     .respond = {6, PeriodUnit::kCalendarMonths},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = std::nullopt,
     .escalation_window_working_days = std::nullopt,
     .owner = StageOwner::kServiceTeam,
     .source = "SI 2009/309 regs 13-14",
     .steps = StatutorySteps::kAgreedHandling},
};

constexpr RegimeRules kRegimeRules[] = {
    {Regime::kHousing, Ombudsman::kHousingOmbudsman, kHousingStages, kComplaintTimeLimitMonths,
     WorkingDayBasis::kOrganisation},
    {Regime::kCorporate, Ombudsman::kLgsco, kCorporateStages, kComplaintTimeLimitMonths,
     WorkingDayBasis::kOrganisation},
    {Regime::kChildren, Ombudsman::kLgsco, kChildrenStages, kComplaintTimeLimitMonths,
     WorkingDayBasis::kStatutory},
    {Regime::kAdults, Ombudsman::kLgsco, kAdultsStages, kComplaintTimeLimitMonths,
     WorkingDayBasis::kStatutory},
};

// The table's shape, checked where it is written: every regime once, stages numbered 1, 2, ...
constexpr bool TableWellFormed() {
  if (std::size(kRegimeRules) != std::size(kAllRegimes)) return false;
  for (std::size_t r = 0; r < std::size(kRegimeRules); ++r) {
    const RegimeRules& rules = kRegimeRules[r];
    if (rules.regime != kAllRegimes[r] || rules.stages.empty()) return false;
    for (std::size_t i = 0; i < rules.stages.size(); ++i) {
      if (rules.stages[i].number != static_cast<int>(i) + 1) return false;
    }
  }
  return true;
}
static_assert(TableWellFormed());

// ---- Versions of each rulebook, with the date each applies from --------------------------------

constexpr Date CivilDate(int year, unsigned month, unsigned day) {
  return Date::FromDaysSinceEpoch(static_cast<std::int32_t>(std::chrono::sys_days{
      std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}
                                                                .time_since_epoch()
                                                                .count()));
}

// The 2022 Code (in force 1 April 2022 until 31 March 2024) set the same timescales as the 2024
// Code: acknowledge within 5 WD, stage 1 response within 10 WD of logging with at most 10 WD more,
// stage 2 within 20 WD with at most 20 WD more (docs/code-versions.md gives the sources).
constexpr StageRule kHousing2022Stages[] = {
    CodeStage1("HO Complaint Handling Code 2022, 5.1 (via Slough's self-assessment)"),
    CodeStage2("HO Complaint Handling Code 2022, stage 2 (20 WD; provision number unverified)"),
};

constexpr CodeVersion kHousingVersions[] = {
    {.id = "hoc-2022",
     .title = "Housing Ombudsman Complaint Handling Code 2022",
     .applies_from = CivilDate(2022, 4, 1),
     .stages = kHousing2022Stages,
     .note = "the earliest version recorded: complaints received before 1 April 2022 are judged "
             "on it too"},
    {.id = "hoc-2024",
     .title = "Housing Ombudsman Complaint Handling Code 2024",
     .applies_from = CivilDate(2024, 4, 1),
     .stages = kHousingStages,
     .note = "statutory from 1 April 2024; its timescales are the same as the 2022 Code's"},
};

// The LGSCO applies its Code in casework from 1 April 2026; earlier corporate complaints are
// judged on the same timescales, which councils adopted from its publication in 2024.
constexpr CodeVersion kCorporateVersions[] = {
    {.id = "lgsco-2024",
     .title = "LGSCO Complaint Handling Code",
     .applies_from = CivilDate(2026, 4, 1),
     .stages = kCorporateStages,
     .note = "the only version recorded: complaints received before 1 April 2026 are judged on "
             "its timescales too"},
};

constexpr CodeVersion kChildrenVersions[] = {
    {.id = "si-2006-1738",
     .title = "Children Act 1989 Representations Procedure (England) Regulations 2006",
     .applies_from = CivilDate(2006, 9, 1),
     .stages = kChildrenStages,
     .note = ""},
};

constexpr CodeVersion kAdultsVersions[] = {
    {.id = "si-2009-309",
     .title = "Local Authority Social Services and NHS Complaints (England) Regulations 2009",
     .applies_from = CivilDate(2009, 4, 1),
     .stages = kAdultsStages,
     .note = ""},
};

struct RegimeVersions {
  Regime regime;
  std::span<const CodeVersion> versions;
};

constexpr RegimeVersions kVersions[] = {
    {Regime::kHousing, kHousingVersions},
    {Regime::kCorporate, kCorporateVersions},
    {Regime::kChildren, kChildrenVersions},
    {Regime::kAdults, kAdultsVersions},
};

// Every regime once, versions in date order, the latest being the one RulesFor(regime) gives.
constexpr bool VersionsWellFormed() {
  if (std::size(kVersions) != std::size(kAllRegimes)) return false;
  for (std::size_t r = 0; r < std::size(kVersions); ++r) {
    const auto& versions = kVersions[r].versions;
    if (kVersions[r].regime != kAllRegimes[r] || versions.empty()) return false;
    for (std::size_t i = 1; i < versions.size(); ++i) {
      if (!(versions[i - 1].applies_from < versions[i].applies_from)) return false;
    }
    if (versions.back().stages.data() != kRegimeRules[r].stages.data()) return false;
  }
  return true;
}
static_assert(VersionsWellFormed());
constexpr bool MaxStagesIsTheTables() {
  std::size_t most = 0;
  for (const RegimeRules& rules : kRegimeRules) most = std::max(most, rules.stages.size());
  return most == static_cast<std::size_t>(kMaxStages);
}
static_assert(MaxStagesIsTheTables(), "kMaxStages is the most stages of any regime");

}  // namespace

std::string_view ToString(Regime value) { return NameOf(kRegimeNames, value); }
std::optional<Regime> ParseRegime(std::string_view name) { return ParseName(kRegimeNames, name); }

const RegimeRules& RulesFor(Regime regime) {
  for (const RegimeRules& rules : kRegimeRules) {
    if (rules.regime == regime) return rules;
  }
  assert(false && "regime missing from the timescale table");
  return kRegimeRules[0];
}

std::span<const CodeVersion> CodeVersionsOf(Regime regime) {
  for (const RegimeVersions& row : kVersions) {
    if (row.regime == regime) return row.versions;
  }
  assert(false && "regime missing from the version table");
  return kVersions[0].versions;
}

const CodeVersion& CodeVersionFor(Regime regime, Date received_on) {
  std::span<const CodeVersion> versions = CodeVersionsOf(regime);
  // The first version that starts after the date; the one before it is in force.
  auto after = std::upper_bound(
      versions.begin(), versions.end(), received_on,
      [](Date date, const CodeVersion& version) { return date < version.applies_from; });
  return after == versions.begin() ? versions.front() : *std::prev(after);
}

RegimeRules RulesFor(Regime regime, Date received_on) {
  RegimeRules rules = RulesFor(regime);
  rules.stages = CodeVersionFor(regime, received_on).stages;
  return rules;
}
bool IsFinalStage(Regime regime, int number) { return number >= RulesFor(regime).stage_count(); }

}  // namespace redress::core
