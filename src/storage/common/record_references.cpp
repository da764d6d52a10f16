#include "storage/common/record_references.hpp"

namespace redress::storage::common {

namespace {

void AddComplaints(std::vector<Reference>& references, std::string_view field,
                   const std::vector<std::string>& complaints) {
  for (std::size_t i = 0; i < complaints.size(); ++i) {
    references.push_back({std::string(field) + "[" + std::to_string(i) + "]", "complaint",
                          "complaints", "reference", complaints[i]});
  }
}

}  // namespace

std::vector<Reference> ComplaintReferences(const core::Complaint& c) {
  std::vector<Reference> references = {
      {"service_area", "service area", "service_areas", "code", c.service_area},
      {"category", "category", "categories", "code", c.category},
      {"service_request_reference", "service request", "service_requests", "reference",
       c.service_request_reference},
  };
  for (std::size_t i = 0; i < c.stages.size(); ++i) {
    const core::Stage& stage = c.stages[i];
    const std::string prefix = "stages[" + std::to_string(i) + "].";
    references.push_back({prefix + "team", "team", "teams", "code", stage.team});
    if (!stage.response) continue;
    for (std::size_t j = 0; j < stage.response->root_causes.size(); ++j) {
      references.push_back({prefix + "response.root_causes[" + std::to_string(j) + "]",
                            "root cause", "root_causes", "code", stage.response->root_causes[j]});
    }
  }
  AddComplaints(references, "possible_repeat_of", c.possible_repeat_of);
  return references;
}

std::vector<Reference> OmbudsmanCaseReferences(const core::OmbudsmanCase& c) {
  std::vector<Reference> references;
  AddComplaints(references, "complaints", c.complaints);
  return references;
}

std::vector<Reference> FailureOrderReferences(const core::FailureOrder& o) {
  return {{"ombudsman_case", "Ombudsman case", "ombudsman_cases", "reference", o.ombudsman_case}};
}

std::vector<Reference> LearningActionReferences(const core::LearningAction& a) {
  std::vector<Reference> references = {
      {"ombudsman_case", "Ombudsman case", "ombudsman_cases", "reference", a.ombudsman_case},
      {"category", "category", "categories", "code", a.category},
      {"root_cause", "root cause", "root_causes", "code", a.root_cause},
      {"owner", "user", "users", "username", a.owner}};
  AddComplaints(references, "complaints", a.complaints);
  return references;
}

}  // namespace redress::storage::common
