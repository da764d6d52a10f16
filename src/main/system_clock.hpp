#pragma once

// The wall clock. "Today" is the civil date in the process's time zone, which main sets to
// Europe/London unless TZ says otherwise: a complaint logged at 00:30 BST belongs to that day.

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

#include "app/ports.hpp"

namespace redress {

class SystemClock : public app::Clock {
 public:
  core::Date Today() const override {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    constexpr int kTmYearBase = 1900;
    return *core::Date::FromYmd(local.tm_year + kTmYearBase, local.tm_mon + 1, local.tm_mday);
  }

  std::string NowRfc3339() const override {
    auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", now);
  }

  std::int64_t NowUnixSeconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace redress
