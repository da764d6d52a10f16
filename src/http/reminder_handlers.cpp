#include "http/reminder_handlers.hpp"

#include <optional>
#include <string>

#include "app/reminders.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

// The day of ?on=, the organisation's today when absent.
core::Result<core::Date> DayOf(const Request& request, const app::Clock& clock) {
  auto found = request.query.find("on");
  if (found == request.query.end() || found->second.empty()) {
    return app::LocalTimeOf(clock.NowUnixSeconds()).date;
  }
  std::string message;
  std::optional<core::Date> date = ParseClientDate(found->second, message);
  if (!date) return core::FailField("on", message, core::FieldErrorCode::kInvalidDate);
  return *date;
}

json SummaryToJson(const app::ReminderDigestSummary& digest) {
  return {{"username", digest.username},
          {"display_name", digest.display_name},
          {"team", digest.team.empty() ? json(nullptr) : json(digest.team)},
          {"sent_on", digest.sent_on.ToIso()},
          {"recipient", digest.recipient},
          {"items", digest.items},
          {"queued_at", digest.created_at}};
}

}  // namespace

void RegisterReminderRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  router.Add({"GET", "/api/v1/reminders", Access::kAuthenticated, core::Permission::kViewAudit,
              [&store, &clock](const Request& request) {
                auto day = DayOf(request, clock);
                if (!day) return Problem(day.error(), request);
                auto digests = app::ListReminderDigests(store, *request.actor, *day);
                if (!digests) return Problem(digests.error(), request);
                json items = json::array();
                for (const app::ReminderDigestSummary& digest : *digests) {
                  items.push_back(SummaryToJson(digest));
                }
                return JsonAnswer(kOk, {{"on", day->ToIso()}, {"items", std::move(items)}});
              }});
}

}  // namespace redress::http
