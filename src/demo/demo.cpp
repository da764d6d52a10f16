#include "demo/demo.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "core/calendar.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_oversight.hpp"
#include "demo/demo_plan.hpp"

namespace redress::demo {
namespace {

using app::Actor;
using app::ClosureDay;
using app::LengthPasswordPolicy;
using app::ManualClock;
using app::NewUser;
using app::Organisation;
using app::OrganisationSettings;
using app::ServiceArea;
using app::Store;
using app::SystemActor;
using app::Tx;
using core::Date;
using core::Result;
using core::Status;

// ---------------------------------------------------------------------------------------------
// Set-up and replay.

Status SetUp(Tx& tx, const Actor& actor, Date day, Date today) {
  OrganisationSettings settings{std::string(kOrganisationName), core::Division::kEnglandAndWales,
                                std::string(kIndependentTeam), std::string(kChildrenTeam)};
  // Teams first: the settings name the independent and children's teams.
  for (const TeamSpec& team : kTeams) {
    if (auto saved = SaveTeamIn(tx, actor, day, {std::string(team.code), std::string(team.name)});
        !saved) {
      return saved;
    }
  }
  if (auto saved = SaveSettingsIn(tx, actor, day, settings); !saved) return saved;
  for (const AreaSpec& area : kAreas) {
    ServiceArea record{std::string(area.code), std::string(area.name), std::string(area.team)};
    if (auto saved = SaveServiceAreaIn(tx, actor, day, record); !saved) return saved;
  }
  for (const NamedCode& category : kCategories) {
    if (auto saved = SaveCategoryIn(tx, actor, day,
                                    {std::string(category.code), std::string(category.name), true});
        !saved) {
      return saved;
    }
  }
  for (const NamedCode& cause : kRootCauses) {
    if (auto saved = SaveRootCauseIn(tx, actor, day,
                                     {std::string(cause.code), std::string(cause.name), true});
        !saved) {
      return saved;
    }
  }
  for (const ClosureDay& closure : ChristmasClosures(today.year())) {
    if (auto added = AddClosureDayIn(tx, actor, day, closure); !added) return added;
  }
  for (const core::Designation& designation : Designations()) {
    if (auto added = AddDesignationIn(tx, actor, day, designation); !added) return added;
  }
  for (const HousingYear& year : kHousingYears) {
    if (auto saved = SaveHomesOwnedIn(tx, actor, day, year.financial_year, year.homes_owned);
        !saved) {
      return saved;
    }
  }
  for (const Tp09Year& year : kTp09Years) {
    if (auto saved = SaveTenantSatisfactionIn(tx, actor, day, year.financial_year,
                                              {year.percent, year.sample_size});
        !saved) {
      return saved;
    }
  }
  for (const UserSpec& user : kUsers) {
    auto added = AddUserIn(tx, actor, day,
                           NewUser{std::string(user.username), std::string(user.display_name),
                                   user.role, std::string(user.team), std::string(kDemoPassword)},
                           LengthPasswordPolicy());
    if (!added) return tl::unexpected(added.error());
  }
  return {};
}

// Replays the plan through the use cases, with the clock set to each step's day.
class Replayer {
 public:
  Replayer(Tx& tx, const Organisation& organisation, ManualClock& clock,
           const std::map<std::string, Actor, std::less<>>& actors, int complaints, int requests)
      : tx_(tx),
        organisation_(organisation),
        clock_(clock),
        actors_(actors),
        complaint_references_(static_cast<std::size_t>(complaints)),
        request_references_(static_cast<std::size_t>(requests)) {}

  Status Run(const std::vector<Step>& steps, Date today) {
    constexpr int kWorkdayStartSeconds = 9 * 3600;
    constexpr int kSecondsBetweenSteps = 3;
    Date current;
    int step_of_day = 0;
    for (const Step& step : steps) {
      if (step.on > today) continue;
      step_of_day = step.on == current ? step_of_day + 1 : 0;
      current = step.on;
      clock_.Set(step.on, kWorkdayStartSeconds + step_of_day * kSecondsBetweenSteps);
      if (auto done = Apply(step); !done) {
        done.error().message =
            "demo step on " + step.on.ToIso() + " failed: " + done.error().message;
        return done;
      }
    }
    return {};
  }

