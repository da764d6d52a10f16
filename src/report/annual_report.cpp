#include "report/annual_report.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <functional>
#include <numeric>
#include <utility>

#include "core/enum_names.hpp"
#include "core/transitions.hpp"

namespace redress::report {
namespace {

using core::kMaxStages;
constexpr int kPrevious = 0;  // index of the previous year in a pair of tallies
constexpr int kCurrent = 1;
constexpr int kYears = 2;
constexpr int kTrendMonths = kYears * kMonthsInYear;  // the previous year's months feed baselines
constexpr int kFirstMonthOfFinancialYear = 4;         // April
constexpr double kPercent = 100.0;
constexpr double kHomesPerMeasure = 1000.0;  // CH01 is per 1,000 homes
constexpr double kPenceInPound = 100.0;
constexpr std::string_view kOrganisationCode = "all";

// The Code's exclusions and remedies with their labels, in the order of their enums (the tallies
// index by the enum's value).
constexpr core::EnumNames<core::RefusalReason, 4> kRefusalLabels{{
    {core::RefusalReason::kOlderThan12Months, "Not accepted: older than 12 months"},
    {core::RefusalReason::kLegalProceedings, "Not accepted: legal proceedings"},
    {core::RefusalReason::kPreviouslyConsidered, "Not accepted: previously considered"},
    {core::RefusalReason::kOther, "Not accepted: other reason"},
}};
constexpr std::size_t kRefusalReasonCount = kRefusalLabels.size();

constexpr core::EnumNames<core::RemedyType, 9> kRemedyLabels{{
    {core::RemedyType::kApology, "Apology"},
    {core::RemedyType::kAcknowledgeFault, "Acknowledgement of fault"},
    {core::RemedyType::kExplanation, "Explanation, assistance or reasons"},
    {core::RemedyType::kActionOnDelay, "Action on a delay"},
    {core::RemedyType::kChangeOfDecision, "Decision reconsidered or changed"},
    {core::RemedyType::kAmendRecord, "Record amended"},
    {core::RemedyType::kFinancial, "Financial remedy (compensation)"},
    {core::RemedyType::kWorks, "Works"},
    {core::RemedyType::kChangeOfPolicy, "Policy, procedure or practice changed"},
}};
constexpr std::size_t kRemedyTypeCount = kRemedyLabels.size();

constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kRefusalReasonCount; ++i) {
    if (static_cast<std::size_t>(kRefusalLabels[i].first) != i) return false;
  }
  for (std::size_t i = 0; i < kRemedyTypeCount; ++i) {
    if (static_cast<std::size_t>(kRemedyLabels[i].first) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "label tables in enum order");

constexpr core::EnumNames<Unit, 5> kUnitNames{{
    {Unit::kCount, "count"},
    {Unit::kPercent, "percent"},
    {Unit::kWorkingDays, "working_days"},
    {Unit::kPounds, "pounds"},
    {Unit::kPerThousandHomes, "per_1000_homes"},
}};
constexpr core::EnumNames<ScopeKind, 3> kScopeKindNames{{
    {ScopeKind::kOrganisation, "organisation"},
    {ScopeKind::kRegime, "regime"},
    {ScopeKind::kServiceArea, "service_area"},
}};
constexpr core::EnumNames<TrendDimension, 2> kTrendDimensionNames{{
    {TrendDimension::kCategory, "category"},
    {TrendDimension::kServiceArea, "service_area"},
}};

// When a stage's first response came, against the stage's timescale.
enum class ResponseTiming {
  kWithinTimescale,      // on or before the due date without extension
  kWithinCodeExtension,  // after it, within extensions that all stayed within the Code
  kExtensionBeyondCode,  // within the extended date, but an extension went beyond the Code
  kLate,                 // after the extended due date
};

struct StageTally {
  std::int64_t received = 0;
  // Of those, the complaints whose regime has a further stage: the escalation rate's denominator,
  // so that a regime's stages are never divided by another's (adults' single stage cannot be
  // escalated; only children's complaints have a stage 3).
  std::int64_t received_escalatable = 0;
  std::int64_t acknowledged_on_time = 0;
  std::int64_t acknowledged_late = 0;
  std::int64_t awaiting_acknowledgement_overdue = 0;
  std::int64_t responses = 0;  // responses given in the year, re-answers after reopening too
  // The stage's first responses in the year and those within the Code's timescales (TSM CH02
  // counts complaints responded to, once each).
  std::int64_t first_responses = 0;
  std::int64_t first_within_code = 0;
  std::int64_t within_timescale = 0;
  std::int64_t within_code_extension = 0;
  std::int64_t extension_beyond_code = 0;
  std::int64_t late = 0;
  std::int64_t total_working_days = 0;
  std::map<int, std::int64_t> working_days;  // working days to respond → responses
  std::int64_t standing = 0;  // responses with an outcome made in the year, superseded or not
  std::int64_t upheld = 0;
  std::int64_t partly_upheld = 0;
  std::int64_t not_upheld = 0;
};

// Everything counted for one scope in one year.
struct Tally {
  std::array<StageTally, kMaxStages> stages;
  std::int64_t service_requests = 0;
  std::int64_t service_requests_converted = 0;
  std::array<std::int64_t, kRefusalReasonCount> refused{};
  std::int64_t withdrawn = 0;
  std::int64_t reopened = 0;
  std::int64_t repeats = 0;
  std::array<std::int64_t, kRemedyTypeCount> remedies{};
  std::int64_t compensation_pence = 0;
  std::vector<std::int64_t> categories;   // by category index
  std::vector<std::int64_t> root_causes;  // by root cause index
  std::int64_t standing_responses = 0;
  std::int64_t responses_with_root_cause = 0;
  // Complaints received in the year (stage 1) with a root cause recorded at any stage, and those
  // with none yet that are still open: the share a Cabinet compares year on year.
  std::int64_t received_with_root_cause = 0;
  std::int64_t received_awaiting_root_cause = 0;
  std::int64_t responses_with_learning = 0;
  std::int64_t actions_recorded = 0;
  std::int64_t actions_done = 0;
  std::int64_t actions_open_overdue = 0;
};

void Increment(std::vector<std::int64_t>& counts, std::size_t index) {
  if (counts.size() <= index) counts.resize(index + 1);
  ++counts[index];
}

std::int64_t At(const std::vector<std::int64_t>& counts, std::size_t index) {
  return index < counts.size() ? counts[index] : 0;
}

struct ScopeTally {
  ScopeKind kind = ScopeKind::kOrganisation;
  std::string code;
  std::string name;
  ListFilter filter;
  int stage_count = 1;  // the most stages of the regimes of its complaints
  bool active = false;  // has a record in either year
  std::array<Tally, kYears> years;
};

// Interns codes of reference data: the index of a code, with its display name.
class CodeTable {
 public:
  void Preload(const std::vector<NamedCode>& codes) {
    for (const NamedCode& code : codes) Intern(code.code, code.name);
  }
  std::size_t Intern(std::string_view code, std::string_view name = {}) {
    auto found = index_.find(code);
    if (found != index_.end()) return found->second;
    const std::size_t index = codes_.size();
    codes_.push_back({std::string(code), name.empty() ? std::string(code) : std::string(name)});
    index_.emplace(std::string(code), index);
    return index;
  }
  const std::vector<NamedCode>& codes() const { return codes_; }

 private:
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<NamedCode> codes_;
};

std::optional<double> Ratio(std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) return std::nullopt;
  return kPercent * static_cast<double>(numerator) / static_cast<double>(denominator);
}

std::optional<double> Median(const std::map<int, std::int64_t>& histogram, std::int64_t total) {
  if (total <= 0) return std::nullopt;
  // The values at positions (total - 1) / 2 and total / 2 (0-based) in sorted order.
  const std::int64_t lower_position = (total - 1) / 2;
  const std::int64_t upper_position = total / 2;
  std::optional<int> lower;
  std::optional<int> upper;
  std::int64_t seen = 0;
  for (const auto& [days, count] : histogram) {
    seen += count;
    if (!lower && seen > lower_position) lower = days;
    if (!upper && seen > upper_position) {
      upper = days;
      break;
    }
  }
  return (static_cast<double>(*lower) + static_cast<double>(*upper)) / 2.0;
}

std::string StageName(int number) { return "stage " + std::to_string(number); }

}  // namespace

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

