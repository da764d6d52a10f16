#include "core/service_request.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;
using test_support::FieldCodes;
using test_support::FieldNames;

const Date kToday = D(2024, 6, 10);
const Date kReceived = D(2024, 6, 3);
constexpr char kActor[] = "officer.one";
constexpr char kComplaintReference[] = "CMP-2024-000123";
constexpr int kSummaryLimit = 200;  // characters, the contract of LogServiceRequest

ServiceRequestInput ValidInput() {
  ServiceRequestInput input;
  input.channel = Channel::kPhone;
  input.received_on = kReceived;
  input.service_area = "housing";
  input.category = "repairs";
  input.summary = "Kitchen tap leaking";
  input.description = "The kitchen cold tap has dripped for a week.";
  input.requester.name = "Jo Smith";
  input.requester.phone = "07700 900123";
  input.team = "housing-repairs";
  return input;
}

// An open, numbered request as the store would return it after logging.
ServiceRequest OpenRequest() {
  ServiceRequest request = LogServiceRequest(ValidInput(), kToday, kActor)->request;
  request.id = 42;
  request.reference = "SR-2024-000042";
  request.version = 1;
  return request;
}

// --- Status names ------------------------------------------------------------------------------

TEST(ServiceRequestStatusTest, NamesRoundTrip) {
  for (ServiceRequestStatus status :
       {ServiceRequestStatus::kOpen, ServiceRequestStatus::kResolved}) {
    EXPECT_EQ(ParseServiceRequestStatus(ToString(status)), status);
  }
  EXPECT_EQ(ToString(ServiceRequestStatus::kOpen), "open");
  EXPECT_EQ(ToString(ServiceRequestStatus::kResolved), "resolved");
  EXPECT_EQ(ParseServiceRequestStatus("Open"), std::nullopt);
  EXPECT_EQ(ParseServiceRequestStatus(""), std::nullopt);
}

// --- LogServiceRequest -------------------------------------------------------------------------

