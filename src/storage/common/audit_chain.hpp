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
//
// That is chain version 1, the form of every record stored before migration 31 (SQLite; 20 on
// PostgreSQL). Every record appended since is version 2, whose content (summary and changes) can
// be erased without breaking the chain (docs/audit-trail.md, "Erasable content"): its canonical
// form begins with the field "v2" (a version 1 form begins with prev_hash, 0 or 64 bytes long, so
// the two can never collide) and has, in place of summary and changes, content_digest: the hex
// HMAC-SHA-256, keyed by the record's own random salt (content_salt, hex of 32 bytes), of the
// length-prefixed summary and changes. Erasing a record blanks its content and forgets its salt;
// the digest, and so the chain, stays, and without the salt the digest says nothing about what
// was erased (a short summary could otherwise be found by trying every guess).

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
  // Chain version 1 or 2 (above): 1 and neither salt nor digest until SealContent makes it 2.
  std::int64_t chain_version = 1;
  std::string content_digest;
  std::optional<std::string> content_salt;       // nullopt once the content was erased
  std::optional<std::string> content_erased_at;  // when it was, RFC 3339
};

// The chain versions (above).
inline constexpr std::int64_t kLegacyChainVersion = 1;
inline constexpr std::int64_t kChainVersion = 2;

// The content of an erased record, as stored: no summary, no changes.
inline constexpr std::string_view kErasedSummary;
inline constexpr std::string_view kErasedChanges = "[]";

// A new random salt (hex of 32 bytes from randombytes_buf). libsodium must be initialised.
std::string NewContentSalt();
// The hex HMAC-SHA-256 keyed by the salt (hex) of the length-prefixed summary and changes; "" when
// the salt is not the hex of 32 bytes.
std::string ContentDigest(std::string_view salt_hex, std::string_view summary,
                          std::string_view changes);
// Gives `record` a new salt and the digest of its summary and changes: a version 2 record.
void SealContent(ChainRecord& record);

// The hex SHA-256 of the record's canonical serialisation (above) in its chain version: version 2
// hashes the stored content_digest, whatever the summary and changes. libsodium must be
// initialised.
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
  // broken: the caller stops feeding it then. A version 2 record is checked against its digest
  // (while it has its salt) and chained over the digest; an erased version 1 record, whose hash
  // can no longer be recomputed, is accepted only when linked: its prev_hash is the previous
  // record's hash, and the next record's prev_hash (checked as that record is added) is its
  // stored hash. Version 1 records come only before version 2 ones (they predate migration 31),
  // so a later record cannot be passed off as an erased legacy one.
  bool Add(const ChainRecord& record, std::string_view stored_hash);

  // The report, after the last record. `highest_sequence` is the highest number the log has ever
  // handed out (for SQLite, AUTOINCREMENT's record), so that rows removed from the end leave a
  // trace even without a checkpoint; nullopt when the engine keeps none.
  app::AuditReport Finish(std::optional<std::int64_t> highest_sequence);

 private:
  bool Broken(std::int64_t sequence, std::string problem);
  // Whether the record's content is consistent with its chain version and erasure (false: it
  // was altered); counts an erasure.
  bool ContentIntact(const ChainRecord& record);

  bool seen_current_version_ = false;  // a version 2 record has passed

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
