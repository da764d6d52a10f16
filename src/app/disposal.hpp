#pragma once

// Retention and disposal (issue 20; docs/data-protection.md): the retention periods, the holds,
// and disposal runs — a dry run that says what would go and why each other record is kept, an
// approval by a second person, then the run, which removes the personal data of the complaints,
// service requests (those that never became a complaint) and subject access requests still
// disposable that day and keeps
// what the statistics need, so every annual report gives the same figures after it. Each step is an
// event without personal data. Who: administrators
// (`manage_configuration`), checked here as well as by the router.

#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/file_store.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/retention.hpp"

namespace redress::app {

// The records one transaction of a run disposes of: bounds how long the run holds the write
// lock at a time, so the service stays usable while a large run goes on.
inline constexpr std::size_t kDisposalBatchSize = 200;

// Every (record, regime) with its period, configured or the default.
Result<std::vector<core::RetentionRule>> ReadRetentionSchedule(Store& store, const Actor& actor);
// Sets one period (core::CheckRetentionRule), as a retention_rule_changed event.
Result<std::vector<core::RetentionRule>> SetRetentionRule(Store& store, const Clock& clock,
                                                          const Actor& actor,
                                                          const core::RetentionRule& rule);

// The holds of a complaint the actor sees (kNotFound otherwise), released ones too.
Result<std::vector<RetentionHoldRecord>> ListHolds(Store& store, const Actor& actor,
                                                   std::string_view reference);
// Places a hold (core::CheckHold), a retention_hold_placed event on the complaint.
Result<RetentionHoldRecord> PlaceHold(Store& store, const Clock& clock, const Actor& actor,
                                      std::string_view reference, core::HoldKind kind,
                                      const std::string& reason);
// Releases a hold in force with a reason, a retention_hold_released event on the complaint.
Result<RetentionHoldRecord> ReleaseHold(Store& store, const Clock& clock, const Actor& actor,
                                        std::int64_t hold_id, const std::string& reason);

// A run as one actor sees it: a run judges every record, restricted ones included, but its
// items show only the records the actor sees (app::Visibility), like every list; `hidden`
// counts the others. The command line sees everything.
struct DisposalRunView {
  DisposalRunRecord run;
  std::vector<DisposalRunItem> items;  // by reference
  std::int64_t hidden = 0;
};

// A dry run as at today: every record not disposed of, judged
// (core::JudgeDisposal); nothing but the run and its event is written.
Result<DisposalRunView> StartDisposalDryRun(Store& store, const Clock& clock, const Actor& actor);
Result<std::vector<DisposalRunRecord>> ListDisposalRuns(Store& store, const Actor& actor);
Result<DisposalRunView> ReadDisposalRun(Store& store, const Actor& actor, std::int64_t id);
// Approval by someone other than who made the dry run (core::CheckApproval). Approval and
// cancellation take the version the caller read when it knows it (the API's If-Match):
// kStaleVersion when the run has moved on since, so that nobody approves a run they did not see.
Result<DisposalRunView> ApproveDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                           std::int64_t id,
                                           std::optional<std::int64_t> expected_version = {});
Result<DisposalRunView> CancelDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                          std::int64_t id,
                                          std::optional<std::int64_t> expected_version = {});

// What a run needs besides the store: the attached files' store (nullptr: the files are left for
// the next sweep, app::SweepOrphanFiles) and the process's content lock (AttachmentContext's;
// nullptr in a process that attaches nothing, the command line).
struct DisposalPorts {
  FileStore* files = nullptr;
  std::shared_mutex* content_mutex = nullptr;
};

// Runs an approved run: each record its dry run listed for disposal is judged again today, and
// disposed of when it still may be (a hold placed since keeps it, recorded as kept_at_run), in
// transactions of kDisposalBatchSize; then the files and the traces go. A run stopped half way
// (a crash) is run again from where it stopped: a complaint disposed of is not touched twice.
Result<DisposalRunView> ExecuteDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                           std::int64_t id, const DisposalPorts& ports);
// The scheduled job: runs every approved run (the server's periodic loop, `redress retention
// run`). Answers whether it ran any.
Result<bool> ExecuteApprovedDisposalRuns(Store& store, const Clock& clock,
                                         const DisposalPorts& ports);

}  // namespace redress::app
