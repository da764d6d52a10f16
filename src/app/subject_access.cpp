#include "app/subject_access.hpp"

#include <algorithm>
#include <utility>

#include "app/store_values.hpp"
#include "core/ombudsman.hpp"  // core::Diff, core::FieldValues
#include "core/permissions.hpp"

namespace redress::app {
namespace {

SubjectAccessView ViewOf(const core::WorkingCalendar& calendar, core::SubjectAccessRequest request,
                         core::Date today) {
  SubjectAccessView view;
  view.clock_starts_on = core::ClockStartsOn(request);
  view.due_on = core::DueOn(calendar, request);
  view.overdue = core::IsOverdue(calendar, request, today);
  view.request = std::move(request);
  return view;
}

Result<SubjectAccessView> ViewIn(Tx& tx, const Clock& clock, core::SubjectAccessRequest request) {
  auto calendar = LoadCalendar(tx);
  if (!calendar) return tl::unexpected(calendar.error());
  return ViewOf(**calendar, std::move(request), clock.Today());
}

std::string DateText(const std::optional<core::Date>& on) { return on ? on->ToIso() : ""; }

// Every field of a request as the audit trail names it, for the changes of its events.
core::FieldValues FieldsOf(const core::SubjectAccessRequest& r) {
  return {
      {"requester_name", r.requester_name},
      {"requester_email", r.requester_email},
      {"requester_phone", r.requester_phone},
      {"requester_address", r.requester_address},
      {"requester_postcode", r.requester_postcode},
      {"subject_name", r.subject_name},
      {"details", r.details},
      {"received_on", r.received_on.ToIso()},
      {"identity_confirmed_on", DateText(r.identity_confirmed_on)},
      {"status", std::string(core::ToString(r.status))},
      {"extension_months", r.extension ? std::to_string(r.extension->months) : ""},
      {"extension_reason", r.extension ? r.extension->reason : ""},
      {"extension_told_on", r.extension ? r.extension->told_on.ToIso() : ""},
      {"completed_on", DateText(r.completed_on)},
      {"withdrawn_on", DateText(r.withdrawn_on)},
      {"withdrawal_reason", r.withdrawal_reason},
  };
}

// Every field that differs (core::Diff); every non-blank one for a new record.
std::vector<core::Change> Changes(const std::optional<core::SubjectAccessRequest>& before,
                                  const core::SubjectAccessRequest& after) {
  return core::Diff(before ? FieldsOf(*before) : core::FieldValues(), FieldsOf(after));
}

Status AppendEventIn(Tx& tx, const Actor& actor, core::EventType type, core::Date on,
                     const std::string& summary,
                     const std::optional<core::SubjectAccessRequest>& before,
                     const core::SubjectAccessRequest& after) {
  core::CaseEvent event{type, on, actor.username, 0, summary, Changes(before, after)};
  return tx.Events().Append(EntityType::kSubjectAccessRequest, after.reference, event);
}

// Loads the request, checks the version, lets `step` produce the next request (or refuse), saves
// it and appends the event dated `on`.
template <typename Step>
Result<SubjectAccessView> Change(Store& store, const Clock& clock, const Actor& actor,
                                 std::string_view reference,
                                 std::optional<std::int64_t> expected_version, core::EventType type,
                                 core::Date on, const std::string& summary, Step&& step) {
  return WriteValue<SubjectAccessView>(store, [&](Tx& tx) -> Result<SubjectAccessView> {
    auto before = tx.SubjectAccess().Load(reference);
    if (!before) return tl::unexpected(before.error());
    if (expected_version && *expected_version != before->version) {
      return core::Fail(core::ErrorCode::kStaleVersion,
                        "subject access request " + before->reference + " is at version " +
                            std::to_string(before->version) + ", not " +
                            std::to_string(*expected_version) + ": someone changed it meanwhile");
    }
    auto calendar = LoadCalendar(tx);
    if (!calendar) return tl::unexpected(calendar.error());
    Result<core::SubjectAccessRequest> next = step(**calendar, *before);
    if (!next) return tl::unexpected(next.error());
    auto saved = tx.SubjectAccess().Update(std::move(*next), before->version);
    if (!saved) return tl::unexpected(saved.error());
    if (Status appended = AppendEventIn(tx, actor, type, on, summary, *before, *saved); !appended) {
      return tl::unexpected(appended.error());
    }
    return ViewOf(**calendar, std::move(*saved), clock.Today());
  });
}

}  // namespace

Result<SubjectAccessView> CreateSubjectAccessRequest(Store& store, const Clock& clock,
                                                     const Actor& actor,
                                                     core::SubjectAccessRequest request) {
  request.status = core::SubjectAccessStatus::kReceived;
  request.extension.reset();
  request.completed_on.reset();
  request.withdrawn_on.reset();
  request.withdrawal_reason.clear();
  if (Status checked = core::CheckNewSubjectAccessRequest(request, clock.Today()); !checked) {
    return tl::unexpected(checked.error());
  }
  return WriteValue<SubjectAccessView>(store, [&](Tx& tx) -> Result<SubjectAccessView> {
    auto saved = tx.SubjectAccess().Insert(request, request.received_on.year());
    if (!saved) return tl::unexpected(saved.error());
    if (Status appended = AppendEventIn(
            tx, actor, core::EventType::kSubjectAccessReceived, saved->received_on,
            "Subject access request received from " + saved->requester_name, std::nullopt, *saved);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return ViewIn(tx, clock, std::move(*saved));
  });
}

Result<SubjectAccessView> GetSubjectAccessRequest(Store& store, const Clock& clock,
                                                  std::string_view reference) {
  return ReadValue<SubjectAccessView>(store, [&](Tx& tx) -> Result<SubjectAccessView> {
    auto request = tx.SubjectAccess().Load(reference);
    if (!request) return tl::unexpected(request.error());
    auto history = tx.Events().EventsOf(EntityType::kSubjectAccessRequest, request->reference);
    if (!history) return tl::unexpected(history.error());
    auto view = ViewIn(tx, clock, std::move(*request));
    if (view) view->history = std::move(*history);
    return view;
  });
}

Result<std::vector<SubjectAccessView>> ListSubjectAccessRequests(Store& store, const Clock& clock,
                                                                 bool open_only) {
  return ReadValue<std::vector<SubjectAccessView>>(
      store, [&](Tx& tx) -> Result<std::vector<SubjectAccessView>> {
        auto calendar = LoadCalendar(tx);
        if (!calendar) return tl::unexpected(calendar.error());
        auto requests = tx.SubjectAccess().List();
        if (!requests) return tl::unexpected(requests.error());
        std::vector<SubjectAccessView> views;
        for (auto it = requests->rbegin(); it != requests->rend(); ++it) {
          if (open_only && !core::IsOpen(*it)) continue;
          views.push_back(ViewOf(**calendar, std::move(*it), clock.Today()));
        }
        return views;
      });
}

Result<SubjectAccessView> ExtendSubjectAccessRequest(Store& store, const Clock& clock,
                                                     const Actor& actor, std::string_view reference,
                                                     const core::SubjectAccessExtension& extension,
                                                     std::optional<std::int64_t> expected_version) {
  return Change(store, clock, actor, reference, expected_version,
                core::EventType::kSubjectAccessExtended, clock.Today(),
                "Subject access request extended by " + std::to_string(extension.months) +
                    (extension.months == 1 ? " month" : " months") + ": " + extension.reason,
                [&](const core::WorkingCalendar& calendar, const core::SubjectAccessRequest& r) {
                  return core::Extend(calendar, r, extension, clock.Today());
                });
}

Result<SubjectAccessView> CompleteSubjectAccessRequest(
    Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
    core::Date completed_on, std::optional<std::int64_t> expected_version) {
  return Change(store, clock, actor, reference, expected_version,
                core::EventType::kSubjectAccessCompleted, completed_on,
                "Subject access request answered",
                [&](const core::WorkingCalendar&, const core::SubjectAccessRequest& r) {
                  return core::Complete(r, completed_on, clock.Today());
                });
}

Result<SubjectAccessView> WithdrawSubjectAccessRequest(
    Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
    core::Date withdrawn_on, const std::string& reason,
    std::optional<std::int64_t> expected_version) {
  return Change(store, clock, actor, reference, expected_version,
                core::EventType::kSubjectAccessWithdrawn, withdrawn_on,
                "Subject access request withdrawn: " + reason,
                [&](const core::WorkingCalendar&, const core::SubjectAccessRequest& r) {
                  return core::Withdraw(r, withdrawn_on, reason, clock.Today());
                });
}

Result<std::vector<core::OverdueItem>> OverdueSubjectAccessItems(Tx& tx, const Actor& actor,
                                                                 core::Date today) {
  std::vector<core::OverdueItem> items;
  if (!core::Allows(actor.role, core::Permission::kManageSubjectAccess)) return items;
  auto calendar = LoadCalendar(tx);
  if (!calendar) return tl::unexpected(calendar.error());
  auto requests = tx.SubjectAccess().List();
  if (!requests) return tl::unexpected(requests.error());
  for (const core::SubjectAccessRequest& request : *requests) {
    if (!core::IsOverdue(**calendar, request, today)) continue;
    const core::Date due_on = core::DueOn(**calendar, request);
    items.push_back({core::OverdueKind::kSubjectAccess, request.reference, -1,
                     "Subject access request from " + request.requester_name, due_on,
                     due_on.DaysUntil(today)});
  }
  return items;
}

}  // namespace redress::app