// ---- from tallies to figures -------------------------------------------------------------------

namespace {

using Years = std::array<Tally, kYears>;

// Builds the figures of one scope, each computed the same way for both years.
class FigureMaker {
 public:
  FigureMaker(const ScopeTally& scope, std::string phrase)
      : years_(scope.years), filter_(scope.filter), phrase_(std::move(phrase)) {}

  // A figure whose complaints the list filters select exactly: those received in the period,
  // narrowed by the scope's filter and `category`.
  template <typename Value>
  Figure Exact(std::string key, std::string label, std::string what, Value value,
               std::string category = {}) const {
    Figure figure = Make(std::move(key), std::move(label), Unit::kCount, std::move(what), value);
    figure.selection.coverage = Coverage::kExact;
    figure.selection.filter.category = std::move(category);
    return figure;
  }

  // A figure the list filters cannot express; `what` describes what it counts.
  template <typename Value>
  Figure Make(std::string key, std::string label, Unit unit, std::string what, Value value) const {
    Figure figure;
    figure.key = std::move(key);
    figure.label = std::move(label);
    figure.unit = unit;
    figure.current = ToOptional(value(years_[kCurrent]));
    figure.previous = ToOptional(value(years_[kPrevious]));
    figure.selection.filter = filter_;
    figure.selection.coverage = Coverage::kDescribedOnly;
    figure.selection.description = phrase_ + ": " + std::move(what);
    return figure;
  }

