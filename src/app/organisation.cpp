#include "app/organisation.hpp"

#include <cmath>
#include <cstdint>
#include <mutex>
#include <regex>
#include <utility>

#include "app/report_use_cases.hpp"
#include "app/store_values.hpp"
#include "core/transitions.hpp"

namespace redress::app {
namespace {

constexpr std::size_t kMaxCodeLength = 64;
constexpr std::size_t kMaxNameLength = 200;

// Codes are stable identifiers used in URLs, filters and reports: lower-case words joined by '-'
// or '_'.
bool IsValidCode(const std::string& code) {
  static const std::regex kCodePattern("[a-z0-9]+([-_][a-z0-9]+)*");
  return !code.empty() && code.size() <= kMaxCodeLength && std::regex_match(code, kCodePattern);
}

void CheckCodeAndName(const std::string& code, const std::string& name, core::FieldErrors& errors) {
  if (!IsValidCode(code)) {
    errors.Add("code",
               "must be lower-case letters and digits joined by '-' or '_', at most " +
                   std::to_string(kMaxCodeLength) + " characters",
               core::FieldErrorCode::kInvalidFormat);
  }
  if (name.empty() || name.size() > kMaxNameLength) {
    errors.Add("name", "is required, at most " + std::to_string(kMaxNameLength) + " characters",
               name.empty() ? core::FieldErrorCode::kRequired : core::FieldErrorCode::kTooLong);
  }
}

core::CaseEvent ConfigurationEvent(const Actor& actor, core::Date today, std::string summary,
                                   std::vector<core::Change> changes) {
  return core::CaseEvent{core::EventType::kConfigured,
                         today,
                         actor.username,
                         0,
                         std::move(summary),
                         std::move(changes)};
}

Status Record(EventRepository& events, const Actor& actor, core::Date today,
              std::string_view entity, std::string summary, std::vector<core::Change> changes) {
  return events.Append(EntityType::kConfiguration, entity,
                       ConfigurationEvent(actor, today, std::move(summary), std::move(changes)));
}

// After the organisation's calendar changed (closure days, division), moves the running clocks
// that count on it, each with its event, so that the case page, the lists and the dashboard's
// overdue counts agree with the report, which derives deadlines from the calendar of the moment.
// Statutory regimes count on the regulations' calendar and are not touched.
Status RecalculateRunningClocks(Tx& tx, const Actor& actor, core::Date today,
                                std::string_view why) {
  auto organisation = LoadOrganisation(tx);
  if (!organisation) return tl::unexpected(organisation.error());
  const core::CaseContext context{organisation->calendar.get(), today, actor.username,
                                  &organisation->root_causes};
  constexpr int kPage = 500;
  for (core::Regime regime : core::kAllRegimes) {
    if (core::RulesFor(regime).working_days != core::WorkingDayBasis::kOrganisation) continue;
    for (core::CaseStatus status :
         {core::CaseStatus::kAwaitingAcknowledgement, core::CaseStatus::kInProgress}) {
      ComplaintQuery query;
      query.regime = regime;
      query.status = status;
      query.limit = kPage;
      while (true) {
        auto rows = tx.Complaints().List(query);
        if (!rows) return tl::unexpected(rows.error());
        for (const ComplaintRow& row : *rows) {
          auto complaint = tx.Complaints().Load(row.reference);
          if (!complaint) return tl::unexpected(complaint.error());
          std::optional<core::Transition> moved =
              core::RecalculateDeadlines(*complaint, context, why);
          if (!moved) continue;
          auto updated = tx.Complaints().Update(moved->complaint, complaint->version, moved->event);
          if (!updated) return tl::unexpected(updated.error());
        }
        if (static_cast<int>(rows->size()) < kPage) break;
        query.after_reference = rows->back().reference;
      }
    }
  }
  return {};
}

}  // namespace

Actor SystemActor() { return Actor{"system", core::Role::kAdmin, "", Reach::kOwnTeam}; }

Actor CommandLineReader() { return Actor{"system", core::Role::kAdmin, "", Reach::kEverything}; }

std::shared_ptr<const core::WorkingCalendar> CalendarFor(
    core::Division division, const std::vector<ClosureDay>& closure_days) {
  using Key = std::pair<core::Division, std::vector<core::Date>>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const core::WorkingCalendar>> cache;

  std::vector<core::Date> dates;
  dates.reserve(closure_days.size());
  for (const ClosureDay& day : closure_days) dates.push_back(day.date);
  Key key{division, dates};

  std::lock_guard lock(mutex);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  auto calendar = std::make_shared<const core::WorkingCalendar>(division, dates);
  cache.emplace(std::move(key), calendar);
  return calendar;
}

Result<std::shared_ptr<const core::WorkingCalendar>> LoadCalendar(Tx& tx) {
  auto settings = tx.Organisation().LoadSettings();
  if (!settings) return tl::unexpected(settings.error());
  auto closure_days = tx.Organisation().ListClosureDays();
  if (!closure_days) return tl::unexpected(closure_days.error());
  return CalendarFor(settings->division, *closure_days);
}

Result<Organisation> LoadOrganisation(Tx& tx) {
  Organisation organisation;
  auto settings = tx.Organisation().LoadSettings();
  if (!settings) return tl::unexpected(settings.error());
  organisation.settings = std::move(*settings);

  auto calendar = LoadCalendar(tx);
  if (!calendar) return tl::unexpected(calendar.error());
  organisation.calendar = std::move(*calendar);

  auto root_causes = tx.Organisation().ListRootCauses();
  if (!root_causes) return tl::unexpected(root_causes.error());
  for (const RootCause& cause : *root_causes) {
    if (cause.active) organisation.root_causes.insert(cause.code);
  }
  auto categories = tx.Organisation().ListCategories();
  if (!categories) return tl::unexpected(categories.error());
  for (const Category& category : *categories) {
    if (category.active) organisation.categories.insert(category.code);
  }
  auto areas = tx.Organisation().ListServiceAreas();
  if (!areas) return tl::unexpected(areas.error());
  for (ServiceArea& area : *areas) organisation.service_areas.emplace(area.code, std::move(area));
  auto teams = tx.Organisation().ListTeams();
  if (!teams) return tl::unexpected(teams.error());
  for (const Team& team : *teams) organisation.teams.insert(team.code);

  auto designations = tx.Organisation().ListDesignations();
  if (!designations) return tl::unexpected(designations.error());
  organisation.routing.designations = std::move(*designations);
  organisation.routing.independent_team = organisation.settings.independent_team;
  organisation.routing.children_team = organisation.settings.children_team;
  return organisation;
}

Result<OrganisationCache::Entry> OrganisationCache::Load(Tx& tx) {
  auto generation = tx.Organisation().ConfigurationGeneration();
  if (!generation) return tl::unexpected(generation.error());
  {
    std::lock_guard lock(mutex_);
    if (entry_.organisation && entry_.generation == *generation) return entry_;
  }
  auto organisation = LoadOrganisation(tx);
  if (!organisation) return tl::unexpected(organisation.error());
  return Entry{*generation, std::make_shared<const Organisation>(std::move(*organisation))};
}

void OrganisationCache::Remember(Entry entry) {
  std::lock_guard lock(mutex_);
  // Generations only grow, so the higher one is the later configuration.
  if (!entry_.organisation || entry.generation > entry_.generation) entry_ = std::move(entry);
}

Status EnsureSettingsIn(Tx& tx, const std::string& default_name) {
  auto settings = tx.Organisation().LoadSettings();
  if (!settings) return tl::unexpected(settings.error());
  // A new database has the settings row with no name yet; an existing one keeps its name.
  if (!settings->name.empty()) return {};
  settings->name = default_name;
  return tx.Organisation().SaveSettings(*settings);
}

namespace {

// Saves a record identified by code and name (a team, a category, a root cause): validates both,
// upserts it with `upsert` and records the change as `kind` ("team") titled `title` ("Team").
template <typename Coded, typename Upsert>
Status SaveCoded(Tx& tx, const Actor& actor, core::Date today, const std::string& kind,
                 const std::string& title, const Coded& record, Upsert upsert) {
  core::FieldErrors errors;
  CheckCodeAndName(record.code, record.name, errors);
  if (!errors.empty()) return errors.ToError();
  if (auto saved = upsert(record); !saved) return saved;
  return Record(tx.Events(), actor, today, kind + "/" + record.code,
                title + " " + record.name + " saved",
                {{kind, "", record.code + " " + record.name}});
}

}  // namespace

Status SaveTeamIn(Tx& tx, const Actor& actor, core::Date today, const Team& team) {
  return SaveCoded(tx, actor, today, "team", "Team", team,
                   [&](const Team& value) { return tx.Organisation().UpsertTeam(value); });
}

Status SaveServiceAreaIn(Tx& tx, const Actor& actor, core::Date today, const ServiceArea& area) {
  core::FieldErrors errors;
  CheckCodeAndName(area.code, area.name, errors);
  if (area.team.empty()) errors.Add("team", "is required", core::FieldErrorCode::kRequired);
  if (!errors.empty()) return errors.ToError();
  if (auto saved = tx.Organisation().UpsertServiceArea(area); !saved) return saved;
  return Record(tx.Events(), actor, today, "service_area/" + area.code,
                "Service area " + area.name + " saved",
                {{"service_area", "", area.code + " " + area.name}, {"team", "", area.team}});
}

Status SaveCategoryIn(Tx& tx, const Actor& actor, core::Date today, const Category& category) {
  return SaveCoded(tx, actor, today, "category", "Category", category,
                   [&](const Category& value) { return tx.Organisation().UpsertCategory(value); });
}

Status SaveRootCauseIn(Tx& tx, const Actor& actor, core::Date today, const RootCause& root_cause) {
  return SaveCoded(
      tx, actor, today, "root_cause", "Root cause", root_cause,
      [&](const RootCause& value) { return tx.Organisation().UpsertRootCause(value); });
}

Status AddClosureDayIn(Tx& tx, const Actor& actor, core::Date today, const ClosureDay& day) {
  if (!core::InCalendarRange(day.date)) {
    return core::FailField("date",
                           "must be between " + std::to_string(core::kFirstCalendarYear) + " and " +
                               std::to_string(core::kLastCalendarYear),
                           core::FieldErrorCode::kInvalidDate);
  }
  if (day.reason.empty()) {
    return core::FailField("reason", "is required", core::FieldErrorCode::kRequired);
  }
  if (auto added = tx.Organisation().AddClosureDay(day); !added) return added;
  if (Status recorded = Record(tx.Events(), actor, today, "closure_day/" + day.date.ToIso(),
                               "Closure day " + day.date.ToIso() + " added: " + day.reason,
                               {{"closure_day", "", day.date.ToIso()}});
      !recorded) {
    return recorded;
  }
  return RecalculateRunningClocks(tx, actor, today, "closure day " + day.date.ToIso() + " added");
}

Status RemoveClosureDayIn(Tx& tx, const Actor& actor, core::Date today, core::Date date) {
  if (auto removed = tx.Organisation().RemoveClosureDay(date); !removed) return removed;
  if (Status recorded =
          Record(tx.Events(), actor, today, "closure_day/" + date.ToIso(),
                 "Closure day " + date.ToIso() + " removed", {{"closure_day", date.ToIso(), ""}});
      !recorded) {
    return recorded;
  }
  return RecalculateRunningClocks(tx, actor, today, "closure day " + date.ToIso() + " removed");
}

Status AddDesignationIn(Tx& tx, const Actor& actor, core::Date today,
                        const core::Designation& designation) {
  core::FieldErrors errors;
  if (designation.service_area.empty()) {
    errors.Add("service_area", "is required", core::FieldErrorCode::kRequired);
  }
  if (designation.to && *designation.to < designation.from) {
    errors.Add("to", "must not be before from", core::FieldErrorCode::kDateTooEarly);
  }
  if (!errors.empty()) return errors.ToError();
  if (auto added = tx.Organisation().AddDesignation(designation); !added) return added;
  std::string period =
      designation.from.ToIso() + " to " + (designation.to ? designation.to->ToIso() : "open-ended");
  return Record(tx.Events(), actor, today, "designation/" + designation.service_area,
                "Service area " + designation.service_area + " designated " + period,
                {{"designation", "", designation.service_area + " " + period}});
}

Status SaveSettingsIn(Tx& tx, const Actor& actor, core::Date today,
                      const OrganisationSettings& settings) {
  if (settings.name.empty()) {
    return core::FailField("name", "is required", core::FieldErrorCode::kRequired);
  }
  auto before = tx.Organisation().LoadSettings();
  if (!before && before.error().code != core::ErrorCode::kNotFound) {
    return tl::unexpected(before.error());
  }
  if (auto saved = tx.Organisation().SaveSettings(settings); !saved) return saved;
  if (Status recorded = Record(tx.Events(), actor, today, "settings", "Organisation settings saved",
                               {{"name", "", settings.name},
                                {"division", "", std::string(core::ToString(settings.division))},
                                {"independent_team", "", settings.independent_team},
                                {"children_team", "", settings.children_team}});
      !recorded) {
    return recorded;
  }
  if (!before || before->division == settings.division) return {};
  return RecalculateRunningClocks(
      tx, actor, today, "division changed to " + std::string(core::ToString(settings.division)));
}

Status SaveHomesOwnedIn(Tx& tx, const Actor& actor, core::Date today, int year,
                        std::int64_t homes) {
  // A bound far above any landlord's stock.
  constexpr std::int64_t kMaxHomes = 100'000'000;
  core::FieldErrors errors;
  if (Status valid = CheckReportYear(year); !valid) {
    errors.Add("year", valid.error().fields.front().message, valid.error().fields.front().code);
  }
  if (homes < 1 || homes > kMaxHomes) {
    errors.Add("homes", "must be a whole number from 1 to " + std::to_string(kMaxHomes),
               core::FieldErrorCode::kOutOfRange);
  }
  if (!errors.empty()) return errors.ToError();
  if (auto saved = tx.Reports().SaveHomesOwned(year, homes); !saved) return saved;
  return Record(
      tx.Events(), actor, today, "homes_owned/" + std::to_string(year),
      "Homes owned in " + report::FinancialYearLabel(year) + " set to " + std::to_string(homes),
      {{"homes_owned", "", std::to_string(homes)}});
}

Status SaveTenantSatisfactionIn(Tx& tx, const Actor& actor, core::Date today, int year,
                                const TenantSatisfactionInput& input) {
  constexpr double kMaxPercent = 100.0;
  constexpr int kTenthsPerPercent = 10;  // one decimal
  constexpr double kDecimalTolerance = 1e-9;
  // A bound far above any survey's respondents.
  constexpr std::int64_t kMaxSampleSize = 100'000'000;
  core::FieldErrors errors;
  if (Status valid = CheckReportYear(year); !valid) {
    errors.Add("year", valid.error().fields.front().message, valid.error().fields.front().code);
  } else if (year < report::kFirstTsmYear) {
    errors.Add("year",
               "TP09 exists from " + report::FinancialYearLabel(report::kFirstTsmYear) +
                   ", the Tenant Satisfaction Measures' first year",
               core::FieldErrorCode::kOutOfRange);
  }
  const double tenths = input.percent * double{kTenthsPerPercent};
  const bool one_decimal = std::abs(tenths - std::round(tenths)) < kDecimalTolerance;
  if (!std::isfinite(input.percent) || input.percent < 0 || input.percent > kMaxPercent ||
      !one_decimal) {
    errors.Add("percent", "must be a percentage from 0 to 100 with at most one decimal",
               core::FieldErrorCode::kOutOfRange);
  }
  if (input.sample_size < 1 || input.sample_size > kMaxSampleSize) {
    errors.Add("sample_size",
               "must be the survey's respondents, a whole number from 1 to " +
                   std::to_string(kMaxSampleSize),
               core::FieldErrorCode::kOutOfRange);
  }
  if (!errors.empty()) return errors.ToError();
  const report::TenantSatisfaction survey{static_cast<int>(std::lround(tenths)), input.sample_size};
  if (auto saved = tx.Reports().SaveTenantSatisfaction(year, survey); !saved) return saved;
  const std::string shown = std::to_string(survey.satisfied_tenths / kTenthsPerPercent) + "." +
                            std::to_string(survey.satisfied_tenths % kTenthsPerPercent);
  return Record(
      tx.Events(), actor, today, "tp09/" + std::to_string(year),
      "TP09 in " + report::FinancialYearLabel(year) + " set to " + shown + "% (sample size " +
          std::to_string(survey.sample_size) + ")",
      {{"tp09_percent", "", shown}, {"tp09_sample_size", "", std::to_string(survey.sample_size)}});
}

// ---- the same changes as use cases, each in its own transaction
// ----------------------------------

namespace {

// Runs `step` in one write transaction as at the clock's today.
template <typename Step>
Status InOwnTransaction(Store& store, const Clock& clock, Step&& step) {
  const core::Date today = clock.Today();
  return store.Write([&](Tx& tx) { return step(tx, today); });
}

}  // namespace

Status EnsureSettings(Store& store, const std::string& default_name) {
  return store.Write([&](Tx& tx) { return EnsureSettingsIn(tx, default_name); });
}

Status SaveTeam(Store& store, const Clock& clock, const Actor& actor, const Team& team) {
  return InOwnTransaction(
      store, clock, [&](Tx& tx, core::Date today) { return SaveTeamIn(tx, actor, today, team); });
}

Status SaveServiceArea(Store& store, const Clock& clock, const Actor& actor,
                       const ServiceArea& area) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveServiceAreaIn(tx, actor, today, area);
  });
}

