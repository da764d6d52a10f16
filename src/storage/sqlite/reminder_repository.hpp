#pragma once

// The SQLite repository of staff reminder digests (issue 15; migration 0016's
// `reminder_digests`), working through the transaction's connection.

#include "app/reminder_repository.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqliteReminderRepository final : public app::ReminderRepository {
 public:
  explicit SqliteReminderRepository(Connection& connection) : connection_(connection) {}
  Result<app::ReminderDigestRecord> Insert(app::ReminderDigestRecord digest) override;
  Result<app::ReminderDigestRecord> Load(std::int64_t id) override;
  Result<std::vector<app::ReminderDigestRecord>> SentOn(core::Date day) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
