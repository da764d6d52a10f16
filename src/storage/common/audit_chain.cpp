#include "storage/common/audit_chain.hpp"

#include <sodium.h>

#include <array>
#include <utility>

namespace redress::storage::common {
namespace {

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string Records(std::int64_t count) {
  return std::to_string(count) + (count == 1 ? " record" : " records");
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string NewContentSalt() {
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> salt{};
  randombytes_buf(salt.data(), salt.size());
  return Hex(salt.data(), salt.size());
}

std::string ContentDigest(std::string_view salt_hex, std::string_view summary,
                          std::string_view changes) {
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
  std::size_t key_size = 0;
  if (salt_hex.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), salt_hex.data(), salt_hex.size(), nullptr, &key_size,
                     nullptr) != 0 ||
      key_size != key.size()) {
    return "";
  }
  std::string content;
  AppendField(content, summary);
  AppendField(content, changes);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(content.data()),
                         content.size(), key.data());
  return Hex(mac.data(), mac.size());
}

void SealContent(ChainRecord& record) {
  record.chain_version = kChainVersion;
  record.content_salt = NewContentSalt();
  record.content_digest = ContentDigest(*record.content_salt, record.summary, record.changes);
  record.content_erased_at.reset();
}

std::string ChainHash(const ChainRecord& record) {
  const bool legacy = record.chain_version == kLegacyChainVersion;
  std::string canonical;
  if (!legacy) AppendField(canonical, "v" + std::to_string(record.chain_version));
  AppendField(canonical, record.prev_hash);
  AppendField(canonical, std::to_string(record.sequence));
  AppendField(canonical, record.entity_type);
  AppendField(canonical, record.entity_ref);
  AppendField(canonical, record.type);
  AppendField(canonical, record.occurred_on);
  AppendField(canonical, std::to_string(record.stage));
  AppendField(canonical, record.actor);
  if (legacy) {
    AppendField(canonical, record.summary);
    AppendField(canonical, record.changes);
  } else {
    AppendField(canonical, record.content_digest);
  }
  AppendField(canonical, record.recorded_at);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size());
  return Hex(digest.data(), digest.size());
}

ChainVerifier::ChainVerifier(std::vector<Checkpoint> checkpoints)
    : checkpoints_(std::move(checkpoints)) {
  for (const Checkpoint& checkpoint : checkpoints_) {
    if (checkpoint.head.sequence > 0) by_sequence_.emplace(checkpoint.head.sequence, &checkpoint);
    if (latest_ == nullptr || checkpoint.head.sequence > latest_->head.sequence ||
        (checkpoint.head.sequence == latest_->head.sequence &&
         checkpoint.head.count > latest_->head.count)) {
      latest_ = &checkpoint;
    }
  }
  report_.checkpoints = static_cast<std::int64_t>(checkpoints_.size());
}

bool ChainVerifier::Broken(std::int64_t sequence, std::string problem) {
  report_.intact = false;
  report_.first_bad_sequence = sequence;
  report_.problem = std::move(problem);
  return false;
}

bool ChainVerifier::ContentIntact(const ChainRecord& record) {
  const bool erased = record.content_erased_at.has_value();
  if (erased && (record.summary != kErasedSummary || record.changes != kErasedChanges)) {
    return false;
  }
  if (record.chain_version == kLegacyChainVersion) {
    // Migration 31 marked every record before it version 1; none comes after a version 2 one.
    if (seen_current_version_) return false;
    if (erased) ++report_.erased_legacy;
    return true;
  }
  if (record.chain_version != kChainVersion) return false;
  seen_current_version_ = true;
  // The salt is forgotten exactly when the content is erased.
  if (erased != !record.content_salt.has_value()) return false;
  if (erased) {
    ++report_.erased;
    return true;
  }
  return ContentDigest(*record.content_salt, record.summary, record.changes) ==
         record.content_digest;
}

bool ChainVerifier::Add(const ChainRecord& record, std::string_view stored_hash) {
  if (!report_.intact) return false;
  const std::string number = std::to_string(record.sequence);
  if (record.sequence != expected_sequence_) {
    return Broken(expected_sequence_,
                  "record " + std::to_string(expected_sequence_) + " was removed");
  }
  if (!ContentIntact(record)) return Broken(record.sequence, "record " + number + " was altered");
  const bool erased_legacy =
      record.chain_version == kLegacyChainVersion && record.content_erased_at.has_value();
  // An erased legacy record's hash covered the content that is gone: only its links (below, and
  // the next record's prev_hash) and the checkpoints vouch for it.
  if (!erased_legacy && ChainHash(record) != stored_hash)
    return Broken(record.sequence, "record " + number + " was altered");
  if (erased_legacy && record.prev_hash != previous_hash_)
    return Broken(record.sequence, "record " + number + " was altered");
  // The record is consistent in itself but does not follow from its predecessor: the
  // predecessor was rewritten, hash included (or, for the first, something came before it).
  if (record.prev_hash != previous_hash_) {
    const std::int64_t altered = record.sequence > 1 ? record.sequence - 1 : record.sequence;
    return Broken(altered, "record " + std::to_string(altered) + " was altered");
  }
  // Consistent with the chain, yet not what was signed: the chain was recomputed after an
  // alteration somewhere between the last checkpoint that matched and this record.
  const auto [first, last] = by_sequence_.equal_range(record.sequence);
  for (auto it = first; it != last; ++it) {
    if (it->second->head.hash != stored_hash) {
      return Broken(record.sequence,
                    "record " + number + " differs from the checkpointed chain of " +
                        it->second->at + ": a record from " + std::to_string(last_matched_ + 1) +
                        " to " + number + " was altered and the chain recomputed");
    }
  }
  if (first != last) last_matched_ = record.sequence;
  previous_hash_ = std::string(stored_hash);
  last_sequence_ = record.sequence;
  ++expected_sequence_;
  ++report_.records;
  return true;
}

app::AuditReport ChainVerifier::Finish(std::optional<std::int64_t> highest_sequence) {
  if (!report_.intact) return report_;
  if (latest_ != nullptr) {
    const ChainHead& anchored = latest_->head;
    report_.anchored_through = anchored.sequence;
    report_.anchored_at = latest_->at;
    if (report_.records == 0 && anchored.count > 0) {
      Broken(1, "every record was removed: the checkpoint of " + latest_->at + " anchors " +
                    Records(anchored.count) + ", the database has none");
      return report_;
    }
    if (last_sequence_ < anchored.sequence) {
      const std::int64_t removed = anchored.sequence - last_sequence_;
      Broken(last_sequence_ + 1,
             "the last " + Records(removed) + ", after record " + std::to_string(last_sequence_) +
                 (removed == 1 ? ", was" : ", were") + " removed: the checkpoint of " +
                 latest_->at + " anchors record " + std::to_string(anchored.sequence));
      return report_;
    }
    if (report_.records < anchored.count) {
      Broken(last_sequence_, "records were removed: the checkpoint of " + latest_->at + " counts " +
                                 Records(anchored.count) + ", the database has " +
                                 std::to_string(report_.records));
      return report_;
    }
    report_.unanchored = last_sequence_ - anchored.sequence;
  } else {
    report_.unanchored = last_sequence_;
  }
  // Rows removed from the end leave no gap; the engine's record of the highest number does.
  if (highest_sequence && *highest_sequence >= expected_sequence_) {
    Broken(expected_sequence_, "record " + std::to_string(expected_sequence_) + " was removed");
  }
  return report_;
}

}  // namespace redress::storage::common