 private:
  static std::optional<double> ToOptional(std::optional<double> value) { return value; }
  static std::optional<double> ToOptional(std::int64_t value) { return static_cast<double>(value); }

  const Years& years_;
  ListFilter filter_;
  std::string phrase_;
};

FigureGroup Volumes(const FigureMaker& make, const ScopeTally& scope) {
  FigureGroup group{"volumes", "Complaints received, escalated and not accepted", {}};
  auto& figures = group.figures;
  figures.push_back(make.Exact("stage_1_received", "Stage 1 complaints received",
                               "complaints received in the period",
                               [](const Tally& t) { return t.stages[0].received; }));
  for (int number = 2; number <= scope.stage_count; ++number) {
    const auto at = static_cast<std::size_t>(number - 1);
    figures.push_back(make.Make(
        "stage_" + std::to_string(number) + "_received",
        "Stage " + std::to_string(number) + " complaints received", Unit::kCount,
        StageName(number) + " requested (escalated) in the period; not expressible with the list "
                            "filters, which select by the date the complaint was received",
        [at](const Tally& t) { return t.stages[at].received; }));
    figures.push_back(make.Make(
        "escalation_rate_" + std::to_string(number - 1) + "_to_" + std::to_string(number),
        "Escalation rate, stage " + std::to_string(number - 1) + " to " + std::to_string(number),
        Unit::kPercent,
        StageName(number) + " complaints received in the period as a share of " +
            StageName(number - 1) +
            " complaints received in the period under a regime that has a " + StageName(number),
        [at](const Tally& t) {
          return Ratio(t.stages[at].received, t.stages[at - 1].received_escalatable);
        }));
  }
  if (scope.kind != ScopeKind::kRegime) {
    figures.push_back(make.Make("service_requests", "Service requests received", Unit::kCount,
                                "service requests (not complaints) received in the period",
                                [](const Tally& t) { return t.service_requests; }));
    figures.push_back(make.Make(
        "service_requests_converted", "Service requests that became complaints", Unit::kCount,
        "service requests received in the period and later raised as complaints",
        [](const Tally& t) { return t.service_requests_converted; }));
  }
  figures.push_back(make.Make(
      "not_accepted", "Complaints not accepted", Unit::kCount,
      "refusals (not accepted) decided in the period, reopened since or not", [](const Tally& t) {
        return std::accumulate(t.refused.begin(), t.refused.end(), std::int64_t{0});
      }));
  for (std::size_t i = 0; i < kRefusalReasonCount; ++i) {
    const auto [reason, label] = kRefusalLabels[i];
    figures.push_back(make.Make("not_accepted_" + std::string(core::ToString(reason)),
                                std::string(label), Unit::kCount,
                                "complaints refused in the period, reason: " +
                                    std::string(label.substr(label.find(": ") + 2)),
                                [i](const Tally& t) { return t.refused[i]; }));
  }
  figures.push_back(make.Make("withdrawn", "Complaints withdrawn", Unit::kCount,
                              "withdrawals decided in the period, reopened since or not",
                              [](const Tally& t) { return t.withdrawn; }));
  figures.push_back(make.Make("reopened", "Complaints reopened", Unit::kCount,
                              "reopenings in the period, each counted (a stage reopened twice "
                              "counts twice)",
                              [](const Tally& t) { return t.reopened; }));
  figures.push_back(make.Make(
      "repeat_complaints", "Possible repeat complaints", Unit::kCount,
      "complaints received in the period that were linked as possible repeats of an earlier one",
      [](const Tally& t) { return t.repeats; }));
  return group;
}

// An empty group of figures about stage `number`: "<key>_stage_<n>", "<title> at stage <n>".
FigureGroup StageGroup(std::string_view key, std::string_view title, int number) {
  return {std::string(key) + "_stage_" + std::to_string(number),
          std::string(title) + " at stage " + std::to_string(number),
          {}};
}

FigureGroup Timeliness(const FigureMaker& make, int number) {
  const auto at = static_cast<std::size_t>(number - 1);
  const std::string stage = StageName(number);
  FigureGroup group = StageGroup("timeliness", "Timeliness", number);
  auto& f = group.figures;
  f.push_back(make.Make(
      "acknowledged_within_timescale", "Acknowledged within timescale", Unit::kPercent,
      stage + " started in the period: acknowledged within the timescale, as a share of those "
              "acknowledged or awaiting acknowledgement past the deadline",
      [at](const Tally& t) {
        const StageTally& s = t.stages[at];
        return Ratio(s.acknowledged_on_time, s.acknowledged_on_time + s.acknowledged_late +
                                                 s.awaiting_acknowledgement_overdue);
      }));
  f.push_back(make.Make("responses", "Responses", Unit::kCount,
                        stage + " responses made in the period (an answer after a reopening "
                                "included)",
                        [at](const Tally& t) { return t.stages[at].responses; }));
  f.push_back(make.Make("within_timescale", "Responded within timescale without extension",
                        Unit::kCount,
                        stage + " responses in the period on or before the due date "
                                "without extension",
                        [at](const Tally& t) { return t.stages[at].within_timescale; }));
  f.push_back(make.Make("within_code_extension", "Responded within a Code-compliant extension",
                        Unit::kCount,
                        stage + " responses in the period within extensions that stayed "
                                "within the Code",
                        [at](const Tally& t) { return t.stages[at].within_code_extension; }));
  f.push_back(make.Make("extension_beyond_code", "Responded within an extension beyond the Code",
                        Unit::kCount,
                        stage + " responses in the period within an extension that went "
                                "beyond the Code",
                        [at](const Tally& t) { return t.stages[at].extension_beyond_code; }));
  f.push_back(make.Make("late", "Responded late", Unit::kCount,
                        stage + " responses in the period after the (extended) due date",
                        [at](const Tally& t) { return t.stages[at].late; }));
  f.push_back(make.Make("on_time_percent", "Responded within the Code's timescales", Unit::kPercent,
                        stage + " responses in the period within the timescale or a "
                                "Code-compliant extension, as a share of all",
                        [at](const Tally& t) {
                          const StageTally& s = t.stages[at];
                          return Ratio(s.within_timescale + s.within_code_extension, s.responses);
                        }));
  f.push_back(make.Make(
      "mean_working_days", "Mean working days to respond", Unit::kWorkingDays,
      stage + " responses in the period: working days from the stage's start (or reopening)",
      [at](const Tally& t) -> std::optional<double> {
        const StageTally& s = t.stages[at];
        if (s.responses == 0) return std::nullopt;
        return static_cast<double>(s.total_working_days) / static_cast<double>(s.responses);
      }));
  f.push_back(make.Make(
      "median_working_days", "Median working days to respond", Unit::kWorkingDays,
      stage + " responses in the period: working days from the stage's start (or reopening)",
      [at](const Tally& t) { return Median(t.stages[at].working_days, t.stages[at].responses); }));
  return group;
}

FigureGroup Outcomes(const FigureMaker& make, int number) {
  const auto at = static_cast<std::size_t>(number - 1);
  const std::string stage = StageName(number);
  FigureGroup group = StageGroup("outcomes", "Outcomes", number);
  auto& f = group.figures;
  const std::string what = stage + " responses made in the period, superseded or not";
  f.push_back(make.Make("responses", "Responses", Unit::kCount, what,
                        [at](const Tally& t) { return t.stages[at].standing; }));
  f.push_back(make.Make("upheld", "Upheld", Unit::kCount, what + ", upheld",
                        [at](const Tally& t) { return t.stages[at].upheld; }));
  f.push_back(make.Make("partly_upheld", "Partly upheld", Unit::kCount, what + ", partly upheld",
                        [at](const Tally& t) { return t.stages[at].partly_upheld; }));
  f.push_back(make.Make("not_upheld", "Not upheld", Unit::kCount, what + ", not upheld",
                        [at](const Tally& t) { return t.stages[at].not_upheld; }));
  f.push_back(make.Make("upheld_percent", "Upheld or partly upheld", Unit::kPercent,
                        what + ": upheld or partly upheld, as a share of all",
                        [at](const Tally& t) {
                          const StageTally& s = t.stages[at];
                          return Ratio(s.upheld + s.partly_upheld, s.standing);
                        }));
  return group;
}

// "Apology" → "apology", for a label inside a sentence (the labels are plain ASCII words).
std::string LowerFirst(std::string_view label) {
  std::string text(label);
  if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z') {
    text.front() = static_cast<char>(text.front() - 'A' + 'a');
  }
  return text;
}

