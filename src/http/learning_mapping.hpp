#pragma once

// JSON <-> learning actions. Strict on the way in, as json_reader.hpp describes: unknown members
// and wrong types are malformed (400), unacceptable values kInvalidInput (422), each naming
// its field. References, versions and years come from the path or the store, never from the body.
// Internal to redress::http.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/learning.hpp"
#include "core/date.hpp"
#include "core/learning.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// raised_on defaults to `new_on` when given (a new action), and is required when not (a
// replacement).
core::Result<core::LearningAction> ParseLearningAction(const nlohmann::json& body,
                                                       std::optional<core::Date> new_on);
nlohmann::json LearningActionToJson(const core::LearningAction& action, core::Date today);
// GET /api/v1/learning?status=&source=&overdue=true|false&owner=&complaint=&ombudsman_case=
// &due_in=YEAR
core::Result<app::LearningFilter> ParseLearningFilter(const Parameters& query);

}  // namespace redress::http
