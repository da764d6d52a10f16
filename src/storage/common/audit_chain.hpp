#pragma once

// The audit chain, whatever the engine: the canonical form and hash of an event record, and the
// verifier that checks an event log record by record, as chained and against the signed
// checkpoints of its head kept outside the database (audit_checkpoint.hpp).
//
// Each record's hash is the hex SHA-256 of its canonical serialisation, which is the
// concatenation, for each of prev_hash, sequence, entity_type, entity_ref, type, occurred_on,
// stage, actor, summary, changes, recorded_at (in this order), of the field's UTF-8 byte length in
// decimal, ':', and its bytes. Integers are written in decimal, every other field exactly as
// stored. prev_hash is the previous record's hash, "" for the first. The hash is unkeyed, so it
// shows tampering only to someone who also holds a checkpoint: anyone who can write the database
// can recompute the whole chain.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/ports.hpp"
#include "storage/common/audit_checkpoint.hpp"

namespace redress::storage::common {

// An event record as chained: every field in the form it is stored and hashed in.
struct ChainRecord {
  std::string prev_hash;
  std::int64_t sequence = 0;
  std::string entity_type;
  std::string entity_ref;
  std::string type;
  std::string occurred_on;
  std::int64_t stage = 0;
  std::string actor;
  std::string summary;
  std::string changes;
  std::string recorded_at;
};

// The hex SHA-256 of the record's canonical serialisation (above). libsodium must be initialised.
std::string ChainHash(const ChainRecord& record);

// Checks an event log fed to it in sequence order. The in-database checks (each record's hash,
// its link to its predecessor, no number missing) find records altered, reordered or removed in
// the middle; the checkpoints, whose signatures the caller has verified, find what the chain
// alone cannot: the last records removed, every record removed, and the chain recomputed after a
// record was altered. Records after the latest checkpoint are allowed (they are not yet anchored:
// a server stopped by SIGKILL did not write its last checkpoint).
class ChainVerifier {
 public:
  explicit ChainVerifier(std::vector<Checkpoint> checkpoints = {});
  // It points into its own checkpoints.
  ChainVerifier(const ChainVerifier&) = delete;
  ChainVerifier& operator=(const ChainVerifier&) = delete;

  // Takes the next record and the hash stored with it. Returns false once the log is found
  // broken: the caller stops feeding it then.
  bool Add(const ChainRecord& record, std::string_view stored_hash);

  // The report, after the last record. `highest_sequence` is the highest number the log has ever
  // handed out (for SQLite, AUTOINCREMENT's record), so that rows removed from the end leave a
  // trace even without a checkpoint; nullopt when the engine keeps none.
  app::AuditReport Finish(std::optional<std::int64_t> highest_sequence);

 private:
  bool Broken(std::int64_t sequence, std::string problem);

  app::AuditReport report_;
  std::vector<Checkpoint> checkpoints_;
  // The checkpoints by the sequence they anchor, to compare each record as it passes.
  std::multimap<std::int64_t, const Checkpoint*> by_sequence_;
  const Checkpoint* latest_ = nullptr;  // the checkpoint of the highest sequence
  std::string previous_hash_;
  std::int64_t expected_sequence_ = 1;
  std::int64_t last_sequence_ = 0;
  // The highest checkpointed sequence whose record matched, for the message of a re-chaining.
  std::int64_t last_matched_ = 0;
};

// An audit verification as every engine runs it: the checkpoints read from `paths` (none, with a
// warning, when the store is not anchored); a broken report when they themselves show tampering,
// whatever the database holds; otherwise `walk(checkpoints)`, the engine's verification of its
// rows (a ChainVerifier fed in sequence order), with the checkpoints' warning.
template <typename Walk>
core::Result<app::AuditReport> VerifyAnchoredChain(const AnchorPaths* paths, Walk&& walk) {
  Anchoring anchoring;
  if (paths != nullptr) {
    core::Result<Anchoring> loaded = LoadAnchoring(*paths);
    if (!loaded) return tl::unexpected<core::Error>(loaded.error());
    anchoring = std::move(*loaded);
  } else {
    anchoring.warning = "the audit trail is not anchored outside the database";
  }
  if (!anchoring.problem.empty()) {
    app::AuditReport forged;
    forged.intact = false;
    forged.problem = std::move(anchoring.problem);
    return forged;
  }
  core::Result<app::AuditReport> report = walk(std::move(anchoring.checkpoints));
  if (!report) return report;
  report->warning = std::move(anchoring.warning);
  return report;
}

}  // namespace redress::storage::common
