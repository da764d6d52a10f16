#include "http/admin_mapping.hpp"

#include <utility>

#include "core/calendar.hpp"
#include "core/role.hpp"
#include "http/json_reader.hpp"

namespace redress::http {
namespace {

constexpr core::Role kRoles[] = {core::Role::kAdmin, core::Role::kComplaintsOfficer,
                                 core::Role::kCaseHandler, core::Role::kManager,
                                 core::Role::kViewer};
constexpr core::Division kDivisions[] = {
    core::Division::kEnglandAndWales, core::Division::kScotland, core::Division::kNorthernIreland};
constexpr app::LinkRelation kLinkRelations[] = {
    app::LinkRelation::kRelated, app::LinkRelation::kDuplicateOf, app::LinkRelation::kRepeatOf};
constexpr app::ReminderDigest kReminderDigests[] = {app::ReminderDigest::kDaily,
                                                    app::ReminderDigest::kOff};
constexpr EnumDomain<core::Role> kRoleDomain{kRoles, core::ParseRole};
constexpr EnumDomain<app::ReminderDigest> kReminderDigestDomain{kReminderDigests,
                                                                app::ParseReminderDigest};
constexpr EnumDomain<core::Division> kDivisionDomain{kDivisions, core::ParseDivision};
constexpr EnumDomain<app::LinkRelation> kLinkRelationDomain{kLinkRelations, app::ParseLinkRelation};

json OrNull(const std::string& text) { return text.empty() ? json() : json(text); }

// Categories and root causes share their shape.
template <typename Taxonomy>
core::Result<Taxonomy> ParseTaxonomy(const std::string& code, const json& body) {
  return ReadBody<Taxonomy>(body, [&](ObjectReader& reader) {
    Taxonomy record;
    record.code = code;
    record.name = reader.Text("name", Presence::kRequired);
    record.active = reader.Boolean("active", Presence::kOptional).value_or(true);
    return record;
  });
}

template <typename Taxonomy>
json TaxonomyToJson(const Taxonomy& record) {
  return {{"code", record.code}, {"name", record.name}, {"active", record.active}};
}

}  // namespace

core::Result<app::NewUser> ParseNewUser(const json& body) {
  return ReadBody<app::NewUser>(body, [](ObjectReader& reader) {
    app::NewUser user;
    user.username = reader.Text("username", Presence::kRequired);
    user.display_name = reader.Text("display_name");
    user.role = reader.Enumerated("role", Presence::kRequired, kRoleDomain).value_or(user.role);
    user.team = reader.Text("team");
    user.password = reader.Text("password", Presence::kRequired);
    user.email = reader.Text("email");
    user.reminder_digest =
        reader.Enumerated("reminder_digest", Presence::kOptional, kReminderDigestDomain)
            .value_or(user.reminder_digest);
    return user;
  });
}

core::Result<app::UserChanges> ParseUserChanges(const json& body) {
  return ReadBody<app::UserChanges>(body, [](ObjectReader& reader) {
    app::UserChanges changes;
    changes.display_name = reader.OptionalText("display_name");
    changes.role = reader.Enumerated("role", Presence::kOptional, kRoleDomain);
    changes.team = reader.OptionalText("team");
    changes.active = reader.Boolean("active", Presence::kOptional);
    changes.password = reader.OptionalText("password");
    changes.email = reader.OptionalText("email");
    changes.reminder_digest =
        reader.Enumerated("reminder_digest", Presence::kOptional, kReminderDigestDomain);
    return changes;
  });
}

core::Result<app::Team> ParseTeam(const std::string& code, const json& body) {
  return ReadBody<app::Team>(body, [&](ObjectReader& reader) {
    return app::Team{code, reader.Text("name", Presence::kRequired)};
  });
}

core::Result<app::ServiceArea> ParseServiceArea(const std::string& code, const json& body) {
  return ReadBody<app::ServiceArea>(body, [&](ObjectReader& reader) {
    app::ServiceArea area{code, "", ""};
    area.name = reader.Text("name", Presence::kRequired);
    area.team = reader.Text("team", Presence::kRequired);
    return area;
  });
}

core::Result<app::Category> ParseCategory(const std::string& code, const json& body) {
  return ParseTaxonomy<app::Category>(code, body);
}

core::Result<app::RootCause> ParseRootCause(const std::string& code, const json& body) {
  return ParseTaxonomy<app::RootCause>(code, body);
}

core::Result<app::ClosureDay> ParseClosureDay(const json& body) {
  return ReadBody<app::ClosureDay>(body, [](ObjectReader& reader) {
    app::ClosureDay day;
    day.date = reader.Date("date", Presence::kRequired).value_or(core::Date());
    day.reason = reader.Text("reason", Presence::kRequired);
    return day;
  });
}

core::Result<core::Designation> ParseDesignation(const json& body) {
  return ReadBody<core::Designation>(body, [](ObjectReader& reader) {
    core::Designation designation;
    designation.service_area = reader.Text("service_area", Presence::kRequired);
    designation.from = reader.Date("from", Presence::kRequired).value_or(core::Date());
    designation.to = reader.Date("to", Presence::kOptional);
    return designation;
  });
}

core::Result<app::OrganisationSettings> ParseSettings(const json& body) {
  return ReadBody<app::OrganisationSettings>(body, [](ObjectReader& reader) {
    app::OrganisationSettings settings;
    settings.name = reader.Text("name", Presence::kRequired);
    settings.division = reader.Enumerated("division", Presence::kRequired, kDivisionDomain)
                            .value_or(settings.division);
    settings.independent_team = reader.Text("independent_team");
    settings.children_team = reader.Text("children_team");
    return settings;
  });
}

core::Result<std::string> ParseNoteText(const json& body) {
  return ReadBody<std::string>(
      body, [](ObjectReader& reader) { return reader.Text("text", Presence::kRequired); });
}

core::Result<LinkCommand> ParseLink(const json& body) {
  return ReadBody<LinkCommand>(body, [](ObjectReader& reader) {
    LinkCommand command;
    command.reference = reader.Text("reference", Presence::kRequired);
    command.relation = reader.Enumerated("relation", Presence::kOptional, kLinkRelationDomain)
                           .value_or(command.relation);
    return command;
  });
}

json TeamToJson(const app::Team& team) { return {{"code", team.code}, {"name", team.name}}; }

json ServiceAreaToJson(const app::ServiceArea& area) {
  return {{"code", area.code}, {"name", area.name}, {"team", area.team}};
}

json CategoryToJson(const app::Category& category) { return TaxonomyToJson(category); }

json RootCauseToJson(const app::RootCause& root_cause) { return TaxonomyToJson(root_cause); }

json ClosureDayToJson(const app::ClosureDay& day) {
  return {{"date", day.date.ToIso()}, {"reason", day.reason}};
}

json DesignationToJson(const core::Designation& designation) {
  return {{"service_area", designation.service_area},
          {"from", designation.from.ToIso()},
          {"to", designation.to ? json(designation.to->ToIso()) : json()}};
}

json SettingsToJson(const app::OrganisationSettings& settings) {
  return {{"name", settings.name},
          {"division", core::ToString(settings.division)},
          {"independent_team", OrNull(settings.independent_team)},
          {"children_team", OrNull(settings.children_team)}};
}

json NoteToJson(const app::CaseNote& note) {
  return {{"id", note.id},
          {"author", note.author},
          {"created_at", note.created_at},
          {"text", note.text}};
}

json LinkToJson(const app::CaseLink& link, const std::string& reference) {
  const bool outgoing = link.from == reference;
  return {{"reference", outgoing ? link.to : link.from},
          {"relation", app::ToString(link.relation)},
          {"direction", outgoing ? "outgoing" : "incoming"},
          {"created_by", link.created_by},
          {"created_at", link.created_at}};
}

}  // namespace redress::http
