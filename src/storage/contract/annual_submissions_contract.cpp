// The Housing Ombudsman's annual submission records: kept per year, versioned, their steps
// appended, the report as submitted written once.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

using Submission = core::AnnualSubmission;
using MaybeSubmission = std::optional<core::AnnualSubmission>;

Submission DraftOf(int year) {
  Submission submission;
  submission.year = year;
  submission.homes = 5218;
  submission.details.landlord_code = "HO-1234";
  submission.details.complaints_officer = {"Sam Patel", "Complaints Manager", "sam@example.gov.uk",
                                           "01632 960000"};
  submission.details.policy_address = "https://example.gov.uk/policy";
  submission.steps.push_back({core::SubmissionStatus::kDraft, "officer", "2024-05-01T09:00:00Z"});
  return submission;
}

TEST_P(StoreContract, AnnualSubmissionsAreKeptByYearWithTheirSteps) {
  auto created = InWrite<Submission>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().Save(DraftOf(2023), {}); });
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  auto twice = InWrite<Submission>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().Save(DraftOf(2023), {}); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);

  Submission approved = *created;
  approved.status = core::SubmissionStatus::kApproved;
  approved.approved_on = D("2024-09-17");
  approved.governing_body = "Cabinet";
  approved.approval_minute = "CAB/24/023";
  approved.response = "Cabinet notes the report.";
  approved.steps.push_back({core::SubmissionStatus::kApproved, "manager", "2024-09-18T10:00:00Z"});
  auto saved =
      InWrite<Submission>([&](app::Tx& tx) { return tx.AnnualSubmissions().Save(approved, 1); });
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->version, 2);
  auto stale =
      InWrite<Submission>([&](app::Tx& tx) { return tx.AnnualSubmissions().Save(approved, 1); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);

  auto loaded =
      InRead<MaybeSubmission>([](app::Tx& tx) { return tx.AnnualSubmissions().Load(2023); });
  ASSERT_TRUE(loaded && *loaded);
  const Submission& back = **loaded;
  EXPECT_EQ(back.status, core::SubmissionStatus::kApproved);
  EXPECT_EQ(back.approved_on, D("2024-09-17"));
  EXPECT_EQ(back.approval_minute, "CAB/24/023");
  EXPECT_EQ(back.details.complaints_officer.email, "sam@example.gov.uk");
  EXPECT_EQ(back.details.policy_address, "https://example.gov.uk/policy");
  ASSERT_EQ(back.steps.size(), 2u);
  EXPECT_EQ(back.steps[1].status, core::SubmissionStatus::kApproved);
  EXPECT_EQ(back.steps[1].by, "manager");
  EXPECT_EQ(back.steps[1].at, "2024-09-18T10:00:00Z");

  auto none =
      InRead<MaybeSubmission>([](app::Tx& tx) { return tx.AnnualSubmissions().Load(2022); });
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  ASSERT_TRUE(InWrite<Submission>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().Save(DraftOf(2024), {}); }));
  auto listed =
      InRead<std::vector<Submission>>([](app::Tx& tx) { return tx.AnnualSubmissions().List(); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].year, 2024);  // newest first
  EXPECT_EQ((*listed)[1].steps.size(), 2u);
}

TEST_P(StoreContract, TheReportAsSubmittedIsWrittenOnce) {
  using MaybeText = std::optional<std::string>;
  const Status unknown = WriteStatus(
      [](app::Tx& tx) { return tx.AnnualSubmissions().SaveSubmittedReport(2023, "{}"); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(InWrite<Submission>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().Save(DraftOf(2023), {}); }));
  auto before = InRead<MaybeText>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().LoadSubmittedReport(2023); });
  ASSERT_TRUE(before);
  EXPECT_FALSE(*before);
  WriteOk([](app::Tx& tx) {
    return tx.AnnualSubmissions().SaveSubmittedReport(2023, R"({"year":2023})");
  });
  const Status again = WriteStatus(
      [](app::Tx& tx) { return tx.AnnualSubmissions().SaveSubmittedReport(2023, "{}"); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto after = InRead<MaybeText>(
      [](app::Tx& tx) { return tx.AnnualSubmissions().LoadSubmittedReport(2023); });
  ASSERT_TRUE(after && *after);
  EXPECT_EQ(**after, R"({"year":2023})");
}

}  // namespace
}  // namespace redress::storage::contract
