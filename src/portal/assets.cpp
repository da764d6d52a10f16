#include "portal/assets.hpp"

#include <fstream>
#include <sstream>

namespace redress::portal {
namespace {

std::string ContentTypeOf(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".woff") return "font/woff";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  return "application/octet-stream";
}

std::optional<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Replaces every "url(/assets/" with the portal's own assets path.
std::string RebaseUrls(std::string css, std::string_view base_path) {
  const std::string from = "url(/assets/";
  const std::string to = "url(" + std::string(base_path) + "/assets/";
  for (std::size_t at = css.find(from); at != std::string::npos;
       at = css.find(from, at + to.size())) {
    css.replace(at, from.size(), to);
  }
  return css;
}

}  // namespace

core::Result<Assets> Assets::Load(const std::filesystem::path& root, std::string_view base_path) {
  Assets assets;
  const std::filesystem::path stylesheet = root / "govuk-frontend.min.css";
  auto css = ReadWhole(stylesheet);
  if (!css) {
    return core::FailField("portal-assets", "no govuk-frontend.min.css in " + root.string());
  }
  assets.files_["govuk-frontend.min.css"] =
      File{RebaseUrls(std::move(*css), base_path), ContentTypeOf(stylesheet)};
  for (const char* folder : {"fonts", "images"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(root / folder, error)) {
      if (!entry.is_regular_file()) continue;
      if (auto content = ReadWhole(entry.path())) {
        assets.files_[std::string(folder) + "/" + entry.path().filename().string()] =
            File{std::move(*content), ContentTypeOf(entry.path())};
      }
    }
  }
  return assets;
}

std::optional<http::Response> Assets::Answer(std::string_view name) const {
  auto found = files_.find(name);
  if (found == files_.end()) return std::nullopt;
  http::Response response;
  response.content_type = found->second.content_type;
  response.body = found->second.content;
  // No personal data: a day in any cache (the fonts' names carry their hashes).
  response.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return response;
}

}  // namespace redress::portal
