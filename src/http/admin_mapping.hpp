#pragma once

// JSON <-> the organisation's records for the administration endpoints (users, teams, service
// areas, categories, root causes, closure days, designations, settings) and for notes and links
// on a case. Strict on the way in, as json_mapping.hpp describes: unknown members and wrong types
// are malformed (400, RequestRefusal), unacceptable values kInvalidInput (422), each naming its
// field. A record's code comes from the path, never from the body.

#include <nlohmann/json.hpp>
#include <string>

#include "app/accounts.hpp"
#include "app/records.hpp"
#include "core/result.hpp"
#include "core/routing.hpp"

namespace redress::http {

// POST /api/v1/users: {username, display_name?, role, team?, password}.
core::Result<app::NewUser> ParseNewUser(const nlohmann::json& body);
// PATCH /api/v1/users/{username}: any of {display_name, role, team ("" for none), active,
// password}.
core::Result<app::UserChanges> ParseUserChanges(const nlohmann::json& body);

// PUT /api/v1/teams/{code}: {name}.
core::Result<app::Team> ParseTeam(const std::string& code, const nlohmann::json& body);
// PUT /api/v1/service-areas/{code}: {name, team}.
core::Result<app::ServiceArea> ParseServiceArea(const std::string& code,
                                                const nlohmann::json& body);
// PUT /api/v1/categories/{code} and /api/v1/root-causes/{code}: {name, active? (default true)}.
core::Result<app::Category> ParseCategory(const std::string& code, const nlohmann::json& body);
core::Result<app::RootCause> ParseRootCause(const std::string& code, const nlohmann::json& body);
// POST /api/v1/closure-days: {date, reason}.
core::Result<app::ClosureDay> ParseClosureDay(const nlohmann::json& body);
// POST /api/v1/designations: {service_area, from, to? (null: open-ended)}.
core::Result<core::Designation> ParseDesignation(const nlohmann::json& body);
// PUT /api/v1/settings: {name, division, independent_team?, children_team?}.
core::Result<app::OrganisationSettings> ParseSettings(const nlohmann::json& body);

// POST /api/v1/complaints/{reference}/notes: {text}.
core::Result<std::string> ParseNoteText(const nlohmann::json& body);
struct LinkCommand {
  std::string reference;  // the other complaint
  app::LinkRelation relation = app::LinkRelation::kRelated;
};
// POST /api/v1/complaints/{reference}/links: {reference, relation? (default "related")}.
core::Result<LinkCommand> ParseLink(const nlohmann::json& body);

nlohmann::json TeamToJson(const app::Team& team);                  // code, name
nlohmann::json ServiceAreaToJson(const app::ServiceArea& area);    // code, name, team
nlohmann::json CategoryToJson(const app::Category& category);      // code, name, active
nlohmann::json RootCauseToJson(const app::RootCause& root_cause);  // code, name, active
nlohmann::json ClosureDayToJson(const app::ClosureDay& day);       // date, reason
nlohmann::json DesignationToJson(const core::Designation& d);      // service_area, from, to
// name, division, independent_team, children_team (null when none)
nlohmann::json SettingsToJson(const app::OrganisationSettings& settings);
nlohmann::json NoteToJson(const app::CaseNote& note);  // id, author, created_at, text
// Seen from the complaint `reference`: reference (the other one), relation, direction
// ("outgoing" when the link was made from `reference`, else "incoming"), created_by, created_at.
nlohmann::json LinkToJson(const app::CaseLink& link, const std::string& reference);

}  // namespace redress::http