FigureGroup Remedies(const FigureMaker& make) {
  FigureGroup group{"remedies", "Remedies", {}};
  const std::string what = "remedies of the responses made in the period, superseded or not";
  for (std::size_t i = 0; i < kRemedyTypeCount; ++i) {
    const auto [type, label] = kRemedyLabels[i];
    group.figures.push_back(make.Make(std::string(core::ToString(type)), std::string(label),
                                      Unit::kCount, what + ", of the kind: " + LowerFirst(label),
                                      [i](const Tally& t) { return t.remedies[i]; }));
  }
  group.figures.push_back(make.Make(
      "compensation_total", "Compensation offered", Unit::kPounds,
      what + ": total amount of financial remedies", [](const Tally& t) -> std::optional<double> {
        return static_cast<double>(t.compensation_pence) / kPenceInPound;
      }));
  return group;
}

FigureGroup Categories(const FigureMaker& make, const std::vector<NamedCode>& codes,
                       const Years& years) {
  FigureGroup group{"categories", "Complaints received by category", {}};
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (At(years[kCurrent].categories, i) == 0 && At(years[kPrevious].categories, i) == 0) {
      continue;
    }
    group.figures.push_back(make.Exact(
        codes[i].code, codes[i].name,
        "complaints received in the period in category " + codes[i].code,
        [i](const Tally& t) { return At(t.categories, i); }, codes[i].code));
  }
  return group;
}

