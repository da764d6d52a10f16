#include "storage/common/audit_checkpoint.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace redress::storage::common {
namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;

static_assert(AuditKey::kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(AuditKey::kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);

constexpr std::string_view kSecretPrefix = "ed25519-secret-key:";
constexpr std::string_view kPublicPrefix = "ed25519-public-key:";
// Separates checkpoint signatures from any other use of the key.
constexpr std::string_view kSignedLabel = "redress audit checkpoint v1\n";
constexpr mode_t kOwnerOnly = 0600;

constexpr std::string_view kSequence = "sequence";
constexpr std::string_view kHead = "head";
constexpr std::string_view kCount = "count";
constexpr std::string_view kAt = "at";
constexpr std::string_view kSignature = "signature";

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

// Decodes exactly `size` bytes of lower- or upper-case hex, nothing else.
bool FromHex(std::string_view hex, unsigned char* out, std::size_t size) {
  if (hex.size() != size * 2) return false;
  std::size_t decoded = 0;
  const char* end = nullptr;
  return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &decoded, &end) == 0 &&
         decoded == size && end == hex.data() + hex.size();
}

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string Errno(std::string_view what, const std::filesystem::path& path) {
  return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

// Makes a new file's directory entry durable.
Status SyncFolder(const std::filesystem::path& file) {
  std::filesystem::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Fail(ErrorCode::kStorage, Errno("cannot open", folder));
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return Fail(ErrorCode::kStorage, Errno("cannot sync", folder));
  return {};
}

// Writes all of `text` to `fd` and fsyncs it.
Status WriteAndSync(int fd, std::string_view text, const std::filesystem::path& path) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorCode::kStorage, Errno("cannot write", path));
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd) != 0) return Fail(ErrorCode::kStorage, Errno("cannot sync", path));
  return {};
}

// Creates `path` with `text`; false, creating nothing, when it exists. Written to a temporary file
// of its own first and linked into place, so that no reader ever sees a partly written file.
Result<bool> CreateExclusive(const std::filesystem::path& path, std::string_view text) {
  std::array<unsigned char, 8> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  const std::filesystem::path temporary = path.string() + ".tmp-" + Hex(nonce.data(), nonce.size());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) return Fail(ErrorCode::kStorage, Errno("cannot create", temporary));
  Status written = WriteAndSync(fd, text, temporary);
  ::close(fd);
  bool exists = false;
  if (written && ::link(temporary.c_str(), path.c_str()) != 0) {
    exists = errno == EEXIST;
    if (!exists) written = Fail(ErrorCode::kStorage, Errno("cannot create", path));
  }
  ::unlink(temporary.c_str());
  if (!written) return tl::unexpected(written.error());
  if (exists) return false;
  Status synced = SyncFolder(path);
  if (!synced) return tl::unexpected(synced.error());
  return true;
}

Result<std::optional<std::string>> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) return std::optional<std::string>();
    return Fail(ErrorCode::kStorage, "cannot read " + path.string());
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) return Fail(ErrorCode::kStorage, "cannot read " + path.string());
  return std::optional<std::string>(text.str());
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

core::Error Invalid(std::string message) {
  return core::Error{ErrorCode::kInvalidInput, std::move(message), {}};
}

}  // namespace

AnchorPaths AnchorPaths::Beside(const std::filesystem::path& database) {
  return {database.string() + std::string(kAuditKeySuffix),
          database.string() + std::string(kAuditCheckpointsSuffix)};
}

AuditKey AuditKey::Generate() {
  AuditKey key;
  crypto_sign_keypair(key.public_key_.data(), key.secret_key_.data());
  key.has_secret_ = true;
  return key;
}

Result<AuditKey> AuditKey::Parse(std::string_view text) {
  const std::string line = Trimmed(text);
  const std::string_view view = line;
  AuditKey key;
  if (view.starts_with(kSecretPrefix)) {
    if (!FromHex(view.substr(kSecretPrefix.size()), key.secret_key_.data(),
                 key.secret_key_.size())) {
      return tl::unexpected(Invalid("the secret key is not 64 bytes of hex"));
    }
    crypto_sign_ed25519_sk_to_pk(key.public_key_.data(), key.secret_key_.data());
    key.has_secret_ = true;
    return key;
  }
  if (view.starts_with(kPublicPrefix)) {
    if (!FromHex(view.substr(kPublicPrefix.size()), key.public_key_.data(),
                 key.public_key_.size())) {
      return tl::unexpected(Invalid("the public key is not 32 bytes of hex"));
    }
    return key;
  }
  return tl::unexpected(Invalid("not an audit key (expected " + std::string(kSecretPrefix) +
                                " or " + std::string(kPublicPrefix) + ")"));
}

