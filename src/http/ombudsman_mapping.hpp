#pragma once

// JSON <-> Ombudsman cases, failure orders and the LGSCO annual letter (learning actions are in
// learning_mapping, the self-assessment in self_assessment_mapping). Strict on the way in, as
// json_reader.hpp describes: unknown members and wrong types are malformed (400),
// unacceptable values kInvalidInput (422), each naming its field. References, versions and years
// come from the path or the store, never from the body. Internal to redress::http.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/ombudsman.hpp"
#include "core/date.hpp"
#include "core/ombudsman.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

// POST /api/v1/ombudsman/cases and PUT .../{reference}: every field of core::OmbudsmanCase but
// reference and version.
core::Result<core::OmbudsmanCase> ParseOmbudsmanCase(const nlohmann::json& body);
// The case with each remedy's compliance and the overdue flags as at `today`.
nlohmann::json OmbudsmanCaseToJson(const core::OmbudsmanCase& ombudsman_case, core::Date today);

core::Result<core::FailureOrder> ParseFailureOrder(const nlohmann::json& body);
nlohmann::json FailureOrderToJson(const core::FailureOrder& order, core::Date today);

// PUT /api/v1/ombudsman/lgsco-letters/{year}: the letter's figures; the year from the path.
core::Result<core::LgscoLetter> ParseLgscoLetter(int year, const nlohmann::json& body);
nlohmann::json LgscoLetterToJson(const core::LgscoLetter& letter);
nlohmann::json ReconciliationToJson(const app::LetterReconciliation& reconciliation);

nlohmann::json OverdueToJson(const app::OverdueDashboard& dashboard);

// GET /api/v1/ombudsman/cases?ombudsman=&complaint=&decided_in=YEAR
core::Result<app::OmbudsmanCaseFilter> ParseOmbudsmanCaseFilter(const Parameters& query);

}  // namespace redress::http
