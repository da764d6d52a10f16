#include "storage/postgres/organisation_repository.hpp"

#include <string>

#include "storage/common/configuration_rows.hpp"

namespace redress::storage::postgres {

namespace {

// The settings' one row (the schema's CHECK (id = 1)).
constexpr std::int64_t kSettingsRowId = 1;

template <typename Record>
Record ReadTaxonomy(RowReader& r) {
  return {r.Text(), r.Text(), r.Bool()};
}

}  // namespace

Result<app::OrganisationSettings> PostgresOrganisationRepository::LoadSettings() {
  Result<Rows> rows = connection_.Query(
      "SELECT name, division, coalesce(independent_team, ''), coalesce(children_team, '') "
      "FROM settings WHERE id = $1",
      Params().Bind(kSettingsRowId));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(
      [](RowReader& r) {
        return app::OrganisationSettings{r.Text(), r.Enumerator(core::ParseDivision), r.Text(),
                                         r.Text()};
      },
      "no settings");
}

Status PostgresOrganisationRepository::SaveSettings(const app::OrganisationSettings& settings) {
  return connection_.Run(
      "INSERT INTO settings (id, name, division, independent_team, children_team) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
      "division = excluded.division, independent_team = excluded.independent_team, "
      "children_team = excluded.children_team",
      Params().BindAll(kSettingsRowId, settings.name, settings.division,
                       Code{settings.independent_team}, Code{settings.children_team}));
}

Result<std::vector<app::Team>> PostgresOrganisationRepository::ListTeams() {
  Result<Rows> rows = connection_.Query("SELECT code, name FROM teams ORDER BY code");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return app::Team{r.Text(), r.Text()}; });
}

Status PostgresOrganisationRepository::UpsertTeam(const app::Team& team) {
  return connection_.Run(
      "INSERT INTO teams (code, name) VALUES ($1, $2) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name",
      Params().BindAll(team.code, team.name));
}

Result<std::vector<app::ServiceArea>> PostgresOrganisationRepository::ListServiceAreas() {
  Result<Rows> rows = connection_.Query("SELECT code, name, team FROM service_areas ORDER BY code");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return app::ServiceArea{r.Text(), r.Text(), r.Text()}; });
}

Status PostgresOrganisationRepository::UpsertServiceArea(const app::ServiceArea& area) {
  return connection_.Run(
      "INSERT INTO service_areas (code, name, team) VALUES ($1, $2, $3) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, team = excluded.team",
      Params().BindAll(area.code, area.name, area.team));
}

Result<std::vector<app::Category>> PostgresOrganisationRepository::ListCategories() {
  Result<Rows> rows = connection_.Query("SELECT code, name, active FROM categories ORDER BY code");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadTaxonomy<app::Category>);
}

Status PostgresOrganisationRepository::UpsertCategory(const app::Category& category) {
  return connection_.Run(
      "INSERT INTO categories (code, name, active) VALUES ($1, $2, $3) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active",
      Params().BindAll(category.code, category.name, category.active));
}

Result<std::vector<app::RootCause>> PostgresOrganisationRepository::ListRootCauses() {
  Result<Rows> rows = connection_.Query("SELECT code, name, active FROM root_causes ORDER BY code");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadTaxonomy<app::RootCause>);
}

Status PostgresOrganisationRepository::UpsertRootCause(const app::RootCause& root_cause) {
  return connection_.Run(
      "INSERT INTO root_causes (code, name, active) VALUES ($1, $2, $3) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active",
      Params().BindAll(root_cause.code, root_cause.name, root_cause.active));
}

Result<std::vector<app::ClosureDay>> PostgresOrganisationRepository::ListClosureDays() {
  Result<Rows> rows = connection_.Query("SELECT date, reason FROM closure_days ORDER BY date");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return app::ClosureDay{r.Date(), r.Text()}; });
}

