#include "http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redress::http {
namespace {

constexpr std::string_view kOtherMethod = "other";
constexpr std::string_view kCountedMethods[] = {"DELETE", "GET",  "HEAD", "OPTIONS",
                                                "PATCH",  "POST", "PUT"};

std::string_view MethodLabel(std::string_view method) {
  auto known = std::find(std::begin(kCountedMethods), std::end(kCountedMethods), method);
  return known == std::end(kCountedMethods) ? kOtherMethod : *known;
}

// A label value with '\', '"' and newlines escaped as the format requires.
std::string EscapeLabel(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      escaped.push_back('\\');
      escaped.push_back(c);
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped.push_back(c);
    }
  }
  return escaped;
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  const std::string_view method_label = MethodLabel(method);
  std::lock_guard lock(mutex_);
  auto key = std::make_tuple(std::string(route), std::string(method_label), status);
  ++requests_[std::move(key)];
  auto histogram = durations_.find(route);
  if (histogram == durations_.end()) histogram = durations_.emplace(route, Histogram{}).first;
  Histogram& h = histogram->second;
  auto bucket = std::lower_bound(kDurationBuckets.begin(), kDurationBuckets.end(), seconds);
  if (bucket != kDurationBuckets.end()) ++h.buckets[bucket - kDurationBuckets.begin()];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::vector<Gauge>& gauges) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    out +=
        "# HELP redress_http_requests_total HTTP requests answered, by route, method and status.\n";
    out += "# TYPE redress_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out += fmt::format(
          "redress_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
          EscapeLabel(route), EscapeLabel(method), status, count);
    }
    out += "# HELP redress_http_request_duration_seconds Time to answer a request, by route.\n";
    out += "# TYPE redress_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : durations_) {
      const std::string label = EscapeLabel(route);
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
        cumulative += h.buckets[i];
        out += fmt::format(
            "redress_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
            kDurationBuckets[i], cumulative);
      }
      out += fmt::format(
          "redress_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
          h.count);
      out += fmt::format("redress_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                         h.sum);
      out += fmt::format("redress_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                         h.count);
    }
  }
  for (const Gauge& gauge : gauges) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", gauge.name, gauge.help, gauge.name,
                       gauge.name, gauge.value);
  }
  return out;
}

}  // namespace redress::http
