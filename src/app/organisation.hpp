#pragma once

// The organisation as the use cases see it: settings, the working-day calendar with its closure
// days, the root-cause taxonomy, categories, service areas and routing. Loaded inside the use
// case's transaction so every rule applies the configuration of that moment.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "app/ports.hpp"
#include "app/records.hpp"
#include "core/calendar.hpp"
#include "core/routing.hpp"
#include "report/records.hpp"

namespace redress::app {

// Which restricted complaints an actor sees (core::CanSee).
enum class Reach {
  kOwnTeam,     // those a stage of which the actor's team handled: every user of the API
  kEverything,  // all of them: the command line's reports, run by whoever holds the database
};

// Who performs a use case.
struct Actor {
  std::string username;
  core::Role role = core::Role::kViewer;
  std::string team;
  Reach reach = Reach::kOwnTeam;
};

// The actor of command-line administration and of the demo's set-up.
Actor SystemActor();
// The actor of the command line's read-only views (Ombudsman cases, learning actions): the
// system, seeing every restricted complaint.
Actor CommandLineReader();

struct Organisation {
  OrganisationSettings settings;
  // The organisation's, closure days too; the statutory regimes count on their own
  // (core::CalendarFor).
  std::shared_ptr<const core::WorkingCalendar> calendar;
  std::set<std::string, std::less<>> root_causes;  // active codes
  std::set<std::string, std::less<>> categories;   // active codes
  std::map<std::string, ServiceArea, std::less<>> service_areas;
  std::set<std::string, std::less<>> teams;
  core::RoutingConfig routing;
};

Result<Organisation> LoadOrganisation(Tx& tx);

// The organisation of a process, kept between transactions: loading it takes six queries, and it
// changes rarely. Each Load still reads the configuration generation (Tx::ConfigurationGeneration)
// in the caller's transaction and reloads when it differs, so a change made by any process or
// connection is seen by the next transaction that starts after it. Safe from several threads.
class OrganisationCache {
 public:
  struct Entry {
    std::int64_t generation = 0;
    std::shared_ptr<const Organisation> organisation;
  };

  // The organisation as `tx` sees it: the remembered one when its generation is current, else a
  // fresh load (not remembered yet: see Remember).
  Result<Entry> Load(Tx& tx);

  // Call with what Load returned once its transaction has committed. Only committed
  // configurations are remembered: a rolled-back change could otherwise leave a generation number
  // that a later, different change reuses.
  void Remember(Entry entry);

 private:
  std::mutex mutex_;
  Entry entry_;  // guarded by mutex_; organisation null until the first Remember
};

// The organisation's working-day calendar as `tx` sees it: its division's, with its closure days.
// What every reader that counts working days asks (handlers, reports), never rebuilt elsewhere.
Result<std::shared_ptr<const core::WorkingCalendar>> LoadCalendar(Tx& tx);

// The working-day calendar of a division with these closure days. Calendars are shared: building
// one lays out a century of days, so the same configuration is built once per process.
std::shared_ptr<const core::WorkingCalendar> CalendarFor(
    core::Division division, const std::vector<ClosureDay>& closure_days);

// Names the organisation of a new database (whose settings row has no name yet).
Status EnsureSettingsIn(Tx& tx, const std::string& default_name);
Status EnsureSettings(Store& store, const std::string& default_name);

// Configuration changes, each validated and recorded in the audit trail (entity "configuration").
// Each is a use case taking the store, which runs it in one transaction of its own as at the
// clock's today; the ...In form is the same step inside a transaction the caller holds, for
// setting up a whole council at once (the demo, the app's tests).
Status SaveTeamIn(Tx& tx, const Actor& actor, core::Date today, const Team& team);
Status SaveServiceAreaIn(Tx& tx, const Actor& actor, core::Date today, const ServiceArea& area);
Status SaveCategoryIn(Tx& tx, const Actor& actor, core::Date today, const Category& category);
Status SaveRootCauseIn(Tx& tx, const Actor& actor, core::Date today, const RootCause& root_cause);
Status AddClosureDayIn(Tx& tx, const Actor& actor, core::Date today, const ClosureDay& day);
Status RemoveClosureDayIn(Tx& tx, const Actor& actor, core::Date today, core::Date date);
Status AddDesignationIn(Tx& tx, const Actor& actor, core::Date today,
                        const core::Designation& designation);
Status SaveSettingsIn(Tx& tx, const Actor& actor, core::Date today,
                      const OrganisationSettings& settings);

Status SaveTeam(Store& store, const Clock& clock, const Actor& actor, const Team& team);
Status SaveServiceArea(Store& store, const Clock& clock, const Actor& actor,
                       const ServiceArea& area);
Status SaveCategory(Store& store, const Clock& clock, const Actor& actor, const Category& category);
Status SaveRootCause(Store& store, const Clock& clock, const Actor& actor,
                     const RootCause& root_cause);
Status AddClosureDay(Store& store, const Clock& clock, const Actor& actor, const ClosureDay& day);
Status RemoveClosureDay(Store& store, const Clock& clock, const Actor& actor, core::Date date);
Status AddDesignation(Store& store, const Clock& clock, const Actor& actor,
                      const core::Designation& designation);
Status SaveSettings(Store& store, const Clock& clock, const Actor& actor,
                    const OrganisationSettings& settings);

// The homes owned in financial year `year` (the TSM CH01 denominator of the annual report),
// replacing any earlier figure.
Status SaveHomesOwnedIn(Tx& tx, const Actor& actor, core::Date today, int year, std::int64_t homes);
Status SaveHomesOwned(Store& store, const Clock& clock, const Actor& actor, int year,
                      std::int64_t homes);

// TSM TP09 of financial year `year` (from 2023/24, the measures' first year): the share satisfied
// with the landlord's complaint handling, 0 to 100 with at most one decimal, and the survey's
// sample size (> 0), replacing any earlier figure. Every invalid field is named in one error.
struct TenantSatisfactionInput {
  double percent = 0;
  std::int64_t sample_size = 0;
};
Status SaveTenantSatisfactionIn(Tx& tx, const Actor& actor, core::Date today, int year,
                                const TenantSatisfactionInput& input);
Status SaveTenantSatisfaction(Store& store, const Clock& clock, const Actor& actor, int year,
                              const TenantSatisfactionInput& input);

// The configuration as the admin pages and the command line read it, each in one read
// transaction of its own, in the repository's order (codes, dates).
Result<OrganisationSettings> GetSettings(Store& store);
Result<std::vector<Team>> ListTeams(Store& store);
Result<std::vector<ServiceArea>> ListServiceAreas(Store& store);
Result<std::vector<Category>> ListCategories(Store& store);
Result<std::vector<RootCause>> ListRootCauses(Store& store);
Result<std::vector<ClosureDay>> ListClosureDays(Store& store);
Result<std::vector<core::Designation>> ListDesignations(Store& store);
// The homes owned and the TP09 surveys entered, by financial year.
Result<std::map<int, std::int64_t>> ListHomesOwned(Store& store);
Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction(Store& store);

}  // namespace redress::app
