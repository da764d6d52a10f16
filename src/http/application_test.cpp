#include "http/application.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "http/admin_handlers.hpp"
#include "http/handlers.hpp"
#include "http/openapi.hpp"
#include "http/problem.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

// A database that is down: every transaction fails.
class UnavailableStore : public app::Store {
 public:
  core::Status Write(const std::function<core::Status(app::Tx&)>&) override {
    return core::Fail(core::ErrorCode::kStorage, "the disk is on fire");
  }
  core::Status Read(const std::function<core::Status(app::Tx&)>&) override {
    return core::Fail(core::ErrorCode::kStorage, "the disk is on fire");
  }
  core::Result<app::AuditReport> VerifyAudit() override {
    return core::Fail(core::ErrorCode::kStorage, "the disk is on fire");
  }
};

class FixedClock : public app::Clock {
 public:
  core::Date Today() const override { return *core::Date::Parse("2025-01-15"); }
  std::string NowRfc3339() const override { return "2025-01-15T10:00:00.000Z"; }
  std::int64_t NowUnixSeconds() const override { return kNowUnixSeconds; }
  static constexpr std::int64_t kNowUnixSeconds = 1736935200;  // the instant above
};

std::string HeaderOf(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return {};
}

Request Make(std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  return request;
}

class ApplicationTest : public ::testing::Test {
 protected:
  ApplicationTest() : authenticator_(store_, clock_, sign_in_guard_) {}

  // The application with the real API routes plus /boom, which throws.
  Application Build(TransportSecurity transport = TransportSecurity::kPlainHttp) {
    Router router;
    handlers_.Register(router);
    admin_handlers_.Register(router);
    router.Add({"GET", "/boom", Access::kPublic, std::nullopt,
                [](const Request&) -> Response { throw std::runtime_error("kaboom"); }});
    return Application(
        std::move(router), authenticator_, metrics_, clock_,
        [this](std::string_view line) { lines_.push_back(json::parse(line)); }, nullptr, transport);
  }

  UnavailableStore store_;
  FixedClock clock_;
  Metrics metrics_;
  app::SignInGuard sign_in_guard_{1};
  app::LengthPasswordPolicy password_policy_;
  Authenticator authenticator_;
  Handlers handlers_{store_, clock_, metrics_, sign_in_guard_};
  AdminHandlers admin_handlers_{store_, clock_, password_policy_};
  std::vector<json> lines_;
};

