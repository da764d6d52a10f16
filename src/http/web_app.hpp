#pragma once

// The staff web application's files (web/dist, built by Vite), served by `redress serve` beside
// the API. The files are read once at start-up into memory: the bundle is small, a request never
// touches the disk, and no path from a request is ever joined to a directory, so nothing outside
// the folder can be reached.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

class WebApp {
 public:
  // Reads every regular file under `root`. kInvalidInput (field "web-root") when it is not a
  // directory holding index.html, or holds more than kMaxBytes.
  static core::Result<WebApp> Load(const std::filesystem::path& root);

  static constexpr std::size_t kMaxBytes = std::size_t{64} * 1024 * 1024;

  // The answer to a GET of `request.path` outside the API, if the app has one: the file at that
  // path; for a path of the app's own pages index.html, so the browser's router can show it. A
  // path the app does not hold is a page unless it is under /assets/ or ends in a static file's
  // extension (.js, .css, .png, ...): "/admin/users/amira.khan" is a page; "/missing.png" is
  // left to the caller (404). Files under /assets/ carry content hashes in their
  // names and are cached for a year; the rest must be revalidated (ETag, 304).
  std::optional<Response> Answer(const Request& request) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;  // by URL path, e.g. "/assets/index-3f2a.js"
};

}  // namespace redress::http
