#pragma once

// A clock that shows whatever it was last set to: the demo sets it as it replays history, so the
// audit trail's timestamps follow the simulated days and the same seed gives the same database.

#include <cstdint>
#include <cstdio>
#include <string>

#include "app/ports.hpp"

namespace redress::app {

class ManualClock : public Clock {
 public:
  explicit ManualClock(core::Date today) : today_(today) {}

  // Sets the clock to `seconds_of_day` seconds after midnight UTC on `date`.
  void Set(core::Date date, int seconds_of_day) {
    today_ = date;
    seconds_of_day_ = seconds_of_day;
  }

  core::Date Today() const override { return today_; }
  std::string NowRfc3339() const override {
    constexpr int kSecondsPerMinute = 60;
    constexpr int kSecondsPerHour = 3600;
    constexpr int kHoursPerDay = 24;
    int seconds = seconds_of_day_ % (kHoursPerDay * kSecondsPerHour);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", today_.ToIso().c_str(),
                  seconds / kSecondsPerHour, seconds % kSecondsPerHour / kSecondsPerMinute,
                  seconds % kSecondsPerMinute);
    return buffer;
  }

  std::int64_t NowUnixSeconds() const override {
    constexpr std::int64_t kSecondsPerDay = 86400;
    return std::int64_t{today_.days_since_epoch()} * kSecondsPerDay + seconds_of_day_;
  }

 private:
  core::Date today_;
  int seconds_of_day_ = 0;
};

}  // namespace redress::app
