#pragma once

// The SQLite OrganisationRepository (app/organisation_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The configuration of a transaction: settings, teams, service areas, the taxonomy, closure days
// and designations, each a table described in repository_support.hpp.
class SqliteOrganisationRepository final : public app::OrganisationRepository {
 public:
  explicit SqliteOrganisationRepository(Connection& connection) : connection_(connection) {}

  core::Result<app::OrganisationSettings> LoadSettings() override;
  core::Status SaveSettings(const app::OrganisationSettings& settings) override;
  core::Result<std::vector<app::Team>> ListTeams() override;
  core::Status UpsertTeam(const app::Team& team) override;
  core::Result<std::vector<app::ServiceArea>> ListServiceAreas() override;
  core::Status UpsertServiceArea(const app::ServiceArea& area) override;
  core::Result<std::vector<app::Category>> ListCategories() override;
  core::Status UpsertCategory(const app::Category& category) override;
  core::Result<std::vector<app::RootCause>> ListRootCauses() override;
  core::Status UpsertRootCause(const app::RootCause& root_cause) override;
  core::Result<std::vector<app::ClosureDay>> ListClosureDays() override;
  core::Status AddClosureDay(const app::ClosureDay& day) override;
  core::Status RemoveClosureDay(core::Date date) override;
  core::Result<std::vector<core::Designation>> ListDesignations() override;
  core::Status AddDesignation(const core::Designation& designation) override;
  core::Result<std::vector<app::AddedOmbudsmanContact>> ListOmbudsmanContacts() override;
  core::Status AddOmbudsmanContact(const app::AddedOmbudsmanContact& contact) override;
  core::Result<std::optional<app::SavedOfficeHours>> LoadOfficeHours() override;
  core::Status SaveOfficeHours(const app::SavedOfficeHours& hours) override;
  core::Result<std::int64_t> ConfigurationGeneration() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
