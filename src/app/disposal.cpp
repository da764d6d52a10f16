#include "app/disposal.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/permissions.hpp"

namespace redress::app {
namespace {

// The configuration entity the retention periods' events are on.
constexpr std::string_view kRetentionEntity = "retention";

Status RequireAdministrator(const Actor& actor) {
  if (core::Allows(actor.role, core::Permission::kManageConfiguration)) return {};
  return core::Fail(core::ErrorCode::kForbidden,
                    "only administrators manage retention and disposal");
}

std::string RunName(std::int64_t id) { return std::to_string(id); }

Status Append(Tx& tx, EntityType type, std::string_view ref, core::EventType event_type,
              const Clock& clock, const Actor& actor, std::string summary,
              std::vector<core::Change> changes = {}) {
  const core::CaseEvent event{event_type, clock.Today(),      actor.username,
                              0,          std::move(summary), std::move(changes)};
  return tx.Events().Append(type, ref, event);
}

// Disposes of one record in `tx` at `at` under run `run_id`: its personal data (the store), its
// events' content and, for a complaint, its service request's (who did what and when stays, not
// what was said), and an event saying so. Adds the files it marked removed to `files`.
Status DisposeOf(Tx& tx, const core::DisposalDecision& decision, std::int64_t run_id,
                 const std::string& at, const Clock& clock, const Actor& actor,
                 std::vector<std::string>& files) {
  EntityType entity = EntityType::kComplaint;
  core::EventType event = core::EventType::kComplaintDisposed;
  std::string service_request;
  switch (decision.record) {
    case core::RetainedRecord::kComplaint: {
      auto disposed = tx.Retention().DisposeOfComplaint(decision.reference, run_id, at);
      if (!disposed) return tl::unexpected(disposed.error());
      files.insert(files.end(), disposed->files.begin(), disposed->files.end());
      service_request = disposed->service_request;
      break;
    }
    case core::RetainedRecord::kServiceRequest: {
      entity = EntityType::kServiceRequest;
      event = core::EventType::kServiceRequestDisposed;
      auto removed = tx.Retention().DisposeOfServiceRequest(decision.reference, run_id, at);
      if (!removed) return tl::unexpected(removed.error());
      files.insert(files.end(), removed->begin(), removed->end());
      break;
    }
    case core::RetainedRecord::kSubjectAccessRequest:
      entity = EntityType::kSubjectAccessRequest;
      event = core::EventType::kSubjectAccessDisposed;
      if (Status done =
              tx.Retention().DisposeOfSubjectAccessRequest(decision.reference, run_id, at);
          !done) {
        return done;
      }
      break;
  }
  if (Status erased = tx.Events().EraseContent(entity, decision.reference, at); !erased) {
    return erased;
  }
  if (!service_request.empty()) {
    if (Status erased = tx.Events().EraseContent(EntityType::kServiceRequest, service_request, at);
        !erased) {
      return erased;
    }
  }
  return Append(tx, entity, decision.reference, event, clock, actor,
                "Personal data disposed of under disposal run " + RunName(run_id),
                {{"disposal_run", "", RunName(run_id)}});
}

// The facts of every record of the snapshot, for JudgeDisposal.
std::vector<core::DisposalFacts> FactsOf(const RetentionSnapshot& snapshot) {
  const auto later = core::LaterRelatedComplaints(snapshot.cases, snapshot.links);
  std::vector<core::DisposalFacts> all;
  all.reserve(snapshot.cases.size());
  for (const core::RetentionCase& c : snapshot.cases) {
    core::DisposalFacts facts;
    facts.record = c.record;
    facts.reference = c.reference;
    facts.regime = c.regime;
    facts.ended_on = c.ended_on;
    if (auto found = snapshot.open_ombudsman_cases.find(c.reference);
        found != snapshot.open_ombudsman_cases.end()) {
      facts.open_ombudsman_cases = found->second;
    }
    if (auto found = snapshot.unfinished_actions.find(c.reference);
        found != snapshot.unfinished_actions.end()) {
      facts.unfinished_actions = found->second;
    }
    if (auto found = snapshot.unfinished_ombudsman_remedies.find(c.reference);
        found != snapshot.unfinished_ombudsman_remedies.end()) {
      facts.unfinished_ombudsman_remedies = found->second;
    }
    if (auto found = later.find(c.reference); found != later.end()) {
      facts.later_complaints = found->second;
    }
    if (auto found = snapshot.holds.find(c.reference); found != snapshot.holds.end()) {
      facts.holds = found->second;
    }
    all.push_back(std::move(facts));
  }
  return all;
}

Result<core::RetentionSchedule> ScheduleIn(Tx& tx) {
  auto rules = tx.Retention().Rules();
  if (!rules) return tl::unexpected(rules.error());
  return core::RetentionSchedule(*rules);
}

// The run with every item (`actor` nullptr: the run's own work) or with the items `actor` sees.
Result<DisposalRunView> ViewIn(Tx& tx, std::int64_t id, const Actor* actor = nullptr) {
  auto run = tx.Retention().Run(id);
  if (!run) return tl::unexpected(run.error());
  if (!*run) {
    return core::Fail(core::ErrorCode::kNotFound,
                      "disposal run " + RunName(id) + " does not exist");
  }
  auto items = tx.Retention().Items(id);
  if (!items) return tl::unexpected(items.error());
  DisposalRunView view{std::move(**run), {}, 0};
  if (actor == nullptr) {
    view.items = std::move(*items);
    return view;
  }
  Visibility visibility(tx, *actor);
  for (DisposalRunItem& item : *items) {
    auto seen = visibility.SeesReference(item.decision.reference);
    if (!seen) return tl::unexpected(seen.error());
    if (*seen) {
      view.items.push_back(std::move(item));
    } else {
      ++view.hidden;
    }
  }
  return view;
}

// Loads the run, refuses it when it is not at `expected_version` (when given), lets `step` check
// and change it (given the run and its items), saves it with an event.
template <typename Step>
Result<DisposalRunView> ChangeRun(Store& store, const Clock& clock, const Actor& actor,
                                  std::int64_t id, std::optional<std::int64_t> expected_version,
                                  core::EventType type, Step&& step) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return WriteValue<DisposalRunView>(store, [&](Tx& tx) -> Result<DisposalRunView> {
    auto view = ViewIn(tx, id);
    if (!view) return view;
    if (expected_version && *expected_version != view->run.version) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        "disposal run " + RunName(id) + " is at version " +
                            std::to_string(view->run.version) + ", not " +
                            std::to_string(*expected_version) + ": someone changed it meanwhile");
    }
    auto summary = step(*view);
    if (!summary) return tl::unexpected(summary.error());
    if (Status saved = tx.Retention().UpdateRun(view->run); !saved) {
      return tl::unexpected(saved.error());
    }
    if (Status appended = Append(tx, EntityType::kDisposalRun, RunName(id), type, clock, actor,
                                 std::move(*summary));
        !appended) {
      return tl::unexpected(appended.error());
    }
    return ViewIn(tx, id, &actor);
  });
}

}  // namespace

