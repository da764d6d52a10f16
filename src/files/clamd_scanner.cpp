#include "files/clamd_scanner.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

namespace redress::files {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kMaxReplyBytes = 4096;
// The command, NUL-terminated ('z' prefix): clamd answers with a NUL-terminated line too.
constexpr std::string_view kInstream{"zINSTREAM\0", 10};

core::Error Unavailable(const std::string& socket_path, std::string_view what) {
  return core::Error{
      core::ErrorCode::kUnavailable,
      "the virus scanner at " + socket_path + " " + std::string(what) + ": " + std::strerror(errno),
      {}};
}

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

  bool SendAll(const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t sent = ::send(fd_, data, size, MSG_NOSIGNAL);
      if (sent < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      data += sent;
      size -= static_cast<std::size_t>(sent);
    }
    return true;
  }

 private:
  int fd_;
};

}  // namespace

core::Result<app::ScanVerdict> ClamdScanner::Scan(app::ContentReader& content) {
  Socket socket(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (socket.fd() < 0) return tl::unexpected(Unavailable(socket_path_, "has no socket"));
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(timeout_.count());
  ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  ::setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path_.size() >= sizeof(address.sun_path)) {
    errno = ENAMETOOLONG;
    return tl::unexpected(Unavailable(socket_path_, "cannot be named"));
  }
  std::memcpy(address.sun_path, socket_path_.c_str(), socket_path_.size() + 1);
  if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    return tl::unexpected(Unavailable(socket_path_, "cannot be reached"));
  }
  if (!socket.SendAll(kInstream.data(), kInstream.size())) {
    return tl::unexpected(Unavailable(socket_path_, "refused the command"));
  }
  // Each chunk is its length (4 bytes, network order) then its bytes; a zero length ends it.
  std::vector<char> chunk(sizeof(std::uint32_t) + kChunkBytes);
  std::int64_t offset = 0;
  bool refused_early = false;
  for (;;) {
    auto read =
        content.Read(offset, std::span<char>(chunk.data() + sizeof(std::uint32_t), kChunkBytes));
    if (!read) return tl::unexpected(read.error());
    const std::uint32_t length = htonl(static_cast<std::uint32_t>(*read));
    std::memcpy(chunk.data(), &length, sizeof(length));
    if (!socket.SendAll(chunk.data(), sizeof(length) + *read)) {
      // clamd closes the stream once it passes StreamMaxLength; its reply says so.
      refused_early = true;
      break;
    }
    if (*read == 0) break;
    offset += static_cast<std::int64_t>(*read);
  }
  std::string reply;
  std::array<char, kMaxReplyBytes> buffer{};
  while (reply.size() < kMaxReplyBytes) {
    const ssize_t received = ::recv(socket.fd(), buffer.data(), buffer.size(), 0);
    if (received < 0 && errno == EINTR) continue;
    if (received <= 0) break;
    reply.append(buffer.data(), static_cast<std::size_t>(received));
    if (reply.find('\0') != std::string::npos) break;
  }
  if (const std::size_t end = reply.find('\0'); end != std::string::npos) reply.resize(end);
  if (reply.empty()) {
    return tl::unexpected(
        Unavailable(socket_path_, refused_early ? "closed the stream" : "did not answer"));
  }
  constexpr std::string_view kFound = " FOUND";
  if (reply.size() >= kFound.size() && reply.ends_with(kFound)) return app::ScanVerdict::kInfected;
  if (reply.find("size limit exceeded") != std::string::npos) return app::ScanVerdict::kInfected;
  if (reply.ends_with(": OK")) return app::ScanVerdict::kClean;
  errno = EPROTO;
  return tl::unexpected(Unavailable(socket_path_, "answered '" + reply + "'"));
}

}  // namespace redress::files
