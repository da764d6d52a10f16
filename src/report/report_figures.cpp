// From tallies to figures: each scope's groups of figures (volumes, timeliness and outcomes per
// stage, remedies, categories, root causes, learning) and the Tenant Satisfaction Measures, each
// computed the same way for both years and carrying the selection of complaints it counts.

#include "report/report_figures.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>

#include "report/tally.hpp"

namespace redress::report::internal {
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
      return "complaints in " + scope.name;
    case ScopeKind::kServiceArea:
      return "complaints about " + scope.name;
  }
  return "complaints";
}

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace redress::report::internal
