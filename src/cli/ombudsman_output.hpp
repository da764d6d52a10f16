#pragma once

// The command line's views of Ombudsman cases, the LGSCO letter reconciliation and the overdue
// dashboard (learning actions are in learning_output, the self-assessment in
// self_assessment_output): each calls one use case and prints plain text, one record or figure a
// line, fields separated by tabs where it is a list. Internal to redress::cli.

#include <optional>
#include <ostream>
#include <string>

#include "app/ombudsman.hpp"

namespace redress::cli {

core::Status PrintOmbudsmanCases(app::Store& store, const app::OmbudsmanCaseFilter& filter,
                                 std::ostream& out);
core::Status PrintOmbudsmanCase(app::Store& store, const std::string& reference, core::Date today,
                                std::ostream& out);
core::Status PrintOverdue(app::Store& store, core::Date today, std::ostream& out);
core::Status PrintReconciliation(app::Store& store, int year, std::ostream& out);

}  // namespace redress::cli
