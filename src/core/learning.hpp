#pragma once

// Learning and service-improvement actions (rules file section 6, "Learning") and the Code
// self-assessment (section 1.6): what the organisation changes because of its complaints, and how
// it judges itself against each provision of the Complaint Handling Code. Pure: "today" is a
// parameter.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ombudsman.hpp"
#include "core/result.hpp"

namespace redress::core {

// What an action was raised from.
enum class LearningSource { kComplaints, kOmbudsmanCase, kTheme };
std::string_view ToString(LearningSource value);  // "complaints", "ombudsman_case", "theme"
std::optional<LearningSource> ParseLearningSource(std::string_view name);

enum class LearningStatus { kOpen, kInProgress, kCompleted, kCancelled };
std::string_view ToString(LearningStatus value);  // "open", "in_progress", "completed", ...
std::optional<LearningStatus> ParseLearningStatus(std::string_view name);

struct LearningAction {
  std::int64_t id = 0;
  std::string reference;  // "LRN-<year raised>-<6-digit sequence>"
  LearningSource source = LearningSource::kComplaints;
  std::vector<std::string> complaints;  // source kComplaints: one or more references
  std::string ombudsman_case;           // source kOmbudsmanCase: its reference
  std::string category;                 // source kTheme: a category code and/or ...
  std::string root_cause;               // ... a root cause code
  std::string lesson;                   // what was learnt
  std::string action;                   // what will change
  std::string owner;                    // username
  Date raised_on;
  Date due_on;
  LearningStatus status = LearningStatus::kOpen;
  std::string evidence;  // of completion
  std::optional<Date> completed_on;
  std::int64_t version = 0;
};

inline constexpr std::size_t kMaxLearningText = 20000;

// The rules of an action, every offending field at once: the source's own field is given and the
// other sources' are empty; action, lesson and owner not blank; due_on not before raised_on;
// raised_on not after today; completed exactly when completed_on is set, which needs evidence and
// is not before raised_on nor after today.
Status ValidateLearningAction(const LearningAction& action, Date today);

// Open or in progress and past its due date.
bool IsOverdue(const LearningAction& action, Date today);

FieldValues FieldsOf(const LearningAction& action);

// The Code self-assessment of a financial year.
enum class CodeCompliance { kComplies, kPartly, kDoesNotComply };
std::string_view ToString(CodeCompliance value);  // "complies", "partly", "does_not_comply"
std::optional<CodeCompliance> ParseCodeCompliance(std::string_view name);

// One provision of the Code and the organisation's assessment of it.
struct ProvisionAssessment {
  std::string provision;  // "6.3"; unique within a year
  std::string section;    // "6" .. "9" (the self-assessment form's sections)
  std::string requirement;
  std::optional<CodeCompliance> compliance;  // absent until assessed
  std::string evidence;
  std::string commentary;
  std::string action;  // for partial or non-compliance: what will be done, by action_due_on
  std::optional<Date> action_due_on;
  friend bool operator==(const ProvisionAssessment&, const ProvisionAssessment&) = default;
};

// The governing body's approval of the self-assessment and its published response.
struct GoverningBodyApproval {
  Date approved_on;
  std::string meeting;  // e.g. "Cabinet"
  std::string minute_reference;
  std::string response;
  friend bool operator==(const GoverningBodyApproval&, const GoverningBodyApproval&) = default;
};

struct SelfAssessment {
  int year = 0;
  std::vector<ProvisionAssessment> provisions;  // in the Code's order
  std::optional<GoverningBodyApproval> approval;
  std::int64_t version = 0;
};

// A section of the self-assessment form (rules 1.6, "Form: 9 sections").
struct CodeSection {
  std::string_view number;
  std::string_view title;
};
std::span<const CodeSection> CodeSections();

// The provisions a new self-assessment starts from: those the rules file states, in order, each
// unassessed. Editable afterwards.
std::vector<ProvisionAssessment> SeedProvisions();

// provision and requirement not blank; section one of CodeSections(); an action needs its date and
// the reverse; partial or non-compliance needs an action or commentary (rules 1.6: "state actions
// and timescale, or how the intent is met differently").
Status ValidateProvision(const ProvisionAssessment& provision);
// approved_on not after today; meeting not blank.
Status ValidateApproval(const GoverningBodyApproval& approval, Date today);

// Provisions per compliance, for the annual report.
struct SelfAssessmentCounts {
  std::int64_t provisions = 0;
  std::int64_t complies = 0;
  std::int64_t partly = 0;
  std::int64_t does_not_comply = 0;
  std::int64_t not_assessed = 0;
};
SelfAssessmentCounts CountCompliance(const SelfAssessment& assessment);

FieldValues FieldsOf(const ProvisionAssessment& provision);
FieldValues FieldsOf(const GoverningBodyApproval& approval);

}  // namespace redress::core
