#pragma once

// The VirusScanner port on ClamAV's daemon: the INSTREAM command over its local socket
// (clamd.conf LocalSocket). The file is sent in chunks, never whole in memory. "stream: OK" is
// clean; "... FOUND" is infected, and so is a refusal for size ("INSTREAM size limit exceeded"):
// a file clamd could not read whole is never passed as clean (configure AlertExceedsMax yes and
// StreamMaxLength at least Redress's own limit). A socket that cannot be reached or does not
// answer in time is kUnavailable.

#include <chrono>
#include <string>

#include "app/file_store.hpp"

namespace redress::files {

inline constexpr std::chrono::seconds kClamdTimeout{60};

class ClamdScanner final : public app::VirusScanner {
 public:
  explicit ClamdScanner(std::string socket_path, std::chrono::seconds timeout = kClamdTimeout)
      : socket_path_(std::move(socket_path)), timeout_(timeout) {}

  core::Result<app::ScanVerdict> Scan(app::ContentReader& content) override;

 private:
  std::string socket_path_;
  std::chrono::seconds timeout_;
};

}  // namespace redress::files
