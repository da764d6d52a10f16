#include "files/local_file_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

namespace redress::files {
namespace {

namespace fs = std::filesystem;

constexpr mode_t kFolderMode = 0700;
constexpr std::size_t kSha256HexLength = 64;
constexpr std::size_t kShardDigits = 2;
constexpr std::string_view kTemporaryFolder = "tmp";
constexpr std::string_view kContentFolder = "sha256";

core::Error StorageError(std::string_view what, const fs::path& path, int error_number) {
  return core::Error{core::ErrorCode::kStorage,
                     std::string(what) + " " + path.string() + ": " + std::strerror(error_number),
                     {}};
}

// fsync of a folder, so that a rename or an unlink in it is durable. The empty path (the parent
// of a relative name such as "demo.db.files") is the working directory.
core::Status SyncFolder(const fs::path& folder) {
  const fs::path opened = folder.empty() ? fs::path(".") : folder;
  const int fd = ::open(opened.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return tl::unexpected(StorageError("cannot open", folder, errno));
  const int synced = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  if (synced != 0) return tl::unexpected(StorageError("cannot fsync", folder, error_number));
  return {};
}

core::Status MakeFolder(const fs::path& folder) {
  if (::mkdir(folder.c_str(), kFolderMode) == 0) return SyncFolder(folder.parent_path());
  if (errno == EEXIST) return {};
  return tl::unexpected(StorageError("cannot create", folder, errno));
}

std::string Hex(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest) {
  std::array<char, kSha256HexLength + 1> text{};
  sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
  return std::string(text.data(), kSha256HexLength);
}

class LocalUpload final : public app::FileUpload {
 public:
  LocalUpload(int fd, fs::path temporary, const LocalFileStore& store)
      : fd_(fd), temporary_(std::move(temporary)), store_(store) {
    crypto_hash_sha256_init(&state_);
  }
  ~LocalUpload() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temporary_.c_str());
  }
  LocalUpload(const LocalUpload&) = delete;
  LocalUpload& operator=(const LocalUpload&) = delete;

  core::Status Write(std::span<const char> bytes) override {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
    if (head_.size() < kSniffBytes) {
      head_.append(bytes.data(), std::min(bytes.size(), kSniffBytes - head_.size()));
    }
    size_ += static_cast<std::int64_t>(bytes.size());
    while (!bytes.empty()) {
      const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        return tl::unexpected(StorageError("cannot write", temporary_, errno));
      }
      bytes = bytes.subspan(static_cast<std::size_t>(written));
    }
    return {};
  }

  std::int64_t size() const override { return size_; }
  std::string_view head() const override { return head_; }

  std::string Sha256() const override {
    crypto_hash_sha256_state copy = state_;
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&copy, digest.data());
    return Hex(digest);
  }

  core::Result<app::StoredContent> Commit() override {
    const std::string sha256 = Sha256();
    if (::fsync(fd_) != 0) return tl::unexpected(StorageError("cannot fsync", temporary_, errno));
    ::close(fd_);
    fd_ = -1;
    const fs::path target = store_.PathOf(sha256);
    if (auto made = MakeFolder(target.parent_path()); !made) return tl::unexpected(made.error());
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0) {
      // The same content is stored already: keep it, drop this copy.
      ::unlink(temporary_.c_str());
    } else if (::rename(temporary_.c_str(), target.c_str()) != 0) {
      return tl::unexpected(StorageError("cannot store", target, errno));
    } else if (auto synced = SyncFolder(target.parent_path()); !synced) {
      return tl::unexpected(synced.error());
    }
    committed_ = true;
    return app::StoredContent{sha256, size_};
  }

 private:
  int fd_;
  fs::path temporary_;
  const LocalFileStore& store_;
  crypto_hash_sha256_state state_{};
  std::string head_;
  std::int64_t size_ = 0;
  bool committed_ = false;
};

