#pragma once

// The attachments aggregate on PostgreSQL (migration 0002): one row per attachment, one row of
// policy.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachment_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresAttachmentRepository final : public app::AttachmentRepository {
 public:
  // `connection` is the transaction's and must outlive this repository.
  explicit PostgresAttachmentRepository(Connection& connection) : connection_(connection) {}

  Result<app::Attachment> Insert(app::Attachment attachment) override;
  Result<app::Attachment> Find(core::AttachedTo attached_to, std::string_view reference,
                               std::int64_t id) override;
  Result<std::vector<app::Attachment>> ListOf(core::AttachedTo attached_to,
                                              std::string_view reference) override;
  Result<std::int64_t> BytesHeldBy(core::AttachedTo attached_to,
                                   std::string_view reference) override;
  Status MarkRemoved(std::int64_t id, const app::AttachmentRemoval& removal) override;
  Status SetScanState(std::string_view sha256, core::ScanState state) override;
  Result<std::int64_t> CountReferring(std::string_view sha256) override;
  Result<std::vector<std::string>> ReferencedContent() override;
  Result<core::AttachmentPolicy> LoadPolicy() override;
  Status SavePolicy(const core::AttachmentPolicy& policy) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