TEST_F(ApplicationTest, AnswersUnknownPathsWith404AndOtherMethodsWith405) {
  Application application = Build();
  Response missing = application.Handle(Make("GET", "/api/v1/nothing?x=1"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/problem+json");
  EXPECT_EQ(json::parse(missing.body)["instance"], "/api/v1/nothing");

  Response wrong = application.Handle(Make("DELETE", "/api/v1/complaints"));
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(HeaderOf(wrong, "Allow"), "GET, POST");
  EXPECT_EQ(json::parse(wrong.body)["status"], 405);
}

TEST_F(ApplicationTest, RequiresABearerToken) {
  Application application = Build();
  Response response = application.Handle(Make("GET", "/api/v1/complaints"));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(HeaderOf(response, "WWW-Authenticate"), "Bearer");

  Request basic = Make("GET", "/api/v1/complaints");
  basic.headers.emplace("authorization", "Basic YTpi");
  EXPECT_EQ(application.Handle(basic).status, 401);

  // A token that cannot be checked because the database is down is 503, not 401.
  Request bearer = Make("GET", "/api/v1/complaints");
  bearer.headers.emplace("authorization", "Bearer rdt_0123");
  EXPECT_EQ(application.Handle(bearer).status, 503);
}

TEST_F(ApplicationTest, EchoesSaneRequestIdsAndReplacesOthers) {
  Application application = Build();
  Request given = Make("GET", "/healthz");
  given.headers.emplace("x-request-id", "abc-123.4_5:6");
  Response echoed = application.Handle(given);
  EXPECT_EQ(echoed.status, 200);
  EXPECT_EQ(HeaderOf(echoed, "X-Request-Id"), "abc-123.4_5:6");

  Request hostile = Make("GET", "/healthz");
  hostile.headers.emplace("x-request-id", "a\"b\nc");
  const std::string replaced = HeaderOf(application.Handle(hostile), "X-Request-Id");
  EXPECT_EQ(replaced.size(), 32U);
  EXPECT_TRUE(std::all_of(replaced.begin(), replaced.end(),
                          [](unsigned char c) { return std::isxdigit(c) != 0; }));
  EXPECT_EQ(RequestIdFor(std::string(129, 'a')).size(), 32U);
}

TEST_F(ApplicationTest, LogsOneJsonLinePerRequest) {
  Application application = Build();
  Request request = Make("GET", "/api/v1/complaints/CMP%2D1");
  request.headers.emplace("x-request-id", "r1");
  application.Handle(request);
  ASSERT_EQ(lines_.size(), 1U);
  const json& line = lines_.front();
  EXPECT_EQ(line["ts"], "2025-01-15T10:00:00.000Z");
  EXPECT_EQ(line["request_id"], "r1");
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["route"], "/api/v1/complaints/{reference}");
  EXPECT_EQ(line["path"], "/api/v1/complaints/CMP-1");
  EXPECT_EQ(line["status"], 401);
  EXPECT_TRUE(line["duration_ms"].is_number());
  EXPECT_TRUE(line["actor"].is_null());
}

TEST_F(ApplicationTest, TurnsAnExceptionInto500) {
  Application application = Build();
  Response response = application.Handle(Make("GET", "/boom"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.content_type, "application/problem+json");
  EXPECT_EQ(response.body.find("kaboom"), std::string::npos);
  ASSERT_EQ(lines_.size(), 2U);  // the error, then the request
  EXPECT_EQ(lines_[0]["level"], "error");
  EXPECT_NE(lines_[0]["message"].get<std::string>().find("kaboom"), std::string::npos);
  EXPECT_EQ(lines_[1]["status"], 500);
}

TEST_F(ApplicationTest, RefusesBadQueryEncodingWith400) {
  Application application = Build();
  Response response = application.Handle(Make("GET", "/healthz?x=%zz"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["errors"][0]["field"], "x");
}

TEST_F(ApplicationTest, RefusedRequestsAreLoggedAndCounted) {
  Application application = Build();
  Response response = application.Refuse(
      Make("POST", "/api/v1/complaints"),
      RequestError(RequestRefusal::kPayloadTooLarge, "too large", "at most 1 MiB"));
  EXPECT_EQ(response.status, 413);
  ASSERT_EQ(lines_.size(), 1U);
  EXPECT_EQ(lines_[0]["route"], "unmatched");
  EXPECT_EQ(lines_[0]["status"], 413);
}

TEST_F(ApplicationTest, ReadinessFollowsTheDatabaseAndMetricsAnswerRegardless) {
  Application application = Build();
  EXPECT_EQ(application.Handle(Make("GET", "/healthz")).status, 200);
  Response ready = application.Handle(Make("GET", "/readyz"));
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.content_type, "application/problem+json");
  Response metrics = application.Handle(Make("GET", "/metrics"));
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics.body.find(
                R"(redress_http_requests_total{route="/readyz",method="GET",status="503"} 1)"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find(R"(redress_http_request_duration_seconds_count{route="/healthz"} 1)"),
            std::string::npos);
}

TEST_F(ApplicationTest, EveryAnswerIsNotStoredNorSniffedAndHstsOnlyBehindTls) {
  Application application = Build();
  for (const char* target : {"/api/v1/complaints", "/readyz", "/api/v1/nothing", "/boom"}) {
    SCOPED_TRACE(target);
    Response response = application.Handle(Make("GET", target));
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-store");
    EXPECT_EQ(HeaderOf(response, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(HeaderOf(response, "Strict-Transport-Security"), "");
  }
  Application behind_tls = Build(TransportSecurity::kBehindTls);
  Response response = behind_tls.Handle(Make("GET", "/healthz"));
  EXPECT_EQ(HeaderOf(response, "Strict-Transport-Security"), "max-age=31536000");
}

TEST_F(ApplicationTest, TheLogNamesTheCauseOfAServerError) {
  Application application = Build();
  EXPECT_EQ(application.Handle(Make("GET", "/readyz")).status, 503);
  EXPECT_EQ(application.Handle(Make("GET", "/healthz")).status, 200);
  ASSERT_EQ(lines_.size(), 2U);
  EXPECT_NE(lines_[0]["cause"].get<std::string>().find("the disk is on fire"), std::string::npos)
      << lines_[0];
  EXPECT_FALSE(lines_[1].contains("cause"));
}

TEST_F(ApplicationTest, OpenApiDescribesEveryRoute) {
  Application application = Build();
  Response response = application.Handle(Make("GET", "/api/openapi.json"));
  ASSERT_EQ(response.status, 200);
  json document = json::parse(response.body);
  EXPECT_EQ(document["openapi"], "3.1.0");
  for (const Route& route : application.router().routes()) {
    if (route.pattern == "/boom") continue;
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    SCOPED_TRACE(route.method + " " + route.pattern);
    ASSERT_TRUE(document["paths"].contains(route.pattern));
    EXPECT_TRUE(document["paths"][route.pattern].contains(method));
    // A route that needs a user says how to authenticate; a public one says none is needed.
    const json& operation = document["paths"][route.pattern][method];
    EXPECT_EQ(operation.contains("security") && operation["security"].empty(),
              route.access == Access::kPublic);
  }
}

// The document's EventType names every core::EventType and nothing else: the web app words each
// as a sentence (web/src/timeline.ts, which checks its list against the document).
TEST(OpenApiDocumentTest, NamesEveryEventTypeOfTheCore) {
  const json document = json::parse(OpenApiDocument());
  std::vector<std::string> documented = document["components"]["schemas"]["EventType"]["enum"];
  std::vector<std::string> core_names;
  for (core::EventType type : core::AllEventTypes()) {
    core_names.emplace_back(core::ToString(type));
  }
  EXPECT_EQ(documented, core_names);
}

TEST(ETagTest, ReadsOneStrongETag) {
  EXPECT_EQ(ETagFor(7), "\"7\"");
  EXPECT_EQ(VersionFromIfMatch("\"7\""), 7);
  EXPECT_EQ(VersionFromIfMatch(" \"12\" "), 12);
  EXPECT_EQ(RefusalOf(VersionFromIfMatch("").error()), RequestRefusal::kPreconditionRequired);
  for (const char* bad :
       {"7", "W/\"7\"", "\"7\", \"8\"", "*", "\"\"", "\"x\"", "\"0\"", "\"-1\""}) {
    SCOPED_TRACE(bad);
    auto version = VersionFromIfMatch(bad);
    ASSERT_FALSE(version);
    EXPECT_EQ(RefusalOf(version.error()), RequestRefusal::kMalformedRequest);
  }
}

}  // namespace
}  // namespace redress::http