Status SaveCategory(Store& store, const Clock& clock, const Actor& actor,
                    const Category& category) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveCategoryIn(tx, actor, today, category);
  });
}

Status SaveRootCause(Store& store, const Clock& clock, const Actor& actor,
                     const RootCause& root_cause) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveRootCauseIn(tx, actor, today, root_cause);
  });
}

Status AddClosureDay(Store& store, const Clock& clock, const Actor& actor, const ClosureDay& day) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return AddClosureDayIn(tx, actor, today, day);
  });
}

Status RemoveClosureDay(Store& store, const Clock& clock, const Actor& actor, core::Date date) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return RemoveClosureDayIn(tx, actor, today, date);
  });
}

Status AddDesignation(Store& store, const Clock& clock, const Actor& actor,
                      const core::Designation& designation) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return AddDesignationIn(tx, actor, today, designation);
  });
}

Status SaveSettings(Store& store, const Clock& clock, const Actor& actor,
                    const OrganisationSettings& settings) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveSettingsIn(tx, actor, today, settings);
  });
}

Status SaveHomesOwned(Store& store, const Clock& clock, const Actor& actor, int year,
                      std::int64_t homes) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveHomesOwnedIn(tx, actor, today, year, homes);
  });
}

Status SaveTenantSatisfaction(Store& store, const Clock& clock, const Actor& actor, int year,
                              const TenantSatisfactionInput& input) {
  return InOwnTransaction(store, clock, [&](Tx& tx, core::Date today) {
    return SaveTenantSatisfactionIn(tx, actor, today, year, input);
  });
}

