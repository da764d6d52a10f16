#include "core/subject_access_request.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redress::core {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }

const WorkingCalendar& England() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

SubjectAccessRequest Received(std::string_view on = "2025-01-31") {
  SubjectAccessRequest request;
  request.reference = "SAR-2025-000001";
  request.requester_name = "Ada Lovelace";
  request.requester_email = "ada@example.org";
  request.details = "Everything you hold about my housing repairs complaint";
  request.received_on = D(on);
  return request;
}

std::vector<std::pair<std::string, FieldErrorCode>> Refusals(const Status& status) {
  std::vector<std::pair<std::string, FieldErrorCode>> fields;
  if (status) return fields;
  for (const FieldError& field : status.error().fields) {
    fields.emplace_back(field.field, field.code);
  }
  return fields;
}

template <typename T>
Status StatusOf(const Result<T>& result) {
  if (result) return {};
  return tl::unexpected(result.error());
}

TEST(SubjectAccessRequest, StatusNamesRoundTrip) {
  for (const auto status : {SubjectAccessStatus::kReceived, SubjectAccessStatus::kExtended,
                            SubjectAccessStatus::kCompleted, SubjectAccessStatus::kWithdrawn}) {
    EXPECT_EQ(ParseSubjectAccessStatus(ToString(status)), status);
  }
  EXPECT_FALSE(ParseSubjectAccessStatus("answered"));
}

TEST(SubjectAccessRequest, NewRequestsRefusedEveryFieldAtOnce) {
  struct Row {
    std::function<void(SubjectAccessRequest&)> change;
    std::vector<std::pair<std::string, FieldErrorCode>> refused;
    std::string_view why;
  };
  const Row rows[] = {
      {[](SubjectAccessRequest&) {}, {}, "a complete request"},
      {[](SubjectAccessRequest& r) {
         r.requester_email.clear();
         r.identity_confirmed_on = D("2025-02-03");
       },
       {},
       "no email; identity confirmed later"},
      {[](SubjectAccessRequest& r) {
         r.requester_name = " ";
         r.details.clear();
         r.requester_email = "not-an-address";
         r.received_on = D("2025-02-11");
       },
       {{"requester_name", FieldErrorCode::kRequired},
        {"details", FieldErrorCode::kRequired},
        {"requester_email", FieldErrorCode::kInvalidEmail},
        {"received_on", FieldErrorCode::kDateInFuture}},
       "four fields at fault"},
      {[](SubjectAccessRequest& r) { r.identity_confirmed_on = D("2025-01-30"); },
       {{"identity_confirmed_on", FieldErrorCode::kDateTooEarly}},
       "identity confirmed before receipt"},
      {[](SubjectAccessRequest& r) {
         r.identity_confirmed_on = D("2025-02-11");
         r.subject_name = std::string(kMaxSarNameLength + 1, 'x');
       },
       {{"subject_name", FieldErrorCode::kTooLong},
        {"identity_confirmed_on", FieldErrorCode::kDateInFuture}},
       "too long a name; identity confirmed after today"},
  };
  for (const Row& row : rows) {
    SubjectAccessRequest request = Received();
    row.change(request);
    EXPECT_EQ(Refusals(CheckNewSubjectAccessRequest(request, D("2025-02-10"))), row.refused)
        << row.why;
  }
}

// The clock runs from receipt, or from the identity's confirmation; an extension adds its months
// from the same start; overdue the day after the due date, never once answered or withdrawn.
TEST(SubjectAccessRequest, DueDatesAndOverdueTable) {
  struct Row {
    std::function<SubjectAccessRequest()> request;
    std::string_view due;
    std::string_view not_overdue_on;
    std::string_view overdue_on;  // "" when never
    std::string_view why;
  };
  const Row rows[] = {
      {[] { return Received(); }, "2025-02-28", "2025-02-28", "2025-03-01",
       "31 January: the last day of February"},
      {[] { return Received("2024-01-31"); }, "2024-02-29", "2024-02-29", "2024-03-01",
       "a leap year"},
      {[] {
         auto r = Received("2025-04-20");
         r.identity_confirmed_on = D("2025-04-26");
         return r;
       },
       "2025-05-27", "2025-05-27", "2025-05-28",
       "from the identity's confirmation, due on the spring bank holiday"},
      {[] {
         auto r = Received();
         r.extension = SubjectAccessExtension{2, "Complex", D("2025-02-10")};
         r.status = SubjectAccessStatus::kExtended;
         return r;
       },
       "2025-04-30", "2025-04-30", "2025-05-01", "extended by two months"},
      {[] {
         auto r = Received();
         r.status = SubjectAccessStatus::kCompleted;
         r.completed_on = D("2025-03-10");
         return r;
       },
       "2025-02-28", "2025-03-10", "", "completed late: answered, no longer overdue"},
      {[] {
         auto r = Received();
         r.status = SubjectAccessStatus::kWithdrawn;
         r.withdrawn_on = D("2025-02-03");
         return r;
       },
       "2025-02-28", "2025-06-01", "", "withdrawn"},
  };
  for (const Row& row : rows) {
    const SubjectAccessRequest request = row.request();
    EXPECT_EQ(DueOn(England(), request), D(row.due)) << row.why;
    EXPECT_FALSE(IsOverdue(England(), request, D(row.not_overdue_on))) << row.why;
    if (!row.overdue_on.empty()) {
      EXPECT_TRUE(IsOverdue(England(), request, D(row.overdue_on))) << row.why;
    }
  }
}

