#include "http/self_assessment_mapping.hpp"

#include <utility>

#include "http/json_reader.hpp"
#include "http/json_writer.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr core::CodeCompliance kCompliances[] = {core::CodeCompliance::kComplies,
                                                 core::CodeCompliance::kPartly,
                                                 core::CodeCompliance::kDoesNotComply};

constexpr EnumDomain<core::CodeCompliance> kComplianceDomain{kCompliances,
                                                             core::ParseCodeCompliance};

}  // namespace

core::Result<core::ProvisionAssessment> ParseProvision(const std::string& provision,
                                                       const json& body) {
  return ReadBody<core::ProvisionAssessment>(body, [&](ObjectReader& reader) {
    core::ProvisionAssessment p;
    p.provision = provision;
    p.section = reader.Text("section", Presence::kRequired);
    p.requirement = reader.Text("requirement", Presence::kRequired);
    p.compliance = reader.Enumerated("compliance", Presence::kOptional, kComplianceDomain);
    p.evidence = reader.Text("evidence");
    p.commentary = reader.Text("commentary");
    p.action = reader.Text("action");
    p.action_due_on = reader.Date("action_due_on", Presence::kOptional);
    return p;
  });
}

core::Result<core::GoverningBodyApproval> ParseApproval(const json& body) {
  return ReadBody<core::GoverningBodyApproval>(body, [](ObjectReader& reader) {
    core::GoverningBodyApproval approval;
    approval.approved_on =
        reader.Date("approved_on", Presence::kRequired).value_or(approval.approved_on);
    approval.meeting = reader.Text("meeting", Presence::kRequired);
    approval.minute_reference = reader.Text("minute_reference");
    approval.response = reader.Text("response");
    return approval;
  });
}

json SelfAssessmentToJson(const core::SelfAssessment& assessment) {
  json sections = json::array();
  for (const core::CodeSection& section : core::CodeSections()) {
    sections.push_back({{"section", section.number}, {"title", section.title}});
  }
  json provisions = json::array();
  for (const core::ProvisionAssessment& p : assessment.provisions) {
    provisions.push_back({{"provision", p.provision},
                          {"section", p.section},
                          {"requirement", p.requirement},
                          {"compliance", NameOrNull(p.compliance)},
                          {"evidence", p.evidence},
                          {"commentary", p.commentary},
                          {"action", p.action},
                          {"action_due_on", DateOrNull(p.action_due_on)}});
  }
  const core::SelfAssessmentCounts counts = core::CountCompliance(assessment);
  json approval;
  if (assessment.approval) {
    approval = {{"approved_on", assessment.approval->approved_on.ToIso()},
                {"meeting", assessment.approval->meeting},
                {"minute_reference", assessment.approval->minute_reference},
                {"response", assessment.approval->response}};
  }
  return {{"year", assessment.year},
          {"version", assessment.version},
          {"sections", std::move(sections)},
          {"provisions", std::move(provisions)},
          {"counts",
           {{"provisions", counts.provisions},
            {"complies", counts.complies},
            {"partly", counts.partly},
            {"does_not_comply", counts.does_not_comply},
            {"not_assessed", counts.not_assessed}}},
          {"approval", std::move(approval)}};
}

}  // namespace redress::http