Result<std::optional<AuditKey>> AuditKey::Load(const std::filesystem::path& path) {
  Result<std::optional<std::string>> text = ReadWholeFile(path);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return std::optional<AuditKey>();
  Result<AuditKey> key = Parse(**text);
  if (!key) {
    return Fail(ErrorCode::kInvalidInput, path.string() + ": " + key.error().message);
  }
  return std::optional<AuditKey>(*key);
}

Result<AuditKey> AuditKey::LoadOrCreate(const std::filesystem::path& path) {
  Result<std::optional<AuditKey>> existing = Load(path);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) {
    if (!(*existing)->CanSign()) {
      return Fail(ErrorCode::kInvalidInput,
                  path.string() + " holds a public key: checkpoints need the secret key");
    }
    return **existing;
  }
  const AuditKey key = Generate();
  Result<bool> created = CreateExclusive(path, key.SecretFileText());
  if (!created) return tl::unexpected(created.error());
  if (!*created) return LoadOrCreate(path);  // another process created it first: use theirs
  const std::filesystem::path public_path = path.string() + std::string(kAuditPublicKeySuffix);
  std::error_code ignored;
  std::filesystem::remove(public_path, ignored);  // a stale one would not match the new key
  Result<bool> published = CreateExclusive(public_path, key.PublicFileText());
  if (!published) return tl::unexpected(published.error());
  return key;
}

std::string AuditKey::SecretFileText() const {
  return std::string(kSecretPrefix) + Hex(secret_key_.data(), secret_key_.size()) + "\n";
}

std::string AuditKey::PublicFileText() const {
  return std::string(kPublicPrefix) + PublicKeyHex() + "\n";
}

std::string AuditKey::PublicKeyHex() const { return Hex(public_key_.data(), public_key_.size()); }

std::string AuditKey::Sign(std::string_view message) const {
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_key_.data());
  return Hex(signature.data(), signature.size());
}

bool AuditKey::Verify(std::string_view message, std::string_view signature_hex) const {
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  if (!FromHex(signature_hex, signature.data(), signature.size())) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key_.data()) == 0;
}

std::string CheckpointSignedText(const ChainHead& head, std::string_view at) {
  std::string text(kSignedLabel);
  AppendField(text, std::to_string(head.sequence));
  AppendField(text, head.hash);
  AppendField(text, std::to_string(head.count));
  AppendField(text, at);
  return text;
}

Checkpoint MakeCheckpoint(const ChainHead& head, std::string at, const AuditKey& key) {
  Checkpoint checkpoint{head, std::move(at), "", 0};
  checkpoint.signature = key.Sign(CheckpointSignedText(checkpoint.head, checkpoint.at));
  return checkpoint;
}

bool VerifyCheckpoint(const Checkpoint& checkpoint, const AuditKey& key) {
  return key.Verify(CheckpointSignedText(checkpoint.head, checkpoint.at), checkpoint.signature);
}

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  nlohmann::ordered_json line = nlohmann::ordered_json::object();
  line[kSequence] = checkpoint.head.sequence;
  line[kHead] = checkpoint.head.hash;
  line[kCount] = checkpoint.head.count;
  line[kAt] = checkpoint.at;
  line[kSignature] = checkpoint.signature;
  return line.dump();
}

