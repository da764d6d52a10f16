#include "report/annual_report.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <functional>
#include <numeric>
#include <utility>

#include "core/enum_names.hpp"
#include "core/transitions.hpp"
#include "report/report_figures.hpp"
#include "report/tally.hpp"

namespace redress::report {

using namespace internal;  // NOLINT(google-build-using-namespace): the builder's own internals

std::string_view ToString(Unit unit) { return core::NameOf(kUnitNames, unit); }
std::string_view ToString(ScopeKind kind) { return core::NameOf(kScopeKindNames, kind); }
std::string_view ToString(TrendDimension dimension) {
  return core::NameOf(kTrendDimensionNames, dimension);
}

std::optional<double> Change(const Figure& figure) {
  if (!figure.current || !figure.previous) return std::nullopt;
  return *figure.current - *figure.previous;
}

std::optional<double> ChangePercent(const Figure& figure) {
  if (figure.unit != Unit::kCount && figure.unit != Unit::kPounds) return std::nullopt;
  if (!figure.current || !figure.previous || *figure.previous == 0) return std::nullopt;
  return kPercent * (*figure.current - *figure.previous) / *figure.previous;
}

std::string FinancialYearLabel(int year) {
  constexpr int kCentury = 100;
  const int next = (year + 1) % kCentury;
  return std::to_string(year) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

RecordWindow WindowFor(int year) {
  return RecordWindow{core::FinancialYearStart(year - 1), core::FinancialYearEnd(year)};
}

// ---- the builder -------------------------------------------------------------------------------

struct AnnualReportBuilder::State {
  ReportContext context;
  RecordWindow window;
  core::Date current_from;
  std::vector<ScopeTally> scopes;  // 0: organisation; 1..4: regimes; then service areas
  CodeTable service_areas;
  std::vector<std::size_t> area_scope;  // service area index → scope index
  CodeTable categories;
  CodeTable root_causes;
  std::vector<std::array<std::int64_t, kTrendMonths>> category_months;
  std::vector<std::array<std::int64_t, kTrendMonths>> area_months;
  // Reused from record to record, so that a record allocates nothing.
  core::Stage scratch;  // to recompute a stage's deadlines
  std::vector<std::size_t> cause_indices;

  // The year a date counts in: kPrevious, kCurrent, or none outside the window.
  std::optional<int> Slot(core::Date date) const {
    if (date < window.from || date > window.to) return std::nullopt;
    return date < current_from ? kPrevious : kCurrent;
  }

  std::optional<int> MonthIndex(core::Date date) const {
    if (date < window.from || date > window.to) return std::nullopt;
    return (date.year() - window.from.year()) * kMonthsInYear +
           (date.month() - kFirstMonthOfFinancialYear);
  }

  static std::size_t RegimeScope(core::Regime regime) {
    return 1 + static_cast<std::size_t>(regime);
  }

  // The scope of a service area, created with its trend months the first time it is seen.
  std::size_t AreaScope(std::string_view code) {
    const std::size_t area = service_areas.Intern(code);
    while (area_scope.size() <= area) {
      const NamedCode& named = service_areas.codes()[area_scope.size()];
      ScopeTally scope;
      scope.kind = ScopeKind::kServiceArea;
      scope.code = named.code;
      scope.name = named.name;
      scope.filter.service_area = named.code;
      scopes.push_back(std::move(scope));
      area_scope.push_back(scopes.size() - 1);
      area_months.emplace_back();
    }
    return area_scope[area];
  }

  // Applies `update` to the year `slot` of the organisation, the regime and the service area.
  template <typename Update>
  void ForScopes(const std::array<std::size_t, 3>& indices, int slot, Update&& update) {
    for (std::size_t index : indices) {
      scopes[index].active = true;
      update(scopes[index].years[static_cast<std::size_t>(slot)]);
    }
  }

  // The date a status-like figure of year `slot` is judged on (awaiting acknowledgement past the
  // deadline, actions open past their due date, complaints awaiting a root cause): the as-at date,
  // or the end of that year when the as-at date is later, so that a past year's figures read as
  // they stood at its end whenever the report is run.
  core::Date JudgedOn(int slot) const {
    const core::Date year_end =
        slot == kCurrent ? window.to : core::FinancialYearEnd(context.year - 1);
    return std::min(context.as_at, year_end);
  }

  // Whether a fact dated `on` is counted at all: only facts dated on or before the as-at date.
  bool Recorded(core::Date on) const { return on <= context.as_at; }

  // The year a fact dated `on` counts in, when it is recorded by the as-at date.
  std::optional<int> RecordedSlot(core::Date on) const {
    if (!Recorded(on)) return std::nullopt;
    return Slot(on);
  }

  // When a response came against the clock that was running when it was given: the stage's own
  // (from its start or acknowledgement) for an answer before any reopening, the clock restarted
  // at the latest reopening before it otherwise; extensions count when decided by the response
  // (core::WithDeadlines keeps those of the running clock). `clock_from` receives the date the
  // working days to respond count from.
  ResponseTiming Classify(const core::StageRule& rule, const core::WorkingCalendar& calendar,
                          const StageRecord& stage, core::Date responded_on,
                          std::optional<core::Date> reopened_before, bool& beyond_code) {
    scratch.number = stage.number;
    scratch.started_on = stage.started_on;
    // Answering an unacknowledged stage acknowledges it (core::Respond).
    scratch.acknowledged_on = stage.acknowledged_on.value_or(responded_on);
    if (*scratch.acknowledged_on > responded_on) scratch.acknowledged_on = responded_on;
    scratch.reopened_on = reopened_before;
    scratch.extensions.clear();
    // The procedure's own clocks: the review panel's response counts from its report, the
    // adults' from the agreed period (core::WithDeadlines). Steps recorded after the response
    // being judged belong to a reopening.
    scratch.procedure = {};
    if (stage.panel_met_on && *stage.panel_met_on <= responded_on) {
      scratch.procedure.panel = core::ReviewPanel{{}, *stage.panel_met_on};
      if (stage.panel_report_on && *stage.panel_report_on <= responded_on) {
        scratch.procedure.panel_report_on = stage.panel_report_on;
      }
    }
    if (stage.period_agreed_on && stage.agreed_respond_by &&
        *stage.period_agreed_on <= responded_on) {
      scratch.procedure.agreed_period =
          core::AgreedResponsePeriod{*stage.period_agreed_on, *stage.agreed_respond_by};
    }
    beyond_code = false;
    for (const ExtensionRecord& extension : stage.extensions) {
      // Extensions after the response belong to a later reopening, not to this answer.
      if (extension.decided_on > responded_on) continue;
      if (reopened_before && extension.decided_on < *reopened_before) continue;
      scratch.extensions.push_back(core::Extension{extension.decided_on,
                                                   extension.working_days,
                                                   {},
                                                   {},
                                                   extension.decided_on,
                                                   extension.decided_on,
                                                   extension.within_code});
      beyond_code = beyond_code || !extension.within_code;
    }
    scratch = core::WithDeadlines(std::move(scratch), rule, calendar);
    assert(scratch.respond_by_original && scratch.respond_by);
    if (responded_on <= *scratch.respond_by_original) return ResponseTiming::kWithinTimescale;
    if (responded_on <= *scratch.respond_by) {
      return beyond_code ? ResponseTiming::kExtensionBeyondCode
                         : ResponseTiming::kWithinCodeExtension;
    }
    return ResponseTiming::kLate;
  }

  // The latest reopening of `stage` on or before `on`, if any.
  static std::optional<core::Date> ReopenedBefore(const StageRecord& stage, core::Date on) {
    std::optional<core::Date> latest;
    for (core::Date reopened : Reopenings(stage)) {
      if (reopened <= on && (!latest || reopened > *latest)) latest = reopened;
    }
    return latest;
  }

  // Every reopening of a stage; a record without the list has at most its latest.
  static std::span<const core::Date> Reopenings(const StageRecord& stage) {
    if (!stage.reopenings.empty() || !stage.reopened_on) return stage.reopenings;
    return std::span<const core::Date>(&*stage.reopened_on, 1);
  }

  // Whether the complaint stood refused or withdrawn on `on`: a refusal or withdrawal by then
  // that no reopening by then undid.
  static bool EndedOn(const ComplaintRecord& complaint, core::Date on) {
    std::optional<core::Date> ended;
    const auto end = [&](std::optional<core::Date> date) {
      if (date && *date <= on && (!ended || *date > *ended)) ended = date;
    };
    end(complaint.refused_on);
    end(complaint.withdrawn_on);
    for (const RefusalRecord& refusal : complaint.earlier_refusals) end(refusal.decided_on);
    for (core::Date withdrawn : complaint.earlier_withdrawals) end(withdrawn);
    if (!ended) return false;
    for (const StageRecord& stage : complaint.stages) {
      for (core::Date reopened : Reopenings(stage)) {
        if (reopened >= *ended && reopened <= on) return false;
      }
    }
    return true;
  }

  // Whether the stage was refused or withdrawn, by the as-at date, before it was acknowledged:
  // such a stage is left out of the acknowledgement figures (its acknowledgement, if it came after
  // a reopening, is one afresh).
  bool EndedBeforeAcknowledgement(const ComplaintRecord& complaint, const StageRecord& stage,
                                  std::optional<core::Date> stage_end) const {
    const auto before = [&](core::Date decided) {
      return Recorded(decided) && decided >= stage.started_on &&
             (!stage_end || decided < *stage_end) &&
             (!stage.acknowledged_on || decided < *stage.acknowledged_on);
    };
    if (complaint.refused_on && before(*complaint.refused_on)) return true;
    if (complaint.withdrawn_on && before(*complaint.withdrawn_on)) return true;
    for (const RefusalRecord& refusal : complaint.earlier_refusals) {
      if (before(refusal.decided_on)) return true;
    }
    for (core::Date withdrawn : complaint.earlier_withdrawals) {
      if (before(withdrawn)) return true;
    }
    return false;
  }

  // Calls `visit` with each response the stage was given, oldest first: the superseded ones, then
  // the one that stands.
  template <typename Visit>
  static void ForEachResponse(const StageRecord& stage, Visit&& visit) {
    for (const ResponseRecord& response : stage.earlier_responses) visit(response);
    if (stage.responded_on && stage.outcome) {
      visit(ResponseRecord{*stage.responded_on, *stage.outcome, stage.root_causes, stage.remedies,
                           stage.actions, stage.learning_recorded});
    }
  }

  void AddStage(const ComplaintRecord& complaint, std::size_t index,
                const std::array<std::size_t, 3>& indices) {
    const StageRecord& stage = complaint.stages[index];
    const std::optional<core::Date> stage_end =
        index + 1 < complaint.stages.size()
            ? std::optional<core::Date>(complaint.stages[index + 1].started_on)
            : std::nullopt;
    // Judged on the Code version in force when the complaint was received.
    const core::RegimeRules rules = core::RulesFor(complaint.regime, complaint.received_on);
    if (stage.number < 1 || stage.number > rules.stage_count()) return;  // not of this regime
    const core::StageRule& rule = rules.stage(stage.number);
    const auto at = static_cast<std::size_t>(stage.number - 1);
    const core::WorkingCalendar& calendar = core::CalendarFor(complaint.regime, *context.calendar);

    if (auto slot = RecordedSlot(stage.started_on)) {
      const core::Date acknowledge_by =
          calendar.AddWorkingDays(stage.started_on, rule.acknowledge_working_days);
      const core::Date judged_on = JudgedOn(*slot);
      const bool left_out = EndedBeforeAcknowledgement(complaint, stage, stage_end);
      ForScopes(indices, *slot, [&](Tally& tally) {
        StageTally& counts = tally.stages[at];
        ++counts.received;
        if (stage.number < rules.stage_count()) ++counts.received_escalatable;
        if (left_out) return;
        if (stage.acknowledged_on && Recorded(*stage.acknowledged_on)) {
          ++(*stage.acknowledged_on <= acknowledge_by ? counts.acknowledged_on_time
                                                      : counts.acknowledged_late);
        } else if (judged_on > acknowledge_by &&
                   (!stage.acknowledged_on || *stage.acknowledged_on > judged_on) &&
                   !EndedOn(complaint, judged_on)) {
          ++counts.awaiting_acknowledgement_overdue;
        }
      });
    }

    bool first = true;
    ForEachResponse(stage, [&](const ResponseRecord& response) {
      const bool first_response = std::exchange(first, false);
      auto slot = RecordedSlot(response.responded_on);
      if (!slot) return;
      const std::optional<core::Date> reopened_before =
          ReopenedBefore(stage, response.responded_on);
      bool beyond_code = false;
      const ResponseTiming timing =
          Classify(rule, calendar, stage, response.responded_on, reopened_before, beyond_code);
      const int days = calendar.WorkingDaysBetween(reopened_before.value_or(stage.started_on),
                                                   response.responded_on);
      ForScopes(indices, *slot, [&](Tally& tally) {
        StageTally& counts = tally.stages[at];
        ++counts.responses;
        if (first_response) {
          ++counts.first_responses;
          if (timing == ResponseTiming::kWithinTimescale ||
              timing == ResponseTiming::kWithinCodeExtension) {
            ++counts.first_within_code;
          }
        }
        switch (timing) {
          case ResponseTiming::kWithinTimescale:
            ++counts.within_timescale;
            break;
          case ResponseTiming::kWithinCodeExtension:
            ++counts.within_code_extension;
            break;
          case ResponseTiming::kExtensionBeyondCode:
            ++counts.extension_beyond_code;
            break;
          case ResponseTiming::kLate:
            ++counts.late;
            break;
        }
        counts.total_working_days += days;
        ++counts.working_days[days];
      });
      AddResponse(response, at, indices, *slot);
    });

    for (core::Date reopened : Reopenings(stage)) {
      if (auto slot = RecordedSlot(reopened)) {
        ForScopes(indices, *slot, [](Tally& tally) { ++tally.reopened; });
      }
    }
  }

  void AddResponse(const ResponseRecord& response, std::size_t at,
                   const std::array<std::size_t, 3>& indices, int slot) {
    cause_indices.clear();
    for (std::string_view code : response.root_causes) {
      cause_indices.push_back(root_causes.Intern(code));
    }
    const core::Date judged_on = JudgedOn(slot);
    ForScopes(indices, slot, [&](Tally& tally) {
      StageTally& counts = tally.stages[at];
      ++counts.standing;
      switch (response.outcome) {
        case core::Outcome::kUpheld:
          ++counts.upheld;
          break;
        case core::Outcome::kPartlyUpheld:
          ++counts.partly_upheld;
          break;
        case core::Outcome::kNotUpheld:
          ++counts.not_upheld;
          break;
      }
      ++tally.standing_responses;
      if (!response.root_causes.empty()) ++tally.responses_with_root_cause;
      for (std::size_t cause : cause_indices) Increment(tally.root_causes, cause);
      for (const RemedyRecord& remedy : response.remedies) {
        ++tally.remedies[static_cast<std::size_t>(remedy.type)];
        tally.compensation_pence += remedy.amount_pence;
      }
      if (response.learning_recorded) ++tally.responses_with_learning;
      for (const ActionRecord& action : response.actions) {
        ++tally.actions_recorded;
        // Done by the date the year is judged on; an action done with no completion date recorded
        // counts as done.
        const bool done =
            action.done && (!action.completed_on || *action.completed_on <= judged_on);
        if (done) {
          ++tally.actions_done;
        } else if (action.due_on && *action.due_on < judged_on) {
          ++tally.actions_open_overdue;
        }
      }
    });
  }
};

AnnualReportBuilder::AnnualReportBuilder(ReportContext context)
    : state_(std::make_unique<State>()) {
  assert(context.year >= kFirstReportYear && context.year <= kLastReportYear);
  assert(context.calendar != nullptr);
  State& s = *state_;
  s.window = WindowFor(context.year);
  s.current_from = core::FinancialYearStart(context.year);
  s.service_areas.Preload(context.service_areas);
  s.categories.Preload(context.categories);
  s.root_causes.Preload(context.root_causes);
  s.context = std::move(context);

  ScopeTally organisation;
  organisation.code = std::string(kOrganisationCode);
  organisation.name = s.context.organisation.empty() ? "The organisation" : s.context.organisation;
  s.scopes.push_back(std::move(organisation));
  for (core::Regime regime : core::kAllRegimes) {
    ScopeTally scope;
    scope.kind = ScopeKind::kRegime;
    scope.code = std::string(core::ToString(regime));
    scope.filter.regime = regime;
    scope.stage_count = core::RulesFor(regime).stage_count();
    s.scopes.push_back(std::move(scope));
  }
  s.scopes[State::RegimeScope(core::Regime::kHousing)].name = "Housing (Housing Ombudsman Code)";
  s.scopes[State::RegimeScope(core::Regime::kCorporate)].name = "Corporate (LGSCO Code)";
  s.scopes[State::RegimeScope(core::Regime::kChildren)].name = "Children's social care (statutory)";
  s.scopes[State::RegimeScope(core::Regime::kAdults)].name = "Adult social care (statutory)";
}

AnnualReportBuilder::~AnnualReportBuilder() = default;

void AnnualReportBuilder::Add(const ComplaintRecord& complaint) {
  State& s = *state_;
  if (complaint.stages.empty() || complaint.received_on > s.window.to) return;
  const std::array<std::size_t, 3> indices{0, State::RegimeScope(complaint.regime),
                                           s.AreaScope(complaint.service_area)};
  const int stage_count = core::RulesFor(complaint.regime).stage_count();
  for (std::size_t index : {indices[0], indices[2]}) {
    s.scopes[index].stage_count = std::max(s.scopes[index].stage_count, stage_count);
  }

  if (auto slot = s.RecordedSlot(complaint.received_on)) {
    const std::size_t category = s.categories.Intern(complaint.category);
    // Judged on the year's judging date (State::JudgedOn): a root cause recorded by then, or none
    // yet while the complaint was still open then.
    const core::Date judged_on = s.JudgedOn(*slot);
    bool has_root_cause = false;
    bool answered = false;
    for (const StageRecord& stage : complaint.stages) {
      State::ForEachResponse(stage, [&](const ResponseRecord& response) {
        if (response.responded_on > judged_on) return;
        answered = true;
        if (!response.root_causes.empty()) has_root_cause = true;
      });
    }
    const bool awaiting_root_cause =
        !has_root_cause && !answered && !State::EndedOn(complaint, judged_on);
    s.ForScopes(indices, *slot, [&](Tally& tally) {
      Increment(tally.categories, category);
      if (complaint.possible_repeat) ++tally.repeats;
      if (has_root_cause) ++tally.received_with_root_cause;
      if (awaiting_root_cause) ++tally.received_awaiting_root_cause;
    });
    const auto month = static_cast<std::size_t>(*s.MonthIndex(complaint.received_on));
    if (s.category_months.size() <= category) s.category_months.resize(category + 1);
    ++s.category_months[category][month];
    const std::size_t area = s.service_areas.Intern(complaint.service_area);
    ++s.area_months[area][month];
  }
  // Every refusal and withdrawal counts in the year it was decided, even when a reopening undid it
  // later.
  const auto refused = [&](core::Date decided_on, core::RefusalReason reason) {
    if (auto slot = s.RecordedSlot(decided_on)) {
      s.ForScopes(indices, *slot,
                  [&](Tally& tally) { ++tally.refused[static_cast<std::size_t>(reason)]; });
    }
  };
  const auto withdrawn = [&](core::Date withdrawn_on) {
    if (auto slot = s.RecordedSlot(withdrawn_on)) {
      s.ForScopes(indices, *slot, [](Tally& tally) { ++tally.withdrawn; });
    }
  };
  for (const RefusalRecord& refusal : complaint.earlier_refusals) {
    refused(refusal.decided_on, refusal.reason);
  }
  if (complaint.refused_on && complaint.refusal_reason) {
    refused(*complaint.refused_on, *complaint.refusal_reason);
  }
  for (core::Date on : complaint.earlier_withdrawals) withdrawn(on);
  if (complaint.withdrawn_on) withdrawn(*complaint.withdrawn_on);
  for (std::size_t i = 0; i < complaint.stages.size(); ++i) s.AddStage(complaint, i, indices);
}

void AnnualReportBuilder::Add(const ServiceRequestRecord& request) {
  State& s = *state_;
  auto slot = s.RecordedSlot(request.received_on);
  if (!slot) return;
  std::vector<std::size_t> indices{0};
  if (!request.service_area.empty()) indices.push_back(s.AreaScope(request.service_area));
  for (std::size_t index : indices) {
    Tally& tally = s.scopes[index].years[static_cast<std::size_t>(*slot)];
    s.scopes[index].active = true;
    ++tally.service_requests;
    if (request.converted) ++tally.service_requests_converted;
  }
}

namespace {

TrendSeries SeriesOf(TrendDimension dimension, const NamedCode& code,
                     const std::array<std::int64_t, kTrendMonths>& months) {
  TrendSeries series;
  series.dimension = dimension;
  series.code = code.code;
  series.name = code.name;
  if (dimension == TrendDimension::kCategory) {
    series.filter.category = code.code;
  } else {
    series.filter.service_area = code.code;
  }
  for (int month = 0; month < kMonthsInYear; ++month) {
    const auto i = static_cast<std::size_t>(month);
    const std::int64_t count = months[i + kMonthsInYear];
    const std::int64_t before = std::accumulate(
        months.begin() + month, months.begin() + month + kMonthsInYear, std::int64_t{0});
    const double baseline = static_cast<double>(before) / kMonthsInYear;
    series.counts[i] = count;
    series.baseline[i] = baseline;
    const auto value = static_cast<double>(count);
    series.emerging[i] =
        value >= kEmergingFactor * baseline && value - baseline >= kEmergingMinimumExcess;
  }
  return series;
}

template <typename Months>
void AddTrends(std::vector<TrendSeries>& trends, TrendDimension dimension,
               const std::vector<NamedCode>& codes, const std::vector<Months>& months) {
  for (std::size_t i = 0; i < codes.size() && i < months.size(); ++i) {
    const bool any = std::any_of(months[i].begin(), months[i].end(),
                                 [](std::int64_t count) { return count > 0; });
    if (any) trends.push_back(SeriesOf(dimension, codes[i], months[i]));
  }
}

}  // namespace

AnnualReport AnnualReportBuilder::Finish() {
  State& s = *state_;
  AnnualReport report;
  report.organisation = s.context.organisation;
  report.year = s.context.year;
  report.period_from = s.current_from;
  report.period_to = s.window.to;
  report.previous_from = s.window.from;
  report.previous_to = s.current_from.AddDays(-1);
  report.as_at = s.context.as_at;

  const std::vector<NamedCode>& categories = s.categories.codes();
  const std::vector<NamedCode>& root_causes = s.root_causes.codes();
  // Status-like figures are judged on the as-at date or the year's end, whichever is earlier.
  const core::Date judged_on = s.JudgedOn(kCurrent);
  report.scopes.push_back(FiguresOf(s.scopes[0], categories, root_causes, judged_on));
  for (core::Regime regime : core::kAllRegimes) {
    const ScopeTally& scope = s.scopes[State::RegimeScope(regime)];
    if (scope.active) report.scopes.push_back(FiguresOf(scope, categories, root_causes, judged_on));
  }
  std::vector<std::size_t> areas(s.area_scope.begin(), s.area_scope.end());
  std::sort(areas.begin(), areas.end(),
            [&](std::size_t a, std::size_t b) { return s.scopes[a].name < s.scopes[b].name; });
  for (std::size_t index : areas) {
    if (s.scopes[index].active) {
      report.scopes.push_back(FiguresOf(s.scopes[index], categories, root_causes, judged_on));
    }
  }
  report.tsm = TenantSatisfactionMeasures(s.scopes[State::RegimeScope(core::Regime::kHousing)],
                                          s.context.homes_owned, s.context.tenant_satisfaction,
                                          s.context.year);

  for (int month = 0; month < kMonthsInYear; ++month) {
    const int calendar_month = (kFirstMonthOfFinancialYear - 1 + month) % kMonthsInYear + 1;
    const int calendar_year =
        calendar_month >= kFirstMonthOfFinancialYear ? s.context.year : s.context.year + 1;
    report.months.push_back(std::to_string(calendar_year) + (calendar_month < 10 ? "-0" : "-") +
                            std::to_string(calendar_month));
  }
  AddTrends(report.trends, TrendDimension::kCategory, categories, s.category_months);
  AddTrends(report.trends, TrendDimension::kServiceArea, s.service_areas.codes(), s.area_months);

  report.rules = CountingRules();
  for (const CountingRule& rule : report.rules) {
    if (rule.key.starts_with("tsm_")) report.tsm_notes.push_back(rule.text);
  }
  for (int year : {s.context.year - 1, s.context.year}) {
    if (year < kFirstTsmYear) {
      report.tsm_notes.push_back("The Tenant Satisfaction Measures began in " +
                                 FinancialYearLabel(kFirstTsmYear) +
                                 ", so there is no CH01 or "
                                 "CH02 for " +
                                 FinancialYearLabel(year) + ".");
      continue;
    }
    if (!s.context.tenant_satisfaction.contains(year)) {
      report.tsm_notes.push_back("TP09 is not entered for " + FinancialYearLabel(year) +
                                 " (enter it with `redress report tp09 --year " +
                                 std::to_string(year) + " --percent P --sample-size N`).");
    }
    if (!s.context.homes_owned.contains(year)) {
      report.tsm_notes.push_back("Homes owned is not configured for " + FinancialYearLabel(year) +
                                 ", so CH01 cannot be computed for it (set it with `redress "
                                 "report homes --year " +
                                 std::to_string(year) + " --homes N`).");
    }
  }
  report.ombudsman_note =
      "From the Ombudsman cases recorded in Redress: cases received in the year (enquiry received, "
      "or referred when there is no enquiry date), outcomes of the final decisions made in the "
      "year (Housing Ombudsman findings count once per complaint element), orders and "
      "recommendations due in the year with compliance as at the report's date, Complaint "
      "Handling Failure Orders issued in the year, the LGSCO annual letter beside the cases "
      "recorded when the letter was entered, and the learning actions completed in the year. "
      "Absent when the Ombudsman records were not read.";
  report.self_assessment_note =
      "The Code self-assessment of the year as recorded in Redress, with the governing body's "
      "approval and response; absent when the year's self-assessment was not started.";
  return report;
}

}  // namespace redress::report
