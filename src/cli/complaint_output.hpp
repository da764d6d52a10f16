#pragma once

// The command line's view of one complaint (`redress complaint show`): its stages with the
// response that stands and every earlier response a reopening superseded, and the refusals and
// withdrawals a reopening undid, as plain text, one fact a line. Internal to redress::cli.

#include <ostream>
#include <string>

#include "app/ports.hpp"

namespace redress::cli {

// Prints the complaint `reference` as the command line's reader sees it (every case).
core::Status PrintComplaint(app::Store& store, const std::string& reference, std::ostream& out);

}  // namespace redress::cli
