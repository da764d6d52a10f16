#pragma once

// Retention and disposal as stored (issue 20; app/disposal.hpp): the retention periods, the holds
// staff place, the disposal runs with their items, and the disposal of one complaint's personal
// data. Part of the ports (app/ports.hpp, Tx::Retention()).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"
#include "core/retention.hpp"

namespace redress::app {

struct RetentionHoldRecord {
  std::int64_t id = 0;
  std::string reference;  // the complaint
  core::HoldKind kind = core::HoldKind::kManual;
  std::string reason;
  std::string placed_by;
  std::string placed_at;  // RFC 3339 UTC
  // Set together when the hold is released.
  std::string released_by;
  std::string released_at;
  std::string release_reason;
};

// Everything the verdicts of a dry run or a run depend on, read in one snapshot.
struct RetentionSnapshot {
  // Every complaint, every service request that never became one and every subject access
  // request, not disposed of.
  std::vector<core::RetentionCase> cases;
  std::vector<std::pair<std::string, std::string>> links;  // (from, to) complaint references
  std::map<std::string, std::vector<std::string>> open_ombudsman_cases;  // complaint → cases
  std::map<std::string, int> unfinished_actions;                         // complaint → count
  std::map<std::string, int> unfinished_ombudsman_remedies;              // complaint → count
  std::map<std::string, std::vector<core::PlacedHold>> holds;            // in force
};

struct DisposalRunRecord {
  std::int64_t id = 0;
  std::int64_t version = 0;
  core::DisposalRunState state = core::DisposalRunState::kDryRun;
  core::Date as_of;  // the day of the dry run's verdicts
  std::string created_by;
  std::string created_at;
  std::string approved_by;  // blank until approved
  std::string approved_at;
  std::string finished_by;  // who ran or cancelled it; blank until then
  std::string finished_at;
  std::int64_t to_dispose = 0;  // the dry run's count
  std::int64_t kept = 0;
  std::int64_t disposed = 0;  // the run's count
};

// One complaint in a run: the dry run's verdict, and what the run did.
struct DisposalRunItem {
  core::DisposalDecision decision;
  std::string disposed_at;  // blank unless the run disposed of it
  // Why the run kept a complaint the dry run listed for disposal (a hold placed since).
  std::vector<core::KeptBecause> kept_at_run;
};

// What DisposeOfComplaint leaves to its caller: the attached files' content to remove from the
// file store, and the service request the complaint came from ("" when none), whose events are
// erased with the complaint's.
struct DisposedComplaint {
  std::vector<std::string> files;  // SHA-256 of the files it marked removed
  std::string service_request;
};

class RetentionRepository {
 public:
  virtual ~RetentionRepository() = default;

  virtual core::Result<std::vector<core::RetentionRule>> Rules() = 0;
  // Sets the years of (record, regime), replacing what was there.
  virtual core::Status SaveRule(const core::RetentionRule& rule, std::string_view changed_by,
                                std::string_view changed_at) = 0;

  // The holds of a complaint, released ones too, oldest first.
  virtual core::Result<std::vector<RetentionHoldRecord>> HoldsOf(std::string_view reference) = 0;
  virtual core::Result<std::optional<RetentionHoldRecord>> Hold(std::int64_t id) = 0;
  // Returns the new hold's id.
  virtual core::Result<std::int64_t> AddHold(const RetentionHoldRecord& hold) = 0;
  // Records the release (released_by, released_at, release_reason) of hold `hold.id`.
  virtual core::Status ReleaseHold(const RetentionHoldRecord& hold) = 0;

  virtual core::Result<RetentionSnapshot> Snapshot() = 0;

  // Returns the new run's id.
  virtual core::Result<std::int64_t> AddRun(const DisposalRunRecord& run,
                                            const std::vector<DisposalRunItem>& items) = 0;
  virtual core::Result<std::optional<DisposalRunRecord>> Run(std::int64_t id) = 0;
  // Every run, newest first.
  virtual core::Result<std::vector<DisposalRunRecord>> Runs() = 0;
  virtual core::Result<std::vector<DisposalRunItem>> Items(std::int64_t run_id) = 0;
  // Saves the run's state, approval, finish and counts; kConflict when its version moved
  // (run.version is the version read; the store increments it).
  virtual core::Status UpdateRun(const DisposalRunRecord& run) = 0;
  // Saves what the run did with one item (disposed_at, kept_at_run).
  virtual core::Status UpdateItem(std::int64_t run_id, const DisposalRunItem& item) = 0;

  // Removes the personal data of complaint `reference` and of everything under it — names,
  // contact details, free text, notes, letters' text and PDFs, attachments' names and
  // descriptions, its service request's, its outbox recipients, its contact preferences and
  // needs — keeping what the statistics need (dates, regime, stage, service area, category,
  // outcome, remedy types and amounts, root causes), and records it as disposed of by run
  // `run_id` (a complaint disposed of is not a candidate again). Its events are erased by the
  // event repository (EraseContent), its files by the file store.
  virtual core::Result<DisposedComplaint> DisposeOfComplaint(std::string_view reference,
                                                             std::int64_t run_id,
                                                             std::string_view at) = 0;
  // Redaction (app/redaction.hpp). Replaces the text of note `note_id` of complaint `reference`
  // with `text` (kNotFound when the complaint has no such note).
  virtual core::Status RedactNote(std::string_view reference, std::int64_t note_id,
                                  std::string_view text) = 0;
  // Marks attachment `id` of complaint `reference` removed by `by` at `at` with `reason`, its name
  // replaced by `name` and its description blanked; returns its content's SHA-256 and its former
  // name (kNotFound when the complaint has no such attachment).
  virtual core::Result<std::pair<std::string, std::string>> RedactAttachment(
      std::string_view reference, std::int64_t id, std::string_view name, std::string_view by,
      std::string_view at, std::string_view reason) = 0;
  // Removes the personal data of service request `reference`, one that never became a complaint
  // (a converted one goes with its complaint): its summary, description, resolution, the
  // requester's name and contact details, its attachments' names and descriptions, the people
  // index's decisions on it; keeps its dates, channel, service area, category, team and status;
  // records it as disposed of by run `run_id`. Returns the SHA-256 of the files it marked
  // removed. Its events are erased by the event repository.
  virtual core::Result<std::vector<std::string>> DisposeOfServiceRequest(std::string_view reference,
                                                                         std::int64_t run_id,
                                                                         std::string_view at) = 0;
  // Removes the personal data of subject access request `reference`: the requester's name
  // (replaced by a mark, as it may not be blank) and contact details, the subject's name, what was
  // asked for, the extension's and withdrawal's reasons and the withholdings' reasons (they
  // describe third parties); keeps its dates and status, and records it as disposed of by run
  // `run_id`. Its events are erased by the event repository.
  virtual core::Status DisposeOfSubjectAccessRequest(std::string_view reference,
                                                     std::int64_t run_id, std::string_view at) = 0;
  // Whether complaint `reference` was disposed of, and when.
  virtual core::Result<std::optional<std::string>> DisposedAt(std::string_view reference) = 0;
};

}  // namespace redress::app