Status PostgresOrganisationRepository::AddClosureDay(const app::ClosureDay& day) {
  // ON CONFLICT DO NOTHING rather than a failed INSERT: a failed statement would end the
  // transaction on PostgreSQL, and the use case only reports the duplicate.
  Result<Rows> inserted = connection_.Query(
      "INSERT INTO closure_days (date, reason) VALUES ($1, $2) ON CONFLICT (date) DO NOTHING",
      Params().BindAll(day.date, day.reason));
  if (!inserted) return Unexpected(inserted.error());
  if (inserted->Affected() == 0) {
    return Fail(ErrorCode::kConflict, day.date.ToIso() + " is already a closure day");
  }
  return {};
}

Status PostgresOrganisationRepository::RemoveClosureDay(core::Date date) {
  Result<Rows> deleted =
      connection_.Query("DELETE FROM closure_days WHERE date = $1", Params().Bind(date));
  if (!deleted) return Unexpected(deleted.error());
  if (deleted->Affected() == 0) {
    return Fail(ErrorCode::kNotFound, date.ToIso() + " is not a closure day");
  }
  return {};
}

Result<std::vector<core::Designation>> PostgresOrganisationRepository::ListDesignations() {
  Result<Rows> rows = connection_.Query(
      "SELECT service_area, from_date, to_date FROM designations "
      "ORDER BY service_area, from_date, id");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) {
    return core::Designation{r.Text(), r.Date(), r.OptionalDate()};
  });
}

Status PostgresOrganisationRepository::AddDesignation(const core::Designation& designation) {
  return connection_.Run(
      "INSERT INTO designations (service_area, from_date, to_date) VALUES ($1, $2, $3)",
      Params().BindAll(designation.service_area, designation.from, designation.to));
}

Result<std::vector<app::AddedOmbudsmanContact>>
PostgresOrganisationRepository::ListOmbudsmanContacts() {
  static const std::string sql = "SELECT " + std::string(common::kOmbudsmanContactColumns) +
                                 " FROM ombudsman_contacts ORDER BY id";
  Result<Rows> rows = connection_.Query(sql);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadOmbudsmanContact<RowReader>);
}

Status PostgresOrganisationRepository::AddOmbudsmanContact(
    const app::AddedOmbudsmanContact& contact) {
  static const std::string sql = "INSERT INTO ombudsman_contacts (" +
                                 std::string(common::kOmbudsmanContactColumns) +
                                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
  Params params;
  common::BindOmbudsmanContact(params, contact);
  return connection_.Run(sql, params);
}

Result<std::optional<app::SavedOfficeHours>> PostgresOrganisationRepository::LoadOfficeHours() {
  static const std::string sql =
      "SELECT " + std::string(common::kOfficeHoursColumns) + " FROM office_hours WHERE id = 1";
  Result<Rows> rows = connection_.Query(sql);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::SavedOfficeHours>();
  Result<app::SavedOfficeHours> found =
      rows->ReadOne(common::ReadOfficeHours<RowReader>, "no office hours");
  if (!found) return Unexpected(found.error());
  return std::optional<app::SavedOfficeHours>(std::move(*found));
}

Status PostgresOrganisationRepository::SaveOfficeHours(const app::SavedOfficeHours& saved) {
  return connection_.Run(
      "INSERT INTO office_hours (id, " + std::string(common::kOfficeHoursColumns) +
          ") VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET start_minute = "
          "excluded.start_minute, end_minute = excluded.end_minute, saved_by = "
          "excluded.saved_by, saved_at = excluded.saved_at",
      Params().BindAll(saved.hours.start_minute, saved.hours.end_minute, saved.saved_by,
                       saved.saved_at));
}

Result<std::int64_t> PostgresOrganisationRepository::ConfigurationGeneration() {
  // A range of the events_entity index: configuration events are few.
  Result<Rows> rows = connection_.Query(
      "SELECT coalesce(max(sequence), 0) FROM events WHERE entity_type = 'configuration'");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no generation");
}

}  // namespace redress::storage::postgres
