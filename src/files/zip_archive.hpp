#pragma once

// app::ArchiveWriter with libzip: a ZIP in memory, the entries deflated in the order given, each
// dated the given day at 00:00 (a DOS timestamp, no extra fields), so the same files give the same
// bytes (the subject access bundle's hash is checkable).

#include <string>
#include <vector>

#include "app/subject_access_bundle.hpp"

namespace redress::files {

class ZipArchiveWriter final : public app::ArchiveWriter {
 public:
  core::Result<std::string> Write(const std::vector<app::ArchiveFile>& files,
                                  core::Date dated) override;
};

}  // namespace redress::files
