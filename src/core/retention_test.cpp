#include "core/retention.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace redress::core {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }

DisposalFacts Ended(std::string_view on, Regime regime = Regime::kCorporate) {
  DisposalFacts facts;
  facts.reference = "CMP-2019-000001";
  facts.regime = regime;
  facts.ended_on = D(on);
  return facts;
}

std::vector<KeepReason> Reasons(const DisposalDecision& decision) {
  std::vector<KeepReason> reasons;
  for (const KeptBecause& kept : decision.kept_because) reasons.push_back(kept.reason);
  return reasons;
}

TEST(DisposableFromTest, AddsWholeYearsAndClampsTheTwentyNinthOfFebruary) {
  struct Case {
    std::string_view ended;
    int years;
    std::string_view expected;
  };
  const std::vector<Case> cases = {
      {"2019-04-01", 6, "2025-04-01"},  {"2020-02-29", 6, "2026-02-28"},  // no 29 February in 2026
      {"2020-02-29", 4, "2024-02-29"},  {"2019-12-31", 1, "2020-12-31"},
      {"2001-06-15", 25, "2026-06-15"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DisposableFrom(D(c.ended), c.years), D(c.expected)) << c.ended << " + " << c.years;
  }
}

TEST(RetentionScheduleTest, DefaultsToSixYearsAndTakesConfiguredRules) {
  const RetentionSchedule schedule({{RetainedRecord::kComplaint, Regime::kChildren, 25}});
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kComplaint, Regime::kChildren), 25);
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kComplaint, Regime::kHousing),
            kDefaultRetentionYears);
  // Four regimes of complaints, then service requests and subject access requests once each.
  const std::vector<RetentionRule> all = schedule.All();
  ASSERT_EQ(all.size(), 6u);
  EXPECT_EQ(all[4].record, RetainedRecord::kServiceRequest);
  EXPECT_EQ(all[5].record, RetainedRecord::kSubjectAccessRequest);
  EXPECT_FALSE(all[4].regime.has_value());
  EXPECT_FALSE(all[5].regime.has_value());
}

TEST(RetentionScheduleTest, AServiceRequestHasOnePeriodWhateverTheRegime) {
  const RetentionSchedule schedule({{RetainedRecord::kServiceRequest, std::nullopt, 2},
                                    {RetainedRecord::kComplaint, Regime::kHousing, 8}});
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kServiceRequest, std::nullopt), 2);
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kServiceRequest, Regime::kHousing), 2);
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kComplaint, Regime::kHousing), 8);
  EXPECT_EQ(schedule.YearsFor(RetainedRecord::kComplaint, std::nullopt), kDefaultRetentionYears);
}

