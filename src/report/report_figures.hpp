#pragma once

// The annual report's figures from its tallies (report_figures.cpp) and its counting rules
// (counting_rules.cpp). Internal to redress_report: AnnualReportBuilder::Finish calls them.

#include <cstdint>
#include <map>
#include <vector>

#include "core/date.hpp"
#include "report/annual_report.hpp"
#include "report/tally.hpp"

namespace redress::report::internal {

// The groups of figures of one scope, both years; status-like figures judged on `as_at`.
Scope FiguresOf(const ScopeTally& tally, const std::vector<NamedCode>& categories,
                const std::vector<NamedCode>& root_causes, core::Date as_at);

// CH01, CH02 and TP09 of the housing regime's scope, for `year` beside the year before, with
// none before the measures' first year (kFirstTsmYear).
FigureGroup TenantSatisfactionMeasures(const ScopeTally& housing,
                                       const std::map<int, std::int64_t>& homes_owned,
                                       const std::map<int, TenantSatisfaction>& surveys, int year);

// How every figure is counted, in the order the report prints them.
std::vector<CountingRule> CountingRules();

}  // namespace redress::report::internal
