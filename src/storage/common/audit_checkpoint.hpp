#pragma once

// Checkpoints of the audit chain's head, signed, kept outside the database.
//
// The chain (audit_chain.hpp) is unkeyed: whoever can write the database can remove its last
// records, or alter one and recompute every hash after it. A checkpoint records the head of the
// chain at a moment (the last record's sequence and hash, and the number of records) and is
// signed with an Ed25519 key that is kept outside the database, so a copy of the database that no
// longer contains what a checkpoint anchored is found out by anyone holding the public key.
//
// Files, by default beside the database (a folder copied whole carries them along):
//   <db>.audit-key          the secret key, mode 0600, created once with O_EXCL
//   <db>.audit-key.pub      its public key, enough to verify
//   <db>.audit-checkpoints  one checkpoint a line (JSON), appended and fsync'd, never rewritten
//
// A checkpoint line is {"sequence":S,"head":"<hex>","count":N,"at":"<RFC 3339>",
// "signature":"<hex>"}; the signature covers CheckpointSignedText (a domain label, then each of
// sequence, head, count and at as length:bytes, like the chain's canonical form).

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::storage::common {

inline constexpr std::string_view kAuditKeySuffix = ".audit-key";
inline constexpr std::string_view kAuditPublicKeySuffix = ".pub";
inline constexpr std::string_view kAuditCheckpointsSuffix = ".audit-checkpoints";

// Where a database's audit key and checkpoints are.
struct AnchorPaths {
  std::filesystem::path key;
  std::filesystem::path checkpoints;

  // The default places: beside the database file.
  static AnchorPaths Beside(const std::filesystem::path& database);
};

// The head of the chain: what a checkpoint anchors.
struct ChainHead {
  std::int64_t sequence = 0;  // the last record's sequence; 0 when there is none
  std::string hash;           // its hash; "" when there is none
  std::int64_t count = 0;     // the number of records
};

struct Checkpoint {
  ChainHead head;
  std::string at;         // when it was taken (RFC 3339, UTC)
  std::string signature;  // hex Ed25519 signature of CheckpointSignedText
  int line = 0;           // the line it was read from (1-based), for messages; 0 when made
};

// An Ed25519 key pair, or a public key alone (which verifies but cannot sign).
class AuditKey {
 public:
  static constexpr std::size_t kPublicKeyBytes = 32;
  static constexpr std::size_t kSecretKeyBytes = 64;

  // A new key pair. libsodium must be initialised.
  static AuditKey Generate();
  // A key from its file's text: "ed25519-secret-key:<hex>" or "ed25519-public-key:<hex>".
  static core::Result<AuditKey> Parse(std::string_view text);
  // The key at `path`; nullopt when there is no file there.
  static core::Result<std::optional<AuditKey>> Load(const std::filesystem::path& path);
  // The key at `path`, created when there is none: written to a new file (O_EXCL, mode 0600),
  // fsync'd and linked into place, so two processes starting together end up with one key; its
  // public key is written beside it (`path` + ".pub").
  static core::Result<AuditKey> LoadOrCreate(const std::filesystem::path& path);

  bool CanSign() const { return has_secret_; }
  std::string SecretFileText() const;  // requires CanSign()
  std::string PublicFileText() const;
  std::string PublicKeyHex() const;
  // The hex signature of `message`; requires CanSign().
  std::string Sign(std::string_view message) const;
  bool Verify(std::string_view message, std::string_view signature_hex) const;

 private:
  std::array<unsigned char, kPublicKeyBytes> public_key_{};
  std::array<unsigned char, kSecretKeyBytes> secret_key_{};
  bool has_secret_ = false;
};

// What a checkpoint's signature covers.
std::string CheckpointSignedText(const ChainHead& head, std::string_view at);
Checkpoint MakeCheckpoint(const ChainHead& head, std::string at, const AuditKey& key);
bool VerifyCheckpoint(const Checkpoint& checkpoint, const AuditKey& key);

// One line of the checkpoints file, without its newline.
std::string FormatCheckpoint(const Checkpoint& checkpoint);
// Reads a line strictly: exactly the five members, of their types, hex where hex is due.
// kInvalidInput saying what is wrong otherwise.
core::Result<Checkpoint> ParseCheckpoint(std::string_view line);

// Appends the checkpoint as a line (creating the file, mode 0600) and fsyncs it (and the folder
// when the file is new). One write(2) of the whole line with O_APPEND, so concurrent writers'
// lines do not interleave.
core::Status AppendCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint);

// The checkpoints of a database as read for verification.
struct Anchoring {
  std::vector<Checkpoint> checkpoints;  // every checkpoint read, each signature verified
  // Set when the checkpoints themselves show tampering (a forged or garbled line, the file
  // removed while the key remains): the audit trail is broken whatever the database holds.
  std::string problem;
  std::string warning;  // checks that could not run, and why; "" when none
};

// Reads and verifies the checkpoints at paths.checkpoints with the key at paths.key (or, without
// one, its public key at paths.key + ".pub"). Neither file present is a warning (the database
// was never anchored, or was copied without them); checkpoints without a key to verify them are
// an error (kNotFound naming --audit-key): nothing can be said either way.
core::Result<Anchoring> LoadAnchoring(const AnchorPaths& paths);

}  // namespace redress::storage::common