Result<std::vector<core::RetentionRule>> ReadRetentionSchedule(Store& store, const Actor& actor) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return ReadValue<std::vector<core::RetentionRule>>(
      store, [](Tx& tx) -> Result<std::vector<core::RetentionRule>> {
        auto schedule = ScheduleIn(tx);
        if (!schedule) return tl::unexpected(schedule.error());
        return schedule->All();
      });
}

Result<std::vector<core::RetentionRule>> SetRetentionRule(Store& store, const Clock& clock,
                                                          const Actor& actor,
                                                          const core::RetentionRule& rule) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  if (Status checked = core::CheckRetentionRule(rule); !checked) {
    return tl::unexpected(checked.error());
  }
  return WriteValue<std::vector<core::RetentionRule>>(
      store, [&](Tx& tx) -> Result<std::vector<core::RetentionRule>> {
        auto before = ScheduleIn(tx);
        if (!before) return tl::unexpected(before.error());
        const int was = before->YearsFor(rule.record, rule.regime);
        if (Status saved = tx.Retention().SaveRule(rule, actor.username, clock.NowRfc3339());
            !saved) {
          return tl::unexpected(saved.error());
        }
        // "complaint.children.years", "service_request.years".
        const std::string regime =
            rule.regime ? std::string(core::ToString(*rule.regime)) + "." : std::string();
        const std::string field = std::string(core::ToString(rule.record)) + "." + regime + "years";
        const std::string what = rule.regime
                                     ? std::string(core::ToString(*rule.regime)) + " complaints"
                                     : std::string(core::ToString(rule.record)) + " records";
        if (Status appended =
                Append(tx, EntityType::kConfiguration, kRetentionEntity,
                       core::EventType::kRetentionRuleChanged, clock, actor,
                       "Retention of " + what + " set to " +
                           std::to_string(rule.years_after_closure) + " years after they end",
                       {{field, std::to_string(was), std::to_string(rule.years_after_closure)}});
            !appended) {
          return tl::unexpected(appended.error());
        }
        auto after = ScheduleIn(tx);
        if (!after) return tl::unexpected(after.error());
        return after->All();
      });
}