FigureGroup RootCauses(const FigureMaker& make, const std::vector<NamedCode>& codes,
                       const Years& years) {
  FigureGroup group{"root_causes", "Root causes", {}};
  const std::string what = "responses made in the period, superseded or not";
  auto& f = group.figures;
  f.push_back(make.Make("responses", "Responses", Unit::kCount, what,
                        [](const Tally& t) { return t.standing_responses; }));
  f.push_back(make.Make("responses_with_root_cause", "Responses that recorded a root cause",
                        Unit::kCount, what + " with at least one root cause",
                        [](const Tally& t) { return t.responses_with_root_cause; }));
  // A response needs a root cause (core::Respond), so a share of responses would be 100% by
  // construction; the seed council's "129 of 284" is per complaint received, and so is this.
  const std::string received = "complaints received in the period";
  f.push_back(make.Make("complaints_with_root_cause",
                        "Complaints received that have a recorded root cause", Unit::kCount,
                        received + " with a root cause recorded at any stage by the judging date",
                        [](const Tally& t) { return t.received_with_root_cause; }));
  f.push_back(make.Make(
      "complaints_root_cause_share", "Share of complaints received that have a recorded root cause",
      Unit::kPercent, received + " with a root cause recorded at any stage, as a share of all",
      [](const Tally& t) { return Ratio(t.received_with_root_cause, t.stages[0].received); }));
  f.push_back(make.Make("complaints_awaiting_root_cause",
                        "Complaints received still open without a root cause", Unit::kCount,
                        received + " still open on the judging date and not yet answered",
                        [](const Tally& t) { return t.received_awaiting_root_cause; }));
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (At(years[kCurrent].root_causes, i) == 0 && At(years[kPrevious].root_causes, i) == 0) {
      continue;
    }
    f.push_back(make.Make(codes[i].code, codes[i].name, Unit::kCount,
                          what + " that recorded root cause " + codes[i].code,
                          [i](const Tally& t) { return At(t.root_causes, i); }));
  }
  return group;
}

