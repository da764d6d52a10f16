#include "http/web_app.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace redress::http {
namespace {

class WebAppTest : public ::testing::Test {
 protected:
  WebAppTest() {
    root_ = std::filesystem::temp_directory_path() /
            ("redress-web-app-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "assets");
  }
  ~WebAppTest() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& relative, const std::string& content) {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }

  static Request Get(std::string path, std::string if_none_match = "") {
    Request request;
    request.method = "GET";
    request.path = std::move(path);
    if (!if_none_match.empty()) request.headers["if-none-match"] = std::move(if_none_match);
    return request;
  }

  static std::string HeaderOf(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return {};
  }

  std::filesystem::path root_;
};

TEST_F(WebAppTest, ServesFilesAndTheIndexForTheAppsOwnPages) {
  Write("index.html", "<!doctype html><title>Redress</title>");
  Write("assets/index-3f2a.js", "console.log(1)");
  Write("favicon.ico", "ico");
  auto app = WebApp::Load(root_);
  ASSERT_TRUE(app) << app.error().message;
  EXPECT_EQ(app->file_count(), 3u);

  for (const char* page : {"/", "/cases", "/cases/CMP-2024-000001", "/admin/users/",
                           "/admin/users/amira.khan", "/admin/users/j.o.smith"}) {
    SCOPED_TRACE(page);
    auto answer = app->Answer(Get(page));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(answer->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(answer->body, "<!doctype html><title>Redress</title>");
    EXPECT_EQ(HeaderOf(*answer, "Cache-Control"), "no-cache");
    EXPECT_NE(HeaderOf(*answer, "Content-Security-Policy").find("default-src 'self'"),
              std::string::npos);
  }
  auto script = app->Answer(Get("/assets/index-3f2a.js"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script->body, "console.log(1)");
  EXPECT_EQ(HeaderOf(*script, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(WebAppTest, LeavesTheApiMissingFilesAndOtherMethodsToTheCaller) {
  Write("index.html", "index");
  auto app = WebApp::Load(root_);
  ASSERT_TRUE(app);
  EXPECT_FALSE(app->Answer(Get("/api/v1/nothing")));
  EXPECT_FALSE(app->Answer(Get("/missing.png")));
  EXPECT_FALSE(app->Answer(Get("/assets/index-gone")));
  EXPECT_FALSE(app->Answer(Get("/assets/index-gone.js")));
  // Paths are looked up, never joined to the folder: these are the app's pages.
  for (const char* outside_path : {"/../../etc/passwd", "/../../etc/hosts.allow"}) {
    auto outside = app->Answer(Get(outside_path));
    ASSERT_TRUE(outside);
    EXPECT_EQ(outside->body, "index");
  }
  Request post = Get("/");
  post.method = "POST";
  EXPECT_FALSE(app->Answer(post));
}

TEST_F(WebAppTest, AnUnchangedFileIsNotModified) {
  Write("index.html", "index");
  auto app = WebApp::Load(root_);
  ASSERT_TRUE(app);
  auto first = app->Answer(Get("/"));
  ASSERT_TRUE(first);
  const std::string etag = HeaderOf(*first, "ETag");
  ASSERT_FALSE(etag.empty());
  auto again = app->Answer(Get("/", etag));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST_F(WebAppTest, AFolderWithoutAnIndexIsRefusedNamingTheOption) {
  Write("other.html", "x");
  auto app = WebApp::Load(root_);
  ASSERT_FALSE(app);
  EXPECT_EQ(app.error().fields.at(0).field, "web-root");
  EXPECT_FALSE(WebApp::Load(root_ / "nowhere"));
}

}  // namespace
}  // namespace redress::http
