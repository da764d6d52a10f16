#pragma once

// The attachments aggregate: the record of each file attached to a case (complaint, service
// request, Ombudsman case, learning action) and the allow-list and limits an admin keeps. The
// file's content is not here but in the FileStore (app/file_store.hpp), named by its SHA-256.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.hpp"
#include "core/result.hpp"

namespace redress::app {

// An attachment removed from its case. The record stays (history is never lost); the content goes
// when no attachment that is not removed refers to it.
struct AttachmentRemoval {
  std::string removed_by;
  std::string removed_at;  // RFC 3339, UTC
  std::string reason;
  friend bool operator==(const AttachmentRemoval&, const AttachmentRemoval&) = default;
};

struct Attachment {
  std::int64_t id = 0;  // assigned by Insert
  core::AttachedTo attached_to = core::AttachedTo::kComplaint;
  std::string reference;   // the record it is attached to
  std::string name;        // core::SanitiseFileName's
  std::string media_type;  // detected from the content
  std::int64_t size = 0;
  std::string sha256;  // lower-case hex: the content's address in the FileStore
  std::string description;
  core::Supplier supplier = core::Supplier::kStaff;
  core::ScanState scan_state = core::ScanState::kNotScanned;
  std::string added_by;
  std::string added_at;  // RFC 3339, UTC
  std::optional<AttachmentRemoval> removal;
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;

  // Stores a new attachment and returns it with its id.
  virtual core::Result<Attachment> Insert(Attachment attachment) = 0;
  // The attachment `id` of the record (`attached_to`, `reference`), removed or not; kNotFound
  // when that record has no such attachment.
  virtual core::Result<Attachment> Find(core::AttachedTo attached_to, std::string_view reference,
                                        std::int64_t id) = 0;
  // The record's attachments that are not removed, oldest first.
  virtual core::Result<std::vector<Attachment>> ListOf(core::AttachedTo attached_to,
                                                       std::string_view reference) = 0;
  // The bytes of the record's attachments that are not removed: what its per-case limit counts.
  virtual core::Result<std::int64_t> BytesHeldBy(core::AttachedTo attached_to,
                                                 std::string_view reference) = 0;
  // Marks the attachment removed; kNotFound when absent, kConflict when removed already.
  virtual core::Status MarkRemoved(std::int64_t id, const AttachmentRemoval& removal) = 0;
  // Sets the scan state of every attachment of the content `sha256` (a file is scanned once,
  // however often it is attached).
  virtual core::Status SetScanState(std::string_view sha256, core::ScanState state) = 0;
  // How many attachments that are not removed refer to the content `sha256`.
  virtual core::Result<std::int64_t> CountReferring(std::string_view sha256) = 0;
  // Every content address some attachment that is not removed refers to: what the start-up sweep
  // of the FileStore keeps.
  virtual core::Result<std::vector<std::string>> ReferencedContent() = 0;

  // The allow-list and limits; the defaults until an admin saves some.
  virtual core::Result<core::AttachmentPolicy> LoadPolicy() = 0;
  // Replaces them. Precondition: core::ValidatePolicy holds.
  virtual core::Status SavePolicy(const core::AttachmentPolicy& policy) = 0;
};

}  // namespace redress::app
