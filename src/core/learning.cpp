#include "core/learning.hpp"

#include <algorithm>
#include <array>

#include "core/complaint.hpp"
#include "core/enum_names.hpp"
#include "core/validation.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<LearningSource, 3> kLearningSourceNames{{
    {LearningSource::kComplaints, "complaints"},
    {LearningSource::kOmbudsmanCase, "ombudsman_case"},
    {LearningSource::kTheme, "theme"},
}};

constexpr EnumNames<LearningStatus, 4> kLearningStatusNames{{
    {LearningStatus::kOpen, "open"},
    {LearningStatus::kInProgress, "in_progress"},
    {LearningStatus::kCompleted, "completed"},
    {LearningStatus::kCancelled, "cancelled"},
}};

constexpr EnumNames<CodeCompliance, 3> kCodeComplianceNames{{
    {CodeCompliance::kComplies, "complies"},
    {CodeCompliance::kPartly, "partly"},
    {CodeCompliance::kDoesNotComply, "does_not_comply"},
}};

constexpr std::array<CodeSection, 9> kCodeSections{{
    {"1", "Definition of a complaint"},
    {"2", "Exclusions"},
    {"3", "Accessibility and awareness"},
    {"4", "Complaint handling staff"},
    {"5", "The complaint handling process"},
    {"6", "Complaint stages"},
    {"7", "Putting things right"},
    {"8", "Self-assessment, reporting and compliance"},
    {"9", "Scrutiny and oversight: continuous learning and improvement"},
}};

struct SeedProvision {
  std::string_view provision;
  std::string_view section;
  std::string_view requirement;
};

// The provisions the rules file (sections 1.1 to 1.6) states with their numbers. Sections whose
// provisions it does not list start with one row for the whole section, to be split afterwards.
constexpr std::array<SeedProvision, 33> kSeedProvisions{{
    {"1.2", "1",
     "A complaint is an expression of dissatisfaction, however made, about the standard of "
     "service, actions or lack of action by the organisation, its own staff, or those acting on "
     "its behalf, affecting a resident or group of residents."},
    {"1.3", "1",
     "The resident need not use the word complaint; whenever dissatisfaction is expressed the "
     "choice to make a complaint is offered; complaints through a representative are handled "
     "under the policy."},
    {"1.4", "1",
     "Service requests are not complaints, but are recorded, monitored and reviewed regularly."},
    {"1.5", "1",
     "A complaint is raised when the resident is dissatisfied with the response to a service "
     "request, even while the request is still being handled; work on the request does not stop."},
    {"2.1", "2",
     "Complaints are accepted unless there is a valid reason not to; the reasoning is evidenced "
     "and each complaint considered on its merits."},
    {"2.2", "2",
     "The policy lists the fair and reasonable circumstances in which a matter will not be "
     "considered or escalated."},
    {"2.3", "2",
     "Complaints made within 12 months of the issue, or of the resident becoming aware of it, are "
     "accepted; discretion is considered for older ones."},
    {"2.4", "2",
     "When a complaint is not accepted, the reasons are explained and the resident is told of the "
     "right to take that decision to the Ombudsman."},
    {"3", "3", "Accessibility and awareness: every provision of section 3 of the Code."},
    {"4.1", "4",
     "A complaints officer (person or team) is responsible for complaint handling, liaison with "
     "the Ombudsman and reporting to the governing body."},
    {"4.2", "4",
     "The complaints officer has access to staff at all levels and the authority and autonomy to "
     "resolve disputes."},
    {"4.3", "4", "Staff are trained and complaint handling is resourced as a core service."},
    {"5.5", "5",
     "Outstanding actions are tracked, with updates to the resident, after the response is sent."},
    {"5.6", "5",
     "Every response addresses all points raised and gives reasons, referring to policy, law and "
     "good practice."},
    {"6.2", "6",
     "Stage 1: complaints are acknowledged, defined and logged within 5 working days of receipt."},
    {"6.3", "6",
     "Stage 1: a full response is given within 10 working days of the acknowledgement."},
    {"6.4", "6",
     "Stage 1: an extension is no more than 10 further working days without good reason, and the "
     "resident is told the reason and the new date."},
    {"6.11", "6",
     "Stage 2: requests are acknowledged, defined and logged within 5 working days of the "
     "escalation request."},
    {"6.12", "6", "Stage 2: the resident need not give reasons for escalating."},
    {"6.13", "6", "Stage 2: the person considering the complaint was not involved at stage 1."},
    {"6b", "6",
     "Stage 2: a final response within 20 working days of the acknowledgement, extended by no "
     "more than 20 working days without good reason."},
    {"7.1", "7",
     "Where something has gone wrong it is put right: apology, acknowledging fault, explanation, "
     "action on delay, reconsidering a decision, amending a record, financial remedy, changing "
     "policy or practice."},
    {"7.2", "7", "The remedy reflects the impact on the resident."},
    {"7.3", "7", "The response states what will happen and by when, and it is followed through."},
    {"7.4", "7",
     "If the remedy cannot be delivered, the reason is explained and the Ombudsman route given."},
    {"8.1", "8",
     "An annual complaints performance and service improvement report with the self-assessment, "
     "analysis, findings of non-compliance, service improvements, and the Ombudsman's annual "
     "letter and other reports."},
    {"8.2", "8",
     "The report is reported to the governing body and published on the complaints web page with "
     "the governing body's response."},
    {"8.3", "8",
     "The self-assessment is repeated after a significant restructure, merger or change of "
     "procedure."},
    {"8.4", "8", "An update is provided when the Ombudsman requires one after an investigation."},
    {"8.5", "8",
     "In exceptional circumstances the Ombudsman and residents are informed, and a date for "
     "returning to compliance given."},
    {"9.5", "9",
     "A member of the governing body (the Member Responsible for Complaints) takes lead "
     "responsibility for complaints and a positive complaint culture."},
    {"9.7", "9",
     "The governing body and the Member Responsible for Complaints receive regular updates on "
     "volumes, categories, outcomes and performance, reviews of trends, and the annual report."},
    {"9", "9",
     "Learning from complaints is captured and the service improvements made are reported."},
}};