Result<Checkpoint> ParseCheckpoint(std::string_view line) {
  const nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return tl::unexpected(Invalid("not a JSON object"));
  constexpr std::size_t kMembers = 5;
  if (json.size() != kMembers) {
    return tl::unexpected(Invalid("must have exactly sequence, head, count, at and signature"));
  }
  Checkpoint checkpoint;
  for (const std::string_view name : {kSequence, kCount}) {
    const auto member = json.find(name);
    if (member == json.end() || !member->is_number_integer() || member->get<std::int64_t>() < 0) {
      return tl::unexpected(Invalid(std::string(name) + " must be a whole number, 0 or more"));
    }
    (name == kSequence ? checkpoint.head.sequence : checkpoint.head.count) =
        member->get<std::int64_t>();
  }
  for (const std::string_view name : {kHead, kAt, kSignature}) {
    const auto member = json.find(name);
    if (member == json.end() || !member->is_string()) {
      return tl::unexpected(Invalid(std::string(name) + " must be a string"));
    }
  }
  checkpoint.head.hash = json[kHead].get<std::string>();
  checkpoint.at = json[kAt].get<std::string>();
  checkpoint.signature = json[kSignature].get<std::string>();
  constexpr std::size_t kHashHex = crypto_hash_sha256_BYTES * 2;
  const bool empty_log = checkpoint.head.sequence == 0;
  if (checkpoint.head.hash.size() != (empty_log ? 0 : kHashHex)) {
    return tl::unexpected(Invalid(empty_log ? "head must be empty when sequence is 0"
                                            : "head must be a SHA-256 in hex"));
  }
  if (checkpoint.signature.size() != crypto_sign_BYTES * 2) {
    return tl::unexpected(Invalid("signature must be an Ed25519 signature in hex"));
  }
  return checkpoint;
}

Status AppendCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint) {
  std::error_code ignored;
  const bool is_new = !std::filesystem::exists(path, ignored);
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) return Fail(ErrorCode::kStorage, Errno("cannot open", path));
  Status written = WriteAndSync(fd, FormatCheckpoint(checkpoint) + "\n", path);
  ::close(fd);
  if (!written) return written;
  return is_new ? SyncFolder(path) : Status{};
}

Result<Anchoring> LoadAnchoring(const AnchorPaths& paths) {
  Anchoring anchoring;
  Result<std::optional<std::string>> text = ReadWholeFile(paths.checkpoints);
  if (!text) return tl::unexpected(text.error());
  Result<std::optional<AuditKey>> key = AuditKey::Load(paths.key);
  if (!key) return tl::unexpected(key.error());
  if (!*key) {
    key = AuditKey::Load(paths.key.string() + std::string(kAuditPublicKeySuffix));
    if (!key) return tl::unexpected(key.error());
  }
  const std::string checkpoints_name = paths.checkpoints.string();
  const bool no_checkpoints = !*text || Trimmed(**text).empty();
  if (no_checkpoints) {
    if (*key) {
      // The key is made just before the first checkpoint is written: a key without checkpoints
      // means they were removed.
      anchoring.problem = "the checkpoints at " + checkpoints_name +
                          " were removed: the audit key at " + paths.key.string() +
                          " exists, so they had been written";
    } else {
      anchoring.warning = "no audit key or checkpoints at " + paths.key.string() + " and " +
                          checkpoints_name +
                          ", so the removal of the last records or of every record, and a "
                          "recomputed chain, cannot be checked";
    }
    return anchoring;
  }
  if (!*key) {
    const std::string message = "no audit key at " + paths.key.string() +
                                " (nor its public key): the checkpoints at " + checkpoints_name +
                                " cannot be verified";
    return tl::unexpected(
        core::Error{ErrorCode::kNotFound, "audit_key: " + message, {{"audit_key", message}}});
  }
  std::string_view rest = **text;
  int number = 0;
  while (!rest.empty()) {
    ++number;
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) {
      // A write cut short by a crash leaves a last line without its newline; its checkpoint
      // was never complete, so it anchors nothing.
      anchoring.warning = "line " + std::to_string(number) + " of " + checkpoints_name +
                          " is incomplete (a write cut short) and was not read";
      break;
    }
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    const std::string where = "line " + std::to_string(number) + " of " + checkpoints_name;
    Result<Checkpoint> checkpoint = ParseCheckpoint(line);
    if (!checkpoint) {
      anchoring.problem =
          where + " is not a checkpoint (" + checkpoint.error().message + "): the file was altered";
      return anchoring;
    }
    checkpoint->line = number;
    if (!VerifyCheckpoint(*checkpoint, **key)) {
      anchoring.problem = "the checkpoint on " + where +
                          " is forged: its signature does not verify with the audit key";
      return anchoring;
    }
    anchoring.checkpoints.push_back(std::move(*checkpoint));
  }
  return anchoring;
}

}  // namespace redress::storage::common
