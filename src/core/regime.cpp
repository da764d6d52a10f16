#include "core/regime.hpp"

#include <algorithm>
#include <cassert>
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
               "practice; acknowledge 3 WD: local practice (2006 guidance)"},
    // Panel within 30 WD of the request (reg 19), its report 5 WD after the meeting and the
    // authority's response 15 WD after that (reg 20): 50 WD in all, with no extension.
    {.number = 3,
     .name = "Review panel",
     .acknowledge_working_days = kChildrenAcknowledgeWorkingDays,
     .respond = {50, PeriodUnit::kWorkingDays},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = 0,
     .escalation_window_working_days = 20,
     .owner = StageOwner::kChildrenComplaints,
     .source = "SI 2006/1738 regs 18-20 (request within 20 WD; panel within 30 WD, report 5 WD, "
               "response 15 WD); acknowledge 3 WD: local practice (2006 guidance)"},
};

// No extension limit: the regulations allow a longer period agreed with the complainant.
constexpr StageRule kAdultsStages[] = {
    {.number = 1,
     .name = "Single stage",
     .acknowledge_working_days = 3,
     .respond = {6, PeriodUnit::kCalendarMonths},
     .respond_clock = ClockStart::kStageStart,
     .extension_limit_working_days = std::nullopt,
     .escalation_window_working_days = std::nullopt,
     .owner = StageOwner::kServiceTeam,
     .source = "SI 2009/309 regs 13-14"},
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

bool IsFinalStage(Regime regime, int number) { return number >= RulesFor(regime).stage_count(); }

}  // namespace redress::core