FigureGroup Learning(const FigureMaker& make, core::Date judged_on) {
  FigureGroup group{"learning", "Learning and service improvement", {}};
  const std::string what = "responses made in the period";
  auto& f = group.figures;
  f.push_back(make.Make("responses_with_learning", "Responses that recorded learning", Unit::kCount,
                        what + " that recorded learning",
                        [](const Tally& t) { return t.responses_with_learning; }));
  f.push_back(make.Make("actions_recorded", "Improvement actions recorded", Unit::kCount,
                        "outstanding actions promised in " + what,
                        [](const Tally& t) { return t.actions_recorded; }));
  f.push_back(make.Make("actions_done", "Improvement actions completed", Unit::kCount,
                        "those actions done by " + judged_on.ToIso(),
                        [](const Tally& t) { return t.actions_done; }));
  f.push_back(make.Make(
      "actions_open_overdue", "Improvement actions open past their due date", Unit::kCount,
      "those actions still open on " + judged_on.ToIso() + " with a due date before it",
      [](const Tally& t) { return t.actions_open_overdue; }));
  return group;
}

std::string PhraseOf(const ScopeTally& scope) {
  switch (scope.kind) {
    case ScopeKind::kOrganisation:
      return "all complaints";
    case ScopeKind::kRegime:
      return "complaints under the " + scope.code + " regime";
    case ScopeKind::kServiceArea:
      return "complaints about service area " + scope.code;
  }
  return "complaints";
}

Scope FiguresOf(const ScopeTally& tally, const std::vector<NamedCode>& categories,
                const std::vector<NamedCode>& root_causes, core::Date as_at) {
  Scope scope{tally.kind, tally.code, tally.name, {}};
  const FigureMaker make(tally, PhraseOf(tally));
  scope.groups.push_back(Volumes(make, tally));
  for (int number = 1; number <= tally.stage_count; ++number) {
    scope.groups.push_back(Timeliness(make, number));
  }
  for (int number = 1; number <= tally.stage_count; ++number) {
    scope.groups.push_back(Outcomes(make, number));
  }
  scope.groups.push_back(Remedies(make));
  scope.groups.push_back(Categories(make, categories, tally.years));
  scope.groups.push_back(RootCauses(make, root_causes, tally.years));
  scope.groups.push_back(Learning(make, as_at));
  return scope;
}

// `figure` without the values of the years before the measures existed.
Figure OnlyTsmYears(Figure figure, int year) {
  if (year - 1 < kFirstTsmYear) figure.previous.reset();
  if (year < kFirstTsmYear) figure.current.reset();
  return figure;
}

// TP09 and its survey's sample size, as entered for each year, from the measures' first year.
void AddTp09(FigureGroup& group, const std::map<int, TenantSatisfaction>& surveys, int year) {
  constexpr double kTenthsPerPercent = 10.0;
  Figure satisfied;
  satisfied.key = "tp09";
  satisfied.label = "TP09 Satisfaction with the landlord's approach to handling complaints";
  satisfied.unit = Unit::kPercent;
  satisfied.selection.description =
      "the tenant perception survey's result entered for each financial year";
  Figure sample;
  sample.key = "tp09_sample_size";
  sample.label = "TP09 survey sample size (respondents)";
  sample.unit = Unit::kCount;
  sample.selection.description = "the respondents of the survey entered for each financial year";
  for (int slot : {kPrevious, kCurrent}) {
    auto found = surveys.find(slot == kCurrent ? year : year - 1);
    if (found == surveys.end()) continue;
    (slot == kCurrent ? satisfied.current : satisfied.previous) =
        found->second.satisfied_tenths / kTenthsPerPercent;
    (slot == kCurrent ? sample.current : sample.previous) =
        static_cast<double>(found->second.sample_size);
  }
  group.figures.push_back(OnlyTsmYears(std::move(satisfied), year));
  group.figures.push_back(OnlyTsmYears(std::move(sample), year));
}

