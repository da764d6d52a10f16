#pragma once

// Learning and service-improvement actions, the "lessons learned" view of the senior officers'
// review meetings, and the Code self-assessment with the governing body's approval (rules file
// sections 1.6 and 6). Each change is one transaction with its audit event (before and after of
// every changed field).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/learning.hpp"

namespace redress::app {

// Raises an action (reference and version assigned) after core::ValidateLearningAction; the
// complaints it names must be visible to the actor, and the owner, category, root cause and
// Ombudsman case must exist (kInvalidInput naming the field).
Result<core::LearningAction> RaiseLearningAction(Store& store, const Clock& clock,
                                                 const Actor& actor, core::LearningAction action);
// Replaces action `action.reference` at `expected_version` (kStaleVersion when it moved on).
Result<core::LearningAction> UpdateLearningAction(Store& store, const Clock& clock,
                                                  const Actor& actor, core::LearningAction action,
                                                  std::int64_t expected_version);
// An action raised from a restricted complaint the actor may not see is kNotFound, and left out of
// lists, like the complaint itself.
Result<core::LearningAction> GetLearningAction(Store& store, const Actor& actor,
                                               std::string_view reference);

// The filters of the lessons-learned view; every one given must hold.
struct LearningFilter {
  std::optional<core::LearningStatus> status;
  std::optional<core::LearningSource> source;
  bool overdue_only = false;  // open or in progress and past due as at `today`
  std::string owner;
  std::string complaint;       // raised from this complaint
  std::string ombudsman_case;  // raised from this Ombudsman case
  std::optional<int> due_in;   // financial year of due_on
};
// Oldest due first, then by reference.
Result<std::vector<core::LearningAction>> ListLearningActions(Store& store, const Actor& actor,
                                                              const LearningFilter& filter,
                                                              core::Date today);

// Starts the self-assessment of financial year `year` from core::SeedProvisions(); kConflict when
// the year has one.
Result<core::SelfAssessment> StartSelfAssessment(Store& store, const Clock& clock,
                                                 const Actor& actor, int year);
// kNotFound when the year's was not started.
Result<core::SelfAssessment> GetSelfAssessment(Store& store, int year);
// The changes below take the version of the assessment the change was based on, when the caller
// knows it (the API's If-Match): kStaleVersion when the assessment has moved on since, so that one
// officer's edit never silently undoes another's. Without it the change applies to the latest.
//
// Replaces the provision of that name, or adds it at the end when the year has none of that name,
// after core::ValidateProvision.
Result<core::SelfAssessment> SaveProvision(Store& store, const Clock& clock, const Actor& actor,
                                           int year, const core::ProvisionAssessment& provision,
                                           std::optional<std::int64_t> expected_version = {});
// Removes the provision of that name (one the organisation added by mistake, or one a revised Code
// dropped); kNotFound when the year has none of that name. The audit event keeps its last text.
Result<core::SelfAssessment> RemoveProvision(Store& store, const Clock& clock, const Actor& actor,
                                             int year, std::string_view provision,
                                             std::optional<std::int64_t> expected_version = {});
// Records (or corrects) the governing body's approval and response.
Result<core::SelfAssessment> RecordApproval(Store& store, const Clock& clock, const Actor& actor,
                                            int year, const core::GoverningBodyApproval& approval,
                                            std::optional<std::int64_t> expected_version = {});

}  // namespace redress::app
