#include "http/admin_handlers.hpp"

#include <string>
#include <utility>
#include <vector>

#include "app/accounts.hpp"
#include "app/organisation.hpp"
#include "app/secrets.hpp"
#include "http/admin_mapping.hpp"
#include "http/auth.hpp"
#include "http/json_mapping.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr std::string_view kApi = "/api/v1";
constexpr Access kAuth = Access::kAuthenticated;

// GET of a whole list: {"items": [...]} in the order the read use case `list` gives.
template <typename Record>
Handler ListHandler(app::Store& store, core::Result<std::vector<Record>> (*list)(app::Store&),
                    json (*render)(const Record&)) {
  return [&store, list, render](const Request& request) {
    auto records = list(store);
    if (!records) return Problem(records.error(), request);
    json items = json::array();
    for (const Record& record : *records) items.push_back(render(record));
    return JsonAnswer(kOk, {{"items", std::move(items)}});
  };
}

// A change of configuration: parse the body (and the path's code, if any), save it with the use
// case of app/organisation.hpp (one transaction of its own), and answer with the record as saved:
// 200, or 201 with the Location `location` gives when it is set (an addition).
template <typename Record>
using LocationOf = std::string (*)(const Record&);

template <typename Record, typename Parse>
Handler SaveHandler(app::Store& store, const app::Clock& clock, Parse parse,
                    core::Status (*save)(app::Store&, const app::Clock&, const app::Actor&,
                                         const Record&),
                    json (*render)(const Record&), LocationOf<Record> location = nullptr) {
  return [&store, &clock, parse, save, render, location](const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return Problem(body.error(), request);
    core::Result<Record> record = parse(request, *body);
    if (!record) return Problem(record.error(), request);
    auto saved = save(store, clock, *request.actor, *record);
    if (!saved) return Problem(saved.error(), request);
    if (location != nullptr) return CreatedAt(location(*record), render(*record));
    return JsonAnswer(kOk, render(*record));
  };
}

std::string ClosureDayLocation(const app::ClosureDay& day) {
  return std::string(kApi) + "/closure-days/" + day.date.ToIso();
}

// Designations have no address of their own: the list holds them.
std::string DesignationLocation(const core::Designation&) {
  return std::string(kApi) + "/designations";
}

// Parsers of a coded record: the code from the path, the rest from the body.
template <typename Record>
auto CodedParser(core::Result<Record> (*parse)(const std::string&, const json&)) {
  return [parse](const Request& request, const json& body) {
    return parse(PathParam(request, "code"), body);
  };
}

template <typename Record>
auto BodyParser(core::Result<Record> (*parse)(const json&)) {
  return [parse](const Request&, const json& body) { return parse(body); };
}

}  // namespace

