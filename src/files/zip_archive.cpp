#include "files/zip_archive.hpp"

#include <zip.h>

#include <ctime>
#include <memory>

namespace redress::files {
namespace {

core::Status Failed(std::string what, zip_error_t* error) {
  return core::Fail(core::ErrorCode::kInternal, what + ": " + zip_error_strerror(error));
}

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

// `dated` at 00:00 local time: libzip writes the DOS time of the local time of what it is given,
// so midnight local is written as 00:00 of that day whatever the process's zone.
time_t MidnightOf(core::Date dated) {
  std::tm day{};
  day.tm_year = dated.year() - 1900;
  day.tm_mon = static_cast<int>(dated.month()) - 1;
  day.tm_mday = static_cast<int>(dated.day());
  day.tm_isdst = -1;
  return std::mktime(&day);
}

}  // namespace

core::Result<std::string> ZipArchiveWriter::Write(const std::vector<app::ArchiveFile>& files,
                                                  core::Date dated) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return tl::unexpected(Failed("no ZIP buffer", &error).error());
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) return tl::unexpected(Failed("no ZIP archive", &error).error());
  // The archive owns the buffer until zip_close; kept alive past it to read the bytes.
  zip_source_keep(buffer.get());
  const time_t mtime = MidnightOf(dated);
  for (const app::ArchiveFile& file : files) {
    zip_source_t* source = zip_source_buffer(archive, file.bytes.data(), file.bytes.size(), 0);
    if (source == nullptr) {
      zip_discard(archive);
      return core::Fail(core::ErrorCode::kInternal, "no ZIP source for " + file.name);
    }
    const zip_int64_t index =
        zip_file_add(archive, file.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      return core::Fail(core::ErrorCode::kInternal,
                        "not added to the ZIP: " + file.name + ": " + why);
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), mtime, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    return core::Fail(core::ErrorCode::kInternal, "the ZIP was not written: " + why);
  }
  if (zip_source_open(buffer.get()) != 0) {
    return core::Fail(core::ErrorCode::kInternal, "the ZIP could not be read back");
  }
  std::string bytes;
  char chunk[65536];
  zip_int64_t got = 0;
  while ((got = zip_source_read(buffer.get(), chunk, sizeof chunk)) > 0) {
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  zip_source_close(buffer.get());
  if (got < 0) return core::Fail(core::ErrorCode::kInternal, "the ZIP could not be read back");
  return bytes;
}

}  // namespace redress::files
