#include "http/router.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

#include "http/problem.hpp"

namespace redress::http {
namespace {

constexpr char kSeparator = '/';

// Splits "/a/b" into {"a", "b"}; "/" gives {""}, so the root is one empty segment.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == kSeparator) path.remove_prefix(1);
  while (true) {
    std::size_t end = path.find(kSeparator);
    segments.push_back(path.substr(0, end));
    if (end == std::string_view::npos) break;
    path.remove_prefix(end + 1);
  }
  return segments;
}

int HexValue(char c) {
  constexpr int kDecimalDigits = 10;
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + kDecimalDigits;
  if (c >= 'A' && c <= 'F') return c - 'A' + kDecimalDigits;
  return -1;
}

}  // namespace

void Router::Add(Route route) {
  assert(!route.pattern.empty() && route.pattern.front() == kSeparator);
  std::vector<Segment> segments;
  for (std::string_view part : SplitPath(route.pattern)) {
    const bool placeholder = part.size() > 2 && part.front() == '{' && part.back() == '}';
    segments.push_back(placeholder ? Segment{std::string(part.substr(1, part.size() - 2)), true}
                                   : Segment{std::string(part), false});
  }
  assert(std::none_of(routes_.begin(), routes_.end(), [&](const Route& existing) {
    return existing.method == route.method && existing.pattern == route.pattern;
  }));
  routes_.push_back(std::move(route));
  patterns_.push_back(std::move(segments));
}

bool Router::Matches(std::size_t route_index, std::span<const std::string_view> segments,
                     Parameters& params) const {
  const std::vector<Segment>& pattern = patterns_[route_index];
  if (pattern.size() != segments.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!pattern[i].placeholder) {
      if (pattern[i].text != segments[i]) return false;
      continue;
    }
    if (segments[i].empty()) return false;
    std::optional<std::string> value = PercentDecode(segments[i], PlusMeansSpace::kNo);
    if (!value) return false;
    params.emplace(pattern[i].text, std::move(*value));
  }
  return true;
}

RouteMatch Router::Find(std::string_view method, std::string_view raw_path) const {
  const std::vector<std::string_view> segments = SplitPath(raw_path);
  RouteMatch match;
  Parameters params;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!Matches(i, segments, params)) continue;
    if (routes_[i].method == method) {
      match.kind = MatchKind::kFound;
      match.route = &routes_[i];
      match.path_params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    match.kind = MatchKind::kMethodNotAllowed;
    match.allowed_methods.push_back(routes_[i].method);
  }
  std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
  match.allowed_methods.erase(
      std::unique(match.allowed_methods.begin(), match.allowed_methods.end()),
      match.allowed_methods.end());
  return match;
}

std::optional<std::string> PercentDecode(std::string_view text, PlusMeansSpace plus) {
  constexpr int kBitsPerHexDigit = 4;
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus == PlusMeansSpace::kYes) {
      decoded.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      decoded.push_back(static_cast<char>((high << kBitsPerHexDigit) | low));
      i += 2;
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

TargetParts SplitTarget(std::string_view target) {
  std::size_t question = target.find('?');
  if (question == std::string_view::npos) return {target, {}};
  return {target.substr(0, question), target.substr(question + 1)};
}

core::Result<Parameters> ParseQuery(std::string_view query) {
  Parameters parameters;
  while (!query.empty()) {
    std::size_t end = query.find('&');
    std::string_view pair = query.substr(0, end);
    query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    std::string_view raw_name = pair.substr(0, equals);
    std::string_view raw_value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    std::optional<std::string> name = PercentDecode(raw_name, PlusMeansSpace::kYes);
    std::optional<std::string> value = PercentDecode(raw_value, PlusMeansSpace::kYes);
    if (!name || !value) {
      const std::string field = name ? *name : std::string(raw_name);
      return tl::unexpected(
          RequestError(RequestRefusal::kMalformedRequest,
                       "query parameter " + field + ": invalid percent-encoding",
                       {{field, "invalid percent-encoding", core::FieldErrorCode::kMalformed}}));
    }
    if (parameters.contains(*name)) {
      return tl::unexpected(RequestError(
          RequestRefusal::kMalformedRequest,
          "query parameter " + *name + " is given more than once",
          {{*name, "given more than once; give it once", core::FieldErrorCode::kMalformed}}));
    }
    parameters.emplace(std::move(*name), std::move(*value));
  }
  return parameters;
}

}  // namespace redress::http
