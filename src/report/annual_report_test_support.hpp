#pragma once

// What the annual report's tests share: complaints described by their facts (ComplaintSpec), fed
// to a builder (Feed, Compute) on a small organisation (Context), the figure found by its scope,
// group and key (FindFigure), and the specs several tests use. Dates are on the England and Wales
// calendar.

#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"
#include "report/annual_report.hpp"

namespace redress::report::test_support {

using core::CaseStatus;
using core::Outcome;
using core::Regime;
using core::test_support::CaseName;
using core::test_support::D;

// A response a reopening superseded.
struct EarlierSpec {
  core::Date responded;
  Outcome outcome = Outcome::kNotUpheld;
  std::vector<RemedyRecord> remedies;
  std::vector<std::string> root_causes = {"delay"};
  std::vector<ActionRecord> actions;
};

struct StageSpec {
  int number = 1;
  core::Date started;
  std::optional<core::Date> acknowledged;
  std::optional<core::Date> first_responded;  // defaults to responded
  std::optional<core::Date> responded;
  std::optional<Outcome> outcome;
  std::optional<core::Date> reopened;
  std::vector<ExtensionRecord> extensions;
  std::vector<std::string> root_causes;
  std::vector<RemedyRecord> remedies;
  std::vector<ActionRecord> actions;
  bool learning = false;
  std::vector<EarlierSpec> earlier;    // superseded responses, oldest first
  std::vector<core::Date> reopenings;  // every reopening; defaults to `reopened`
  std::optional<core::Date> panel_met;
  std::optional<core::Date> panel_report;
  std::optional<core::Date> period_agreed;
  std::optional<core::Date> agreed_respond_by;
};

struct ComplaintSpec {
  Regime regime = Regime::kHousing;
  std::string area = "housing";
  std::string category = "repairs";
  CaseStatus status = CaseStatus::kClosed;
  std::optional<core::Date> refused_on;
  std::optional<core::RefusalReason> refusal_reason;
  std::optional<core::Date> withdrawn_on;
  std::vector<RefusalRecord> earlier_refusals;
  std::vector<core::Date> earlier_withdrawals;
  bool repeat = false;
  std::vector<StageSpec> stages;
};

// A stage 1 received on `received`, acknowledged on `acknowledged` and answered on `responded`.
inline StageSpec Answered(std::string_view received, std::string_view acknowledged,
                          std::string_view responded, Outcome outcome = Outcome::kNotUpheld) {
  StageSpec stage;
  stage.started = D(received);
  stage.acknowledged = D(acknowledged);
  stage.responded = D(responded);
  stage.outcome = outcome;
  stage.root_causes = {"delay"};
  return stage;
}

inline ComplaintSpec Housing(std::vector<StageSpec> stages) {
  ComplaintSpec complaint;
  complaint.stages = std::move(stages);
  return complaint;
}

// Feeds a spec to the builder as a store would: views into storage that lives for the call.
inline void Feed(AnnualReportBuilder& builder, const ComplaintSpec& spec) {
  std::vector<std::vector<std::string_view>> causes;
  std::vector<std::vector<ResponseRecord>> earlier(spec.stages.size());
  std::vector<std::vector<std::string_view>> earlier_causes;
  earlier_causes.reserve(16);
  std::vector<std::vector<core::Date>> reopenings;
  for (std::size_t i = 0; i < spec.stages.size(); ++i) {
    const StageSpec& stage = spec.stages[i];
    causes.emplace_back(stage.root_causes.begin(), stage.root_causes.end());
    for (const EarlierSpec& response : stage.earlier) {
      earlier_causes.emplace_back(response.root_causes.begin(), response.root_causes.end());
      earlier[i].push_back({response.responded, response.outcome, earlier_causes.back(),
                            response.remedies, response.actions, false});
    }
    reopenings.push_back(stage.reopenings);
    if (reopenings.back().empty() && stage.reopened) reopenings.back().push_back(*stage.reopened);
  }
  std::vector<StageRecord> stages;
  for (std::size_t i = 0; i < spec.stages.size(); ++i) {
    const StageSpec& s = spec.stages[i];
    StageRecord record;
    record.number = s.number;
    record.started_on = s.started;
    record.acknowledged_on = s.acknowledged;
    record.first_responded_on = s.first_responded ? s.first_responded : s.responded;
    record.responded_on = s.responded;
    record.outcome = s.outcome;
    record.reopened_on = s.reopened;
    record.extensions = s.extensions;
    record.root_causes = causes[i];
    record.remedies = s.remedies;
    record.actions = s.actions;
    record.learning_recorded = s.learning;
    record.earlier_responses = earlier[i];
    record.reopenings = reopenings[i];
    if (!s.reopenings.empty()) record.reopened_on = s.reopenings.back();
    record.panel_met_on = s.panel_met;
    record.panel_report_on = s.panel_report;
    record.period_agreed_on = s.period_agreed;
    record.agreed_respond_by = s.agreed_respond_by;
    stages.push_back(record);
  }
  ComplaintRecord record;
  record.regime = spec.regime;
  record.service_area = spec.area;
  record.category = spec.category;
  record.received_on = spec.stages.front().started;
  record.status = spec.status;
  record.refused_on = spec.refused_on;
  record.refusal_reason = spec.refusal_reason;
  record.withdrawn_on = spec.withdrawn_on;
  record.earlier_refusals = spec.earlier_refusals;
  record.earlier_withdrawals = spec.earlier_withdrawals;
  record.possible_repeat = spec.repeat;
  record.stages = stages;
  builder.Add(record);
}

inline ReportContext Context(int year, std::string_view as_at = "2026-11-22") {
  ReportContext context;
  context.year = year;
  context.as_at = D(as_at);
  context.organisation = "Test Council";
  context.calendar =
      std::make_shared<const core::WorkingCalendar>(core::Division::kEnglandAndWales);
  context.service_areas = {{"housing", "Housing"}, {"waste", "Waste"}};
  context.categories = {{"repairs", "Repairs"}, {"noise", "Noise"}};
  context.root_causes = {{"delay", "Delay"}};
  return context;
}

inline AnnualReport Compute(ReportContext context, const std::vector<ComplaintSpec>& complaints,
                            const std::vector<ServiceRequestRecord>& requests = {}) {
  AnnualReportBuilder builder(std::move(context));
  for (const ComplaintSpec& complaint : complaints) Feed(builder, complaint);
  for (const ServiceRequestRecord& request : requests) builder.Add(request);
  return builder.Finish();
}

inline const Figure* FindFigure(const AnnualReport& report, std::string_view scope,
                                std::string_view group, std::string_view key) {
  const std::vector<FigureGroup>* groups = nullptr;
  if (scope == "tsm") {
    for (const Figure& figure : report.tsm.figures) {
      if (figure.key == key) return &figure;
    }
    return nullptr;
  }
  for (const Scope& candidate : report.scopes) {
    const std::string name = candidate.kind == ScopeKind::kOrganisation
                                 ? candidate.code
                                 : std::string(ToString(candidate.kind)) + "/" + candidate.code;
    if (name == scope) groups = &candidate.groups;
  }
  if (groups == nullptr) return nullptr;
  for (const FigureGroup& candidate : *groups) {
    if (candidate.key != group) continue;
    for (const Figure& figure : candidate.figures) {
      if (figure.key == key) return &figure;
    }
  }
  return nullptr;
}

// ---- the figure table --------------------------------------------------------------------------

inline ComplaintSpec Withdrawn() {
  ComplaintSpec complaint;
  complaint.status = CaseStatus::kWithdrawn;
  complaint.withdrawn_on = D("2023-05-12");
  StageSpec stage;
  stage.started = D("2023-05-10");
  complaint.stages = {stage};
  return complaint;
}

inline ComplaintSpec Refused(std::string_view on, core::RefusalReason reason) {
  ComplaintSpec complaint;
  complaint.status = CaseStatus::kNotAccepted;
  complaint.refused_on = D(on);
  complaint.refusal_reason = reason;
  StageSpec stage;
  stage.started = D("2023-05-10");
  complaint.stages = {stage};
  return complaint;
}

// A response given on `on` and superseded by a reopening later.
inline EarlierSpec Superseded(std::string_view on, Outcome outcome = Outcome::kNotUpheld,
                              std::vector<RemedyRecord> remedies = {}) {
  EarlierSpec response;
  response.responded = D(on);
  response.outcome = outcome;
  response.remedies = std::move(remedies);
  return response;
}

// Stage 1 answered on 10 May (not upheld), reopened on 1 June and answered again, upheld, on 20
// June 2023: late, as the clock restarted on 1 June is due on 15 June.
inline ComplaintSpec Reopened() {
  StageSpec stage = Answered("2023-05-02", "2023-05-03", "2023-06-20", Outcome::kUpheld);
  stage.first_responded = D("2023-05-10");
  stage.earlier = {Superseded("2023-05-10")};
  stage.reopened = D("2023-06-01");
  return Housing({stage});
}

// Answered on 10 January 2024 with 100 pounds, reopened on 1 May 2024 and answered again on 10 May
// with 300 pounds.
inline ComplaintSpec Recompensed() {
  StageSpec stage = Answered("2024-01-02", "2024-01-03", "2024-05-10", Outcome::kUpheld);
  stage.remedies = {{core::RemedyType::kFinancial, 30000}};
  stage.earlier = {
      Superseded("2024-01-10", Outcome::kUpheld, {{core::RemedyType::kFinancial, 10000}})};
  stage.reopened = D("2024-05-01");
  return Housing({stage});
}

// Reopened on 1 June 2023 after its answer, and again on 1 May 2024 after its second.
inline ComplaintSpec ReopenedTwice() {
  StageSpec stage = Answered("2023-05-02", "2023-05-03", "2023-06-05");
  stage.earlier = {Superseded("2023-05-10"), Superseded("2023-06-05")};
  stage.responded.reset();
  stage.outcome.reset();
  stage.reopenings = {D("2023-06-01"), D("2024-05-01")};
  ComplaintSpec complaint = Housing({stage});
  complaint.status = CaseStatus::kInProgress;
  return complaint;
}

// Refused on 12 May 2023, reopened on 20 May 2023; in progress.
inline ComplaintSpec RefusalUndone() {
  ComplaintSpec complaint = Refused("2023-05-12", core::RefusalReason::kOther);
  complaint.status = CaseStatus::kAwaitingAcknowledgement;
  complaint.earlier_refusals = {{*complaint.refused_on, *complaint.refusal_reason}};
  complaint.refused_on.reset();
  complaint.refusal_reason.reset();
  complaint.stages[0].reopenings = {D("2023-05-20")};
  return complaint;
}

// Withdrawn on 12 May 2023 before acknowledgement, reopened on 1 April 2024 and acknowledged on
// 2 April 2024.
inline ComplaintSpec WithdrawalUndone() {
  ComplaintSpec complaint = Withdrawn();
  complaint.status = CaseStatus::kInProgress;
  complaint.earlier_withdrawals = {*complaint.withdrawn_on};
  complaint.withdrawn_on.reset();
  complaint.stages[0].reopenings = {D("2024-04-01")};
  complaint.stages[0].acknowledged = D("2024-04-02");
  return complaint;
}

// Received Thursday 1 June 2023, acknowledged Friday 2 June: due Friday 16 June without
// extension. An extension decided on 15 June of `days` working days, answered on `responded`.
inline ComplaintSpec Extended(int days, bool within_code, std::string_view responded) {
  StageSpec stage = Answered("2023-06-01", "2023-06-02", responded);
  stage.extensions = {{D("2023-06-15"), days, within_code}};
  return Housing({stage});
}

// Received Sunday 31 March 2024 (2023/24), acknowledged 3 April, answered 10 April (2024/25).
inline ComplaintSpec ReceivedOnLastDay() {
  return Housing({Answered("2024-03-31", "2024-04-03", "2024-04-10")});
}

inline ComplaintSpec Escalated(std::string_view stage1, std::string_view stage2) {
  StageSpec second;
  second.number = 2;
  second.started = D(stage2);
  return Housing({Answered(stage1, stage1, stage1), second});
}

}  // namespace redress::report::test_support
