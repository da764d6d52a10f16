#include "storage/postgres/attachment_repository.hpp"

#include <array>
#include <utility>

#include "storage/common/attachment_codec.hpp"
#include "storage/common/attachment_rows.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {
namespace {

// The attachment policy's one row (the schema's CHECK (id = 1)).
constexpr std::int64_t kPolicyRowId = 1;

Result<std::int64_t> ReadCount(Result<Rows> rows) {
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no count");
}

}  // namespace

Result<app::Attachment> PostgresAttachmentRepository::Insert(app::Attachment attachment) {
  static const std::string sql =
      "INSERT INTO attachments (" + JoinColumns(common::kAttachmentColumns) + ") VALUES (" +
      ParameterList(common::kAttachmentColumns.size()) + ") RETURNING id";
  Params params;
  common::BindAttachment(params, attachment);
  Result<Rows> rows = connection_.Query(sql, params);
  Result<std::int64_t> id = ReadCount(std::move(rows));
  if (!id) return Unexpected(id.error());
  attachment.id = *id;
  attachment.removal.reset();
  return attachment;
}

Result<app::Attachment> PostgresAttachmentRepository::Find(core::AttachedTo attached_to,
                                                           std::string_view reference,
                                                           std::int64_t id) {
  static const std::string sql = std::string(common::kAttachmentSelect) +
                                 " WHERE attached_to = $1 AND reference = $2 AND id = $3";
  Result<Rows> rows =
      connection_.Query(sql, Params().BindAll(core::ToString(attached_to), reference, id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(common::ReadAttachment<RowReader>,
                       "no attachment " + std::to_string(id) + " on " + std::string(reference));
}

Result<std::vector<app::Attachment>> PostgresAttachmentRepository::ListOf(
    core::AttachedTo attached_to, std::string_view reference) {
  static const std::string sql = std::string(common::kAttachmentSelect) +
                                 " WHERE attached_to = $1 AND reference = $2 AND removed_at IS "
                                 "NULL ORDER BY id";
  Result<Rows> rows =
      connection_.Query(sql, Params().BindAll(core::ToString(attached_to), reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadAttachment<RowReader>);
}

Result<std::int64_t> PostgresAttachmentRepository::BytesHeldBy(core::AttachedTo attached_to,
                                                               std::string_view reference) {
  return ReadCount(
      connection_.Query("SELECT coalesce(sum(size), 0) FROM attachments"
                        " WHERE attached_to = $1 AND reference = $2 AND removed_at IS NULL",
                        Params().BindAll(core::ToString(attached_to), reference)));
}

Status PostgresAttachmentRepository::MarkRemoved(std::int64_t id,
                                                 const app::AttachmentRemoval& removal) {
  Result<Rows> rows = connection_.Query(
      "UPDATE attachments SET removed_by = $1, removed_at = $2, removal_reason = $3"
      " WHERE id = $4 AND removed_at IS NULL",
      Params().BindAll(removal.removed_by, removal.removed_at, removal.reason, id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kNotFound, "no attachment " + std::to_string(id) + " to remove");
  }
  return {};
}

Status PostgresAttachmentRepository::SetScanState(std::string_view sha256, core::ScanState state) {
  return connection_.Run("UPDATE attachments SET scan_state = $1 WHERE sha256 = $2",
                         Params().BindAll(core::ToString(state), sha256));
}

Result<std::int64_t> PostgresAttachmentRepository::CountReferring(std::string_view sha256) {
  return ReadCount(
      connection_.Query("SELECT count(*) FROM attachments WHERE sha256 = $1 AND removed_at IS NULL",
                        Params().Bind(sha256)));
}

Result<std::vector<std::string>> PostgresAttachmentRepository::ReferencedContent() {
  Result<Rows> rows = connection_.Query(
      "SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL ORDER BY sha256");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& row) { return row.Text(); });
}

Result<core::AttachmentPolicy> PostgresAttachmentRepository::LoadPolicy() {
  Result<Rows> rows = connection_.Query(
      "SELECT max_file_bytes, max_case_bytes, allowed FROM attachment_policy WHERE id = $1",
      Params().Bind(kPolicyRowId));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return core::AttachmentPolicy{};
  RowReader reader = rows->Row(0);
  core::AttachmentPolicy policy;
  policy.max_file_bytes = reader.Int64();
  policy.max_case_bytes = reader.Int64();
  Result<std::vector<core::MediaTypeChoice>> allowed = common::ParseAllowedJson(reader.View());
  if (!reader.status()) return Unexpected(reader.status().error());
  if (!allowed) return Unexpected(allowed.error());
  policy.allowed = std::move(*allowed);
  return policy;
}

Status PostgresAttachmentRepository::SavePolicy(const core::AttachmentPolicy& policy) {
  return connection_.Run(
      "INSERT INTO attachment_policy (id, max_file_bytes, max_case_bytes, allowed)"
      " VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET max_file_bytes = "
      "excluded.max_file_bytes, max_case_bytes = excluded.max_case_bytes, allowed = "
      "excluded.allowed",
      Params().BindAll(kPolicyRowId, policy.max_file_bytes, policy.max_case_bytes,
                       common::AllowedJson(policy.allowed)));
}

}  // namespace redress::storage::postgres
