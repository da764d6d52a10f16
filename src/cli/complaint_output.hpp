#pragma once

// The command line's view of one complaint (`redress complaint show`, and after `complaint
// refuse`): the Code version it is judged on, where it stands against the time limit for
// complaining, its stages with the response that stands and every earlier response a reopening
// superseded, and the refusals and withdrawals a reopening undid, as plain text, one fact a line.
// Internal to redress::cli.

#include <ostream>

#include "core/complaint.hpp"

namespace redress::cli {

void PrintComplaint(const core::Complaint& complaint, std::ostream& out);

}  // namespace redress::cli