TEST(JudgeDisposalTest, TheScheduleAndEachHoldKeepARecord) {
  struct Case {
    std::string name;
    DisposalFacts facts;
    std::string_view today;
    DisposalVerdict verdict;
    std::vector<KeepReason> reasons;
  };
  const RetentionSchedule schedule({{RetainedRecord::kComplaint, Regime::kChildren, 25},
                                    {RetainedRecord::kServiceRequest, std::nullopt, 2}});
  std::vector<Case> cases;
  cases.push_back(
      {"past its six years", Ended("2019-04-01"), "2025-04-01", DisposalVerdict::kDispose, {}});
  cases.push_back({"the day before",
                   Ended("2019-04-01"),
                   "2025-03-31",
                   DisposalVerdict::kKeep,
                   {KeepReason::kWithinRetention}});
  cases.push_back({"children's kept longer",
                   Ended("2019-04-01", Regime::kChildren),
                   "2025-04-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kWithinRetention}});
  DisposalFacts open = Ended("2019-04-01");
  open.ended_on.reset();
  cases.push_back({"open", open, "2030-01-01", DisposalVerdict::kKeep, {KeepReason::kOpen}});
  DisposalFacts ombudsman = Ended("2010-01-01");
  ombudsman.open_ombudsman_cases = {"OMB-2024-000001"};
  cases.push_back({"open Ombudsman case",
                   ombudsman,
                   "2025-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kOmbudsmanCase}});
  DisposalFacts legal = Ended("2010-01-01");
  legal.holds = {{HoldKind::kLegalProceedings, "County court claim"},
                 {HoldKind::kManual, "Requested by the monitoring officer"}};
  cases.push_back({"holds",
                   legal,
                   "2025-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kLegalProceedings, KeepReason::kManualHold}});
  DisposalFacts remedy = Ended("2010-01-01");
  remedy.unfinished_actions = 1;
  remedy.unfinished_ombudsman_remedies = 2;
  cases.push_back({"unfinished remedies",
                   remedy,
                   "2025-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kUnfinishedRemedy, KeepReason::kUnfinishedRemedy}});
  DisposalFacts later_open = Ended("2010-01-01");
  later_open.later_complaints = {{"CMP-2024-000002", Regime::kCorporate, std::nullopt}};
  cases.push_back({"later complaint open",
                   later_open,
                   "2025-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kLaterComplaint}});
  DisposalFacts later_kept = Ended("2010-01-01");
  later_kept.later_complaints = {{"CMP-2020-000002", Regime::kCorporate, D("2020-03-01")}};
  cases.push_back({"later complaint still kept",
                   later_kept,
                   "2025-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kLaterComplaint}});
  DisposalFacts later_gone = Ended("2010-01-01");
  later_gone.later_complaints = {{"CMP-2012-000002", Regime::kCorporate, D("2012-03-01")}};
  cases.push_back({"later complaint itself disposable",
                   later_gone,
                   "2025-01-01",
                   DisposalVerdict::kDispose,
                   {}});
  DisposalFacts request = Ended("2020-01-01");
  request.record = RetainedRecord::kServiceRequest;
  request.reference = "SR-2019-000001";
  request.regime = Regime::kChildren;  // not a complaint's: the service requests' period applies
  cases.push_back(
      {"service request past its two years", request, "2022-01-01", DisposalVerdict::kDispose, {}});
  cases.push_back({"service request within its two years",
                   request,
                   "2021-12-31",
                   DisposalVerdict::kKeep,
                   {KeepReason::kWithinRetention}});
  DisposalFacts unresolved = request;
  unresolved.ended_on.reset();
  unresolved.later_complaints = {{"CMP-2024-000002", Regime::kCorporate, std::nullopt}};
  cases.push_back({"service request unresolved, its requester complaining now",
                   unresolved,
                   "2030-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kOpen, KeepReason::kLaterComplaint}});
  DisposalFacts access = Ended("2020-06-30");
  access.record = RetainedRecord::kSubjectAccessRequest;
  access.reference = "SAR-2020-000001";
  cases.push_back({"subject access request past the default six years",
                   access,
                   "2026-06-30",
                   DisposalVerdict::kDispose,
                   {}});
  DisposalFacts unanswered = access;
  unanswered.ended_on.reset();
  cases.push_back({"subject access request not answered",
                   unanswered,
                   "2030-01-01",
                   DisposalVerdict::kKeep,
                   {KeepReason::kOpen}});
  DisposalFacts everything = Ended("2024-01-01");
  everything.open_ombudsman_cases = {"OMB-2024-000001"};
  everything.holds = {{HoldKind::kManual, "Audit sample"}};
  cases.push_back(
      {"every reason, not the first",
       everything,
       "2025-01-01",
       DisposalVerdict::kKeep,
       {KeepReason::kWithinRetention, KeepReason::kOmbudsmanCase, KeepReason::kManualHold}});

  for (const Case& c : cases) {
    const DisposalDecision decision = JudgeDisposal(c.facts, schedule, D(c.today));
    EXPECT_EQ(decision.verdict, c.verdict) << c.name;
    EXPECT_EQ(Reasons(decision), c.reasons) << c.name;
  }
}

TEST(JudgeDisposalTest, SaysUntilWhenARecordIsKept) {
  const DisposalDecision decision =
      JudgeDisposal(Ended("2019-04-01"), RetentionSchedule(), D("2020-01-01"));
  ASSERT_EQ(decision.kept_because.size(), 1u);
  EXPECT_EQ(decision.kept_because[0].detail,
            "kept 6 years after it ended on 2019-04-01, until 2025-04-01");
  EXPECT_EQ(decision.disposable_from, D("2025-04-01"));
}

TEST(LaterRelatedComplaintsTest, SamePersonOrLinkedAndReceivedLater) {
  constexpr RetainedRecord kComplaint = RetainedRecord::kComplaint;
  constexpr RetainedRecord kRequest = RetainedRecord::kServiceRequest;
  const std::vector<RetentionCase> cases = {
      {kComplaint,
       "CMP-2019-000001",
       Regime::kCorporate,
       D("2019-01-01"),
       D("2019-02-01"),
       {"e:a@x.org"}},
      {kComplaint,
       "CMP-2019-000002",
       Regime::kHousing,
       D("2019-06-01"),
       std::nullopt,
       {"e:a@x.org"}},
      {kComplaint,
       "CMP-2019-000003",
       Regime::kCorporate,
       D("2019-07-01"),
       D("2019-08-01"),
       {"p:0123"}},
      {kComplaint, "CMP-2019-000004", Regime::kCorporate, D("2019-03-01"), D("2019-04-01"), {}},
      {kComplaint,
       "CMP-2019-000005",
       Regime::kCorporate,
       D("2019-01-01"),
       D("2019-02-01"),
       {"p:0999"}},
      // A service request of the same person as 000001, before and after it: kept by 000001
      // and 000002 when earlier; a later one keeps no complaint.
      {kRequest,
       "SR-2018-000001",
       Regime::kCorporate,
       D("2018-12-01"),
       D("2018-12-10"),
       {"e:a@x.org"}},
      {kRequest,
       "SR-2020-000001",
       Regime::kCorporate,
       D("2020-01-01"),
       std::nullopt,
       {"e:a@x.org"}},
  };
  const auto later = LaterRelatedComplaints(cases, {{"CMP-2019-000003", "CMP-2019-000004"}});
  ASSERT_EQ(later.count("CMP-2019-000001"), 1u);
  ASSERT_EQ(later.at("CMP-2019-000001").size(), 1u);
  EXPECT_EQ(later.at("CMP-2019-000001")[0].reference, "CMP-2019-000002");
  EXPECT_EQ(later.count("CMP-2019-000002"), 0u);  // the earlier one does not hold the later
  ASSERT_EQ(later.count("CMP-2019-000004"), 1u);  // linked, received later
  EXPECT_EQ(later.at("CMP-2019-000004")[0].reference, "CMP-2019-000003");
  EXPECT_EQ(later.count("CMP-2019-000005"), 0u);  // a key nobody else has
  ASSERT_EQ(later.count("SR-2018-000001"), 1u);
  EXPECT_EQ(later.at("SR-2018-000001").size(), 2u);
  EXPECT_EQ(later.count("SR-2020-000001"), 0u);  // no complaint after it
}

TEST(RetentionChecksTest, NameEveryOffendingField) {
  EXPECT_TRUE(CheckRetentionRule({RetainedRecord::kComplaint, Regime::kHousing, 6}));
  const Status zero = CheckRetentionRule({RetainedRecord::kComplaint, Regime::kHousing, 0});
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().fields.at(0).field, "years_after_closure");
  EXPECT_FALSE(CheckRetentionRule({RetainedRecord::kComplaint, Regime::kHousing, 101}));
  const Status no_regime = CheckRetentionRule({RetainedRecord::kComplaint, std::nullopt, 0});
  ASSERT_FALSE(no_regime);
  ASSERT_EQ(no_regime.error().fields.size(), 2u);
  EXPECT_EQ(no_regime.error().fields.at(0).field, "regime");
  EXPECT_EQ(no_regime.error().fields.at(0).code, FieldErrorCode::kRequired);
  EXPECT_TRUE(CheckRetentionRule({RetainedRecord::kServiceRequest, std::nullopt, 2}));
  const Status regime = CheckRetentionRule({RetainedRecord::kServiceRequest, Regime::kHousing, 2});
  ASSERT_FALSE(regime);
  EXPECT_EQ(regime.error().fields.at(0).code, FieldErrorCode::kInvalid);
  EXPECT_TRUE(CheckRetentionRule({RetainedRecord::kSubjectAccessRequest, std::nullopt, 1}));
  EXPECT_FALSE(CheckRetentionRule({RetainedRecord::kSubjectAccessRequest, Regime::kAdults, 1}));
  EXPECT_FALSE(CheckHold(HoldKind::kManual, "  "));
  EXPECT_FALSE(CheckHold(HoldKind::kManual, std::string(kMaxHoldReasonLength + 1, 'x')));
  EXPECT_TRUE(CheckHold(HoldKind::kLegalProceedings, "Judicial review lodged"));
}

TEST(DisposalRunStepsTest, FourEyesAndStates) {
  EXPECT_TRUE(CheckApproval(DisposalRunState::kDryRun, "alice", "bob"));
  const Status own = CheckApproval(DisposalRunState::kDryRun, "alice", "alice");
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(own.error().fields.at(0).field, "approved_by");
  EXPECT_EQ(CheckApproval(DisposalRunState::kCompleted, "alice", "bob").error().code,
            ErrorCode::kTransitionNotAllowed);
  EXPECT_TRUE(CheckRunnable(DisposalRunState::kApproved));
  EXPECT_FALSE(CheckRunnable(DisposalRunState::kDryRun));
  EXPECT_TRUE(CheckCancellation(DisposalRunState::kApproved));
  EXPECT_FALSE(CheckCancellation(DisposalRunState::kCompleted));
}

}  // namespace
}  // namespace redress::core
