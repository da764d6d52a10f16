#pragma once

// The summary at the front of the annual report, the page a Cabinet member reads in two minutes,
// generated from the report's figures (never typed): the headline figures beside the year before,
// the three biggest changes in words, the emerging issues, the Ombudsman's findings and the
// learning completed. Every format that has a summary (PDF, HTML, XLSX) lays out this one.

#include <string>
#include <vector>

#include "report/annual_report.hpp"

namespace redress::report::render {

// How many changes the summary names, and how many emerging issues and improvements it lists
// before it says how many more there are.
inline constexpr std::size_t kBiggestChanges = 3;
inline constexpr std::size_t kMostListed = 5;
// A count or sum below this in either year is too small for its relative change to mean much
// (2 against 1 is "+100%"): the biggest changes leave it out.
inline constexpr double kSmallestBase = 20;

struct Summary {
  FigureGroup headline;                      // KeyFigures: this year beside the year before
  std::vector<std::string> biggest_changes;  // sentences, the biggest first
  std::vector<std::string> emerging_issues;  // sentences
  std::vector<std::string> ombudsman;        // sentences
  std::vector<std::string> learning;         // sentences
};

// The biggest changes are the organisation's figures ranked by the size of their change: the
// relative change (percent) for counts and money, the change in percentage points for
// percentages, leaving out figures with a base below kSmallestBase; one sentence each, "Stage 2
// complaints received rose from 88 to 97: +9 (+10.2%)."; a sentence saying so when none can be
// compared.
Summary SummaryOf(const AnnualReport& report);

}  // namespace redress::report::render
