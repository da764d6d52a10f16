// Transactions: failed or throwing work leaves nothing, reads cannot write, concurrent writers and
// readers all succeed.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

TEST_P(StoreContract, FailedWorkLeavesNothingBehind) {
  Status status = store_->Write([&](app::Tx& tx) -> Status {
    Result<core::Complaint> inserted = tx.Complaints().Insert(BasicComplaint(D("2024-05-01")),
                                                              Event(core::EventType::kLogged, "x"));
    if (!inserted) return Failed(inserted.error());
    return core::Fail(ErrorCode::kInvalidInput, "changed my mind");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "changed my mind");

  EXPECT_EQ(Load("CMP-2024-000001").error().code, ErrorCode::kNotFound);
  Result<app::StoreSummary> summary =
      InRead<app::StoreSummary>([](app::Tx& tx) { return tx.Reports().Summarise(); });
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->complaints, 0);
  EXPECT_EQ(summary->events, 0);
  // The reference number was not consumed.
  EXPECT_EQ(Insert(BasicComplaint(D("2024-05-01"))).reference, "CMP-2024-000001");
}

TEST_P(StoreContract, ExceptionInWorkIsCaughtAndRolledBack) {
  Status status = store_->Write([&](app::Tx& tx) -> Status {
    Result<core::Complaint> inserted = tx.Complaints().Insert(BasicComplaint(D("2024-05-01")),
                                                              Event(core::EventType::kLogged, "x"));
    if (!inserted) return Failed(inserted.error());
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStorage);
  EXPECT_NE(status.error().message.find("boom"), std::string::npos);
  EXPECT_EQ(Load("CMP-2024-000001").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Insert(BasicComplaint(D("2024-05-01"))).reference, "CMP-2024-000001");
}

TEST_P(StoreContract, ReadCannotWrite) {
  Status status = store_->Read([](app::Tx& tx) {
    return tx.Organisation().UpsertTeam({"x", "X"});
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStorage);
}

TEST_P(StoreContract, ConcurrentWritersAndReadersAllSucceed) {
  constexpr int kThreads = 4;
  constexpr int kWritesPerThread = 15;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        Status written = store_->Write([](app::Tx& tx) -> Status {
          Result<core::Complaint> inserted = tx.Complaints().Insert(
              BasicComplaint(D("2024-05-01")), Event(core::EventType::kLogged, "Logged"));
          if (!inserted) return Failed(inserted.error());
          return {};
        });
        Status read = store_->Read([](app::Tx& tx) -> Status {
          Result<std::vector<app::ComplaintRow>> rows = tx.Complaints().List({});
          if (!rows) return Failed(rows.error());
          return {};
        });
        if (!written || !read) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);

  app::ComplaintQuery all;
  all.limit = kThreads * kWritesPerThread + 1;
  std::vector<std::string> references = List(all);
  EXPECT_EQ(references.size(), static_cast<std::size_t>(kThreads * kWritesPerThread));
  EXPECT_EQ(std::set<std::string>(references.begin(), references.end()).size(), references.size());
  Result<app::AuditReport> verification = store_->VerifyAudit();
  ASSERT_TRUE(verification);
  EXPECT_TRUE(verification->intact) << verification->problem;
}

}  // namespace
}  // namespace redress::storage::contract
