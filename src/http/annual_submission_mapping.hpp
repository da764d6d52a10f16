#pragma once

// JSON <-> the Housing Ombudsman annual submission record. Strict on the way in, as json_reader.hpp
// describes: unknown members and wrong types are malformed (400), unacceptable values
// kInvalidInput (422), each naming its field. Years come from the path or the body of a create,
// versions from If-Match. Internal to redress::http.

#include <nlohmann/json.hpp>

#include "app/annual_submissions.hpp"
#include "core/annual_submission.hpp"
#include "core/result.hpp"

namespace redress::http {

// POST /api/v1/annual-submissions: {year, homes?, details?}.
core::Result<app::NewSubmission> ParseNewSubmission(const nlohmann::json& body);
// PUT /api/v1/annual-submissions/{year}/details: the details whole.
core::Result<core::SubmissionDetails> ParseSubmissionDetails(const nlohmann::json& body);
// POST …/approve: {approved_on, governing_body, minute, response}.
core::Result<core::Approval> ParseSubmissionApproval(const nlohmann::json& body);
// POST …/publish: {published_on, web_address}.
core::Result<core::Publication> ParsePublication(const nlohmann::json& body);
// POST …/submit: {submitted_on}.
core::Result<core::Date> ParseSubmittedOn(const nlohmann::json& body);

// The record with its deadline, status, steps (who and when) and the paths of its exports.
nlohmann::json AnnualSubmissionToJson(const core::AnnualSubmission& submission);

}  // namespace redress::http
