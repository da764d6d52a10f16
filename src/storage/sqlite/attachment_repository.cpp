#include "storage/sqlite/attachment_repository.hpp"

#include <array>
#include <utility>

#include "storage/common/attachment_codec.hpp"
#include "storage/common/attachment_rows.hpp"

namespace redress::storage::sqlite {
Result<app::Attachment> SqliteAttachmentRepository::Insert(app::Attachment attachment) {
  static const std::string sql = InsertSql("attachments", common::kAttachmentColumns);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindAttachment(*statement, attachment);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  attachment.id = statement->LastInsertRowid();
  attachment.removal.reset();
  return attachment;
}

Result<app::Attachment> SqliteAttachmentRepository::Find(core::AttachedTo attached_to,
                                                         std::string_view reference,
                                                         std::int64_t id) {
  static const std::string sql = std::string(common::kAttachmentSelect) +
                                 " WHERE attached_to = ? AND reference = ? AND id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(attached_to), reference, id);
  return ReadOne(*statement, common::ReadAttachment<ColumnReader>,
                 "no attachment " + std::to_string(id) + " on " + std::string(reference));
}

Result<std::vector<app::Attachment>> SqliteAttachmentRepository::ListOf(
    core::AttachedTo attached_to, std::string_view reference) {
  static const std::string sql = std::string(common::kAttachmentSelect) +
                                 " WHERE attached_to = ? AND reference = ? AND removed_at IS NULL"
                                 " ORDER BY id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(attached_to), reference);
  return ReadAll(*statement, common::ReadAttachment<ColumnReader>);
}

Result<std::int64_t> SqliteAttachmentRepository::BytesHeldBy(core::AttachedTo attached_to,
                                                             std::string_view reference) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT coalesce(sum(size), 0) FROM attachments"
      " WHERE attached_to = ? AND reference = ? AND removed_at IS NULL");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(attached_to), reference);
  return ReadOne(
      *statement, [](ColumnReader& row) { return row.Int64(); }, "no sum");
}

Status SqliteAttachmentRepository::MarkRemoved(std::int64_t id,
                                               const app::AttachmentRemoval& removal) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE attachments SET removed_by = ?, removed_at = ?, removal_reason = ?"
      " WHERE id = ? AND removed_at IS NULL");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(removal.removed_by, removal.removed_at, removal.reason, id);
  return RunOnExistingRow(*statement, "no attachment " + std::to_string(id) + " to remove");
}

Status SqliteAttachmentRepository::SetScanState(std::string_view sha256, core::ScanState state) {
  Result<Statement> statement =
      connection_.Prepare("UPDATE attachments SET scan_state = ? WHERE sha256 = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(state), sha256);
  return statement->Run();
}

Result<std::int64_t> SqliteAttachmentRepository::CountReferring(std::string_view sha256) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT count(*) FROM attachments WHERE sha256 = ? AND removed_at IS NULL");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(sha256);
  return ReadOne(
      *statement, [](ColumnReader& row) { return row.Int64(); }, "no count");
}

Result<std::vector<std::string>> SqliteAttachmentRepository::ReferencedContent() {
  Result<Statement> statement = connection_.Prepare(
      "SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL ORDER BY sha256");
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, [](ColumnReader& row) { return row.Text(); });
}

Result<core::AttachmentPolicy> SqliteAttachmentRepository::LoadPolicy() {
  Result<Statement> statement = connection_.Prepare(
      "SELECT max_file_bytes, max_case_bytes, allowed FROM attachment_policy WHERE id = 1");
  if (!statement) return Unexpected(statement.error());
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return core::AttachmentPolicy{};
  ColumnReader reader = statement->Columns();
  core::AttachmentPolicy policy;
  policy.max_file_bytes = reader.Int64();
  policy.max_case_bytes = reader.Int64();
  Result<std::vector<core::MediaTypeChoice>> allowed = common::ParseAllowedJson(reader.View());
  if (!allowed) return Unexpected(allowed.error());
  policy.allowed = std::move(*allowed);
  return policy;
}

Status SqliteAttachmentRepository::SavePolicy(const core::AttachmentPolicy& policy) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO attachment_policy (id, max_file_bytes, max_case_bytes, allowed)"
      " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET max_file_bytes = "
      "excluded.max_file_bytes,"
      " max_case_bytes = excluded.max_case_bytes, allowed = excluded.allowed");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(policy.max_file_bytes, policy.max_case_bytes,
                     common::AllowedJson(policy.allowed));
  return statement->Run();
}

}  // namespace redress::storage::sqlite
