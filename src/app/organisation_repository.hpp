#pragma once

// The organisation's configuration and reference data: settings, teams, service areas, the
// taxonomy (categories, root causes), closure days and the designated service area's history.
// Part of the ports (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <vector>

#include "app/records.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "core/routing.hpp"

namespace redress::app {

// The configuration of one transaction (Tx::Organisation). Lists come in each record's natural
// order (codes, dates). The use cases of app/organisation.hpp append the events.
class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;

  virtual core::Result<OrganisationSettings> LoadSettings() = 0;
  virtual core::Status SaveSettings(const OrganisationSettings& settings) = 0;
  virtual core::Result<std::vector<Team>> ListTeams() = 0;
  virtual core::Status UpsertTeam(const Team& team) = 0;
  virtual core::Result<std::vector<ServiceArea>> ListServiceAreas() = 0;
  // The area's team must exist (kInvalidInput naming "team").
  virtual core::Status UpsertServiceArea(const ServiceArea& area) = 0;
  virtual core::Result<std::vector<Category>> ListCategories() = 0;
  virtual core::Status UpsertCategory(const Category& category) = 0;
  virtual core::Result<std::vector<RootCause>> ListRootCauses() = 0;
  virtual core::Status UpsertRootCause(const RootCause& root_cause) = 0;
  virtual core::Result<std::vector<ClosureDay>> ListClosureDays() = 0;
  virtual core::Status AddClosureDay(const ClosureDay& day) = 0;  // kConflict if the date exists
  virtual core::Status RemoveClosureDay(core::Date date) = 0;     // kNotFound if absent
  virtual core::Result<std::vector<core::Designation>> ListDesignations() = 0;
  virtual core::Status AddDesignation(const core::Designation& designation) = 0;
  // The Ombudsman contact blocks administrators added, in the order added (issue 15); only ever
  // added to.
  virtual core::Result<std::vector<AddedOmbudsmanContact>> ListOmbudsmanContacts() = 0;
  virtual core::Status AddOmbudsmanContact(const AddedOmbudsmanContact& contact) = 0;
  // The office hours saved on the admin page; nullopt when none was saved.
  virtual core::Result<std::optional<SavedOfficeHours>> LoadOfficeHours() = 0;
  virtual core::Status SaveOfficeHours(const SavedOfficeHours& hours) = 0;
  // A number that differs whenever the configuration above (settings, teams, service areas,
  // categories, root causes, closure days, designations) may have changed since it was last read:
  // the sequence of the latest configuration event (0 when there is none). Every change made by
  // the functions of app/organisation.hpp appends that event in the change's own transaction, and
  // a committed sequence is never reused, so equal generations read in committed transactions
  // mean equal configurations. Meant to be cheap: it is read in every write use case.
  virtual core::Result<std::int64_t> ConfigurationGeneration() = 0;
};

}  // namespace redress::app
