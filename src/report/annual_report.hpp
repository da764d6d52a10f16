#pragma once

// The annual Complaint Performance and Service Improvement Report (rules file sections 1.6, 4 and
// 9): the figures of a financial year (1 April to 31 March) beside the year before, for the whole
// organisation, per regime and per service area, the Tenant Satisfaction Measures CH01 and CH02,
// and monthly trends with emerging issues. Pure: computed from the records of records.hpp, with
// "today" (the as-at date) and the calendar passed in. Renderers live in report/render.
//
// Every figure carries its selection: the list filters of GET /api/v1/complaints that select its
// complaints when they can (received_from/received_to of the year, regime, service_area,
// category), or a description of the complaints it counts when the list filters cannot express it
// (anything counted by a stage's start, response, refusal or withdrawal date).

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/learning.hpp"
#include "core/regime.hpp"
#include "report/ombudsman_section.hpp"
#include "report/records.hpp"

namespace redress::report {

// The financial years a report can be asked for: the calendar's range, less the year before the
// first (the previous year's figures) and the last (a financial year ends the next March).
inline constexpr int kFirstReportYear = core::kFirstCalendarYear + 1;
inline constexpr int kLastReportYear = core::kLastCalendarYear - 1;

inline constexpr int kMonthsInYear = 12;

// A code of reference data with its display name.
struct NamedCode {
  std::string code;
  std::string name;
};

struct ReportContext {
  int year = 0;      // the financial year year/year+1; kFirstReportYear..kLastReportYear
  core::Date as_at;  // "today": what is overdue is judged on this date
  std::string organisation;
  std::shared_ptr<const core::WorkingCalendar> calendar;  // the organisation's; never null
  std::vector<NamedCode> service_areas;
  std::vector<NamedCode> categories;
  std::vector<NamedCode> root_causes;
  std::map<int, std::int64_t> homes_owned;  // financial year → homes owned (TSM CH01)
  std::map<int, TenantSatisfaction> tenant_satisfaction;  // financial year → TSM TP09
};

// The Tenant Satisfaction Measures' first reporting year (rules 4: the RSH's first year is
// 2023/24): no CH01, CH02 or TP09 exists for a year before it.
inline constexpr int kFirstTsmYear = 2023;

// The window of records a report for `year` reads: the year before and the year itself.
RecordWindow WindowFor(int year);

enum class Unit {
  kCount,
  kPercent,  // 0..100, or percentage points for a change
  kWorkingDays,
  kPounds,            // money, in pounds
  kPerThousandHomes,  // TSM CH01
};
std::string_view ToString(Unit unit);  // "count", "percent", "working_days", "pounds",
                                       // "per_1000_homes"

// The list filters of GET /api/v1/complaints, besides the received dates of the year.
struct ListFilter {
  std::optional<core::Regime> regime;
  std::string service_area;
  std::string category;
};

enum class Coverage {
  kExact,          // the filter with received_from/received_to of the period selects exactly
                   // the complaints counted
  kDescribedOnly,  // not expressible with the list filters; the description says what counts
};

struct Selection {
  ListFilter filter;
  Coverage coverage = Coverage::kDescribedOnly;
  std::string description;  // which complaints (or service requests) the figure counts
};

struct Figure {
  std::string key;  // stable within its group, e.g. "stage_1_received"
  std::string label;
  Unit unit = Unit::kCount;
  std::optional<double> current;   // absent when it cannot be computed (e.g. no denominator)
  std::optional<double> previous;  // the year before
  Selection selection;
};
// current - previous when both exist (percentage points for kPercent).
std::optional<double> Change(const Figure& figure);
// The change relative to previous, in percent, for counts and money only; absent when previous is
// absent or zero.
std::optional<double> ChangePercent(const Figure& figure);

struct FigureGroup {
  std::string key;  // e.g. "volumes", "timeliness_stage_1"
  std::string title;
  std::vector<Figure> figures;
};

enum class ScopeKind { kOrganisation, kRegime, kServiceArea };
std::string_view ToString(ScopeKind kind);  // "organisation", "regime", "service_area"

struct Scope {
  ScopeKind kind = ScopeKind::kOrganisation;
  std::string code;  // "all" for the organisation, the regime or service area code otherwise
  std::string name;
  std::vector<FigureGroup> groups;
};

enum class TrendDimension { kCategory, kServiceArea };
std::string_view ToString(TrendDimension dimension);  // "category", "service_area"

// Complaints received per month of the year, each beside the mean of the twelve months before it.
struct TrendSeries {
  TrendDimension dimension = TrendDimension::kCategory;
  std::string code;
  std::string name;
  std::array<std::int64_t, kMonthsInYear> counts{};  // April .. March
  std::array<double, kMonthsInYear> baseline{};      // mean of the 12 months before each month
  std::array<bool, kMonthsInYear> emerging{};        // see kEmergingFactor
  ListFilter filter;                                 // with the month's dates: exact
};

// An emerging issue: a month whose count is at least kEmergingFactor times the mean of the twelve
// months before it and at least kEmergingMinimumExcess above it (so that 2 against 1 is noise).
inline constexpr double kEmergingFactor = 1.5;
inline constexpr double kEmergingMinimumExcess = 5.0;

struct CountingRule {
  std::string key;    // stable, for machines: "escalation_rate"
  std::string title;  // for people: "Escalation rate"
  std::string text;
};

struct AnnualReport {
  std::string organisation;
  int year = 0;
  core::Date period_from;
  core::Date period_to;
  core::Date previous_from;
  core::Date previous_to;
  core::Date as_at;
  std::vector<Scope> scopes;           // the organisation, then each regime, then each service area
  FigureGroup tsm;                     // CH01 and CH02, housing complaints only
  std::vector<std::string> tsm_notes;  // the counting rules used, and what is missing
  std::vector<std::string> months;     // "2023-04" .. "2024-03"
  std::vector<TrendSeries> trends;     // categories, then service areas
  std::vector<CountingRule> rules;
  // The Ombudsman and self-assessment sections come from records the builder does not stream:
  // the caller sets them (SummariseOmbudsman; the year's self-assessment, absent when it was not
  // started). Each note says what its section counts, or why it is empty.
  std::optional<OmbudsmanSection> ombudsman;
  std::optional<core::SelfAssessment> self_assessment;
  std::string ombudsman_note;
  std::string self_assessment_note;
};

// "2023/24" for 2023.
std::string FinancialYearLabel(int year);

// Computes the report from records streamed into it (RecordSink); Finish once all are added.
class AnnualReportBuilder final : public RecordSink {
 public:
  // Precondition: context.year within [kFirstReportYear, kLastReportYear]; calendar not null.
  explicit AnnualReportBuilder(ReportContext context);
  ~AnnualReportBuilder() override;
  AnnualReportBuilder(const AnnualReportBuilder&) = delete;
  AnnualReportBuilder& operator=(const AnnualReportBuilder&) = delete;

  void Add(const ComplaintRecord& complaint) override;
  void Add(const ServiceRequestRecord& request) override;
  AnnualReport Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace redress::report
