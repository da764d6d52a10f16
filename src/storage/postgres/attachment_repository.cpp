#include "storage/postgres/attachment_repository.hpp"

#include <array>
#include <utility>

#include "storage/common/attachment_codec.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {
namespace {

// The attachment policy's one row (the schema's CHECK (id = 1)).
constexpr std::int64_t kPolicyRowId = 1;

constexpr std::array<std::string_view, 11> kAttachmentColumns = {
    "attached_to", "reference", "name",       "media_type", "size",    "sha256",
    "description", "supplier",  "scan_state", "added_by",   "added_at"};

constexpr std::string_view kSelect =
    "SELECT id, attached_to, reference, name, media_type, size, sha256, description, supplier, "
    "scan_state, added_by, added_at, removed_by, removed_at, removal_reason FROM attachments";

app::Attachment ReadAttachment(RowReader& row) {
  app::Attachment attachment;
  attachment.id = row.Int64();
  attachment.attached_to = row.Enumerator(&core::ParseAttachedTo);
  attachment.reference = row.Text();
  attachment.name = row.Text();
  attachment.media_type = row.Text();
  attachment.size = row.Int64();
  attachment.sha256 = row.Text();
  attachment.description = row.Text();
  attachment.supplier = row.Enumerator(&common::ParseSupplier);
  attachment.scan_state = row.Enumerator(&core::ParseScanState);
  attachment.added_by = row.Text();
  attachment.added_at = row.Text();
  std::optional<std::string> removed_by = row.OptionalText();
  std::optional<std::string> removed_at = row.OptionalText();
  std::optional<std::string> reason = row.OptionalText();
  if (removed_at) {
    attachment.removal =
        app::AttachmentRemoval{removed_by.value_or(""), *removed_at, reason.value_or("")};
  }
  return attachment;
}

Result<std::int64_t> ReadCount(Result<Rows> rows) {
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no count");
}

}  // namespace

Result<app::Attachment> PostgresAttachmentRepository::Insert(app::Attachment attachment) {
  static const std::string sql = "INSERT INTO attachments (" + JoinColumns(kAttachmentColumns) +
                                 ") VALUES (" + ParameterList(kAttachmentColumns.size()) +
                                 ") RETURNING id";
  Result<Rows> rows = connection_.Query(
      sql, Params().BindAll(
               core::ToString(attachment.attached_to), attachment.reference, attachment.name,
               attachment.media_type, attachment.size, attachment.sha256, attachment.description,
               common::SupplierName(attachment.supplier), core::ToString(attachment.scan_state),
               attachment.added_by, attachment.added_at));
  Result<std::int64_t> id = ReadCount(std::move(rows));
  if (!id) return Unexpected(id.error());
  attachment.id = *id;
  attachment.removal.reset();
  return attachment;
}

Result<app::Attachment> PostgresAttachmentRepository::Find(core::AttachedTo attached_to,
                                                           std::string_view reference,
                                                           std::int64_t id) {
  static const std::string sql =
      std::string(kSelect) + " WHERE attached_to = $1 AND reference = $2 AND id = $3";
  Result<Rows> rows =
      connection_.Query(sql, Params().BindAll(core::ToString(attached_to), reference, id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(ReadAttachment,
                       "no attachment " + std::to_string(id) + " on " + std::string(reference));
}

Result<std::vector<app::Attachment>> PostgresAttachmentRepository::ListOf(
    core::AttachedTo attached_to, std::string_view reference) {
  static const std::string sql = std::string(kSelect) +
                                 " WHERE attached_to = $1 AND reference = $2 AND removed_at IS "
                                 "NULL ORDER BY id";
  Result<Rows> rows =
      connection_.Query(sql, Params().BindAll(core::ToString(attached_to), reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadAttachment);
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
