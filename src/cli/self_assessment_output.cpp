#include "cli/self_assessment_output.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>

namespace redress::cli {
namespace {

std::string DateText(const std::optional<core::Date>& date) { return date ? date->ToIso() : "-"; }

}  // namespace

core::Status PrintSelfAssessment(app::Store& store, int year, std::ostream& out) {
  auto assessment = app::GetSelfAssessment(store, year);
  if (!assessment) return tl::unexpected(assessment.error());
  const core::SelfAssessmentCounts counts = core::CountCompliance(*assessment);
  out << fmt::format(
      "self-assessment {}: {} provisions, {} comply, {} partly, {} do not comply, {} not "
      "assessed\n",
      year, counts.provisions, counts.complies, counts.partly, counts.does_not_comply,
      counts.not_assessed);
  if (assessment->approval) {
    const core::GoverningBodyApproval& approval = *assessment->approval;
    out << "approved: " << approval.approved_on.ToIso() << " by " << approval.meeting << " (minute "
        << approval.minute_reference << ")\nresponse: " << approval.response << '\n';
  } else {
    out << "approved: not yet\n";
  }
  for (const core::ProvisionAssessment& p : assessment->provisions) {
    out << p.provision << '\t'
        << (p.compliance ? std::string(core::ToString(*p.compliance)) : "not_assessed") << '\t'
        << (p.action.empty() ? "-" : p.action + " by " + DateText(p.action_due_on)) << '\t'
        << p.requirement << '\n';
  }
  return {};
}

}  // namespace redress::cli
