#pragma once

// The command line's view of the Code self-assessment of a year: its counts, its approval, then one
// provision a line, fields separated by tabs. Calls one use case and prints plain text. Internal to
// redress::cli.

#include <ostream>

#include "app/learning.hpp"

namespace redress::cli {

core::Status PrintSelfAssessment(app::Store& store, int year, std::ostream& out);

}  // namespace redress::cli