void AdminHandlers::Register(Router& router) {
  const auto bind = [this](Response (AdminHandlers::*handler)(const Request&)) {
    return [this, handler](const Request& request) { return (this->*handler)(request); };
  };
  const std::string api(kApi);
  const std::string users = api + "/users";
  router.Add({"GET", users, kAuth, P::kViewCases, bind(&AdminHandlers::ListUsers)});
  router.Add({"POST", users, kAuth, P::kManageUsers, bind(&AdminHandlers::AddUser)});
  router.Add({"GET", users + "/{username}", kAuth, P::kViewCases, bind(&AdminHandlers::GetUser)});
  router.Add(
      {"PATCH", users + "/{username}", kAuth, P::kManageUsers, bind(&AdminHandlers::UpdateUser)});

  // Codes in the path: PUT adds or replaces the record of that code.
  const auto coded =
      [&]<typename Record>(
          const std::string& collection, core::Result<std::vector<Record>> (*list)(app::Store&),
          core::Result<Record> (*parse)(const std::string&, const json&),
          core::Status (*save)(app::Store&, const app::Clock&, const app::Actor&, const Record&),
          json (*render)(const Record&)) {
        router.Add({"GET", collection, kAuth, P::kViewCases, ListHandler(store_, list, render)});
        router.Add({"PUT", collection + "/{code}", kAuth, P::kManageConfiguration,
                    SaveHandler<Record>(store_, clock_, CodedParser(parse), save, render)});
      };
  coded(api + "/teams", app::ListTeams, ParseTeam, app::SaveTeam, TeamToJson);
  coded(api + "/service-areas", app::ListServiceAreas, ParseServiceArea, app::SaveServiceArea,
        ServiceAreaToJson);
  coded(api + "/categories", app::ListCategories, ParseCategory, app::SaveCategory, CategoryToJson);
  coded(api + "/root-causes", app::ListRootCauses, ParseRootCause, app::SaveRootCause,
        RootCauseToJson);

  const std::string closure_days = api + "/closure-days";
  router.Add({"GET", closure_days, kAuth, P::kViewCases,
              ListHandler(store_, app::ListClosureDays, ClosureDayToJson)});
  router.Add(
      {"POST", closure_days, kAuth, P::kManageConfiguration,
       SaveHandler<app::ClosureDay>(store_, clock_, BodyParser(ParseClosureDay), app::AddClosureDay,
                                    ClosureDayToJson, ClosureDayLocation)});
  router.Add({"DELETE", closure_days + "/{date}", kAuth, P::kManageConfiguration,
              bind(&AdminHandlers::RemoveClosureDay)});

  const std::string designations = api + "/designations";
  router.Add({"GET", designations, kAuth, P::kViewCases,
              ListHandler(store_, app::ListDesignations, DesignationToJson)});
  router.Add({"POST", designations, kAuth, P::kManageConfiguration,
              SaveHandler<core::Designation>(store_, clock_, BodyParser(ParseDesignation),
                                             app::AddDesignation, DesignationToJson,
                                             DesignationLocation)});

  const std::string settings = api + "/settings";
  router.Add({"GET", settings, kAuth, P::kViewCases, [this](const Request& request) {
                auto loaded = app::GetSettings(store_);
                if (!loaded) return Problem(loaded.error(), request);
                return JsonAnswer(kOk, SettingsToJson(*loaded));
              }});
  router.Add({"PUT", settings, kAuth, P::kManageConfiguration,
              SaveHandler<app::OrganisationSettings>(store_, clock_, BodyParser(ParseSettings),
                                                     app::SaveSettings, SettingsToJson)});
}

Response AdminHandlers::ListUsers(const Request& request) {
  return ListHandler(store_, app::ListUsers, UserToJson)(request);
}

Response AdminHandlers::AddUser(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto user = ParseNewUser(*body);
  if (!user) return Problem(user.error(), request);
  auto added = app::AddUser(store_, clock_, *request.actor, *user, password_policy_);
  if (!added) return Problem(added.error(), request);
  return CreatedAt(std::string(kApi) + "/users/" + added->username, UserToJson(*added));
}

Response AdminHandlers::GetUser(const Request& request) {
  auto user = app::GetUser(store_, PathParam(request, "username"));
  if (!user) return Problem(user.error(), request);
  return JsonAnswer(kOk, UserToJson(*user));
}

Response AdminHandlers::UpdateUser(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto changes = ParseUserChanges(*body);
  if (!changes) return Problem(changes.error(), request);
  const std::string& username = PathParam(request, "username");
  // A user changing their own password keeps the session they changed it in.
  const std::string_view cookie = SessionCookieValue(request.Header("cookie"));
  const std::string keep_session =
      username == request.actor->username && !cookie.empty() ? app::HashSecretToken(cookie) : "";
  auto updated = app::UpdateUser(store_, clock_, *request.actor, username, *changes,
                                 password_policy_, keep_session);
  if (!updated) return Problem(updated.error(), request);
  return JsonAnswer(kOk, UserToJson(*updated));
}

Response AdminHandlers::RemoveClosureDay(const Request& request) {
  const std::string& text = PathParam(request, "date");
  std::optional<core::Date> date = core::Date::Parse(text);
  if (!date) {
    return Problem(core::Error{core::ErrorCode::kNotFound, text + " is not a closure day", {}},
                   request);
  }
  auto removed = app::RemoveClosureDay(store_, clock_, *request.actor, *date);
  if (!removed) return Problem(removed.error(), request);
  return NoContent();
}

}  // namespace redress::http
