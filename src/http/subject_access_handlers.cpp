#include "http/subject_access_handlers.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include "http/handlers.hpp"
#include "http/json_reader.hpp"
#include "http/json_writer.hpp"
#include "http/responses.hpp"
#include "http/versioned_endpoints.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kRequests = "/api/v1/subject-access-requests";
constexpr std::int64_t kMaxMonths = 1000;

json ExtensionJson(const std::optional<core::SubjectAccessExtension>& extension) {
  if (!extension) return json();
  return {{"months", extension->months},
          {"reason", extension->reason},
          {"told_on", extension->told_on.ToIso()}};
}

json HistoryJson(const std::vector<app::StoredEvent>& history) {
  json events = json::array();
  for (const app::StoredEvent& stored : history) {
    events.push_back({{"type", core::ToString(stored.event.type)},
                      {"occurred_on", stored.event.occurred_on.ToIso()},
                      {"actor", stored.event.actor},
                      {"summary", stored.event.summary},
                      {"recorded_at", stored.recorded_at}});
  }
  return events;
}

Response Answer(int status, const core::Result<app::SubjectAccessView>& view,
                const Request& request, bool with_history = false) {
  if (!view) return Problem(view.error(), request);
  json body = SubjectAccessToJson(*view);
  if (with_history) body["history"] = HistoryJson(view->history);
  return VersionedAnswer(status, std::move(body), view->request.version, kRequests,
                         view->request.reference);
}

// A step: the reference from the path, the body by `parse`, the version from If-Match, then
// `step(reference, input, version)`.
template <typename Parse, typename Step>
Response StepAnswer(const Request& request, Parse&& parse, Step&& step) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto input = parse(*body);
  if (!input) return Problem(input.error(), request);
  auto version = OptionalVersionOf(request);
  if (!version) return Problem(version.error(), request);
  return Answer(kOk, step(PathParam(request, "reference"), *input, *version), request);
}

struct Withdrawal {
  core::Date on;
  std::string reason;
};

// ?status=open: only the open requests; all (or none given): every one.
core::Result<bool> OpenOnlyOf(const Request& request) {
  auto status = request.query.find("status");
  if (status == request.query.end() || status->second.empty() || status->second == "all") {
    return false;
  }
  if (status->second == "open") return true;
  return core::FailField("status", "must be open or all, got '" + status->second + "'",
                         core::FieldErrorCode::kNotInList);
}

core::Result<core::SubjectAccessExtension> ParseExtension(const json& body) {
  return ReadBody<core::SubjectAccessExtension>(body, [](ObjectReader& reader) {
    core::SubjectAccessExtension extension;
    extension.months = static_cast<int>(
        reader.Integer("months", Presence::kRequired, -kMaxMonths, kMaxMonths).value_or(0));
    extension.reason = reader.Text("reason", Presence::kRequired);
    extension.told_on = reader.Date("told_on", Presence::kRequired).value_or(core::Date());
    return extension;
  });
}

core::Result<core::Date> ParseCompletion(const json& body) {
  return ReadBody<core::Date>(body, [](ObjectReader& reader) {
    return reader.Date("completed_on", Presence::kRequired).value_or(core::Date());
  });
}

core::Result<Withdrawal> ParseWithdrawal(const json& body) {
  return ReadBody<Withdrawal>(body, [](ObjectReader& reader) {
    Withdrawal withdrawal;
    withdrawal.on = reader.Date("withdrawn_on", Presence::kRequired).value_or(core::Date());
    withdrawal.reason = reader.Text("reason", Presence::kRequired);
    return withdrawal;
  });
}

}  // namespace

