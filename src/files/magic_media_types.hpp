#pragma once

// The MediaTypeDetector port on libmagic (magic_open(MAGIC_MIME_TYPE) with the system's magic
// database): a file's type by its content, never by its name.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "app/file_store.hpp"

namespace redress::files {

class MagicMediaTypes final : public app::MediaTypeDetector {
 public:
  // kInternal when libmagic or its database cannot be loaded.
  static core::Result<std::unique_ptr<MagicMediaTypes>> Open();
  ~MagicMediaTypes() override;
  MagicMediaTypes(const MagicMediaTypes&) = delete;
  MagicMediaTypes& operator=(const MagicMediaTypes&) = delete;

  core::Result<std::string> Detect(std::string_view head) const override;

 private:
  explicit MagicMediaTypes(void* cookie) : cookie_(cookie) {}
  void* cookie_;  // magic_t; one cookie is not safe to share between threads, hence the mutex
  mutable std::mutex mutex_;
};

}  // namespace redress::files
