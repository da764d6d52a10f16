#pragma once

// The PostgreSQL repository of retention and disposal (issue 20; migration 0021), working through
// the transaction's connection. The statements both engines share are
// storage/common/retention_rows.hpp.

#include "app/retention_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresRetentionRepository final : public app::RetentionRepository {
 public:
  explicit PostgresRetentionRepository(Connection& connection) : connection_(connection) {}

  Result<std::vector<core::RetentionRule>> Rules() override;
  Status SaveRule(const core::RetentionRule& rule, std::string_view changed_by,
                  std::string_view changed_at) override;
  Result<std::vector<app::RetentionHoldRecord>> HoldsOf(std::string_view reference) override;
  Result<std::optional<app::RetentionHoldRecord>> Hold(std::int64_t id) override;
  Result<std::int64_t> AddHold(const app::RetentionHoldRecord& hold) override;
  Status ReleaseHold(const app::RetentionHoldRecord& hold) override;
  Result<app::RetentionSnapshot> Snapshot() override;
  Result<std::int64_t> AddRun(const app::DisposalRunRecord& run,
                              const std::vector<app::DisposalRunItem>& items) override;
  Result<std::optional<app::DisposalRunRecord>> Run(std::int64_t id) override;
  Result<std::vector<app::DisposalRunRecord>> Runs() override;
  Result<std::vector<app::DisposalRunItem>> Items(std::int64_t run_id) override;
  Status UpdateRun(const app::DisposalRunRecord& run) override;
  Status UpdateItem(std::int64_t run_id, const app::DisposalRunItem& item) override;
  Result<app::DisposedComplaint> DisposeOfComplaint(std::string_view reference, std::int64_t run_id,
                                                    std::string_view at) override;
  Result<std::vector<std::string>> DisposeOfServiceRequest(std::string_view reference,
                                                           std::int64_t run_id,
                                                           std::string_view at) override;
  Status DisposeOfSubjectAccessRequest(std::string_view reference, std::int64_t run_id,
                                       std::string_view at) override;
  Status RedactNote(std::string_view reference, std::int64_t note_id,
                    std::string_view text) override;
  Result<std::pair<std::string, std::string>> RedactAttachment(
      std::string_view reference, std::int64_t id, std::string_view name, std::string_view by,
      std::string_view at, std::string_view reason) override;
  Result<std::optional<std::string>> DisposedAt(std::string_view reference) override;

 private:
  // Marks the attachments of `owner` (attached_to: "complaint", "service_request") disposed of,
  // adding the SHA-256 of those still attached to `files`.
  Status DisposeOfAttachments(std::string_view attached_to, std::string_view owner,
                              std::string_view at, std::vector<std::string>& files);

  // Runs a record's disposal statements (retention_rows.hpp's shape): kNotFound with `missing`
  // when the first changes no row.
  Status RunDisposal(const std::vector<std::string>& statements, std::string_view reference,
                     std::int64_t run_id, std::string_view at, std::string_view missing);

  Connection& connection_;
};

}  // namespace redress::storage::postgres
