#include "core/annual_submission.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace redress::core {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }

TEST(SubmissionDeadline, ThirtiethOfSeptemberForLargeLandlordsSixMonthsOtherwise) {
  struct Row {
    std::string_view year_end;
    std::int64_t homes;
    std::string_view deadline;
  };
  const Row rows[] = {
      // Redress's own financial year (to 31 March): both rules give 30 September.
      {"2024-03-31", 5218, "2024-09-30"},
      {"2024-03-31", 1001, "2024-09-30"},
      {"2024-03-31", 1000, "2024-09-30"},  // exactly 1,000 is not "more than": six months
      {"2024-03-31", 12, "2024-09-30"},
      // Other year ends: the first 30 September after it, or six months clamped to month end.
      {"2024-12-31", 1001, "2025-09-30"},
      {"2024-12-31", 1000, "2025-06-30"},
      {"2024-08-31", 2000, "2024-09-30"},
      {"2024-08-31", 500, "2025-02-28"},
      {"2023-08-31", 500, "2024-02-29"},
      {"2024-09-30", 2000, "2025-09-30"},  // on the day itself: the next year's
  };
  for (const Row& row : rows) {
    EXPECT_EQ(SubmissionDeadline(D(row.year_end), row.homes), D(row.deadline))
        << row.year_end << " with " << row.homes << " homes";
  }
}

AnnualSubmission Draft() {
  AnnualSubmission submission;
  submission.year = 2023;
  submission.homes = 5218;
  return submission;
}

const Date kToday = D("2024-10-15");
const Approval kApproval{D("2024-09-17"), "Cabinet", "CAB/24/023",
                         "Cabinet notes the report and endorses the actions."};

TEST(AnnualSubmission, GoesFromDraftToSubmittedOneStepAtATime) {
  const auto approved = Approve(Draft(), kApproval, kToday);
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved->status, SubmissionStatus::kApproved);
  EXPECT_EQ(approved->approval_minute, "CAB/24/023");
  const auto published =
      Publish(*approved, {D("2024-09-20"), "https://example.gov.uk/complaints"}, kToday);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(published->status, SubmissionStatus::kPublished);
  const auto submitted = Submit(*published, D("2024-09-27"), kToday);
  ASSERT_TRUE(submitted) << submitted.error().message;
  EXPECT_EQ(submitted->status, SubmissionStatus::kSubmitted);
  EXPECT_EQ(submitted->submitted_on, D("2024-09-27"));
}

TEST(AnnualSubmission, EachStepOnlyFromTheOneBefore) {
  const AnnualSubmission draft = Draft();
  EXPECT_EQ(Publish(draft, {D("2024-09-20"), "https://x.example"}, kToday).error().code,
            ErrorCode::kTransitionNotAllowed);
  EXPECT_EQ(Submit(draft, D("2024-09-20"), kToday).error().code, ErrorCode::kTransitionNotAllowed);
  const AnnualSubmission approved = *Approve(draft, kApproval, kToday);
  EXPECT_EQ(Approve(approved, kApproval, kToday).error().code, ErrorCode::kTransitionNotAllowed);
  EXPECT_EQ(Submit(approved, D("2024-09-20"), kToday).error().code,
            ErrorCode::kTransitionNotAllowed);
}

std::vector<std::pair<std::string, FieldErrorCode>> Fields(const Error& error) {
  std::vector<std::pair<std::string, FieldErrorCode>> fields;
  for (const FieldError& field : error.fields) fields.emplace_back(field.field, field.code);
  return fields;
}

TEST(AnnualSubmission, NamesEveryOffendingFieldAtOnce) {
  const auto approval = Approve(Draft(), {D("2024-03-30"), " ", "", ""}, kToday);
  ASSERT_FALSE(approval);
  EXPECT_EQ(approval.error().code, ErrorCode::kInvalidInput);
  using Code = FieldErrorCode;
  EXPECT_EQ(Fields(approval.error()), (std::vector<std::pair<std::string, Code>>{
                                          {"approved_on", Code::kDateTooEarly},
                                          {"governing_body", Code::kRequired},
                                          {"minute", Code::kRequired},
                                          {"response", Code::kRequired},
                                      }));
  const AnnualSubmission approved = *Approve(Draft(), kApproval, kToday);
  const auto publication = Publish(approved, {D("2024-09-16"), "example.gov.uk"}, kToday);
  ASSERT_FALSE(publication);
  EXPECT_EQ(Fields(publication.error()), (std::vector<std::pair<std::string, Code>>{
                                             {"published_on", Code::kDateTooEarly},
                                             {"web_address", Code::kInvalid},
                                         }));
  const AnnualSubmission published =
      *Publish(approved, {D("2024-09-20"), "https://example.gov.uk/complaints"}, kToday);
  EXPECT_EQ(Fields(Submit(published, D("2024-10-16"), kToday).error()),
            (std::vector<std::pair<std::string, Code>>{{"submitted_on", Code::kDateInFuture}}));
}

TEST(AnnualSubmission, StatusNamesRoundTrip) {
  for (SubmissionStatus status : {SubmissionStatus::kDraft, SubmissionStatus::kApproved,
                                  SubmissionStatus::kPublished, SubmissionStatus::kSubmitted}) {
    EXPECT_EQ(ParseSubmissionStatus(ToString(status)), status);
  }
  EXPECT_FALSE(ParseSubmissionStatus("sent"));
}

TEST(SubmissionDetails, NamesEveryOffendingFieldAndFreezesOnceSubmitted) {
  struct Row {
    const char* what;
    SubmissionDetails details;
    std::vector<std::string> fields;  // refused, in order; none: accepted
  };
  SubmissionDetails good;
  good.landlord_code = "HO-1234";
  good.complaints_officer = {"Sam Patel", "Complaints Manager", "sam@example.gov.uk", "01632"};
  good.policy_address = "https://example.gov.uk/complaints-policy";
  SubmissionDetails bad = good;
  bad.complaints_officer.email = "sam.example.gov.uk";
  bad.member_responsible.email = "a@b@c";
  bad.policy_address = "http://example.gov.uk/policy";
  bad.report_address = "example.gov.uk/report";
  SubmissionDetails long_code = good;
  long_code.landlord_code = std::string(kMaxDetailLength + 1, 'x');
  const Row rows[] = {
      {"blank is allowed in a draft", SubmissionDetails{}, {}},
      {"complete", good, {}},
      {"bad addresses",
       bad,
       {"complaints_officer.email", "member_responsible.email", "policy_address",
        "report_address"}},
      {"too long", long_code, {"landlord_code"}},
  };
  for (const Row& row : rows) {
    const Status checked = CheckSubmissionDetails(row.details);
    std::vector<std::string> fields;
    if (!checked) {
      EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput) << row.what;
      for (const FieldError& field : checked.error().fields) fields.push_back(field.field);
    }
    EXPECT_EQ(fields, row.fields) << row.what;
  }
  AnnualSubmission submitted = Draft();
  submitted.status = SubmissionStatus::kSubmitted;
  const auto changed = ChangeDetails(submitted, good);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kTransitionNotAllowed);
  const auto drafted = ChangeDetails(Draft(), good);
  ASSERT_TRUE(drafted);
  EXPECT_EQ(drafted->details.landlord_code, "HO-1234");
}

}  // namespace
}  // namespace redress::core
