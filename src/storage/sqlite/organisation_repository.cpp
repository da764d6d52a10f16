#include "storage/sqlite/organisation_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/common/configuration_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<app::OrganisationSettings> SqliteOrganisationRepository::LoadSettings() {
  static const std::string sql = SelectAllSql<app::OrganisationSettings>() + " WHERE id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(kSettingsRowId);
  return ReadOne(*statement, Table<app::OrganisationSettings>::Read, "no settings");
}

Status SqliteOrganisationRepository::SaveSettings(const app::OrganisationSettings& settings) {
  return UpsertRecord(connection_, settings);
}

Result<std::vector<app::Team>> SqliteOrganisationRepository::ListTeams() {
  return ListAll<app::Team>(connection_);
}

Status SqliteOrganisationRepository::UpsertTeam(const app::Team& team) {
  return UpsertRecord(connection_, team);
}

Result<std::vector<app::ServiceArea>> SqliteOrganisationRepository::ListServiceAreas() {
  return ListAll<app::ServiceArea>(connection_);
}

Status SqliteOrganisationRepository::UpsertServiceArea(const app::ServiceArea& area) {
  return UpsertRecord(connection_, area);
}

Result<std::vector<app::Category>> SqliteOrganisationRepository::ListCategories() {
  return ListAll<app::Category>(connection_);
}

Status SqliteOrganisationRepository::UpsertCategory(const app::Category& category) {
  return UpsertRecord(connection_, category);
}

Result<std::vector<app::RootCause>> SqliteOrganisationRepository::ListRootCauses() {
  return ListAll<app::RootCause>(connection_);
}

Status SqliteOrganisationRepository::UpsertRootCause(const app::RootCause& root_cause) {
  return UpsertRecord(connection_, root_cause);
}

Result<std::vector<app::ClosureDay>> SqliteOrganisationRepository::ListClosureDays() {
  return ListAll<app::ClosureDay>(connection_);
}

Status SqliteOrganisationRepository::AddClosureDay(const app::ClosureDay& day) {
  Status added = InsertRecord(connection_, day);
  if (!added && added.error().code == ErrorCode::kConflict) {
    return Fail(ErrorCode::kConflict, day.date.ToIso() + " is already a closure day");
  }
  return added;
}

Status SqliteOrganisationRepository::RemoveClosureDay(core::Date date) {
  Result<Statement> statement = connection_.Prepare("DELETE FROM closure_days WHERE date = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(date);
  return RunOnExistingRow(*statement, date.ToIso() + " is not a closure day");
}

Result<std::vector<core::Designation>> SqliteOrganisationRepository::ListDesignations() {
  return ListAll<core::Designation>(connection_);
}

Status SqliteOrganisationRepository::AddDesignation(const core::Designation& designation) {
  return InsertRecord(connection_, designation);
}

Result<std::vector<app::AddedOmbudsmanContact>>
SqliteOrganisationRepository::ListOmbudsmanContacts() {
  static const std::string sql = "SELECT " + std::string(common::kOmbudsmanContactColumns) +
                                 " FROM ombudsman_contacts ORDER BY id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, common::ReadOmbudsmanContact<ColumnReader>);
}

Status SqliteOrganisationRepository::AddOmbudsmanContact(
    const app::AddedOmbudsmanContact& contact) {
  static const std::string sql = "INSERT INTO ombudsman_contacts (" +
                                 std::string(common::kOmbudsmanContactColumns) +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindOmbudsmanContact(*statement, contact);
  return statement->Run();
}

Result<std::optional<app::SavedOfficeHours>> SqliteOrganisationRepository::LoadOfficeHours() {
  static const std::string sql =
      "SELECT " + std::string(common::kOfficeHoursColumns) + " FROM office_hours WHERE id = 1";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<app::SavedOfficeHours>> rows =
      ReadAll(*statement, common::ReadOfficeHours<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::SavedOfficeHours>();
  return std::optional<app::SavedOfficeHours>(rows->front());
}

Status SqliteOrganisationRepository::SaveOfficeHours(const app::SavedOfficeHours& saved) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO office_hours (id, " + std::string(common::kOfficeHoursColumns) +
      ") VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET start_minute = "
      "excluded.start_minute, end_minute = excluded.end_minute, saved_by = excluded.saved_by, "
      "saved_at = excluded.saved_at");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(saved.hours.start_minute, saved.hours.end_minute, saved.saved_by,
                     saved.saved_at);
  return statement->Run();
}

Result<std::int64_t> SqliteOrganisationRepository::ConfigurationGeneration() {
  // A range of the events_entity index: configuration events are few.
  Result<Statement> statement = connection_.Prepare(
      "SELECT coalesce(max(sequence), 0) FROM events WHERE entity_type = 'configuration'");
  if (!statement) return Unexpected(statement.error());
  return ReadOne(
      *statement, [](ColumnReader& r) { return r.Int64(); }, "no generation");
}

}  // namespace redress::storage::sqlite
