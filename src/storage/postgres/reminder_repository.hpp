#pragma once

// Staff reminder digests on PostgreSQL (app::ReminderRepository; migration 0003's
// `reminder_digests`), on the transaction's connection. The unique key (person, day) is what sends
// a digest once however many instances run the schedule.

#include "app/reminder_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresReminderRepository final : public app::ReminderRepository {
 public:
  explicit PostgresReminderRepository(Connection& connection) : connection_(connection) {}

  Result<app::ReminderDigestRecord> Insert(app::ReminderDigestRecord digest) override;
  Result<app::ReminderDigestRecord> Load(std::int64_t id) override;
  Result<std::vector<app::ReminderDigestRecord>> SentOn(core::Date day) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