struct LogCase {
  std::string name;
  std::function<void(ServiceRequestInput&)> change;
  std::vector<std::string> invalid_fields;  // empty: the input is valid
  // The code of each invalid field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

class LogServiceRequestTest : public testing::TestWithParam<LogCase> {};

TEST_P(LogServiceRequestTest, ValidatesEveryField) {
  ServiceRequestInput input = ValidInput();
  GetParam().change(input);
  Result<ServiceRequestTransition> result = LogServiceRequest(input, kToday, kActor);
  if (GetParam().invalid_fields.empty()) {
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->request.status, ServiceRequestStatus::kOpen);
  } else {
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(FieldNames(result.error()), GetParam().invalid_fields);
    if (!GetParam().codes.empty()) {
      std::vector<std::string> codes;
      for (FieldErrorCode code : GetParam().codes) codes.emplace_back(ToString(code));
      EXPECT_EQ(FieldCodes(result.error()), codes);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, LogServiceRequestTest,
    testing::Values(
        LogCase{"Valid", [](ServiceRequestInput&) {}, {}},
        LogCase{"ReceivedToday", [](ServiceRequestInput& in) { in.received_on = kToday; }, {}},
        LogCase{"ReceivedTomorrow",
                [](ServiceRequestInput& in) { in.received_on = kToday.AddDays(1); },
                {"received_on"},
                {FieldErrorCode::kDateInFuture}},
        LogCase{"ReceivedBeforeCalendar",
                [](ServiceRequestInput& in) { in.received_on = D(kFirstCalendarYear - 1, 12, 31); },
                {"received_on"},
                {FieldErrorCode::kInvalidDate}},
        LogCase{"ReceivedOnFirstCalendarDay",
                [](ServiceRequestInput& in) { in.received_on = D(kFirstCalendarYear, 1, 1); },
                {}},
        LogCase{"ReceivedAfterCalendar",
                [](ServiceRequestInput& in) { in.received_on = D(kLastCalendarYear + 1, 1, 1); },
                {"received_on"}},
        LogCase{"SummaryEmpty", [](ServiceRequestInput& in) { in.summary.clear(); }, {"summary"}},
        LogCase{"SummaryBlank", [](ServiceRequestInput& in) { in.summary = " \t "; }, {"summary"}},
        LogCase{"SummaryAtLimit",
                [](ServiceRequestInput& in) { in.summary = std::string(kSummaryLimit, 'x'); },
                {}},
        LogCase{"SummaryOverLimit",
                [](ServiceRequestInput& in) { in.summary = std::string(kSummaryLimit + 1, 'x'); },
                {"summary"}},
        // kSummaryLimit two-byte characters are within the limit: it counts characters, not bytes.
        LogCase{"SummaryLimitCountsCharacters",
                [](ServiceRequestInput& in) {
                  in.summary.clear();
                  for (int i = 0; i < kSummaryLimit; ++i) in.summary += "\xC3\xA9";
                },
                {}},
        LogCase{"ServiceAreaEmpty",
                [](ServiceRequestInput& in) { in.service_area.clear(); },
                {"service_area"}},
        LogCase{
            "CategoryEmpty", [](ServiceRequestInput& in) { in.category.clear(); }, {"category"}},
        LogCase{"RequesterNameEmpty",
                [](ServiceRequestInput& in) { in.requester.name.clear(); },
                {"requester.name"}},
        LogCase{"NoContact",
                [](ServiceRequestInput& in) { in.requester.phone.clear(); },
                {"requester"}},
        LogCase{"BlankContactsOnly",
                [](ServiceRequestInput& in) {
                  in.requester.phone = " ";
                  in.requester.email = " ";
                  in.requester.address = " ";
                },
                {"requester"}},
        LogCase{"PostcodeAloneIsNoContact",
                [](ServiceRequestInput& in) {
                  in.requester.phone.clear();
                  in.requester.postcode = "AB1 2CD";
                },
                {"requester"}},
        LogCase{"EmailOnly",
                [](ServiceRequestInput& in) {
                  in.requester.phone.clear();
                  in.requester.email = "jo@example.org";
                },
                {}},
        // The email is checked as it is for a complainant (validation.hpp).
        LogCase{"RequesterEmailMalformed",
                [](ServiceRequestInput& in) { in.requester.email = "jo.example.org"; },
                {"requester.email"}},
        LogCase{"AddressOnly",
                [](ServiceRequestInput& in) {
                  in.requester.phone.clear();
                  in.requester.address = "12 High Street, Anytown";
                },
                {}},
        LogCase{
            "EverythingWrongAtOnce",
            [](ServiceRequestInput& in) {
              in = ServiceRequestInput{};
              in.received_on = kToday.AddDays(1);
            },
            {"received_on", "summary", "service_area", "category", "requester.name", "requester"}}),
    CaseName());

TEST(LogServiceRequestTest, RecordsTheRequestAndTheEvent) {
  const ServiceRequestInput input = ValidInput();
  Result<ServiceRequestTransition> result = LogServiceRequest(input, kToday, kActor);
  ASSERT_TRUE(result.has_value()) << result.error().message;

  const ServiceRequest& request = result->request;
  EXPECT_EQ(request.id, 0);
  EXPECT_EQ(request.reference, "");
  EXPECT_EQ(request.channel, input.channel);
  EXPECT_EQ(request.received_on, input.received_on);
  EXPECT_EQ(request.service_area, input.service_area);
  EXPECT_EQ(request.category, input.category);
  EXPECT_EQ(request.summary, input.summary);
  EXPECT_EQ(request.description, input.description);
  EXPECT_EQ(request.requester, input.requester);
  EXPECT_EQ(request.team, input.team);
  EXPECT_EQ(request.status, ServiceRequestStatus::kOpen);
  EXPECT_EQ(request.resolved_on, std::nullopt);
  EXPECT_EQ(request.complaint_reference, "");

  const CaseEvent& event = result->event;
  EXPECT_EQ(event.type, EventType::kServiceRequestLogged);
  EXPECT_EQ(event.occurred_on, input.received_on);
  EXPECT_EQ(event.actor, kActor);
  EXPECT_EQ(event.stage, 0);
  EXPECT_FALSE(event.summary.empty());
  EXPECT_EQ(event.changes, (std::vector<Change>{{"status", "", "open"},
                                                {"received_on", "", "2024-06-03"},
                                                {"service_area", "", "housing"},
                                                {"category", "", "repairs"},
                                                {"team", "", "housing-repairs"}}));
}

TEST(LogServiceRequestTest, KeepsPersonalDataOutOfTheChanges) {
  Result<ServiceRequestTransition> result = LogServiceRequest(ValidInput(), kToday, kActor);
  ASSERT_TRUE(result.has_value());
  for (const Change& change : result->event.changes) {
    EXPECT_EQ(change.after.find("Jo Smith"), std::string::npos) << change.field;
    EXPECT_EQ(change.after.find("07700"), std::string::npos) << change.field;
  }
}

// --- ResolveServiceRequest ---------------------------------------------------------------------

struct ResolveCase {
  std::string name;
  Date on;
  std::string resolution;
  std::vector<std::string> invalid_fields;  // empty: the resolution is accepted
};

class ResolveServiceRequestTest : public testing::TestWithParam<ResolveCase> {};

TEST_P(ResolveServiceRequestTest, ValidatesDateAndResolution) {
  const ResolveCase& c = GetParam();
  Result<ServiceRequestTransition> result =
      ResolveServiceRequest(OpenRequest(), c.on, c.resolution, kToday, kActor);
  if (c.invalid_fields.empty()) {
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->request.status, ServiceRequestStatus::kResolved);
    EXPECT_EQ(result->request.resolved_on, c.on);
  } else {
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(FieldNames(result.error()), c.invalid_fields);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ResolveServiceRequestTest,
    testing::Values(
        ResolveCase{"BetweenReceiptAndToday", D(2024, 6, 5), "Washer replaced", {}},
        ResolveCase{"OnTheDayReceived", kReceived, "Washer replaced", {}},
        ResolveCase{"Today", kToday, "Washer replaced", {}},
        ResolveCase{"BeforeReceipt", kReceived.AddDays(-1), "Washer replaced", {"resolved_on"}},
        ResolveCase{"AfterToday", kToday.AddDays(1), "Washer replaced", {"resolved_on"}},
        ResolveCase{"NoResolution", D(2024, 6, 5), "", {"resolution"}},
        ResolveCase{"BlankResolution", D(2024, 6, 5), "  \n", {"resolution"}},
        ResolveCase{"BothWrong", kToday.AddDays(1), "", {"resolved_on", "resolution"}}),
    CaseName());

TEST(ResolveServiceRequestTest, RecordsTheResolutionAndTheEvent) {
  const ServiceRequest open = OpenRequest();
  Result<ServiceRequestTransition> result =
      ResolveServiceRequest(open, D(2024, 6, 5), "Washer replaced", kToday, kActor);
  ASSERT_TRUE(result.has_value()) << result.error().message;

  ServiceRequest expected = open;
  expected.status = ServiceRequestStatus::kResolved;
  expected.resolved_on = D(2024, 6, 5);
  expected.resolution = "Washer replaced";
  EXPECT_EQ(result->request, expected);

  const CaseEvent& event = result->event;
  EXPECT_EQ(event.type, EventType::kServiceRequestResolved);
  EXPECT_EQ(event.occurred_on, D(2024, 6, 5));
  EXPECT_EQ(event.actor, kActor);
  EXPECT_NE(event.summary.find("SR-2024-000042"), std::string::npos) << event.summary;
  EXPECT_EQ(event.changes, (std::vector<Change>{{"status", "open", "resolved"},
                                                {"resolved_on", "", "2024-06-05"},
                                                {"resolution", "", "Washer replaced"}}));
}

TEST(ResolveServiceRequestTest, AConvertedRequestCannotBeResolved) {
  const ServiceRequest converted =
      MarkConverted(OpenRequest(), kComplaintReference, D(2024, 6, 5), kActor)->request;
  Result<ServiceRequestTransition> resolved =
      ResolveServiceRequest(converted, D(2024, 6, 6), "Washer replaced", kToday, kActor);
  ASSERT_FALSE(resolved.has_value());
  EXPECT_EQ(resolved.error().code, ErrorCode::kTransitionNotAllowed);
  EXPECT_NE(resolved.error().message.find(kComplaintReference), std::string::npos)
      << resolved.error().message;
}

TEST(ResolveServiceRequestTest, OnlyAnOpenRequestCanBeResolved) {
  ServiceRequest resolved =
      ResolveServiceRequest(OpenRequest(), D(2024, 6, 5), "Washer replaced", kToday, kActor)
          ->request;
  Result<ServiceRequestTransition> again =
      ResolveServiceRequest(resolved, D(2024, 6, 6), "Again", kToday, kActor);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kTransitionNotAllowed);
}

// --- MarkConverted -----------------------------------------------------------------------------

struct ConvertCase {
  std::string name;
  ServiceRequestStatus status;
};

class MarkConvertedTest : public testing::TestWithParam<ConvertCase> {};

TEST_P(MarkConvertedTest, LinksTheComplaintAndKeepsTheStatus) {
  ServiceRequest request = OpenRequest();
  if (GetParam().status == ServiceRequestStatus::kResolved) {
    request =
        ResolveServiceRequest(request, D(2024, 6, 5), "Washer replaced", kToday, kActor)->request;
  }
  const ServiceRequest before = request;
  Result<ServiceRequestTransition> result =
      MarkConverted(request, kComplaintReference, D(2024, 6, 7), kActor);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(request, before);

  ServiceRequest expected = request;
  expected.complaint_reference = kComplaintReference;
  EXPECT_EQ(result->request, expected);
  EXPECT_EQ(result->request.status, GetParam().status);

  const CaseEvent& event = result->event;
  EXPECT_EQ(event.type, EventType::kServiceRequestConverted);
  EXPECT_EQ(event.occurred_on, D(2024, 6, 7));
  EXPECT_EQ(event.actor, kActor);
  EXPECT_NE(event.summary.find(kComplaintReference), std::string::npos) << event.summary;
  EXPECT_EQ(event.changes, (std::vector<Change>{{"complaint_reference", "", kComplaintReference}}));
}

INSTANTIATE_TEST_SUITE_P(Statuses, MarkConvertedTest,
                         testing::Values(ConvertCase{"Open", ServiceRequestStatus::kOpen},
                                         ConvertCase{"Resolved", ServiceRequestStatus::kResolved}),
                         CaseName());

TEST(MarkConvertedTest, ARequestConvertsOnce) {
  ServiceRequest converted =
      MarkConverted(OpenRequest(), kComplaintReference, D(2024, 6, 7), kActor)->request;
  Result<ServiceRequestTransition> again =
      MarkConverted(converted, "CMP-2024-000124", D(2024, 6, 8), kActor);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kTransitionNotAllowed);
  EXPECT_NE(
      again.error().message.find("already converted into " + std::string(kComplaintReference)),
      std::string::npos)
      << again.error().message;
}

TEST(MarkConvertedTest, NeedsTheComplaintReference) {
  Result<ServiceRequestTransition> result = MarkConverted(OpenRequest(), "", D(2024, 6, 7), kActor);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(FieldNames(result.error()), std::vector<std::string>{"complaint_reference"});
}

TEST(MarkConvertedTest, NotBeforeTheRequestWasReceived) {
  Result<ServiceRequestTransition> result =
      MarkConverted(OpenRequest(), kComplaintReference, kReceived.AddDays(-1), kActor);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(FieldNames(result.error()), std::vector<std::string>{"converted_on"});
  EXPECT_TRUE(MarkConverted(OpenRequest(), kComplaintReference, kReceived, kActor).has_value());
}

}  // namespace
}  // namespace redress::core
