#pragma once

// The LGSCO's annual letter (core::LgscoLetter, one row a financial year in `lgsco_letters`) as
// every engine stores it: its columns and the binding and reading of its row, written once as
// templates over an engine's binder and row reader. Each engine runs the SQL itself.

#include <array>
#include <string_view>

#include "core/ombudsman.hpp"

namespace redress::storage::common {

// financial_year, the key, first.
inline constexpr std::array<std::string_view, 12> kLgscoLetterColumns = {
    "financial_year",
    "complaints_and_enquiries_received",
    "decisions_made",
    "not_for_us",
    "assessed_and_closed",
    "investigated",
    "upheld",
    "uphold_rate_percent",
    "average_uphold_rate_percent",
    "compliance_percent",
    "satisfactory_remedy_by_council",
    "comparison_group"};

template <typename Binder>
void BindLgscoLetter(Binder& b, const core::LgscoLetter& letter) {
  b.BindAll(letter.year, letter.complaints_and_enquiries_received, letter.decisions_made,
            letter.not_for_us, letter.assessed_and_closed, letter.investigated, letter.upheld,
            letter.uphold_rate_percent, letter.average_uphold_rate_percent,
            letter.compliance_percent, letter.satisfactory_remedy_by_council,
            letter.comparison_group);
}

template <typename Reader>
core::LgscoLetter ReadLgscoLetter(Reader& r) {
  core::LgscoLetter letter;
  letter.year = r.Int();
  letter.complaints_and_enquiries_received = r.Int64();
  letter.decisions_made = r.Int64();
  letter.not_for_us = r.Int64();
  letter.assessed_and_closed = r.Int64();
  letter.investigated = r.Int64();
  letter.upheld = r.Int64();
  letter.uphold_rate_percent = r.OptionalReal();
  letter.average_uphold_rate_percent = r.OptionalReal();
  letter.compliance_percent = r.OptionalReal();
  letter.satisfactory_remedy_by_council = r.Int64();
  letter.comparison_group = r.Text();
  return letter;
}

}  // namespace redress::storage::common