core::Result<core::SubjectAccessRequest> ParseNewSubjectAccessRequest(const json& body,
                                                                      core::Date today) {
  if (!body.is_object()) {
    return core::FailField("body", "must be a JSON object", core::FieldErrorCode::kMalformed);
  }
  InputErrors errors;
  ObjectReader reader(body, "", errors);
  core::SubjectAccessRequest request;
  request.requester_name = reader.Text("requester_name", Presence::kRequired);
  request.requester_email = reader.Text("requester_email");
  request.requester_phone = reader.Text("requester_phone");
  request.requester_address = reader.Text("requester_address");
  request.requester_postcode = reader.Text("requester_postcode");
  request.subject_name = reader.Text("subject_name");
  request.details = reader.Text("details", Presence::kRequired);
  const std::optional<core::Date> received_on = reader.Date("received_on", Presence::kRequired);
  request.received_on = received_on.value_or(today);
  request.identity_confirmed_on = reader.Date("identity_confirmed_on", Presence::kOptional);
  reader.Finish();
  // The core's checks of what was read, in the same answer; a field the mapping refused already
  // (absent) is not named twice.
  if (core::Status checked = core::CheckNewSubjectAccessRequest(request, today); !checked) {
    for (const core::FieldError& field : checked.error().fields) {
      const bool absent = !body.contains(field.field) || body[field.field].is_null();
      if (absent && field.code == core::FieldErrorCode::kRequired) continue;
      errors.Invalid(field.field, field.message, field.code);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return request;
}

json SubjectAccessToJson(const app::SubjectAccessView& view) {
  const core::SubjectAccessRequest& r = view.request;
  return {
      {"reference", r.reference},
      {"version", r.version},
      {"status", core::ToString(r.status)},
      {"requester_name", r.requester_name},
      {"requester_email", r.requester_email},
      {"requester_phone", r.requester_phone},
      {"requester_address", r.requester_address},
      {"requester_postcode", r.requester_postcode},
      {"subject_name", r.subject_name},
      {"details", r.details},
      {"received_on", r.received_on.ToIso()},
      {"identity_confirmed_on", DateOrNull(r.identity_confirmed_on)},
      {"clock_starts_on", view.clock_starts_on.ToIso()},
      {"due_on", view.due_on.ToIso()},
      {"overdue", view.overdue},
      {"extension", ExtensionJson(r.extension)},
      {"completed_on", DateOrNull(r.completed_on)},
      {"withdrawn_on", DateOrNull(r.withdrawn_on)},
      {"withdrawal_reason", TextOrNull(r.withdrawal_reason)},
  };
}

void RegisterSubjectAccessRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string requests(kRequests);
  const std::string one = requests + "/{reference}";

  router.Add(
      {"GET", requests, kAuth, P::kManageSubjectAccess, [&store, &clock](const Request& request) {
         auto open_only = OpenOnlyOf(request);
         if (!open_only) return Problem(open_only.error(), request);
         auto listed = app::ListSubjectAccessRequests(store, clock, *open_only);
         if (!listed) return Problem(listed.error(), request);
         json items = json::array();
         for (const app::SubjectAccessView& view : *listed) {
           items.push_back(SubjectAccessToJson(view));
         }
         return JsonAnswer(kOk, {{"items", std::move(items)}});
       }});
  router.Add(
      {"POST", requests, kAuth, P::kManageSubjectAccess, [&store, &clock](const Request& request) {
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto input = ParseNewSubjectAccessRequest(*body, clock.Today());
         if (!input) return Problem(input.error(), request);
         return Answer(
             kCreated,
             app::CreateSubjectAccessRequest(store, clock, *request.actor, std::move(*input)),
             request);
       }});
  router.Add({"GET", one, kAuth, P::kManageSubjectAccess, [&store, &clock](const Request& request) {
                return Answer(
                    kOk,
                    app::GetSubjectAccessRequest(store, clock, PathParam(request, "reference")),
                    request, true);
              }});
  router.Add({"POST", one + "/extend", kAuth, P::kManageSubjectAccess,
              [&store, &clock](const Request& request) {
                return StepAnswer(
                    request, ParseExtension,
                    [&](const std::string& reference, const core::SubjectAccessExtension& extension,
                        std::optional<std::int64_t> version) {
                      return app::ExtendSubjectAccessRequest(store, clock, *request.actor,
                                                             reference, extension, version);
                    });
              }});
  router.Add({"POST", one + "/complete", kAuth, P::kManageSubjectAccess,
              [&store, &clock](const Request& request) {
                return StepAnswer(request, ParseCompletion,
                                  [&](const std::string& reference, core::Date on,
                                      std::optional<std::int64_t> version) {
                                    return app::CompleteSubjectAccessRequest(
                                        store, clock, *request.actor, reference, on, version);
                                  });
              }});
  router.Add({"POST", one + "/withdraw", kAuth, P::kManageSubjectAccess,
              [&store, &clock](const Request& request) {
                return StepAnswer(request, ParseWithdrawal,
                                  [&](const std::string& reference, const Withdrawal& withdrawal,
                                      std::optional<std::int64_t> version) {
                                    return app::WithdrawSubjectAccessRequest(
                                        store, clock, *request.actor, reference, withdrawal.on,
                                        withdrawal.reason, version);
                                  });
              }});
}

}  // namespace redress::http
