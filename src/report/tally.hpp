#pragma once

// What AnnualReportBuilder counts: the tallies of each scope for the year and the year before,
// the label tables of the Code's exclusions and remedies in enum order, and the helpers that turn
// counts into ratios. Internal to redress_report: annual_report.cpp counts, report_figures.cpp
// turns the counts into figures, counting_rules.cpp says how.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.hpp"
#include "core/transitions.hpp"
#include "report/annual_report.hpp"

namespace redress::report::internal {

using core::kMaxStages;
constexpr int kPrevious = 0;  // index of the previous year in a pair of tallies
constexpr int kCurrent = 1;
constexpr int kYears = 2;
constexpr int kTrendMonths = kYears * kMonthsInYear;  // the previous year's months feed baselines
constexpr int kFirstMonthOfFinancialYear = 4;         // April
constexpr double kPercent = 100.0;
constexpr double kHomesPerMeasure = 1000.0;  // CH01 is per 1,000 homes
constexpr double kPenceInPound = 100.0;
constexpr std::string_view kOrganisationCode = "all";

// The Code's exclusions and remedies with their labels, in the order of their enums (the tallies
// index by the enum's value).
constexpr core::EnumNames<core::RefusalReason, 4> kRefusalLabels{{
    {core::RefusalReason::kOlderThan12Months, "Not accepted: older than 12 months"},
    {core::RefusalReason::kLegalProceedings, "Not accepted: legal proceedings"},
    {core::RefusalReason::kPreviouslyConsidered, "Not accepted: previously considered"},
    {core::RefusalReason::kOther, "Not accepted: other reason"},
}};
constexpr std::size_t kRefusalReasonCount = kRefusalLabels.size();

constexpr core::EnumNames<core::RemedyType, 9> kRemedyLabels{{
    {core::RemedyType::kApology, "Apology"},
    {core::RemedyType::kAcknowledgeFault, "Acknowledgement of fault"},
    {core::RemedyType::kExplanation, "Explanation, assistance or reasons"},
    {core::RemedyType::kActionOnDelay, "Action on a delay"},
    {core::RemedyType::kChangeOfDecision, "Decision reconsidered or changed"},
    {core::RemedyType::kAmendRecord, "Record amended"},
    {core::RemedyType::kFinancial, "Financial remedy (compensation)"},
    {core::RemedyType::kWorks, "Works"},
    {core::RemedyType::kChangeOfPolicy, "Policy, procedure or practice changed"},
}};
constexpr std::size_t kRemedyTypeCount = kRemedyLabels.size();

constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kRefusalReasonCount; ++i) {
    if (static_cast<std::size_t>(kRefusalLabels[i].first) != i) return false;
  }
  for (std::size_t i = 0; i < kRemedyTypeCount; ++i) {
    if (static_cast<std::size_t>(kRemedyLabels[i].first) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "label tables in enum order");

constexpr core::EnumNames<Unit, 5> kUnitNames{{
    {Unit::kCount, "count"},
    {Unit::kPercent, "percent"},
    {Unit::kWorkingDays, "working_days"},
    {Unit::kPounds, "pounds"},
    {Unit::kPerThousandHomes, "per_1000_homes"},
}};
constexpr core::EnumNames<ScopeKind, 3> kScopeKindNames{{
    {ScopeKind::kOrganisation, "organisation"},
    {ScopeKind::kRegime, "regime"},
    {ScopeKind::kServiceArea, "service_area"},
}};
constexpr core::EnumNames<TrendDimension, 2> kTrendDimensionNames{{
    {TrendDimension::kCategory, "category"},
    {TrendDimension::kServiceArea, "service_area"},
}};

// When a stage's first response came, against the stage's timescale.
enum class ResponseTiming {
  kWithinTimescale,      // on or before the due date without extension
  kWithinCodeExtension,  // after it, within extensions that all stayed within the Code
  kExtensionBeyondCode,  // within the extended date, but an extension went beyond the Code
  kLate,                 // after the extended due date
};

struct StageTally {
  std::int64_t received = 0;
  // Of those, the complaints whose regime has a further stage: the escalation rate's denominator,
  // so that a regime's stages are never divided by another's (adults' single stage cannot be
  // escalated; only children's complaints have a stage 3).
  std::int64_t received_escalatable = 0;
  std::int64_t acknowledged_on_time = 0;
  std::int64_t acknowledged_late = 0;
  std::int64_t awaiting_acknowledgement_overdue = 0;
  std::int64_t responses = 0;  // responses given in the year, re-answers after reopening too
  // The stage's first responses in the year and those within the Code's timescales (TSM CH02
  // counts complaints responded to, once each).
  std::int64_t first_responses = 0;
  std::int64_t first_within_code = 0;
  std::int64_t within_timescale = 0;
  std::int64_t within_code_extension = 0;
  std::int64_t extension_beyond_code = 0;
  std::int64_t late = 0;
  std::int64_t total_working_days = 0;
  std::map<int, std::int64_t> working_days;  // working days to respond → responses
  std::int64_t standing = 0;  // responses with an outcome made in the year, superseded or not
  std::int64_t upheld = 0;
  std::int64_t partly_upheld = 0;
  std::int64_t not_upheld = 0;
};

// Everything counted for one scope in one year.
struct Tally {
  std::array<StageTally, kMaxStages> stages;
  std::int64_t service_requests = 0;
  std::int64_t service_requests_converted = 0;
  std::array<std::int64_t, kRefusalReasonCount> refused{};
  std::int64_t withdrawn = 0;
  std::int64_t reopened = 0;
  std::int64_t repeats = 0;
  std::array<std::int64_t, kRemedyTypeCount> remedies{};
  std::int64_t compensation_pence = 0;
  std::vector<std::int64_t> categories;   // by category index
  std::vector<std::int64_t> root_causes;  // by root cause index
  std::int64_t standing_responses = 0;
  std::int64_t responses_with_root_cause = 0;
  // Complaints received in the year (stage 1) with a root cause recorded at any stage, and those
  // with none yet that are still open: the share a Cabinet compares year on year.
  std::int64_t received_with_root_cause = 0;
  std::int64_t received_awaiting_root_cause = 0;
  std::int64_t responses_with_learning = 0;
  std::int64_t actions_recorded = 0;
  std::int64_t actions_done = 0;
  std::int64_t actions_open_overdue = 0;
};

inline void Increment(std::vector<std::int64_t>& counts, std::size_t index) {
  if (counts.size() <= index) counts.resize(index + 1);
  ++counts[index];
}

inline std::int64_t At(const std::vector<std::int64_t>& counts, std::size_t index) {
  return index < counts.size() ? counts[index] : 0;
}

struct ScopeTally {
  ScopeKind kind = ScopeKind::kOrganisation;
  std::string code;
  std::string name;
  ListFilter filter;
  int stage_count = 1;  // the most stages of the regimes of its complaints
  bool active = false;  // has a record in either year
  std::array<Tally, kYears> years;
};

// Interns codes of reference data: the index of a code, with its display name.
class CodeTable {
 public:
  void Preload(const std::vector<NamedCode>& codes) {
    for (const NamedCode& code : codes) Intern(code.code, code.name);
  }
  std::size_t Intern(std::string_view code, std::string_view name = {}) {
    auto found = index_.find(code);
    if (found != index_.end()) return found->second;
    const std::size_t index = codes_.size();
    codes_.push_back({std::string(code), name.empty() ? std::string(code) : std::string(name)});
    index_.emplace(std::string(code), index);
    return index;
  }
  const std::vector<NamedCode>& codes() const { return codes_; }

 private:
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<NamedCode> codes_;
};

inline std::optional<double> Ratio(std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) return std::nullopt;
  return kPercent * static_cast<double>(numerator) / static_cast<double>(denominator);
}

inline std::optional<double> Median(const std::map<int, std::int64_t>& histogram,
                                    std::int64_t total) {
  if (total <= 0) return std::nullopt;
  // The values at positions (total - 1) / 2 and total / 2 (0-based) in sorted order.
  const std::int64_t lower_position = (total - 1) / 2;
  const std::int64_t upper_position = total / 2;
  std::optional<int> lower;
  std::optional<int> upper;
  std::int64_t seen = 0;
  for (const auto& [days, count] : histogram) {
    seen += count;
    if (!lower && seen > lower_position) lower = days;
    if (!upper && seen > upper_position) {
      upper = days;
      break;
    }
  }
  return (static_cast<double>(*lower) + static_cast<double>(*upper)) / 2.0;
}

inline std::string StageName(int number) { return "stage " + std::to_string(number); }

}  // namespace redress::report::internal
