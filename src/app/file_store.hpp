#pragma once

// The port of stored file content: content-addressed by SHA-256, so a file is stored once however
// often it is attached. The local-filesystem adapter is files/local_file_store.hpp; an
// S3-compatible object store can implement the same port (docs/attachments.md).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::app {

// What a finished upload holds: its address and size.
struct StoredContent {
  std::string sha256;  // lower-case hex
  std::int64_t size = 0;
};

// A file being received. Bytes are written as they arrive (memory does not grow with the file);
// nothing is visible under a content address before Commit. Destroying an upload that was not
// committed removes what it wrote.
class FileUpload {
 public:
  virtual ~FileUpload() = default;
  // Appends `bytes`. kStorage when the disk refuses them.
  virtual core::Status Write(std::span<const char> bytes) = 0;
  virtual std::int64_t size() const = 0;
  // The first bytes written (up to the adapter's sniffing window): what the type is judged by.
  virtual std::string_view head() const = 0;
  // The content's SHA-256 so far (lower-case hex); final once writing is over.
  virtual std::string Sha256() const = 0;
  // Makes the content durable under its address (the file and its directory fsync'd before
  // this returns) and returns it. When the address holds the same content already, the upload
  // is dropped and the stored file kept. Call at most once.
  virtual core::Result<StoredContent> Commit() = 0;
};

// Reads stored content by ranges.
class ContentReader {
 public:
  virtual ~ContentReader() = default;
  virtual std::int64_t size() const = 0;
  // Reads up to `buffer.size()` bytes at `offset`; the count read (0 at the end).
  virtual core::Result<std::size_t> Read(std::int64_t offset, std::span<char> buffer) = 0;
};

class FileStore {
 public:
  virtual ~FileStore() = default;
  // Starts receiving a file.
  virtual core::Result<std::unique_ptr<FileUpload>> Begin() = 0;
  // Opens the content `sha256`; kNotFound when absent.
  virtual core::Result<std::unique_ptr<ContentReader>> Open(std::string_view sha256) = 0;
  // Removes the content `sha256`; absent content is no error.
  virtual core::Status Remove(std::string_view sha256) = 0;
  // Removes what an interrupted process left: every unfinished upload, and every stored content
  // not in `keep` (sorted or not). Run at start-up, before any upload of this process.
  // Returns how many files it removed.
  virtual core::Result<std::int64_t> Sweep(const std::vector<std::string>& keep) = 0;
};

// Names a file's type from its first bytes (libmagic in files/magic_media_types.hpp).
class MediaTypeDetector {
 public:
  virtual ~MediaTypeDetector() = default;
  // The media type, e.g. "application/pdf"; "application/octet-stream" when unknown.
  virtual core::Result<std::string> Detect(std::string_view head) const = 0;
};

// What a virus scanner found.
enum class ScanVerdict { kClean, kInfected };

// A virus scanner (ClamAV's clamd in files/clamd_scanner.hpp). kUnavailable when it cannot be
// reached or does not answer: the file then stays pending and is scanned again before serving.
class VirusScanner {
 public:
  virtual ~VirusScanner() = default;
  virtual core::Result<ScanVerdict> Scan(ContentReader& content) = 0;
};

}  // namespace redress::app
