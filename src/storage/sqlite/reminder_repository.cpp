#include "storage/sqlite/reminder_repository.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/common/reminder_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<app::ReminderDigestRecord> SqliteReminderRepository::Insert(
    app::ReminderDigestRecord digest) {
  static const std::string sql = "INSERT INTO reminder_digests (" +
                                 std::string(common::kDigestInsertColumns) +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindDigest(*statement, digest);
  if (Status run = statement->Run(); !run) {
    if (run.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict,
                  digest.username + " already has a digest for " + digest.sent_on.ToIso());
    }
    if (run.error().code == ErrorCode::kInvalidInput) {
      return core::FailField("username", "unknown user '" + digest.username + "'",
                             core::FieldErrorCode::kUnknownReference);
    }
    return Unexpected(run.error());
  }
  digest.id = statement->LastInsertRowid();
  return digest;
}

Result<app::ReminderDigestRecord> SqliteReminderRepository::Load(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(common::kDigestColumns) + " FROM reminder_digests WHERE id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return ReadOne(*statement, common::ReadDigest<ColumnReader>,
                 "no reminder digest " + std::to_string(id));
}

Result<std::vector<app::ReminderDigestRecord>> SqliteReminderRepository::SentOn(core::Date day) {
  static const std::string sql = "SELECT " + std::string(common::kDigestListColumns) +
                                 " FROM reminder_digests WHERE sent_on = ? ORDER BY username";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(day);
  return ReadAll(*statement, common::ReadDigest<ColumnReader>);
}

}  // namespace redress::storage::sqlite