 private:
  Status Apply(const Step& step) {
    const Actor& actor = actors_.at(step.actor);
    switch (step.kind) {
      case StepKind::kLogServiceRequest: {
        auto logged = LogServiceRequestIn(tx_, organisation_, actor, step.on, step.request);
        if (!logged) return tl::unexpected(logged.error());
        request_references_[static_cast<std::size_t>(step.service_request)] = logged->reference;
        return {};
      }
      case StepKind::kResolveServiceRequest: {
        const std::string& reference =
            request_references_[static_cast<std::size_t>(step.service_request)];
        auto resolved =
            ResolveServiceRequestIn(tx_, actor, step.on, reference, step.on, step.resolution);
        if (!resolved) return tl::unexpected(resolved.error());
        return {};
      }
      case StepKind::kLogComplaint: {
        auto logged = LogComplaintIn(tx_, organisation_, actor, step.on, step.log);
        if (!logged) return tl::unexpected(logged.error());
        complaint_references_[static_cast<std::size_t>(step.complaint)] = logged->reference;
        return {};
      }
      case StepKind::kConvertServiceRequest: {
        const std::string& reference =
            request_references_[static_cast<std::size_t>(step.service_request)];
        auto converted =
            ConvertServiceRequestIn(tx_, organisation_, actor, step.on, reference, step.convert);
        if (!converted) return tl::unexpected(converted.error());
        complaint_references_[static_cast<std::size_t>(step.complaint)] = converted->reference;
        return {};
      }
      case StepKind::kCaseAction: {
        const std::string& reference =
            complaint_references_[static_cast<std::size_t>(step.complaint)];
        auto applied = ApplyCaseActionIn(tx_, organisation_, actor, step.on, reference,
                                         std::nullopt, step.action);
        if (!applied) {
          return core::Fail(applied.error().code, reference + ": " + applied.error().message);
        }
        return {};
      }
    }
    return {};
  }

  Tx& tx_;
  const Organisation& organisation_;
  ManualClock& clock_;
  const std::map<std::string, Actor, std::less<>>& actors_;
  std::vector<std::string> complaint_references_;
  std::vector<std::string> request_references_;
};
}  // namespace

int DemoHousingStage1(int year) {
  for (const HousingYear& entry : kHousingYears) {
    if (entry.financial_year == year) return entry.stage1;
  }
  return 0;
}

int DemoHousingStage2(int year) {
  for (const HousingYear& entry : kHousingYears) {
    if (entry.financial_year == year) return entry.stage2;
  }
  return 0;
}

Result<DemoResult> BuildDemo(Store& store, ManualClock& clock, const DemoOptions& options) {
  if (options.today < core::FinancialYearStart(kDemoFirstFinancialYear + 1)) {
    return core::FailField("today",
                           "the demo needs a date after " +
                               core::FinancialYearStart(kDemoFirstFinancialYear + 1).ToIso());
  }
  if (!core::InCalendarRange(options.today)) {
    return core::FailField("today", "is outside the calendar's range");
  }
  Actor system = SystemActor();
  // The council was set up the day before its first financial year of records.
  Date setup_day = core::FinancialYearStart(kDemoFirstFinancialYear).AddDays(-1);
  constexpr int kSetupSeconds = 8 * 3600;
  clock.Set(setup_day, kSetupSeconds);

  auto set_up = store.Write([&](Tx& tx) -> Status {
    auto summary = tx.Reports().Summarise();
    if (!summary) return tl::unexpected(summary.error());
    if (summary->complaints > 0 || summary->users > 0) {
      return core::Fail(core::ErrorCode::kConflict,
                        "the database already holds data; the demo needs a new database");
    }
    return SetUp(tx, system, setup_day, options.today);
  });
  if (!set_up) return tl::unexpected(set_up.error());

  std::map<std::string, Actor, std::less<>> actors;
  for (const UserSpec& user : kUsers) {
    actors.emplace(std::string(user.username),
                   Actor{std::string(user.username), user.role, std::string(user.team)});
  }

  DemoResult result;
  auto replayed = store.Write([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    DemoPlan plan = PlanDemo(options, *organisation->calendar, organisation->routing);
    Replayer replayer(tx, *organisation, clock, actors, plan.complaints, plan.service_requests);
    if (auto ran = replayer.Run(plan.steps, options.today); !ran) return ran;
    auto summary = tx.Reports().Summarise();
    if (!summary) return tl::unexpected(summary.error());
    result.organisation = summary->organisation;
    result.complaints = summary->complaints;
    result.service_requests = summary->service_requests;
    return {};
  });
  if (!replayed) return tl::unexpected(replayed.error());
  if (Status oversight = SeedDemoOversight(store, clock, options.today); !oversight) {
    return tl::unexpected(oversight.error());
  }

  for (const UserSpec& user : kUsers) {
    result.sign_ins.push_back({std::string(user.username), std::string(core::ToString(user.role)),
                               std::string(user.team), std::string(kDemoPassword)});
  }
  return result;
}

}  // namespace redress::demo
