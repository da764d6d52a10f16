#include "storage/postgres/audit_log.hpp"

#include <string>
#include <utility>

namespace redress::storage::postgres {

namespace {

// The columns of an event in ChainRecord's order, then its stored hash.
constexpr std::string_view kChainColumns =
    "prev_hash, sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, "
    "changes, recorded_at, chain_version, content_digest, content_salt, content_erased_at, hash";

// Rows read per round trip by the verifier: memory stays flat however long the chain.
constexpr int kVerifyBatch = 5000;

common::ChainRecord ReadChainRecord(RowReader& r) {
  common::ChainRecord record;
  record.prev_hash = r.Text();
  record.sequence = r.Int64();
  record.entity_type = r.Text();
  record.entity_ref = r.Text();
  record.type = r.Text();
  record.occurred_on = r.Text();
  record.stage = r.Int64();
  record.actor = r.Text();
  record.summary = r.Text();
  record.changes = r.Text();
  record.recorded_at = r.Text();
  record.chain_version = r.Int64();
  record.content_digest = r.OptionalText().value_or("");
  record.content_salt = r.OptionalText();
  record.content_erased_at = r.OptionalText();
  return record;
}

}  // namespace

Result<std::int64_t> AppendChained(Connection& connection, common::ChainRecord record) {
  Result<Rows> head =
      connection.Query("SELECT sequence, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
  if (!head) return Unexpected(head.error());
  Result<std::pair<std::int64_t, std::string>> last = head->ReadOne(
      [](RowReader& r) {
        return std::pair{r.Int64(), r.Text()};
      },
      "the audit chain has no head row");
  if (!last) return Unexpected(last.error());
  record.sequence = last->first + 1;
  record.prev_hash = std::move(last->second);
  const std::string hash = common::ChainHash(record);
  Status inserted = connection.Run(
      "INSERT INTO events (" + std::string(kChainColumns) +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
      Params().BindAll(record.prev_hash, record.sequence, record.entity_type, record.entity_ref,
                       record.type, record.occurred_on, record.stage, record.actor, record.summary,
                       record.changes, record.recorded_at, record.chain_version,
                       record.content_digest, record.content_salt, record.content_erased_at, hash));
  if (!inserted) return Unexpected(inserted.error());
  Status moved = connection.Run("UPDATE audit_chain_head SET sequence = $1, hash = $2 WHERE id = 1",
                                Params().BindAll(record.sequence, hash));
  if (!moved) return Unexpected(moved.error());
  return record.sequence;
}

Result<common::ChainHead> ReadChainHead(Connection& connection) {
  Result<Rows> rows = connection.Query(
      "SELECT coalesce((SELECT sequence FROM events ORDER BY sequence DESC LIMIT 1), 0), "
      "coalesce((SELECT hash FROM events ORDER BY sequence DESC LIMIT 1), ''), "
      "(SELECT count(*) FROM events)");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(
      [](RowReader& r) {
        return common::ChainHead{r.Int64(), r.Text(), r.Int64()};
      },
      "no chain head");
}

Result<app::AuditReport> VerifyChain(Connection& connection,
                                     std::vector<common::Checkpoint> checkpoints) {
  common::ChainVerifier verifier(std::move(checkpoints));
  std::int64_t after = 0;
  for (bool more = true; more;) {
    Result<Rows> rows = connection.Query("SELECT " + std::string(kChainColumns) +
                                             " FROM events WHERE sequence > $1 ORDER BY sequence "
                                             "LIMIT $2",
                                         Params().BindAll(after, kVerifyBatch));
    if (!rows) return Unexpected(rows.error());
    more = rows->size() == kVerifyBatch;
    for (int row = 0; row < rows->size(); ++row) {
      RowReader r = rows->Row(row);
      const common::ChainRecord record = ReadChainRecord(r);
      const std::string_view stored_hash = r.View();
      if (!r.status()) return Unexpected(r.status().error());
      after = record.sequence;
      if (!verifier.Add(record, stored_hash)) {
        more = false;
        break;
      }
    }
  }
  // The head keeps the highest number handed out, which rows removed from the end do not take
  // back (as SQLite's sqlite_sequence).
  Result<Rows> highest = connection.Query("SELECT sequence FROM audit_chain_head WHERE id = 1");
  if (!highest) return Unexpected(highest.error());
  Result<std::int64_t> last =
      highest->ReadOne([](RowReader& r) { return r.Int64(); }, "the audit chain has no head row");
  if (!last) return Unexpected(last.error());
  return verifier.Finish(*last);
}

}  // namespace redress::storage::postgres
