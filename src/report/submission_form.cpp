#include "report/submission_form.hpp"

#include <span>

#include "report/annual_report.hpp"
#include "report/csv_cell.hpp"

namespace redress::report {
namespace {

std::string StatusWords(const core::AnnualSubmission& submission) {
  switch (submission.status) {
    case core::SubmissionStatus::kDraft:
      return "Draft";
    case core::SubmissionStatus::kApproved:
      return "Approved by " + submission.governing_body + " on " +
             (submission.approved_on ? submission.approved_on->ToIso() : "") + " (minute " +
             submission.approval_minute + ")";
    case core::SubmissionStatus::kPublished:
      return "Published on " + (submission.published_on ? submission.published_on->ToIso() : "") +
             " at " + submission.web_address;
    case core::SubmissionStatus::kSubmitted:
      return "Submitted to the Housing Ombudsman on " +
             (submission.submitted_on ? submission.submitted_on->ToIso() : "");
  }
  return "Draft";
}

std::string SectionTitle(std::string_view number) {
  for (const core::CodeSection& section : core::CodeSections()) {
    if (section.number == number) return std::string(number) + " " + std::string(section.title);
  }
  return std::string(number);
}

void Contact(std::vector<FormAnswer>& answers, const std::string& who, const FormContact& contact) {
  answers.push_back({who + ": name", contact.name});
  answers.push_back({who + ": job title", contact.job_title});
  answers.push_back({who + ": email address", contact.email});
  answers.push_back({who + ": telephone number", contact.phone});
}

void Row(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) out += ',';
    out += CsvCell(cell);
    first = false;
  }
  out += "\r\n";
}

}  // namespace

SubmissionForm SubmissionFormOf(const SubmissionFormInput& input) {
  const core::AnnualSubmission& submission = input.submission;
  SubmissionForm form;
  form.year = submission.year;
  form.title = "Housing Ombudsman annual submission " + FinancialYearLabel(submission.year);
  form.deadline =
      core::SubmissionDeadline(core::FinancialYearEnd(submission.year), submission.homes).ToIso();
  form.status = StatusWords(submission);
  const core::SubmissionDetails& details = submission.details;
  std::vector<FormAnswer>& one = form.section_1;
  one.push_back({"Landlord name", input.organisation});
  one.push_back({"Landlord code", details.landlord_code});
  one.push_back({"Financial year", FinancialYearLabel(submission.year)});
  one.push_back({"Number of homes", std::to_string(submission.homes)});
  Contact(one, "Complaints officer", details.complaints_officer);
  Contact(one, "Member Responsible for Complaints", details.member_responsible);
  one.push_back({"Link to the complaints policy", details.policy_address});
  one.push_back({"Link to the self-assessment", details.self_assessment_address});
  one.push_back({"Link to the annual complaints performance and service improvement report",
                 details.report_address});
  one.push_back({"Link to the governing body's response to the report", details.response_address});
  one.push_back({"Date the governing body approved the self-assessment and report",
                 submission.approved_on ? submission.approved_on->ToIso() : ""});
  one.push_back({"Governing body and minute reference",
                 submission.governing_body.empty()
                     ? ""
                     : submission.governing_body + ", minute " + submission.approval_minute});
  one.push_back({"The governing body's response", submission.response});
  if (input.self_assessment) {
    for (const core::ProvisionAssessment& p : input.self_assessment->provisions) {
      ProvisionAnswer row;
      row.section = SectionTitle(p.section);
      row.provision = p.provision;
      row.requirement = p.requirement;
      if (p.compliance)
        row.comply = *p.compliance == core::CodeCompliance::kComplies ? "Yes" : "No";
      row.evidence = p.evidence;
      row.commentary = p.commentary;
      row.action = p.action;
      row.timescale = p.action_due_on ? p.action_due_on->ToIso() : "";
      form.section_2.push_back(std::move(row));
    }
  }
  return form;
}

std::string SubmissionFormCsv(const SubmissionForm& form) {
  std::string out;
  Row(out, {"Section", "Question", "Answer"});
  Row(out, {"", "Submission", form.title});
  Row(out, {"", "Deadline", form.deadline});
  Row(out, {"", "Status", form.status});
  for (const FormAnswer& answer : form.section_1) {
    Row(out, {"1 About the landlord and its approach", answer.question, answer.answer});
  }
  out += "\r\n";
  Row(out, {"Section", "Code provision", "Code requirement", "Comply", "Evidence",
            "Commentary or explanation", "Action", "Timescale"});
  for (const ProvisionAnswer& row : form.section_2) {
    Row(out, {row.section, row.provision, row.requirement, row.comply, row.evidence, row.commentary,
              row.action, row.timescale});
  }
  return out;
}

}  // namespace redress::report
