#pragma once

// The FileStore port on the local filesystem (next to the database by default):
//
//   <root>/tmp/upload-XXXXXX       uploads being received (removed by Sweep at start-up)
//   <root>/sha256/ab/abcdef...     content, named by its SHA-256, the first two digits a folder
//
// An upload is written to a temporary file (mode 0600), fsync'd, renamed to its address and its
// folder fsync'd, so content under an address is always whole and durable. Folders are 0700.
// A backup is the database plus this folder.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/file_store.hpp"

namespace redress::files {

// How many first bytes of an upload are kept for judging its type.
inline constexpr std::size_t kSniffBytes = 64 * 1024;

class LocalFileStore final : public app::FileStore {
 public:
  // Creates the folders when missing (mode 0700). kStorage when they cannot be made.
  static core::Result<std::unique_ptr<LocalFileStore>> Create(const std::filesystem::path& root);

  core::Result<std::unique_ptr<app::FileUpload>> Begin() override;
  core::Result<std::unique_ptr<app::ContentReader>> Open(std::string_view sha256) override;
  core::Status Remove(std::string_view sha256) override;
  core::Result<std::int64_t> Sweep(const std::vector<std::string>& keep) override;

  // Where the content `sha256` lives (which need not exist).
  std::filesystem::path PathOf(std::string_view sha256) const;

 private:
  explicit LocalFileStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

// Whether `text` is 64 lower-case hex digits: the only names content may have.
bool IsSha256Hex(std::string_view text);

}  // namespace redress::files
