#pragma once

// JSON <-> the Code self-assessment. Strict on the way in, as json_reader.hpp describes: unknown
// members and wrong types are malformed (400), unacceptable values kInvalidInput (422),
// each naming its field. References, versions and years come from the path or the store, never from
// the body. Internal to redress::http.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/learning.hpp"
#include "core/date.hpp"
#include "core/learning.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// PUT /api/v1/self-assessments/{year}/provisions/{provision}: the provision from the path.
core::Result<core::ProvisionAssessment> ParseProvision(const std::string& provision,
                                                       const nlohmann::json& body);
core::Result<core::GoverningBodyApproval> ParseApproval(const nlohmann::json& body);
nlohmann::json SelfAssessmentToJson(const core::SelfAssessment& assessment);

}  // namespace redress::http
