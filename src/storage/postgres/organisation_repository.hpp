#pragma once

// The organisation's configuration and reference data on PostgreSQL
// (app::OrganisationRepository).

#include "app/organisation_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresOrganisationRepository final : public app::OrganisationRepository {
 public:
  explicit PostgresOrganisationRepository(Connection& connection) : connection_(connection) {}

  Result<app::OrganisationSettings> LoadSettings() override;
  Status SaveSettings(const app::OrganisationSettings& settings) override;
  Result<std::vector<app::Team>> ListTeams() override;
  Status UpsertTeam(const app::Team& team) override;
  Result<std::vector<app::ServiceArea>> ListServiceAreas() override;
  Status UpsertServiceArea(const app::ServiceArea& area) override;
  Result<std::vector<app::Category>> ListCategories() override;
  Status UpsertCategory(const app::Category& category) override;
  Result<std::vector<app::RootCause>> ListRootCauses() override;
  Status UpsertRootCause(const app::RootCause& root_cause) override;
  Result<std::vector<app::ClosureDay>> ListClosureDays() override;
  Status AddClosureDay(const app::ClosureDay& day) override;
  Status RemoveClosureDay(core::Date date) override;
  Result<std::vector<core::Designation>> ListDesignations() override;
  Status AddDesignation(const core::Designation& designation) override;
  core::Result<std::vector<app::AddedOmbudsmanContact>> ListOmbudsmanContacts() override;
  core::Status AddOmbudsmanContact(const app::AddedOmbudsmanContact& contact) override;
  core::Result<std::optional<app::SavedOfficeHours>> LoadOfficeHours() override;
  core::Status SaveOfficeHours(const app::SavedOfficeHours& hours) override;
  Result<std::int64_t> ConfigurationGeneration() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
