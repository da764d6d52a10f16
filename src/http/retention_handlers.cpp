#include "http/retention_handlers.hpp"

#include <charconv>
#include <cstdint>
#include <string>

#include "app/disposal.hpp"
#include "app/redaction.hpp"
#include "core/redaction.hpp"
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
constexpr EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
constexpr core::RetainedRecord kRecords[] = {core::RetainedRecord::kComplaint,
                                             core::RetainedRecord::kServiceRequest,
                                             core::RetainedRecord::kSubjectAccessRequest};
constexpr EnumDomain<core::RetainedRecord> kRecordDomain{kRecords, core::ParseRetainedRecord};
constexpr core::HoldKind kHoldKinds[] = {core::HoldKind::kLegalProceedings,
                                         core::HoldKind::kManual};
constexpr EnumDomain<core::HoldKind> kHoldKindDomain{kHoldKinds, core::ParseHoldKind};
constexpr std::int64_t kMaxYears = 1000;
constexpr std::string_view kRunsPath = "/api/v1/disposal-runs";

json RulesJson(const std::vector<core::RetentionRule>& rules) {
  json items = json::array();
  for (const core::RetentionRule& rule : rules) {
    json item = {{"record", core::ToString(rule.record)},
                 {"years_after_closure", rule.years_after_closure}};
    // Only a complaint's period is per regime: the others' rules have none.
    if (rule.regime) item["regime"] = core::ToString(*rule.regime);
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

json HoldJson(const app::RetentionHoldRecord& hold) {
  return {{"id", hold.id},
          {"reference", hold.reference},
          {"kind", core::ToString(hold.kind)},
          {"reason", hold.reason},
          {"placed_by", hold.placed_by},
          {"placed_at", hold.placed_at},
          {"in_force", hold.released_at.empty()},
          {"released_by", TextOrNull(hold.released_by)},
          {"released_at", TextOrNull(hold.released_at)},
          {"release_reason", TextOrNull(hold.release_reason)}};
}

json KeptJson(const std::vector<core::KeptBecause>& kept) {
  json array = json::array();
  for (const core::KeptBecause& k : kept) {
    array.push_back({{"reason", core::ToString(k.reason)}, {"detail", k.detail}});
  }
  return array;
}

json RunJson(const app::DisposalRunRecord& run) {
  return {{"id", run.id},
          {"version", run.version},
          {"state", core::ToString(run.state)},
          {"as_of", run.as_of.ToIso()},
          {"created_by", run.created_by},
          {"created_at", run.created_at},
          {"approved_by", TextOrNull(run.approved_by)},
          {"approved_at", TextOrNull(run.approved_at)},
          {"finished_by", TextOrNull(run.finished_by)},
          {"finished_at", TextOrNull(run.finished_at)},
          {"to_dispose", run.to_dispose},
          {"kept", run.kept},
          {"disposed", run.disposed}};
}

json RunViewJson(const app::DisposalRunView& view) {
  json body = RunJson(view.run);
  json items = json::array();
  for (const app::DisposalRunItem& item : view.items) {
    items.push_back({{"record", core::ToString(item.decision.record)},
                     {"reference", item.decision.reference},
                     {"verdict", core::ToString(item.decision.verdict)},
                     {"disposable_from", DateOrNull(item.decision.disposable_from)},
                     {"kept_because", KeptJson(item.decision.kept_because)},
                     {"disposed_at", TextOrNull(item.disposed_at)},
                     {"kept_at_run", KeptJson(item.kept_at_run)}});
  }
  body["items"] = std::move(items);
  body["hidden_items"] = view.hidden;
  return body;
}

// The number in the path; one that is not a number names nothing.
core::Result<std::int64_t> IdOf(const Request& request, std::string_view what) {
  const std::string& text = PathParam(request, "id");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    return core::Fail(core::ErrorCode::kNotFound,
                      std::string(what) + " " + text + " does not exist");
  }
  return id;
}

// The run with its version as the ETag (approve and cancel take it as If-Match), and its
// Location when it was just made.
Response RunAnswer(int status, const core::Result<app::DisposalRunView>& view,
                   const Request& request) {
  if (!view) return Problem(view.error(), request);
  return VersionedAnswer(status, RunViewJson(*view), view->run.version, kRunsPath,
                         std::to_string(view->run.id));
}

// A step on run {id} at the If-Match version, when given.
template <typename Step>
Response RunStep(const Request& request, Step&& step) {
  auto id = IdOf(request, "disposal run");
  if (!id) return Problem(id.error(), request);
  auto version = OptionalVersionOf(request);
  if (!version) return Problem(version.error(), request);
  return RunAnswer(kOk, step(*id, *version), request);
}

// The body read by `read`, then the core's checks of what was read (`check`), every offending
// field in one answer; a field the reading found absent is not named twice.
template <typename T, typename Read, typename Check>
core::Result<T> ReadChecked(const json& body, Read&& read, Check&& check) {
  if (!body.is_object()) {
    return core::FailField("body", "must be a JSON object", core::FieldErrorCode::kMalformed);
  }
  InputErrors errors;
  ObjectReader reader(body, "", errors);
  T value = read(reader);
  reader.Finish();
  if (core::Status checked = check(value); !checked) {
    for (const core::FieldError& field : checked.error().fields) {
      const bool absent = !body.contains(field.field) || body[field.field].is_null();
      if (absent && field.code == core::FieldErrorCode::kRequired) continue;
      errors.Invalid(field.field, field.message, field.code);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return value;
}

struct HoldInput {
  core::HoldKind kind = core::HoldKind::kManual;
  std::string reason;
};

}  // namespace

void RegisterRetentionRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string rules = "/api/v1/retention/rules";
  const std::string holds = "/api/v1/complaints/{reference}/holds";
  const std::string runs(kRunsPath);
  const std::string run = runs + "/{id}";

  router.Add({"GET", rules, kAuth, P::kManageConfiguration, [&store](const Request& request) {
                auto listed = app::ReadRetentionSchedule(store, *request.actor);
                if (!listed) return Problem(listed.error(), request);
                return JsonAnswer(kOk, RulesJson(*listed));
              }});
  router.Add(
      {"PUT", rules, kAuth, P::kManageConfiguration, [&store, &clock](const Request& request) {
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto input = ReadBody<core::RetentionRule>(*body, [](ObjectReader& reader) {
           core::RetentionRule rule;
           rule.record = reader.Enumerated("record", Presence::kRequired, kRecordDomain)
                             .value_or(rule.record);
           // Required for a complaint's period, refused for a service request's: the core's
           // rule says which (core::CheckRetentionRule).
           rule.regime = reader.Enumerated("regime", Presence::kOptional, kRegimeDomain);
           rule.years_after_closure = static_cast<int>(
               reader.Integer("years_after_closure", Presence::kRequired, -kMaxYears, kMaxYears)
                   .value_or(core::kDefaultRetentionYears));
           return rule;
         });
         if (!input) return Problem(input.error(), request);
         auto saved = app::SetRetentionRule(store, clock, *request.actor, *input);
         if (!saved) return Problem(saved.error(), request);
         return JsonAnswer(kOk, RulesJson(*saved));
       }});
  router.Add({"GET", holds, kAuth, P::kManageConfiguration, [&store](const Request& request) {
                auto listed =
                    app::ListHolds(store, *request.actor, PathParam(request, "reference"));
                if (!listed) return Problem(listed.error(), request);
                json items = json::array();
                for (const app::RetentionHoldRecord& hold : *listed)
                  items.push_back(HoldJson(hold));
                return JsonAnswer(kOk, {{"items", std::move(items)}});
              }});
  router.Add(
      {"POST", holds, kAuth, P::kManageConfiguration, [&store, &clock](const Request& request) {
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto input = ReadChecked<HoldInput>(
             *body,
             [](ObjectReader& reader) {
               HoldInput hold;
               hold.kind = reader.Enumerated("kind", Presence::kRequired, kHoldKindDomain)
                               .value_or(hold.kind);
               hold.reason = reader.Text("reason", Presence::kRequired);
               return hold;
             },
             [](const HoldInput& hold) { return core::CheckHold(hold.kind, hold.reason); });
         if (!input) return Problem(input.error(), request);
         auto placed = app::PlaceHold(store, clock, *request.actor, PathParam(request, "reference"),
                                      input->kind, input->reason);
         if (!placed) return Problem(placed.error(), request);
         return JsonAnswer(kCreated, HoldJson(*placed));
       }});
  router.Add({"POST", "/api/v1/retention/holds/{id}/release", kAuth, P::kManageConfiguration,
              [&store, &clock](const Request& request) {
                auto id = IdOf(request, "hold");
                if (!id) return Problem(id.error(), request);
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto reason = ReadChecked<std::string>(
                    *body,
                    [](ObjectReader& reader) { return reader.Text("reason", Presence::kRequired); },
                    [](const std::string& text) {
                      return core::CheckHold(core::HoldKind::kManual, text);
                    });
                if (!reason) return Problem(reason.error(), request);
                auto released = app::ReleaseHold(store, clock, *request.actor, *id, *reason);
                if (!released) return Problem(released.error(), request);
                return JsonAnswer(kOk, HoldJson(*released));
              }});
  router.Add({"GET", runs, kAuth, P::kManageConfiguration, [&store](const Request& request) {
                auto listed = app::ListDisposalRuns(store, *request.actor);
                if (!listed) return Problem(listed.error(), request);
                json items = json::array();
                for (const app::DisposalRunRecord& r : *listed) items.push_back(RunJson(r));
                return JsonAnswer(kOk, {{"items", std::move(items)}});
              }});
  router.Add(
      {"POST", runs, kAuth, P::kManageConfiguration, [&store, &clock](const Request& request) {
         return RunAnswer(kCreated, app::StartDisposalDryRun(store, clock, *request.actor),
                          request);
       }});
  router.Add({"GET", run, kAuth, P::kManageConfiguration, [&store](const Request& request) {
                auto id = IdOf(request, "disposal run");
                if (!id) return Problem(id.error(), request);
                return RunAnswer(kOk, app::ReadDisposalRun(store, *request.actor, *id), request);
              }});
  router.Add({"POST", run + "/approve", kAuth, P::kManageConfiguration,
              [&store, &clock](const Request& request) {
                return RunStep(request, [&](std::int64_t id, std::optional<std::int64_t> version) {
                  return app::ApproveDisposalRun(store, clock, *request.actor, id, version);
                });
              }});
  router.Add({"POST", run + "/cancel", kAuth, P::kManageConfiguration,
              [&store, &clock](const Request& request) {
                return RunStep(request, [&](std::int64_t id, std::optional<std::int64_t> version) {
                  return app::CancelDisposalRun(store, clock, *request.actor, id, version);
                });
              }});
}

void RegisterRedactionRoutes(Router& router, const app::AttachmentContext& context) {
  router.Add({"POST", "/api/v1/complaints/{reference}/redactions", kAuth, P::kManageConfiguration,
              [&context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                struct Input {
                  std::string target;
                  std::string reason;
                };
                auto input = ReadChecked<Input>(
                    *body,
                    [](ObjectReader& reader) {
                      Input read;
                      read.target = reader.Text("target", Presence::kRequired);
                      read.reason = reader.Text("reason", Presence::kRequired);
                      return read;
                    },
                    [](const Input& read) -> core::Status {
                      auto checked = core::CheckRedaction(read.target, read.reason);
                      if (!checked) return tl::unexpected(checked.error());
                      return {};
                    });
                if (!input) return Problem(input.error(), request);
                auto redacted = app::RedactComplaintItem(
                    context.store, context.clock, *request.actor, PathParam(request, "reference"),
                    input->target, input->reason, &context.files, &context.content_mutex);
                if (!redacted) return Problem(redacted.error(), request);
                return JsonAnswer(kCreated, {{"target", redacted->target.ToString()},
                                             {"reason", redacted->reason},
                                             {"redacted_by", redacted->redacted_by},
                                             {"redacted_at", redacted->redacted_at},
                                             {"events_erased", redacted->events_erased}});
              }});
}

}  // namespace redress::http
