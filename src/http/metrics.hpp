#pragma once

// Request metrics in the Prometheus text exposition format 0.0.4:
//
//   redress_http_requests_total{route,method,status}      counter
//   redress_http_request_duration_seconds{route}          histogram
//
// plus the gauges the caller computes when scraped (open and overdue cases). Routes are the
// router's patterns ("unmatched" for paths no route knows) and methods outside the usual few are
// counted as "other", so label values stay few whatever clients send.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace redress::http {

// Upper bounds (seconds) of the duration histogram's buckets; +Inf is implied.
inline constexpr std::array<double, 12> kDurationBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

struct Gauge {
  std::string name;  // e.g. "redress_open_cases"
  std::string help;
  double value = 0;
};

class Metrics {
 public:
  // Counts one answered request. Safe to call from several threads.
  void Record(std::string_view route, std::string_view method, int status, double seconds);

  // Every metric, followed by `gauges`, in the text format.
  std::string Render(const std::vector<Gauge>& gauges) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kDurationBuckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> durations_;
};

// The content type of Render's output.
inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

}  // namespace redress::http
