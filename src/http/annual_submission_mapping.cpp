#include "http/annual_submission_mapping.hpp"

#include <limits>
#include <string>

#include "http/json_reader.hpp"
#include "http/json_writer.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

core::SubmissionContact ReadContact(ObjectReader& reader) {
  core::SubmissionContact contact;
  contact.name = reader.Text("name");
  contact.job_title = reader.Text("job_title");
  contact.email = reader.Text("email");
  contact.phone = reader.Text("phone");
  return contact;
}

core::SubmissionDetails ReadDetails(ObjectReader& reader) {
  core::SubmissionDetails details;
  details.landlord_code = reader.Text("landlord_code");
  reader.Object("complaints_officer", Presence::kOptional,
                [&](ObjectReader& nested) { details.complaints_officer = ReadContact(nested); });
  reader.Object("member_responsible", Presence::kOptional,
                [&](ObjectReader& nested) { details.member_responsible = ReadContact(nested); });
  details.policy_address = reader.Text("policy_address");
  details.self_assessment_address = reader.Text("self_assessment_address");
  details.report_address = reader.Text("report_address");
  details.response_address = reader.Text("response_address");
  return details;
}

json ContactJson(const core::SubmissionContact& contact) {
  return {{"name", contact.name},
          {"job_title", contact.job_title},
          {"email", contact.email},
          {"phone", contact.phone}};
}

}  // namespace

core::Result<app::NewSubmission> ParseNewSubmission(const json& body) {
  return ReadBody<app::NewSubmission>(body, [](ObjectReader& reader) {
    app::NewSubmission submission;
    submission.year = static_cast<int>(
        reader.Integer("year", Presence::kRequired, 0, std::numeric_limits<int>::max())
            .value_or(0));
    submission.homes =
        reader.Integer("homes", Presence::kOptional, 0, std::numeric_limits<std::int64_t>::max());
    reader.Object("details", Presence::kOptional,
                  [&](ObjectReader& nested) { submission.details = ReadDetails(nested); });
    return submission;
  });
}

core::Result<core::SubmissionDetails> ParseSubmissionDetails(const json& body) {
  return ReadBody<core::SubmissionDetails>(body, ReadDetails);
}

core::Result<core::Approval> ParseSubmissionApproval(const json& body) {
  return ReadBody<core::Approval>(body, [](ObjectReader& reader) {
    core::Approval approval;
    approval.approved_on =
        reader.Date("approved_on", Presence::kRequired).value_or(approval.approved_on);
    approval.governing_body = reader.Text("governing_body", Presence::kRequired);
    approval.minute = reader.Text("minute", Presence::kRequired);
    approval.response = reader.Text("response", Presence::kRequired);
    return approval;
  });
}

core::Result<core::Publication> ParsePublication(const json& body) {
  return ReadBody<core::Publication>(body, [](ObjectReader& reader) {
    core::Publication publication;
    publication.published_on =
        reader.Date("published_on", Presence::kRequired).value_or(publication.published_on);
    publication.web_address = reader.Text("web_address", Presence::kRequired);
    return publication;
  });
}

core::Result<core::Date> ParseSubmittedOn(const json& body) {
  return ReadBody<core::Date>(body, [](ObjectReader& reader) {
    return reader.Date("submitted_on", Presence::kRequired).value_or(core::Date());
  });
}

json AnnualSubmissionToJson(const core::AnnualSubmission& s) {
  const std::string path = "/api/v1/annual-submissions/" + std::to_string(s.year);
  const core::SubmissionDetails& d = s.details;
  json steps = json::array();
  for (const core::RecordedStep& step : s.steps) {
    steps.push_back({{"status", core::ToString(step.status)}, {"by", step.by}, {"at", step.at}});
  }
  const auto text_or_null = [](const std::string& text) {
    return text.empty() ? json() : json(text);
  };
  return {
      {"year", s.year},
      {"financial_year", report::FinancialYearLabel(s.year)},
      {"version", s.version},
      {"homes", s.homes},
      {"deadline", core::SubmissionDeadline(core::FinancialYearEnd(s.year), s.homes).ToIso()},
      {"status", core::ToString(s.status)},
      {"details",
       {{"landlord_code", d.landlord_code},
        {"complaints_officer", ContactJson(d.complaints_officer)},
        {"member_responsible", ContactJson(d.member_responsible)},
        {"policy_address", d.policy_address},
        {"self_assessment_address", d.self_assessment_address},
        {"report_address", d.report_address},
        {"response_address", d.response_address}}},
      {"approved_on", DateOrNull(s.approved_on)},
      {"governing_body", text_or_null(s.governing_body)},
      {"minute", text_or_null(s.approval_minute)},
      {"response", text_or_null(s.response)},
      {"published_on", DateOrNull(s.published_on)},
      {"web_address", text_or_null(s.web_address)},
      {"submitted_on", DateOrNull(s.submitted_on)},
      {"steps", std::move(steps)},
      {"form_path", path + "/form"},
      {"submitted_report_path",
       s.status == core::SubmissionStatus::kSubmitted ? json(path + "/report") : json()},
  };
}

}  // namespace redress::http