class LocalReader final : public app::ContentReader {
 public:
  LocalReader(int fd, std::int64_t size, fs::path path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  ~LocalReader() override { ::close(fd_); }
  LocalReader(const LocalReader&) = delete;
  LocalReader& operator=(const LocalReader&) = delete;

  std::int64_t size() const override { return size_; }

  core::Result<std::size_t> Read(std::int64_t offset, std::span<char> buffer) override {
    for (;;) {
      const ssize_t read = ::pread(fd_, buffer.data(), buffer.size(), offset);
      if (read >= 0) return static_cast<std::size_t>(read);
      if (errno != EINTR) return tl::unexpected(StorageError("cannot read", path_, errno));
    }
  }

 private:
  int fd_;
  std::int64_t size_;
  fs::path path_;
};

}  // namespace

bool IsSha256Hex(std::string_view text) {
  return text.size() == kSha256HexLength && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

core::Result<std::unique_ptr<LocalFileStore>> LocalFileStore::Create(const fs::path& root) {
  if (sodium_init() < 0) return core::Fail(core::ErrorCode::kInternal, "libsodium failed");
  for (const fs::path& folder : {root, root / kTemporaryFolder, root / kContentFolder}) {
    if (auto made = MakeFolder(folder); !made) return tl::unexpected(made.error());
    ::chmod(folder.c_str(), kFolderMode);
  }
  return std::unique_ptr<LocalFileStore>(new LocalFileStore(root));
}

fs::path LocalFileStore::PathOf(std::string_view sha256) const {
  return root_ / kContentFolder / std::string(sha256.substr(0, kShardDigits)) / std::string(sha256);
}

core::Result<std::unique_ptr<app::FileUpload>> LocalFileStore::Begin() {
  std::string pattern = (root_ / kTemporaryFolder / "upload-XXXXXX").string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // mode 0600
  if (fd < 0) return tl::unexpected(StorageError("cannot create", pattern, errno));
  return std::unique_ptr<app::FileUpload>(new LocalUpload(fd, pattern, *this));
}

core::Result<std::unique_ptr<app::ContentReader>> LocalFileStore::Open(std::string_view sha256) {
  if (!IsSha256Hex(sha256)) {
    return core::Fail(core::ErrorCode::kNotFound, "no content " + std::string(sha256));
  }
  const fs::path path = PathOf(sha256);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return core::Fail(core::ErrorCode::kNotFound, "no content " + std::string(sha256));
    }
    return tl::unexpected(StorageError("cannot open", path, errno));
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    const int error_number = errno;
    ::close(fd);
    return tl::unexpected(StorageError("cannot stat", path, error_number));
  }
  return std::unique_ptr<app::ContentReader>(new LocalReader(fd, status.st_size, path));
}

core::Status LocalFileStore::Remove(std::string_view sha256) {
  if (!IsSha256Hex(sha256)) return {};
  const fs::path path = PathOf(sha256);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return tl::unexpected(StorageError("cannot remove", path, errno));
  }
  return SyncFolder(path.parent_path());
}

core::Result<std::int64_t> LocalFileStore::Sweep(const std::vector<std::string>& keep) {
  const std::set<std::string, std::less<>> kept(keep.begin(), keep.end());
  std::int64_t removed = 0;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(root_ / kTemporaryFolder, error)) {
    if (fs::remove(entry.path(), error)) ++removed;
  }
  if (error) return tl::unexpected(StorageError("cannot sweep", root_ / kTemporaryFolder, EIO));
  for (const fs::directory_entry& shard : fs::directory_iterator(root_ / kContentFolder, error)) {
    if (!shard.is_directory()) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(shard.path(), error)) {
      const std::string name = entry.path().filename().string();
      if (kept.contains(name)) continue;
      if (fs::remove(entry.path(), error)) ++removed;
    }
  }
  if (error) return tl::unexpected(StorageError("cannot sweep", root_ / kContentFolder, EIO));
  if (removed > 0) {
    if (auto synced = SyncFolder(root_ / kTemporaryFolder); !synced) {
      return tl::unexpected(synced.error());
    }
  }
  return removed;
}

}  // namespace redress::files
