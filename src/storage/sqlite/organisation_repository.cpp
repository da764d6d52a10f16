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

Result<std::int64_t> SqliteOrganisationRepository::ConfigurationGeneration() {
  // A range of the events_entity index: configuration events are few.
  Result<Statement> statement = connection_.Prepare(
      "SELECT coalesce(max(sequence), 0) FROM events WHERE entity_type = 'configuration'");
  if (!statement) return Unexpected(statement.error());
  return ReadOne(
      *statement, [](ColumnReader& r) { return r.Int64(); }, "no generation");
}

}  // namespace redress::storage::sqlite
