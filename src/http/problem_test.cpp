#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace redress::http {
namespace {

using core::ErrorCode;

TEST(ProblemTest, MapsEveryErrorCodeToItsStatus) {
  const std::vector<std::pair<ErrorCode, int>> cases = {
      {ErrorCode::kInvalidInput, 422},
      {ErrorCode::kNotFound, 404},
      {ErrorCode::kTransitionNotAllowed, 409},
      {ErrorCode::kConflict, 409},
      {ErrorCode::kStaleVersion, 412},
      {ErrorCode::kUnauthenticated, 401},
      {ErrorCode::kForbidden, 403},
      {ErrorCode::kTooManyRequests, 429},
      {ErrorCode::kStorage, 503},
      {ErrorCode::kBusy, 503},
      {ErrorCode::kUnavailable, 503},
      {ErrorCode::kInternal, 500},
  };
  for (const auto& [code, status] : cases) {
    SCOPED_TRACE(status);
    const core::Error error{code, "x", {}};
    EXPECT_EQ(StatusFor(error), status);
    EXPECT_FALSE(RefusalOf(error));
    EXPECT_EQ(ProblemResponse(error, "/p").status, status);
  }
}

TEST(ProblemTest, MapsEveryRequestRefusalToItsStatusAndType) {
  struct RefusalCase {
    core::Error error;
    RequestRefusal refusal;
    int status;
    std::string type;
  };
  const std::vector<RefusalCase> cases = {
      {RequestError(RequestRefusal::kMalformedRequest, "not HTTP"),
       RequestRefusal::kMalformedRequest, 400, "/problems/malformed-request"},
      {MalformedField("body", "not valid JSON"), RequestRefusal::kMalformedRequest, 400,
       "/problems/malformed-request"},
      {RequestError(RequestRefusal::kPayloadTooLarge, "too large", "at most 1 MiB"),
       RequestRefusal::kPayloadTooLarge, 413, "/problems/payload-too-large"},
      {RequestError(RequestRefusal::kUnsupportedMediaType, "not JSON", "must be JSON"),
       RequestRefusal::kUnsupportedMediaType, 415, "/problems/unsupported-media-type"},
      {RequestError(RequestRefusal::kMethodNotAllowed, "no", "allowed: GET"),
       RequestRefusal::kMethodNotAllowed, 405, "/problems/method-not-allowed"},
      {RequestError(RequestRefusal::kPreconditionRequired, "send If-Match", "send it"),
       RequestRefusal::kPreconditionRequired, 428, "/problems/precondition-required"},
  };
  for (const RefusalCase& c : cases) {
    SCOPED_TRACE(c.type);
    EXPECT_EQ(c.error.code, ErrorCode::kInvalidInput) << "the core's vocabulary carries it";
    EXPECT_EQ(RefusalOf(c.error), c.refusal);
    EXPECT_EQ(StatusFor(c.error), c.status);
    const Response response = ProblemResponse(c.error, "/p");
    EXPECT_EQ(response.status, c.status);
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["type"], c.type);
    ASSERT_EQ(body["errors"].size(), 1U) << "names the part of the request at fault";
  }
}

TEST(ProblemTest, AnInvalidValueOfTheApiIsNeverTakenForARefusal) {
  // Members of the API's JSON are snake_case; a value too long or not in a list is 422 even when
  // the member shares a word with a part of the HTTP message.
  for (const core::FieldErrorCode code :
       {core::FieldErrorCode::kTooLong, core::FieldErrorCode::kNotInList,
        core::FieldErrorCode::kRequired}) {
    for (const char* field : {"body", "content_type", "method", "if_match", "content_length"}) {
      const core::Error error{ErrorCode::kInvalidInput, "x", {{field, "x", code}}};
      SCOPED_TRACE(field);
      EXPECT_FALSE(RefusalOf(error));
      EXPECT_EQ(StatusFor(error), 422);
    }
  }
}

TEST(ProblemTest, SaysWhenToRetry) {
  core::Error error{ErrorCode::kTooManyRequests, "slow down", {}};
  error.retry_after_seconds = 8;
  Response response = ProblemResponse(error, "/api/v1/session");
  EXPECT_EQ(response.status, 429);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0], (std::pair<std::string, std::string>{"Retry-After", "8"}));
  EXPECT_TRUE(
      ProblemResponse(core::Error{ErrorCode::kTooManyRequests, "x", {}}, "/p").headers.empty());
}

TEST(ProblemTest, RendersRfc9457WithFieldErrors) {
  core::Error error{ErrorCode::kInvalidInput,
                    "2 fields are invalid",
                    {{"received_on", "must be a real date", core::FieldErrorCode::kInvalidDate},
                     {"complainant.email", "bad"}}};
  Response response = ProblemResponse(error, "/api/v1/complaints");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["type"], "/problems/invalid-input");
  EXPECT_EQ(body["status"], 422);
  EXPECT_EQ(body["detail"], "2 fields are invalid");
  EXPECT_EQ(body["instance"], "/api/v1/complaints");
  EXPECT_FALSE(body["title"].get<std::string>().empty());
  ASSERT_EQ(body["errors"].size(), 2U);
  EXPECT_EQ(body["errors"][0]["field"], "received_on");
  EXPECT_EQ(body["errors"][1]["field"], "complainant.email");
  EXPECT_EQ(body["errors"][1]["message"], "bad");
  EXPECT_EQ(body["errors"][0]["code"], "invalid_date");
  EXPECT_EQ(body["errors"][1]["code"], "invalid") << "a field error without a code is 'invalid'";
}

TEST(ProblemTest, AFailedRenderIsInternalNotTheDatabase) {
  auto body = nlohmann::json::parse(
      ProblemResponse(core::Error{ErrorCode::kInternal, "the PDF could not be drawn", {}}, "/r")
          .body);
  EXPECT_EQ(body["status"], 500);
  EXPECT_EQ(body["type"], "/problems/internal");
}

TEST(ProblemTest, LeavesOutErrorsWhenNoFieldIsNamed) {
  auto body = nlohmann::json::parse(
      ProblemResponse(core::Error{ErrorCode::kNotFound, "no complaint X", {}}, "/x").body);
  EXPECT_FALSE(body.contains("errors"));
}

TEST(ProblemTest, InternalErrorSaysNothingOfTheCause) {
  Response response = InternalErrorResponse("/x");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(response.body)["status"], 500);
}

}  // namespace
}  // namespace redress::http
