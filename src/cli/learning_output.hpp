#pragma once

// The command line's view of learning actions: the list, one action a line, fields separated by
// tabs (an overdue action's status marked *). Calls one use case and prints plain text. Internal to
// redress::cli.

#include <ostream>

#include "app/learning.hpp"

namespace redress::cli {

core::Status PrintLearningActions(app::Store& store, const app::LearningFilter& filter,
                                  core::Date today, std::ostream& out);

}  // namespace redress::cli
