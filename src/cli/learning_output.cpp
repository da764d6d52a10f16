#include "cli/learning_output.hpp"

#include "app/organisation.hpp"

namespace redress::cli {

core::Status PrintLearningActions(app::Store& store, const app::LearningFilter& filter,
                                  core::Date today, std::ostream& out) {
  auto actions = app::ListLearningActions(store, app::CommandLineReader(), filter, today);
  if (!actions) return tl::unexpected(actions.error());
  for (const core::LearningAction& a : *actions) {
    out << a.reference << '\t' << core::ToString(a.status) << (core::IsOverdue(a, today) ? "*" : "")
        << '\t' << a.due_on.ToIso() << '\t' << a.owner << '\t' << core::ToString(a.source) << '\t'
        << a.action << '\n';
  }
  return {};
}

}  // namespace redress::cli
