#include "http/router.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/problem.hpp"

namespace redress::http {
namespace {

Response Named(std::string name) { return Response{200, "text/plain", std::move(name), {}}; }

Router ExampleRouter() {
  Router router;
  const auto route = [&](const std::string& method, const std::string& pattern) {
    router.Add({method, pattern, Access::kPublic, std::nullopt,
                [method, pattern](const Request&) { return Named(method + " " + pattern); }});
  };
  route("GET", "/api/v1/complaints");
  route("POST", "/api/v1/complaints");
  route("GET", "/api/v1/complaints/{reference}");
  route("POST", "/api/v1/complaints/{reference}/acknowledge");
  route("GET", "/healthz");
  return router;
}

struct MatchCase {
  std::string method;
  std::string path;
  MatchKind kind;
  std::string pattern;               // when found
  std::string reference;             // the {reference} parameter, when found
  std::vector<std::string> allowed;  // when the method is not allowed
};

TEST(RouterTest, MatchesMethodAndPattern) {
  const Router router = ExampleRouter();
  const std::vector<MatchCase> cases = {
      {"GET", "/api/v1/complaints", MatchKind::kFound, "/api/v1/complaints", "", {}},
      {"POST", "/api/v1/complaints", MatchKind::kFound, "/api/v1/complaints", "", {}},
      {"GET",
       "/api/v1/complaints/CMP-2024-000001",
       MatchKind::kFound,
       "/api/v1/complaints/{reference}",
       "CMP-2024-000001",
       {}},
      {"POST",
       "/api/v1/complaints/CMP-2024-000001/acknowledge",
       MatchKind::kFound,
       "/api/v1/complaints/{reference}/acknowledge",
       "CMP-2024-000001",
       {}},
      // Placeholders are percent-decoded; an encoded slash stays inside the segment.
      {"GET",
       "/api/v1/complaints/a%2Fb%20c",
       MatchKind::kFound,
       "/api/v1/complaints/{reference}",
       "a/b c",
       {}},
      {"GET", "/healthz", MatchKind::kFound, "/healthz", "", {}},
      {"DELETE", "/api/v1/complaints", MatchKind::kMethodNotAllowed, "", "", {"GET", "POST"}},
      {"GET",
       "/api/v1/complaints/CMP-1/acknowledge",
       MatchKind::kMethodNotAllowed,
       "",
       "",
       {"POST"}},
      {"GET", "/api/v1/complaint", MatchKind::kNotFound, "", "", {}},
      {"GET", "/api/v1/complaints/", MatchKind::kNotFound, "", "", {}},
      {"GET", "/api/v1/complaints/x/y", MatchKind::kNotFound, "", "", {}},
      {"GET", "/api/v1/complaints/%zz", MatchKind::kNotFound, "", "", {}},
      {"GET", "/", MatchKind::kNotFound, "", "", {}},
      {"GET", "", MatchKind::kNotFound, "", "", {}},
      {"GET", "/HEALTHZ", MatchKind::kNotFound, "", "", {}},
  };
  for (const MatchCase& c : cases) {
    SCOPED_TRACE(c.method + " " + c.path);
    RouteMatch match = router.Find(c.method, c.path);
    ASSERT_EQ(match.kind, c.kind);
    if (c.kind == MatchKind::kFound) {
      EXPECT_EQ(match.route->pattern, c.pattern);
      EXPECT_EQ(match.route->handler(Request{}).body, c.method + " " + c.pattern);
      if (!c.reference.empty()) {
        EXPECT_EQ(match.path_params.at("reference"), c.reference);
      }
    }
    EXPECT_EQ(match.allowed_methods, c.allowed);
  }
}

TEST(RouterTest, PercentDecodes) {
  EXPECT_EQ(PercentDecode("a%20b+c", PlusMeansSpace::kYes), "a b c");
  EXPECT_EQ(PercentDecode("a%20b+c", PlusMeansSpace::kNo), "a b+c");
  EXPECT_EQ(PercentDecode("%C3%A9t%c3%a9", PlusMeansSpace::kNo), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(PercentDecode("", PlusMeansSpace::kNo), "");
  EXPECT_EQ(PercentDecode("%", PlusMeansSpace::kNo), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", PlusMeansSpace::kNo), std::nullopt);
  EXPECT_EQ(PercentDecode("%4g", PlusMeansSpace::kNo), std::nullopt);
  EXPECT_EQ(PercentDecode("ab%", PlusMeansSpace::kNo), std::nullopt);
}

TEST(RouterTest, SplitsTargets) {
  EXPECT_EQ(SplitTarget("/a/b?x=1&y").path, "/a/b");
  EXPECT_EQ(SplitTarget("/a/b?x=1&y").query, "x=1&y");
  EXPECT_EQ(SplitTarget("/a/b").query, "");
  EXPECT_EQ(SplitTarget("/a?").query, "");
  EXPECT_EQ(SplitTarget("/a?b?c").query, "b?c");
}

TEST(RouterTest, ParsesQueries) {
  auto query = ParseQuery("status=in_progress&text=damp+and%20mould&flag&&empty=&e%3Dq=a%26b");
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(*query, (Parameters{{"status", "in_progress"},
                                {"text", "damp and mould"},
                                {"flag", ""},
                                {"empty", ""},
                                {"e=q", "a&b"}}));
  EXPECT_EQ(ParseQuery("")->size(), 0U);
}

TEST(RouterTest, RefusesBadQueries) {
  struct BadQuery {
    std::string query;
    std::string field;
  };
  for (const BadQuery& c : std::vector<BadQuery>{
           {"status=%zz", "status"}, {"a=1&a=2", "a"}, {"x%=1", "x%"}, {"limit=5%", "limit"}}) {
    SCOPED_TRACE(c.query);
    auto query = ParseQuery(c.query);
    ASSERT_FALSE(query);
    EXPECT_EQ(RefusalOf(query.error()), RequestRefusal::kMalformedRequest);
    ASSERT_EQ(query.error().fields.size(), 1U);
    EXPECT_EQ(query.error().fields.front().field, c.field);
  }
}

}  // namespace
}  // namespace redress::http