Result<std::vector<RetentionHoldRecord>> ListHolds(Store& store, const Actor& actor,
                                                   std::string_view reference) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return ReadValue<std::vector<RetentionHoldRecord>>(
      store, [&](Tx& tx) -> Result<std::vector<RetentionHoldRecord>> {
        Visibility visibility(tx, actor);
        auto found = visibility.Finds(reference);
        if (!found) return tl::unexpected(found.error());
        if (!*found || !reference.starts_with("CMP-")) {
          return core::Fail(core::ErrorCode::kNotFound,
                            "complaint " + std::string(reference) + " does not exist");
        }
        return tx.Retention().HoldsOf(reference);
      });
}

Result<RetentionHoldRecord> PlaceHold(Store& store, const Clock& clock, const Actor& actor,
                                      std::string_view reference, core::HoldKind kind,
                                      const std::string& reason) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  if (Status checked = core::CheckHold(kind, reason); !checked) {
    return tl::unexpected(checked.error());
  }
  return WriteValue<RetentionHoldRecord>(store, [&](Tx& tx) -> Result<RetentionHoldRecord> {
    Visibility visibility(tx, actor);
    auto found = visibility.Finds(reference);
    if (!found) return tl::unexpected(found.error());
    if (!*found || !reference.starts_with("CMP-")) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "complaint " + std::string(reference) + " does not exist");
    }
    RetentionHoldRecord hold;
    hold.reference = std::string(reference);
    hold.kind = kind;
    hold.reason = reason;
    hold.placed_by = actor.username;
    hold.placed_at = clock.NowRfc3339();
    auto id = tx.Retention().AddHold(hold);
    if (!id) return tl::unexpected(id.error());
    hold.id = *id;
    if (Status appended = Append(
            tx, EntityType::kComplaint, reference, core::EventType::kRetentionHoldPlaced, clock,
            actor, "Hold on disposal placed (" + std::string(core::ToString(kind)) + ")",
            {{"hold", "", std::to_string(hold.id)},
             {"kind", "", std::string(core::ToString(kind))},
             {"reason", "", reason}});
        !appended) {
      return tl::unexpected(appended.error());
    }
    return hold;
  });
}

Result<RetentionHoldRecord> ReleaseHold(Store& store, const Clock& clock, const Actor& actor,
                                        std::int64_t hold_id, const std::string& reason) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  if (Status checked = core::CheckHold(core::HoldKind::kManual, reason); !checked) {
    return tl::unexpected(checked.error());
  }
  return WriteValue<RetentionHoldRecord>(store, [&](Tx& tx) -> Result<RetentionHoldRecord> {
    auto hold = tx.Retention().Hold(hold_id);
    if (!hold) return tl::unexpected(hold.error());
    if (!*hold) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "hold " + std::to_string(hold_id) + " does not exist");
    }
    Visibility visibility(tx, actor);
    auto found = visibility.Finds((*hold)->reference);
    if (!found) return tl::unexpected(found.error());
    if (!*found) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "hold " + std::to_string(hold_id) + " does not exist");
    }
    if (!(*hold)->released_at.empty()) {
      return core::Fail(core::ErrorCode::kTransitionNotAllowed,
                        "hold " + std::to_string(hold_id) + " was released already");
    }
    RetentionHoldRecord released = **hold;
    released.released_by = actor.username;
    released.released_at = clock.NowRfc3339();
    released.release_reason = reason;
    if (Status saved = tx.Retention().ReleaseHold(released); !saved) {
      return tl::unexpected(saved.error());
    }
    if (Status appended = Append(
            tx, EntityType::kComplaint, released.reference, core::EventType::kRetentionHoldReleased,
            clock, actor, "Hold on disposal released",
            {{"hold", std::to_string(released.id), ""}, {"release_reason", "", reason}});
        !appended) {
      return tl::unexpected(appended.error());
    }
    return released;
  });
}

