#include "files/magic_media_types.hpp"

#include <magic.h>

namespace redress::files {

core::Result<std::unique_ptr<MagicMediaTypes>> MagicMediaTypes::Open() {
  magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  if (cookie == nullptr) return core::Fail(core::ErrorCode::kInternal, "libmagic: cannot open");
  if (magic_load(cookie, nullptr) != 0) {
    std::string message = std::string("libmagic: cannot load its database: ") +
                          (magic_error(cookie) != nullptr ? magic_error(cookie) : "");
    magic_close(cookie);
    return core::Fail(core::ErrorCode::kInternal, std::move(message));
  }
  return std::unique_ptr<MagicMediaTypes>(new MagicMediaTypes(cookie));
}

MagicMediaTypes::~MagicMediaTypes() { magic_close(static_cast<magic_t>(cookie_)); }

core::Result<std::string> MagicMediaTypes::Detect(std::string_view head) const {
  std::lock_guard lock(mutex_);
  const char* type = magic_buffer(static_cast<magic_t>(cookie_), head.data(), head.size());
  if (type == nullptr) return std::string("application/octet-stream");
  return std::string(type);
}

}  // namespace redress::files