FigureGroup TenantSatisfactionMeasures(const ScopeTally& housing,
                                       const std::map<int, std::int64_t>& homes_owned,
                                       const std::map<int, TenantSatisfaction>& surveys, int year) {
  FigureGroup group{
      "tsm", "Tenant Satisfaction Measures CH01, CH02 and TP09 (housing complaints)", {}};
  const FigureMaker make(housing, PhraseOf(housing));
  auto homes_in = [&](int in_year) -> std::optional<std::int64_t> {
    auto found = homes_owned.find(in_year);
    if (found == homes_owned.end() || found->second <= 0) return std::nullopt;
    return found->second;
  };
  const std::array<std::optional<std::int64_t>, kYears> homes{homes_in(year - 1), homes_in(year)};

  Figure homes_figure;
  homes_figure.key = "homes_owned";
  homes_figure.label = "Homes owned (configured)";
  homes_figure.unit = Unit::kCount;
  if (homes[kCurrent]) homes_figure.current = static_cast<double>(*homes[kCurrent]);
  if (homes[kPrevious]) homes_figure.previous = static_cast<double>(*homes[kPrevious]);
  homes_figure.selection.description = "the homes owned configured for each financial year";
  group.figures.push_back(std::move(homes_figure));

  for (int number = 1; number <= 2; ++number) {
    const auto at = static_cast<std::size_t>(number - 1);
    Figure ch01 = make.Make(
        "ch01_stage_" + std::to_string(number),
        "CH01 (" + std::to_string(number) + ") Stage " + std::to_string(number) +
            " complaints received per 1,000 homes",
        Unit::kPerThousandHomes,
        "housing " + StageName(number) + " complaints received in the period, per 1,000 homes",
        [](const Tally&) -> std::optional<double> { return std::nullopt; });
    for (int slot : {kPrevious, kCurrent}) {
      const auto index = static_cast<std::size_t>(slot);
      if (!homes[index]) continue;
      const double value = kHomesPerMeasure *
                           static_cast<double>(housing.years[index].stages[at].received) /
                           static_cast<double>(*homes[index]);
      (slot == kCurrent ? ch01.current : ch01.previous) = value;
    }
    if (number == 1) ch01.selection.coverage = Coverage::kExact;
    group.figures.push_back(OnlyTsmYears(std::move(ch01), year));
  }
  for (int number = 1; number <= 2; ++number) {
    const auto at = static_cast<std::size_t>(number - 1);
    group.figures.push_back(OnlyTsmYears(
        make.Make("ch02_stage_" + std::to_string(number),
                  "CH02 (" + std::to_string(number) + ") Stage " + std::to_string(number) +
                      " complaints responded to within the Code's timescales",
                  Unit::kPercent,
                  "housing " + StageName(number) +
                      " first responses in the period within the timescale or a Code-compliant "
                      "extension, "
                      "as a share of all",
                  [at](const Tally& t) {
                    const StageTally& s = t.stages[at];
                    return Ratio(s.first_within_code, s.first_responses);
                  }),
        year));
  }
  AddTp09(group, surveys, year);
  return group;
}

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

// Which Code version judges a complaint's timeliness, from the regime table's versions.
std::string CodeVersionsRule() {
  std::string text =
      "Timescales are those of the Code or regulations in force when the complaint was received:";
  const char* separator = " ";
  for (core::Regime regime : core::kAllRegimes) {
    for (const core::CodeVersion& version : core::CodeVersionsOf(regime)) {
      text += separator + std::string(version.title) + " (" + std::string(version.id) + ") for " +
              std::string(core::ToString(regime)) + " complaints received from " +
              version.applies_from.ToIso();
      if (!version.note.empty()) text += ", " + std::string(version.note);
      separator = "; ";
    }
  }
  return text + ". Each case says which version it is judged on.";
}

