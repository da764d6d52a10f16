#include "storage/sqlite/reminder_repository.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, username, sent_on, recipient, subject, text, html, cases, created_at";
// The list leaves out the bodies, as a letter list does.
constexpr std::string_view kListColumns =
    "id, username, sent_on, recipient, subject, '', '', cases, created_at";

app::ReminderDigestRecord ReadDigest(ColumnReader& r) {
  app::ReminderDigestRecord digest;
  digest.id = r.Int64();
  digest.username = r.Text();
  digest.sent_on = r.Date();
  digest.recipient = r.Text();
  digest.subject = r.Text();
  digest.text = r.Text();
  digest.html = r.Text();
  digest.cases = r.Int();
  digest.created_at = r.Text();
  return digest;
}

}  // namespace

Result<app::ReminderDigestRecord> SqliteReminderRepository::Insert(
    app::ReminderDigestRecord digest) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO reminder_digests (username, sent_on, recipient, subject, text, html, cases, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(digest.username, digest.sent_on, digest.recipient, digest.subject, digest.text,
                     digest.html, digest.cases, digest.created_at);
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
      "SELECT " + std::string(kColumns) + " FROM reminder_digests WHERE id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return ReadOne(*statement, ReadDigest, "no reminder digest " + std::to_string(id));
}

Result<std::vector<app::ReminderDigestRecord>> SqliteReminderRepository::SentOn(core::Date day) {
  static const std::string sql = "SELECT " + std::string(kListColumns) +
                                 " FROM reminder_digests WHERE sent_on = ? ORDER BY username";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(day);
  return ReadAll(*statement, ReadDigest);
}

}  // namespace redress::storage::sqlite