TEST(SubjectAccessRequest, ExtendOnceWithinTheFirstMonth) {
  const SubjectAccessExtension two{2, "Complex: ten years of repairs", D("2025-02-28")};
  auto extended = Extend(England(), Received(), two, D("2025-03-01"));
  ASSERT_TRUE(extended) << extended.error().message;
  EXPECT_EQ(extended->status, SubjectAccessStatus::kExtended);
  EXPECT_EQ(extended->extension, two);
  EXPECT_EQ(DueOn(England(), *extended), D("2025-04-30"));

  // Twice: refused whatever the fields.
  auto again = Extend(England(), *extended, two, D("2025-03-01"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kTransitionNotAllowed);

  // Told late, three months, no reason: every field at once.
  auto late = Extend(England(), Received(), {3, "", D("2025-03-03")}, D("2025-03-04"));
  EXPECT_EQ(Refusals(StatusOf(late)), (std::vector<std::pair<std::string, FieldErrorCode>>{
                                          {"months", FieldErrorCode::kOutOfRange},
                                          {"reason", FieldErrorCode::kRequired},
                                          {"told_on", FieldErrorCode::kDateTooLate}}));
}

TEST(SubjectAccessRequest, StepsTable) {
  enum class Step { kComplete, kWithdraw, kExtend };
  struct Row {
    SubjectAccessStatus from;
    Step step;
    std::string_view on;
    std::string reason;
    std::optional<SubjectAccessStatus> to;  // nullopt: refused
    std::vector<std::pair<std::string, FieldErrorCode>> refused;
    std::string_view why;
  };
  const Row rows[] = {
      {SubjectAccessStatus::kReceived,
       Step::kComplete,
       "2025-02-20",
       "",
       SubjectAccessStatus::kCompleted,
       {},
       "answered in time"},
      {SubjectAccessStatus::kExtended,
       Step::kComplete,
       "2025-02-20",
       "",
       SubjectAccessStatus::kCompleted,
       {},
       "an extended request answered"},
      {SubjectAccessStatus::kReceived,
       Step::kComplete,
       "2025-01-30",
       "",
       std::nullopt,
       {{"completed_on", FieldErrorCode::kDateTooEarly}},
       "answered before receipt"},
      {SubjectAccessStatus::kReceived,
       Step::kComplete,
       "2025-03-02",
       "",
       std::nullopt,
       {{"completed_on", FieldErrorCode::kDateInFuture}},
       "answered after today"},
      {SubjectAccessStatus::kCompleted,
       Step::kComplete,
       "2025-02-20",
       "",
       std::nullopt,
       {},
       "completed twice"},
      {SubjectAccessStatus::kReceived,
       Step::kWithdraw,
       "2025-02-20",
       "No longer wanted",
       SubjectAccessStatus::kWithdrawn,
       {},
       "withdrawn"},
      {SubjectAccessStatus::kReceived,
       Step::kWithdraw,
       "2025-03-02",
       " ",
       std::nullopt,
       {{"withdrawn_on", FieldErrorCode::kDateInFuture}, {"reason", FieldErrorCode::kRequired}},
       "withdrawn tomorrow without a reason"},
      {SubjectAccessStatus::kWithdrawn,
       Step::kWithdraw,
       "2025-02-20",
       "Again",
       std::nullopt,
       {},
       "withdrawn twice"},
      {SubjectAccessStatus::kCompleted,
       Step::kExtend,
       "2025-02-20",
       "Complex",
       std::nullopt,
       {},
       "a completed request extended"},
  };
  for (const Row& row : rows) {
    SubjectAccessRequest request = Received();
    request.status = row.from;
    const Date today = D("2025-03-01");
    Result<SubjectAccessRequest> next =
        row.step == Step::kComplete ? Complete(request, D(row.on), today)
        : row.step == Step::kWithdraw
            ? Withdraw(request, D(row.on), row.reason, today)
            : Extend(England(), request, {1, row.reason, D(row.on)}, today);
    if (row.to) {
      ASSERT_TRUE(next) << row.why << ": " << next.error().message;
      EXPECT_EQ(next->status, *row.to) << row.why;
    } else {
      ASSERT_FALSE(next) << row.why;
      if (row.refused.empty()) {
        EXPECT_EQ(next.error().code, ErrorCode::kTransitionNotAllowed) << row.why;
      } else {
        EXPECT_EQ(Refusals(StatusOf(next)), row.refused) << row.why;
      }
    }
  }
}

}  // namespace
}  // namespace redress::core