std::vector<CountingRule> CountingRules() {
  return {
      {"received",
       "A complaint counts at a stage in the financial year that stage started: stage 1 when the "
       "complaint was received, later stages when the escalation was requested, whatever happened "
       "to it afterwards (refused, withdrawn or reopened complaints included)."},
      {"escalation_rate",
       "Escalation rate: complaints received at a stage in the year as a share of those received "
       "at the stage before in the same year under a regime that has the later stage, so each "
       "regime's stages are divided only by its own: adults' single-stage complaints are not in "
       "the stage 1 to 2 rate, and the stage 2 to 3 rate is children's complaints alone."},
      {"not_accepted_and_withdrawn",
       "Not accepted and withdrawn complaints count in the year of the refusal or withdrawal, "
       "each decision once, even when a reopening undid it later: the decision was made and "
       "recorded in that year."},
      {"reopened",
       "Reopenings count in the year each happened: a stage reopened twice counts twice, each in "
       "its own year, even when it is reopened again later."},
      {"acknowledgement",
       "Acknowledged within timescale: stages started in the year acknowledged within the "
       "regime's acknowledgement period (working days after the stage started), as a share of "
       "those acknowledged plus those still awaiting acknowledgement past the deadline on the "
       "judging date (the as-at date, or the end of the year when that is earlier); stages "
       "refused or withdrawn before acknowledgement are left out, even when reopened later."},
      {"timeliness",
       "Response timeliness counts every response in the financial year it was given: a stage's "
       "first response, and each answer after a reopening. Each is judged against the clock that "
       "was running when it was given: the stage's own timescale for a first response, the clock "
       "restarted at the latest reopening before it for a later one. Due dates are recomputed "
       "from the stage's recorded facts on the working-day calendar of the complaint's regime: "
       "for the Codes' regimes the organisation's (the bank holidays of its division and its "
       "closure days); for children's and adults' statutory complaints the regulations' own "
       "working day (England and Wales bank holidays only, whatever the organisation's closure "
       "days), counting only extensions decided by the response and since the clock restarted. "
       "Within timescale: on or before the due date without extension. Within a Code-compliant "
       "extension: later, but on or before the extended due date with every extension within the "
       "Code's limit and decided by the original due date. Extension beyond the Code: within the "
       "extended date, but an extension went beyond the Code. Late: after the extended due date. "
       "Working days to respond count from the stage's start (receipt or escalation request), or "
       "from the reopening for an answer after one, to the response, not from the "
       "acknowledgement: the time the resident waited, whatever the regime's clock starts from."},
      {"statutory_procedures",
       "Children's review panel (stage 3): the council's response is due 15 working days after "
       "the panel's report is received, the report 5 working days after the panel met, and the "
       "meeting 30 working days after the request, each counted from the actual date of the step "
       "before (50 working days from the request only while no step is recorded), so a response "
       "after an early panel can be late within 50 days. Adults: the response is due by the "
       "period agreed with the complainant, or six months after receipt when none was agreed. "
       "Steps recorded after a response belong to a reopening and do not move its clock."},
      {"outcomes",
       "Outcomes, remedies, compensation, root causes, learning and actions count every response "
       "in the financial year it was given, whether it still stands or a reopening superseded it "
       "later: a report for a past year counts what was decided in it. Compensation is counted in "
       "the year each response offered it; a later response that replaces it is counted in its "
       "own year, in full (so 100 pounds offered in one year and replaced by 300 the next counts "
       "100 "
       "in the first year and 300 in the second). Actions count as done when completed by the "
       "judging date (the as-at date, or the end of the year when that is earlier)."},
      {"as_at",
       "Figures as at: only facts dated on or before the as-at date are counted, and figures "
       "about what was still outstanding (awaiting acknowledgement, actions open, complaints "
       "awaiting a root cause) are judged on the as-at date or the end of the year, whichever is "
       "earlier. Nothing a case records is ever erased (a reopening keeps the answer, refusal or "
       "withdrawal it undoes), so a report for a past year gives the same figures whenever it is "
       "run."},
      {"tsm_ch01",
       "CH01: housing-regime (Housing Ombudsman Code) stage 1 and stage 2 complaints received in "
       "the year, counted as above, divided by the homes owned configured for that year, times "
       "1,000. Complaints later not accepted or withdrawn are included: each was a complaint "
       "received, which is what the measure counts. There is no CH01 or CH02 before 2023/24, the "
       "measures' first year."},
      {"tsm_ch02",
       "CH02: housing-regime stage 1 and stage 2 complaints whose first response in the year came "
       "within the Code's timescale (10 working days from acknowledgement at stage 1, 20 at stage "
       "2), counting a response within a Code-compliant extension (up to 10 and 20 working days) "
       "as within it (the Code allows the extension, so the response is within its timescales), "
       "divided by the housing stage 1 and stage 2 complaints responded to in the year, times "
       "100. An extension beyond the Code's limit, or decided after the original due date, does "
       "not count as within."},
      {"tsm_tp09",
       "TP09: the share of tenants satisfied with the landlord's approach to handling complaints, "
       "from the year's tenant perception survey, entered with the survey's sample size; it is "
       "not computed from the complaints recorded here."},
      {"code_versions", CodeVersionsRule()},
      {"trends",
       "Trends: complaints received (stage 1) per month. A month is flagged as an emerging issue "
       "when its count is at least 1.5 times the mean monthly count of the twelve months before "
       "it and at least 5 above that mean."},
      {"repeats",
       "Possible repeat complaints: complaints received in the year that were linked when logged "
       "to an earlier complaint by the same complainant or about the same property, in the same "
       "category, within the 12 months before."},
      {"service_requests",
       "Service requests count in the year received; those converted are the ones received in "
       "the year and later raised as complaints."},
      {"personal_data",
       "The report holds counts and reference data only: no names, contact details, addresses, "
       "descriptions or case references."},
  };
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
      "Null when the database was not asked for them.";
  report.self_assessment_note =
      "The Code self-assessment of the year as recorded in Redress, with the governing body's "
      "approval and response; null when the year's self-assessment was not started.";
  return report;
}

}  // namespace redress::report