Result<DisposalRunView> StartDisposalDryRun(Store& store, const Clock& clock, const Actor& actor) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return WriteValue<DisposalRunView>(store, [&](Tx& tx) -> Result<DisposalRunView> {
    auto schedule = ScheduleIn(tx);
    if (!schedule) return tl::unexpected(schedule.error());
    auto snapshot = tx.Retention().Snapshot();
    if (!snapshot) return tl::unexpected(snapshot.error());
    DisposalRunRecord run;
    run.state = core::DisposalRunState::kDryRun;
    run.as_of = clock.Today();
    run.created_by = actor.username;
    run.created_at = clock.NowRfc3339();
    std::vector<DisposalRunItem> items;
    for (const core::DisposalFacts& facts : FactsOf(*snapshot)) {
      DisposalRunItem item;
      item.decision = core::JudgeDisposal(facts, *schedule, run.as_of);
      if (item.decision.verdict == core::DisposalVerdict::kDispose) {
        ++run.to_dispose;
      } else {
        ++run.kept;
      }
      items.push_back(std::move(item));
    }
    auto id = tx.Retention().AddRun(run, items);
    if (!id) return tl::unexpected(id.error());
    if (Status appended =
            Append(tx, EntityType::kDisposalRun, RunName(*id), core::EventType::kDisposalDryRun,
                   clock, actor,
                   "Disposal dry run: " + std::to_string(run.to_dispose) +
                       " records would be disposed of, " + std::to_string(run.kept) + " kept",
                   {{"to_dispose", "", std::to_string(run.to_dispose)},
                    {"kept", "", std::to_string(run.kept)}});
        !appended) {
      return tl::unexpected(appended.error());
    }
    return ViewIn(tx, *id, &actor);
  });
}

Result<std::vector<DisposalRunRecord>> ListDisposalRuns(Store& store, const Actor& actor) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return ReadValue<std::vector<DisposalRunRecord>>(store,
                                                   [](Tx& tx) { return tx.Retention().Runs(); });
}

Result<DisposalRunView> ReadDisposalRun(Store& store, const Actor& actor, std::int64_t id) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  return ReadValue<DisposalRunView>(store, [&](Tx& tx) { return ViewIn(tx, id, &actor); });
}

Result<DisposalRunView> ApproveDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                           std::int64_t id,
                                           std::optional<std::int64_t> expected_version) {
  return ChangeRun(store, clock, actor, id, expected_version, core::EventType::kDisposalApproved,
                   [&](DisposalRunView& view) -> Result<std::string> {
                     DisposalRunRecord& run = view.run;
                     if (Status ok = core::CheckApproval(run.state, run.created_by, actor.username);
                         !ok) {
                       return tl::unexpected(ok.error());
                     }
                     run.state = core::DisposalRunState::kApproved;
                     run.approved_by = actor.username;
                     run.approved_at = clock.NowRfc3339();
                     return "Disposal run approved: " + std::to_string(run.to_dispose) +
                            " records to dispose of";
                   });
}

Result<DisposalRunView> CancelDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                          std::int64_t id,
                                          std::optional<std::int64_t> expected_version) {
  return ChangeRun(store, clock, actor, id, expected_version, core::EventType::kDisposalCancelled,
                   [&](DisposalRunView& view) -> Result<std::string> {
                     DisposalRunRecord& run = view.run;
                     if (Status ok = core::CheckCancellation(run.state); !ok) {
                       return tl::unexpected(ok.error());
                     }
                     run.state = core::DisposalRunState::kCancelled;
                     run.finished_by = actor.username;
                     run.finished_at = clock.NowRfc3339();
                     return std::string("Disposal run cancelled");
                   });
}

