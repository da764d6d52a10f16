#include "storage/postgres/reminder_repository.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/common/reminder_rows.hpp"

namespace redress::storage::postgres {

Result<app::ReminderDigestRecord> PostgresReminderRepository::Insert(
    app::ReminderDigestRecord digest) {
  // The user is looked up first and the day's digest taken with ON CONFLICT DO NOTHING: on
  // PostgreSQL a failed statement would end the caller's transaction, and both are answers.
  Result<Rows> user =
      connection_.Query("SELECT 1 FROM users WHERE username = $1", Params().Bind(digest.username));
  if (!user) return Unexpected(user.error());
  if (user->empty()) {
    return core::FailField("username", "unknown user '" + digest.username + "'",
                           core::FieldErrorCode::kUnknownReference);
  }
  static const std::string sql =
      "INSERT INTO reminder_digests (" + std::string(common::kDigestInsertColumns) +
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username, sent_on) DO NOTHING "
      "RETURNING id";
  Params params;
  common::BindDigest(params, digest);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kConflict,
                digest.username + " already has a digest for " + digest.sent_on.ToIso());
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  digest.id = *id;
  return digest;
}

Result<app::ReminderDigestRecord> PostgresReminderRepository::Load(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(common::kDigestColumns) + " FROM reminder_digests WHERE id = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(common::ReadDigest<RowReader>, "no reminder digest " + std::to_string(id));
}

Result<std::vector<app::ReminderDigestRecord>> PostgresReminderRepository::SentOn(core::Date day) {
  static const std::string sql = "SELECT " + std::string(common::kDigestListColumns) +
                                 " FROM reminder_digests WHERE sent_on = $1 ORDER BY username";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(day));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadDigest<RowReader>);
}

}  // namespace redress::storage::postgres
