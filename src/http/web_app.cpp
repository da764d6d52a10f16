#include "http/web_app.hpp"

#include <array>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>

namespace redress::http {
namespace {

constexpr int kOk = 200;
constexpr int kNotModified = 304;
constexpr std::string_view kIndex = "/index.html";
constexpr std::string_view kAssetsPrefix = "/assets/";
constexpr std::string_view kApiPrefix = "/api/";

struct TypeOfExtension {
  std::string_view extension;
  std::string_view content_type;
};
constexpr std::array<TypeOfExtension, 14> kContentTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".xml", "application/xml"},
}};
constexpr std::string_view kDefaultContentType = "application/octet-stream";

const TypeOfExtension* KnownTypeOf(std::string_view extension) {
  for (const TypeOfExtension& known : kContentTypes) {
    if (known.extension == extension) return &known;
  }
  return nullptr;
}

std::string_view ContentTypeOf(const std::filesystem::path& path) {
  const TypeOfExtension* known = KnownTypeOf(path.extension().string());
  return known == nullptr ? kDefaultContentType : known->content_type;
}

// Whether a path the app does not hold names a static file (answered 404 by the caller) rather
// than one of the app's pages: the bundle's folder, or a last segment ending in the extension of
// a type of file a web app ships. A dot alone does not make a file: "/admin/users/amira.khan" is
// a page, reloaded or bookmarked.
bool NamesAStaticFile(std::string_view path) {
  if (path.starts_with(kAssetsPrefix)) return true;
  const std::string_view last_segment = path.substr(path.rfind('/') + 1);
  const std::size_t dot = last_segment.rfind('.');
  return dot != std::string_view::npos && KnownTypeOf(last_segment.substr(dot)) != nullptr;
}

// The headers every file of the app carries: scripts and styles only from this origin, no
// framing, no sniffing, no referrer sent elsewhere.
void AddSecurityHeaders(Response& response) {
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
      "form-action 'self'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("X-Frame-Options", "DENY");
}

std::string EtagOf(const std::string& content) {
  std::ostringstream text;
  text << '"' << std::hex << std::hash<std::string>{}(content) << '-' << std::dec << content.size()
       << '"';
  return text.str();
}

core::Error BadRoot(const std::filesystem::path& root, const std::string& why) {
  return core::Error{core::ErrorCode::kInvalidInput,
                     "web-root: " + root.string() + " " + why,
                     {{"web-root", why}}};
}

}  // namespace

core::Result<WebApp> WebApp::Load(const std::filesystem::path& root) {
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) {
    return tl::unexpected(BadRoot(root, "is not a directory"));
  }
  WebApp app;
  std::size_t total = 0;
  for (auto entry = std::filesystem::recursive_directory_iterator(root, error);
       !error && entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
    if (!entry->is_regular_file(error)) continue;
    std::ifstream in(entry->path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return tl::unexpected(BadRoot(root, "has an unreadable file"));
    total += content.size();
    if (total > kMaxBytes) return tl::unexpected(BadRoot(root, "holds more than 64 MiB"));
    std::string url = "/" + std::filesystem::relative(entry->path(), root).generic_string();
    File file{std::move(content), std::string(ContentTypeOf(entry->path())), ""};
    file.etag = EtagOf(file.content);
    app.files_.emplace(std::move(url), std::move(file));
  }
  if (error) return tl::unexpected(BadRoot(root, "cannot be read: " + error.message()));
  if (!app.files_.contains(kIndex)) return tl::unexpected(BadRoot(root, "has no index.html"));
  return app;
}

std::optional<Response> WebApp::Answer(const Request& request) const {
  if (request.method != "GET" || request.path.starts_with(kApiPrefix)) return std::nullopt;
  auto found = files_.find(request.path);
  if (found == files_.end()) {
    if (NamesAStaticFile(request.path)) return std::nullopt;
    found = files_.find(kIndex);
  }
  const File& file = found->second;
  const bool immutable = found->first.starts_with(kAssetsPrefix);
  Response response;
  response.content_type = file.content_type;
  AddSecurityHeaders(response);
  response.headers.emplace_back("ETag", file.etag);
  response.headers.emplace_back("Cache-Control",
                                immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.Header("if-none-match") == file.etag) {
    response.status = kNotModified;
    return response;
  }
  response.status = kOk;
  response.body = file.content;
  return response;
}

}  // namespace redress::http
