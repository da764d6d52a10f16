#pragma once
// An attachment as both engines store it (issue 12): the columns a new one is written with, the
// select, and how a row is bound and read, as templates over an engine's binder (BindAll) and row
// reader (Int64, Text, OptionalText, Enumerator). Each engine runs the SQL itself.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "app/attachment_repository.hpp"
#include "storage/common/attachment_codec.hpp"

namespace redress::storage::common {

// A new attachment's columns; the removal columns stay null until it is removed.
inline constexpr std::array<std::string_view, 11> kAttachmentColumns = {
    "attached_to", "reference", "name",       "media_type", "size",    "sha256",
    "description", "supplier",  "scan_state", "added_by",   "added_at"};

// Read by ReadAttachment; callers append their WHERE.
inline constexpr std::string_view kAttachmentSelect =
    "SELECT id, attached_to, reference, name, media_type, size, sha256, description, supplier, "
    "scan_state, added_by, added_at, removed_by, removed_at, removal_reason FROM attachments";

// Binds kAttachmentColumns in order.
template <typename Binder>
void BindAttachment(Binder& b, const app::Attachment& attachment) {
  b.BindAll(core::ToString(attachment.attached_to), attachment.reference, attachment.name,
            attachment.media_type, attachment.size, attachment.sha256, attachment.description,
            SupplierName(attachment.supplier), core::ToString(attachment.scan_state),
            attachment.added_by, attachment.added_at);
}

// Reads kAttachmentSelect's columns; a removal is known by its time.
template <typename Reader>
app::Attachment ReadAttachment(Reader& row) {
  app::Attachment attachment;
  attachment.id = row.Int64();
  attachment.attached_to = row.Enumerator(&core::ParseAttachedTo);
  attachment.reference = row.Text();
  attachment.name = row.Text();
  attachment.media_type = row.Text();
  attachment.size = row.Int64();
  attachment.sha256 = row.Text();
  attachment.description = row.Text();
  attachment.supplier = row.Enumerator(&ParseSupplier);
  attachment.scan_state = row.Enumerator(&core::ParseScanState);
  attachment.added_by = row.Text();
  attachment.added_at = row.Text();
  std::optional<std::string> removed_by = row.OptionalText();
  std::optional<std::string> removed_at = row.OptionalText();
  std::optional<std::string> reason = row.OptionalText();
  if (removed_at) {
    attachment.removal =
        app::AttachmentRemoval{removed_by.value_or(""), *removed_at, reason.value_or("")};
  }
  return attachment;
}

}  // namespace redress::storage::common