Result<OrganisationSettings> GetSettings(Store& store) {
  return ReadValue<OrganisationSettings>(store,
                                         [](Tx& tx) { return tx.Organisation().LoadSettings(); });
}

Result<std::vector<Team>> ListTeams(Store& store) {
  return ReadValue<std::vector<Team>>(store, [](Tx& tx) { return tx.Organisation().ListTeams(); });
}

Result<std::vector<ServiceArea>> ListServiceAreas(Store& store) {
  return ReadValue<std::vector<ServiceArea>>(
      store, [](Tx& tx) { return tx.Organisation().ListServiceAreas(); });
}

Result<std::vector<Category>> ListCategories(Store& store) {
  return ReadValue<std::vector<Category>>(
      store, [](Tx& tx) { return tx.Organisation().ListCategories(); });
}

Result<std::vector<RootCause>> ListRootCauses(Store& store) {
  return ReadValue<std::vector<RootCause>>(
      store, [](Tx& tx) { return tx.Organisation().ListRootCauses(); });
}

Result<std::vector<ClosureDay>> ListClosureDays(Store& store) {
  return ReadValue<std::vector<ClosureDay>>(
      store, [](Tx& tx) { return tx.Organisation().ListClosureDays(); });
}

Result<std::vector<core::Designation>> ListDesignations(Store& store) {
  return ReadValue<std::vector<core::Designation>>(
      store, [](Tx& tx) { return tx.Organisation().ListDesignations(); });
}

Result<std::map<int, std::int64_t>> ListHomesOwned(Store& store) {
  return ReadValue<std::map<int, std::int64_t>>(
      store, [](Tx& tx) { return tx.Reports().ListHomesOwned(); });
}

Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction(Store& store) {
  return ReadValue<std::map<int, report::TenantSatisfaction>>(
      store, [](Tx& tx) { return tx.Reports().ListTenantSatisfaction(); });
}

}  // namespace redress::app
