#include "http/concurrency_limit.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>
#include <vector>

namespace redress::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(ConcurrencyLimitTest, RefusesAtOnceBeyondTheRunningAndWaiting) {
  ConcurrencyLimit limit(2, 0, milliseconds(0), seconds(5));
  auto first = limit.Acquire("reports");
  auto second = limit.Acquire("reports");
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  const auto started = std::chrono::steady_clock::now();
  auto third = limit.Acquire("reports");
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(100));
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, core::ErrorCode::kBusy);
  EXPECT_EQ(third.error().retry_after_seconds, 5);
  EXPECT_NE(third.error().message.find("2 reports"), std::string::npos) << third.error().message;
}

TEST(ConcurrencyLimitTest, ATurnGivenBackGoesToOneWaiting) {
  ConcurrencyLimit limit(1, 1, milliseconds(5000), seconds(1));
  std::optional<ConcurrencyLimit::Permit> running;
  {
    auto permit = limit.Acquire("reports");
    ASSERT_TRUE(permit);
    running.emplace(std::move(*permit));
  }
  bool waited_turn = false;
  std::thread waiting([&] { waited_turn = limit.Acquire("reports").has_value(); });
  // The waiting one holds the only place in the queue: another is refused at once.
  std::this_thread::sleep_for(milliseconds(50));
  EXPECT_FALSE(limit.Acquire("reports"));
  running.reset();
  waiting.join();
  EXPECT_TRUE(waited_turn);
}

TEST(ConcurrencyLimitTest, AWaitThatRunsOutIsRefused) {
  ConcurrencyLimit limit(1, 4, milliseconds(30), seconds(1));
  auto running = limit.Acquire("reports");
  ASSERT_TRUE(running);
  auto waited = limit.Acquire("reports");
  ASSERT_FALSE(waited);
  EXPECT_EQ(waited.error().code, core::ErrorCode::kBusy);
}

}  // namespace
}  // namespace redress::http
