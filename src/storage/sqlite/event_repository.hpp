#pragma once

// The SQLite EventRepository (app/event_repository.hpp), on the connection of one transaction.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "app/ports.hpp"
#include "storage/common/audit_chain.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The columns of an event row: the chained fields (storage/common/audit_chain.hpp), then the hash.
// The store's verifier reads them in this order.
inline constexpr std::array<std::string_view, 16> kEventColumns = {
    "prev_hash",   "sequence",      "entity_type",    "entity_ref",   "type",
    "occurred_on", "stage",         "actor",          "summary",      "changes",
    "recorded_at", "chain_version", "content_digest", "content_salt", "content_erased_at",
    "hash"};

// The chained fields of an event row, read in the order of kEventColumns.
inline common::ChainRecord ReadChainRecord(ColumnReader& r) {
  common::ChainRecord record{r.Text(),  r.Int64(), r.Text(), r.Text(), r.Text(), r.Text(),
                             r.Int64(), r.Text(),  r.Text(), r.Text(), r.Text()};
  record.chain_version = r.Int64();
  record.content_digest = r.OptionalText().value_or("");
  record.content_salt = r.OptionalText();
  record.content_erased_at = r.OptionalText();
  return record;
}

// The hash-chained event log of a transaction. SQLite has one writer, so the chain's head read
// here cannot move before the commit: each Append chains to the row before it.
class SqliteEventRepository final : public app::EventRepository {
 public:
  SqliteEventRepository(Connection& connection, const app::Clock& clock)
      : connection_(connection), clock_(clock) {}

  core::Status Append(app::EntityType type, std::string_view entity_ref,
                      const core::CaseEvent& event) override;
  core::Result<std::vector<app::StoredEvent>> EventsOf(app::EntityType type,
                                                       std::string_view entity_ref) override;
  core::Status EraseContent(app::EntityType type, std::string_view entity_ref,
                            std::string_view erased_at) override;
  core::Status EraseContentOfSequences(std::span<const std::int64_t> sequences,
                                       std::string_view erased_at) override;

 private:
  Connection& connection_;
  const app::Clock& clock_;  // stamps recorded_at
};

}  // namespace redress::storage::sqlite
