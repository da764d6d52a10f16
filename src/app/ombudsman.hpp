#pragma once

// Ombudsman cases, Complaint Handling Failure Orders, the LGSCO annual letter and its
// reconciliation, and the overdue dashboard (rules file sections 1.7 and 5). Each change is one
// transaction with its audit event (before and after of every changed field); linking a case to a
// complaint also appends an event to the complaint's timeline.
//
// Visibility: a case that concerns a restricted complaint the actor may not see (core::CanSee) is
// answered kNotFound and left out of lists, like the complaint itself; naming such a complaint
// when recording a case is kInvalidInput, as for a complaint that does not exist.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"

namespace redress::app {

// Records a new case (its reference and version are assigned) after core::ValidateOmbudsmanCase.
Result<core::OmbudsmanCase> RecordOmbudsmanCase(Store& store, const Clock& clock,
                                                const Actor& actor, core::OmbudsmanCase record);
// Replaces case `record.reference` at `expected_version` (kStaleVersion when it moved on).
Result<core::OmbudsmanCase> UpdateOmbudsmanCase(Store& store, const Clock& clock,
                                                const Actor& actor, core::OmbudsmanCase record,
                                                std::int64_t expected_version);
Result<core::OmbudsmanCase> GetOmbudsmanCase(Store& store, const Actor& actor,
                                             std::string_view reference);

struct OmbudsmanCaseFilter {
  std::optional<core::Ombudsman> ombudsman;
  std::string complaint;          // empty = any
  std::optional<int> decided_in;  // financial year of the final decision
};
Result<std::vector<core::OmbudsmanCase>> ListOmbudsmanCases(Store& store, const Actor& actor,
                                                            const OmbudsmanCaseFilter& filter);

// A complaint's Ombudsman history: the cases concerning it and the failure orders made in them,
// oldest first. kNotFound for a complaint the actor may not see.
struct OmbudsmanHistory {
  std::vector<core::OmbudsmanCase> cases;
  std::vector<core::FailureOrder> failure_orders;
};
Result<OmbudsmanHistory> OmbudsmanHistoryOf(Store& store, const Actor& actor,
                                            std::string_view complaint);

Result<core::FailureOrder> RecordFailureOrder(Store& store, const Clock& clock, const Actor& actor,
                                              core::FailureOrder order);
Result<core::FailureOrder> UpdateFailureOrder(Store& store, const Clock& clock, const Actor& actor,
                                              core::FailureOrder order,
                                              std::int64_t expected_version);
// A failure order, and the list of them, as the actor may see them: one about an Ombudsman case
// the actor may not see (Visibility) is kNotFound, and left out of the list.
Result<core::FailureOrder> GetFailureOrder(Store& store, const Actor& actor,
                                           std::string_view reference);
Result<std::vector<core::FailureOrder>> ListFailureOrders(Store& store, const Actor& actor);

// What a change to the letter was based on, when the caller says (the API's If-Match and
// If-None-Match): the content it read, or that it saw no letter. kStaleVersion when the letter
// is not as the caller saw it, so one officer's figures never silently replace another's.
struct LetterPrecondition {
  std::optional<std::string> read_tag;  // core::ContentTag of the letter read
  bool expected_none = false;           // the caller saw no letter for the year
};
// A letter's tag, as the API gives it in ETag.
std::string LetterTag(const core::LgscoLetter& letter);

// Enters or corrects the LGSCO annual letter of letter.year (a report year, CheckReportYear).
Result<core::LgscoLetter> SaveLgscoLetter(Store& store, const Clock& clock, const Actor& actor,
                                          const core::LgscoLetter& letter,
                                          const LetterPrecondition& precondition = {});
// kNotFound when the year has no letter.
Result<core::LgscoLetter> GetLgscoLetter(Store& store, int year);

// The year's letter beside the LGSCO cases recorded (core::ReconcileLetter); kNotFound when the
// year has no letter.
struct LetterReconciliation {
  core::LgscoLetter letter;
  std::vector<core::ReconciliationLine> lines;
  int differences = 0;  // lines that differ by more than the letter's rounding (0.05)
};
Result<LetterReconciliation> ReconcileLgscoLetter(Store& store, int year);

// What needs chasing as at `today`: Ombudsman information and remedies, failure orders, and
// learning actions past their due date (open or in progress).
struct OverdueDashboard {
  core::Date as_at;
  std::vector<core::OverdueItem> ombudsman;
  std::vector<core::LearningAction> learning_actions;
};
Result<OverdueDashboard> Overdue(Store& store, const Actor& actor, core::Date today);

}  // namespace redress::app