std::string DateText(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

enum class TextRule { kRequired, kOptional };

void CheckText(std::string_view field, const std::string& text, FieldErrors& errors,
               TextRule rule) {
  if (rule == TextRule::kRequired && IsBlank(text)) {
    errors.Add(std::string(field), "is required", FieldErrorCode::kRequired);
  } else if (Utf8Length(text) > kMaxLearningText) {
    errors.Add(std::string(field),
               "must be at most " + std::to_string(kMaxLearningText) + " characters",
               FieldErrorCode::kTooLong);
  }
}

}  // namespace

std::string_view ToString(LearningSource value) { return NameOf(kLearningSourceNames, value); }
std::optional<LearningSource> ParseLearningSource(std::string_view name) {
  return ParseName(kLearningSourceNames, name);
}
std::string_view ToString(LearningStatus value) { return NameOf(kLearningStatusNames, value); }
std::optional<LearningStatus> ParseLearningStatus(std::string_view name) {
  return ParseName(kLearningStatusNames, name);
}
std::string_view ToString(CodeCompliance value) { return NameOf(kCodeComplianceNames, value); }
std::optional<CodeCompliance> ParseCodeCompliance(std::string_view name) {
  return ParseName(kCodeComplianceNames, name);
}

Status ValidateLearningAction(const LearningAction& a, Date today) {
  FieldErrors errors;
  const bool from_complaints = a.source == LearningSource::kComplaints;
  const bool from_case = a.source == LearningSource::kOmbudsmanCase;
  const bool from_theme = a.source == LearningSource::kTheme;
  if (from_complaints && a.complaints.empty()) {
    errors.Add("complaints", "at least one complaint is required for source complaints",
               FieldErrorCode::kRequired);
  }
  if (a.complaints.size() > kMaxConcernedComplaints) {
    errors.Add("complaints",
               "must name at most " + std::to_string(kMaxConcernedComplaints) + " complaints",
               FieldErrorCode::kTooLong);
  }
  if (!from_complaints && !a.complaints.empty()) {
    errors.Add("complaints", "only for source complaints", FieldErrorCode::kNotAllowedInState);
  }
  if (from_case && a.ombudsman_case.empty()) {
    errors.Add("ombudsman_case", "is required for source ombudsman_case",
               FieldErrorCode::kRequired);
  }
  if (!from_case && !a.ombudsman_case.empty()) {
    errors.Add("ombudsman_case", "only for source ombudsman_case",
               FieldErrorCode::kNotAllowedInState);
  }
  const bool has_theme = !a.category.empty() || !a.root_cause.empty();
  if (from_theme && !has_theme) {
    errors.Add("category", "a theme needs a category or a root cause", FieldErrorCode::kRequired);
  }
  if (!from_theme && has_theme) {
    errors.Add(a.category.empty() ? "root_cause" : "category", "only for source theme",
               FieldErrorCode::kNotAllowedInState);
  }
  CheckText("action", a.action, errors, TextRule::kRequired);
  CheckText("lesson", a.lesson, errors, TextRule::kOptional);
  CheckText("evidence", a.evidence, errors, TextRule::kOptional);
  if (IsBlank(a.owner)) errors.Add("owner", "is required", FieldErrorCode::kRequired);
  if (today < a.raised_on)
    errors.Add("raised_on", "must not be after today", FieldErrorCode::kDateInFuture);
  if (a.due_on < a.raised_on)
    errors.Add("due_on", "must not be before raised_on", FieldErrorCode::kDateTooEarly);
  const bool completed = a.status == LearningStatus::kCompleted;
  if (completed && IsBlank(a.evidence)) {
    errors.Add("evidence", "is required to complete an action", FieldErrorCode::kRequired);
  }
  if (completed && !a.completed_on)
    errors.Add("completed_on", "is required to complete", FieldErrorCode::kRequired);
  if (!completed && a.completed_on)
    errors.Add("completed_on", "only for a completed action", FieldErrorCode::kNotAllowedInState);
  if (a.completed_on) {
    if (today < *a.completed_on)
      errors.Add("completed_on", "must not be after today", FieldErrorCode::kDateInFuture);
    if (*a.completed_on < a.raised_on) {
      errors.Add("completed_on", "must not be before raised_on", FieldErrorCode::kDateTooEarly);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

bool IsOverdue(const LearningAction& action, Date today) {
  const bool live =
      action.status == LearningStatus::kOpen || action.status == LearningStatus::kInProgress;
  return live && action.due_on < today;
}

FieldValues FieldsOf(const LearningAction& a) {
  std::string complaints;
  for (const std::string& complaint : a.complaints) {
    complaints += (complaints.empty() ? "" : ", ") + complaint;
  }
  return {
      {"source", std::string(ToString(a.source))},
      {"complaints", complaints},
      {"ombudsman_case", a.ombudsman_case},
      {"category", a.category},
      {"root_cause", a.root_cause},
      {"lesson", a.lesson},
      {"action", a.action},
      {"owner", a.owner},
      {"raised_on", a.raised_on.ToIso()},
      {"due_on", a.due_on.ToIso()},
      {"status", std::string(ToString(a.status))},
      {"evidence", a.evidence},
      {"completed_on", DateText(a.completed_on)},
  };
}

std::span<const CodeSection> CodeSections() { return kCodeSections; }

std::vector<ProvisionAssessment> SeedProvisions() {
  std::vector<ProvisionAssessment> provisions;
  for (const SeedProvision& seed : kSeedProvisions) {
    ProvisionAssessment provision;
    provision.provision = seed.provision;
    provision.section = seed.section;
    provision.requirement = seed.requirement;
    provisions.push_back(std::move(provision));
  }
  return provisions;
}

Status ValidateProvision(const ProvisionAssessment& p) {
  FieldErrors errors;
  if (IsBlank(p.provision)) errors.Add("provision", "is required", FieldErrorCode::kRequired);
  const bool known_section =
      std::any_of(kCodeSections.begin(), kCodeSections.end(),
                  [&](const CodeSection& section) { return section.number == p.section; });
  if (!known_section)
    errors.Add("section", "must be a section of the Code, 1 to 9", FieldErrorCode::kOutOfRange);
  CheckText("requirement", p.requirement, errors, TextRule::kRequired);
  CheckText("evidence", p.evidence, errors, TextRule::kOptional);
  CheckText("commentary", p.commentary, errors, TextRule::kOptional);
  CheckText("action", p.action, errors, TextRule::kOptional);
  if (!IsBlank(p.action) && !p.action_due_on) {
    errors.Add("action_due_on", "is required with an action", FieldErrorCode::kRequired);
  }
  if (IsBlank(p.action) && p.action_due_on)
    errors.Add("action", "is required with a date", FieldErrorCode::kRequired);
  const bool falls_short =
      p.compliance == CodeCompliance::kPartly || p.compliance == CodeCompliance::kDoesNotComply;
  if (falls_short && IsBlank(p.action) && IsBlank(p.commentary)) {
    errors.Add("action",
               "partial or non-compliance needs an action with a date, or commentary on how the "
               "intent is met differently",
               FieldErrorCode::kRequired);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status ValidateApproval(const GoverningBodyApproval& approval, Date today) {
  FieldErrors errors;
  if (today < approval.approved_on)
    errors.Add("approved_on", "must not be after today", FieldErrorCode::kDateInFuture);
  if (IsBlank(approval.meeting)) errors.Add("meeting", "is required", FieldErrorCode::kRequired);
  CheckText("response", approval.response, errors, TextRule::kOptional);
  if (!errors.empty()) return errors.ToError();
  return {};
}

SelfAssessmentCounts CountCompliance(const SelfAssessment& assessment) {
  SelfAssessmentCounts counts;
  for (const ProvisionAssessment& provision : assessment.provisions) {
    ++counts.provisions;
    if (!provision.compliance) {
      ++counts.not_assessed;
      continue;
    }
    switch (*provision.compliance) {
      case CodeCompliance::kComplies:
        ++counts.complies;
        break;
      case CodeCompliance::kPartly:
        ++counts.partly;
        break;
      case CodeCompliance::kDoesNotComply:
        ++counts.does_not_comply;
        break;
    }
  }
  return counts;
}

FieldValues FieldsOf(const ProvisionAssessment& p) {
  const std::string prefix = "provisions[" + p.provision + "].";
  return {
      {prefix + "section", p.section},
      {prefix + "requirement", p.requirement},
      {prefix + "compliance", p.compliance ? std::string(ToString(*p.compliance)) : ""},
      {prefix + "evidence", p.evidence},
      {prefix + "commentary", p.commentary},
      {prefix + "action", p.action},
      {prefix + "action_due_on", DateText(p.action_due_on)},
  };
}

FieldValues FieldsOf(const GoverningBodyApproval& approval) {
  return {
      {"approval.approved_on", approval.approved_on.ToIso()},
      {"approval.meeting", approval.meeting},
      {"approval.minute_reference", approval.minute_reference},
      {"approval.response", approval.response},
  };
}

}  // namespace redress::core
