#include "portal/key_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "app/resident_codes.hpp"

namespace redress::portal {
namespace {

constexpr std::size_t kMinKeyLength = 32;
constexpr mode_t kOwnerOnly = 0600;

core::Result<std::string> ReadKey(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string key;
  if (!in || !std::getline(in, key)) {
    return core::FailField("portal-key", "cannot read the key file " + path.string());
  }
  if (key.size() < kMinKeyLength) {
    return core::FailField("portal-key", "the key file " + path.string() + " holds fewer than " +
                                             std::to_string(kMinKeyLength) + " characters");
  }
  return key;
}

}  // namespace

core::Result<std::string> LoadOrCreateKeyFile(const std::filesystem::path& path) {
  std::error_code ignored;
  if (std::filesystem::exists(path, ignored)) return ReadKey(path);
  // Written whole to a file of this process's, then linked to its name, which fails if another
  // instance linked its own first: then that one is the key, and every instance reads the same.
  const std::filesystem::path mine = path.string() + ".new-" + std::to_string(::getpid());
  const int fd = ::open(mine.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) return core::FailField("portal-key", "cannot create the key file " + path.string());
  const std::string line = app::NewResidentCodeKey() + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  const bool linked = written && (::link(mine.c_str(), path.c_str()) == 0 || errno == EEXIST);
  std::filesystem::remove(mine, ignored);
  if (!linked) return core::FailField("portal-key", "cannot write the key file " + path.string());
  return ReadKey(path);
}

}  // namespace redress::portal
