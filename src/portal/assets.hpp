#pragma once

// govuk-frontend's CSS, fonts and images for the portal's pages, copied beside the binary at build
// time (portal-assets/) and read once at start-up, like the staff web app's files: no path from a
// request is ever joined to a directory. The stylesheet names its fonts and images under /assets/;
// they are rewritten to the portal's own path.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::portal {

class Assets {
 public:
  // Reads `root`/govuk-frontend.min.css and the files of `root`/fonts and `root`/images.
  // kInvalidInput (field "portal-assets") when the stylesheet is missing.
  static core::Result<Assets> Load(const std::filesystem::path& root, std::string_view base_path);

  // The file at `name` ("govuk-frontend.min.css", "fonts/x.woff2", "images/y.svg"), if any.
  std::optional<http::Response> Answer(std::string_view name) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace redress::portal
