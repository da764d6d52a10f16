#pragma once

// The Housing Ombudsman annual submission as the Ombudsman's form asks for it (rules file §12 and
// §1.6), section by section, so that an officer copies it into the electronic form: Section 1,
// the organisation and its approach (the complaints officer, the Member Responsible for
// Complaints, links to the complaints policy, the self-assessment, the annual report and the
// governing body's response); Section 2, each Code provision answered comply yes or no, with its
// evidence, commentary and, for non-compliance, the action and its timescale. There is no official
// data format: this mirrors the form's questions and invents no schema of its own. Pure.
//
// The record that feeds it is app/annual_submissions.hpp's; render/submission_form_render.hpp
// lays the form out as PDF and JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/annual_submission.hpp"
#include "core/learning.hpp"

namespace redress::report {

using FormContact = core::SubmissionContact;

// The record (with its details: the landlord code, the two people, the documents' addresses), the
// organisation's name and the year's self-assessment.
struct SubmissionFormInput {
  core::AnnualSubmission submission;
  std::string organisation;
  std::optional<core::SelfAssessment> self_assessment;
};

// Section 1: one answer per question of the form, in the form's order.
struct FormAnswer {
  std::string question;
  std::string answer;  // "" when not recorded
};

// Section 2: one row per Code provision, the form's columns.
struct ProvisionAnswer {
  std::string section;  // "6 Complaint stages"
  std::string provision;
  std::string requirement;
  std::string comply;  // "Yes", "No" or "" when not assessed; partial compliance is "No"
  std::string evidence;
  std::string commentary;
  std::string action;
  std::string timescale;  // the action's date, YYYY-MM-DD
};

struct SubmissionForm {
  std::string title;  // "Housing Ombudsman annual submission 2023/24"
  int year = 0;       // the financial year year/year+1
  std::string deadline;
  std::string status;  // in words
  std::vector<FormAnswer> section_1;
  std::vector<ProvisionAnswer> section_2;
};

SubmissionForm SubmissionFormOf(const SubmissionFormInput& input);

// The form as CSV (RFC 4180, CRLF): Section 1's questions and answers, then Section 2's table, a
// header row in words before each.
std::string SubmissionFormCsv(const SubmissionForm& form);

}  // namespace redress::report