Result<DisposalRunView> ExecuteDisposalRun(Store& store, const Clock& clock, const Actor& actor,
                                           std::int64_t id, const DisposalPorts& ports) {
  if (Status allowed = RequireAdministrator(actor); !allowed) {
    return tl::unexpected(allowed.error());
  }
  // The run as approved, and today's verdict on each complaint it listed for disposal.
  struct Plan {
    DisposalRunRecord run;
    std::vector<DisposalRunItem> to_do;  // listed for disposal, not yet disposed of
  };
  auto plan = ReadValue<Plan>(store, [&](Tx& tx) -> Result<Plan> {
    auto view = ViewIn(tx, id);
    if (!view) return tl::unexpected(view.error());
    if (Status ok = core::CheckRunnable(view->run.state); !ok) return tl::unexpected(ok.error());
    auto schedule = ScheduleIn(tx);
    if (!schedule) return tl::unexpected(schedule.error());
    auto snapshot = tx.Retention().Snapshot();
    if (!snapshot) return tl::unexpected(snapshot.error());
    std::map<std::string, core::DisposalFacts> facts;
    for (core::DisposalFacts& f : FactsOf(*snapshot)) facts.emplace(f.reference, std::move(f));
    Plan p{view->run, {}};
    for (DisposalRunItem& item : view->items) {
      if (item.decision.verdict != core::DisposalVerdict::kDispose) continue;
      if (!item.disposed_at.empty()) continue;
      auto found = facts.find(item.decision.reference);
      if (found == facts.end()) continue;  // disposed of meanwhile by another run
      const core::DisposalDecision now =
          core::JudgeDisposal(found->second, *schedule, clock.Today());
      item.kept_at_run = now.kept_because;
      p.to_do.push_back(std::move(item));
    }
    return p;
  });
  if (!plan) return tl::unexpected(plan.error());

  std::vector<std::string> removed_files;
  for (std::size_t start = 0; start < plan->to_do.size(); start += kDisposalBatchSize) {
    const std::size_t end = std::min(plan->to_do.size(), start + kDisposalBatchSize);
    Status batch = store.Write([&](Tx& tx) -> Status {
      for (std::size_t i = start; i < end; ++i) {
        DisposalRunItem& item = plan->to_do[i];
        if (item.kept_at_run.empty()) {
          item.disposed_at = clock.NowRfc3339();
          if (Status disposed =
                  DisposeOf(tx, item.decision, id, item.disposed_at, clock, actor, removed_files);
              !disposed) {
            return disposed;
          }
        }
        if (Status saved = tx.Retention().UpdateItem(id, item); !saved) return saved;
      }
      return {};
    });
    if (!batch) return tl::unexpected(batch.error());
  }

  // The files of disposed cases that no kept attachment shares.
  if (ports.files != nullptr && !removed_files.empty()) {
    std::unique_lock<std::shared_mutex> content_lock;
    if (ports.content_mutex != nullptr) {
      content_lock = std::unique_lock<std::shared_mutex>(*ports.content_mutex);
    }
    auto keep = ReadValue<std::vector<std::string>>(
        store, [](Tx& tx) { return tx.Attachments().ReferencedContent(); });
    if (!keep) return tl::unexpected(keep.error());
    const std::set<std::string> kept(keep->begin(), keep->end());
    for (const std::string& sha256 :
         std::set<std::string>(removed_files.begin(), removed_files.end())) {
      if (kept.contains(sha256)) continue;
      if (Status removed = ports.files->Remove(sha256); !removed) {
        return tl::unexpected(removed.error());
      }
    }
  }

  // What the erasures leave behind in the engine (the full-text index's old entries, freed pages,
  // the WAL) goes before the run is recorded as completed.
  if (!plan->to_do.empty()) {
    if (Status purged = store.PurgeErasedTraces(); !purged) return tl::unexpected(purged.error());
  }
  return ChangeRun(store, clock, actor, id, std::nullopt, core::EventType::kDisposalCompleted,
                   [&](DisposalRunView& view) -> Result<std::string> {
                     DisposalRunRecord& run = view.run;
                     if (Status ok = core::CheckRunnable(run.state); !ok) {
                       return tl::unexpected(ok.error());
                     }
                     // From what the items say, so a rerun after a crash counts the first part.
                     run.disposed = static_cast<std::int64_t>(std::count_if(
                         view.items.begin(), view.items.end(),
                         [](const DisposalRunItem& item) { return !item.disposed_at.empty(); }));
                     run.kept = static_cast<std::int64_t>(view.items.size()) - run.disposed;
                     run.state = core::DisposalRunState::kCompleted;
                     run.finished_by = actor.username;
                     run.finished_at = clock.NowRfc3339();
                     return "Disposal run completed: " + std::to_string(run.disposed) +
                            " records disposed of, " + std::to_string(run.kept) + " kept";
                   });
}

Result<bool> ExecuteApprovedDisposalRuns(Store& store, const Clock& clock,
                                         const DisposalPorts& ports) {
  auto runs = ReadValue<std::vector<DisposalRunRecord>>(
      store, [](Tx& tx) { return tx.Retention().Runs(); });
  if (!runs) return tl::unexpected(runs.error());
  bool ran = false;
  for (const DisposalRunRecord& run : *runs) {
    if (run.state != core::DisposalRunState::kApproved) continue;
    // On the approver's authority: the run's events name them.
    const Actor approver{run.approved_by, core::Role::kAdmin, "", Reach::kEverything};
    auto done = ExecuteDisposalRun(store, clock, approver, run.id, ports);
    if (!done) return tl::unexpected(done.error());
    ran = true;
  }
  return ran;
}

}  // namespace redress::app
