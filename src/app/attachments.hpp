#pragma once

// Evidence attached to a case: adding files (typed by content, checked against the allow-list and
// the limits, scanned for viruses), listing them, serving them and removing them with a reason.
// Each add and removal is an event of the case the file is attached to (its timeline and the audit
// trail), with the file's SHA-256. Only those who see the case (app/visibility.hpp) see its files:
// anyone else gets kNotFound, as for a case that does not exist.
//
// The order of writing keeps the files and the records in step across a crash: the content is made
// durable under its address before the record that names it commits, so a record never names a
// missing file; a file no record names (a crash between the two, a removal's file not yet deleted)
// is removed by SweepOrphans at start-up. Removing content and committing content are serialised in
// one process, so a removal never deletes content an add has just committed to.

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachment_repository.hpp"
#include "app/file_store.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"

namespace redress::app {

// One file received for a case, with what its sender said about it.
struct ReceivedFile {
  std::string name;  // as sent; sanitised here
  std::unique_ptr<FileUpload> upload;
};

struct NewAttachments {
  core::AttachedTo attached_to = core::AttachedTo::kComplaint;
  std::string reference;
  std::string description;
  core::Supplier supplier = core::Supplier::kStaff;
  std::vector<ReceivedFile> files;
};

// An attachment ready to be served, with its content.
struct OpenedAttachment {
  Attachment attachment;
  std::unique_ptr<ContentReader> content;
};

// What a case may still take: read before an upload is streamed, so the transport can stop one
// that outgrows it while it arrives.
struct UploadAllowance {
  core::AttachmentPolicy policy;
  std::int64_t case_bytes = 0;  // held by the case already
};

// What the attachment use cases need. `scanner` may be null: no scanner is configured, and files
// are not_scanned. `content_mutex` is the process's one lock over its file store's content: adds
// hold it shared from committing content to committing its record; a removal and the sweep hold
// it exclusively from marking the record removed to deleting the content (see above). Every member
// must outlive the calls.
struct AttachmentContext {
  Store& store;
  FileStore& files;
  const MediaTypeDetector& detector;
  VirusScanner* scanner;
  const Clock& clock;
  std::shared_mutex& content_mutex;
};

// kNotFound unless the record exists, is of the kind `attached_to` and the actor sees it;
// otherwise the policy and what the case holds.
Result<UploadAllowance> UploadAllowanceOf(const AttachmentContext& context, const Actor& actor,
                                          core::AttachedTo attached_to, std::string_view reference);

// Each file's problems with `policy` (core::CheckOfferedFile on the type its content has), judged
// in order with the bytes of those before it added to `case_bytes`: what AddAttachments refuses,
// for an adapter that must know before the case exists (the portal's complaint with evidence).
struct RefusedFile {
  std::string name;        // sanitised (core::SanitiseFileName)
  core::FieldError error;  // on the field "file"
};
struct JudgedFiles {
  std::vector<RefusedFile> refused;      // empty: every file may be kept
  std::vector<std::string> media_types;  // of each file, in order
};
Result<JudgedFiles> JudgeReceivedFiles(const MediaTypeDetector& detector,
                                       const core::AttachmentPolicy& policy,
                                       std::int64_t case_bytes,
                                       const std::vector<ReceivedFile>& files);

// Adds every file, all or none: each is typed by its content, checked (core::CheckOfferedFile;
// field "file"), made durable, scanned, recorded and put on the case's timeline. kInvalidInput
// naming every offending field when any is refused (nothing is then kept); at least one file.
// The uploads were started on context.files (the transport streams them as they arrive).
Result<std::vector<Attachment>> AddAttachments(const AttachmentContext& context, const Actor& actor,
                                               NewAttachments request);

// The case's attachments that are not removed, oldest first.
Result<std::vector<Attachment>> ListAttachments(const AttachmentContext& context,
                                                const Actor& actor, core::AttachedTo attached_to,
                                                std::string_view reference);

// The attachment with its content, for serving. kNotFound when it (or its case) is hidden,
// absent or removed; kConflict when it is infected (quarantined: never served); a pending one
// is scanned first, and kUnavailable when the scanner still does not answer.
Result<OpenedAttachment> OpenAttachment(const AttachmentContext& context, const Actor& actor,
                                        core::AttachedTo attached_to, std::string_view reference,
                                        std::int64_t id);

// Removes the attachment with a reason (core::CheckRemovalReason), an event of the case; the
// content goes when nothing else refers to it. kNotFound when hidden, absent or removed.
Status RemoveAttachment(const AttachmentContext& context, const Actor& actor,
                        core::AttachedTo attached_to, std::string_view reference, std::int64_t id,
                        const std::string& reason);

Result<core::AttachmentPolicy> GetAttachmentPolicy(const AttachmentContext& context);
// Replaces the allow-list and limits (core::ValidatePolicy), an event of the configuration.
Result<core::AttachmentPolicy> SaveAttachmentPolicy(const AttachmentContext& context,
                                                    const Actor& actor,
                                                    const core::AttachmentPolicy& policy);

// Removes unfinished uploads and content no attachment refers to; run at start-up. Returns how
// many files went.
Result<std::int64_t> SweepOrphanFiles(const AttachmentContext& context);

// The reference kind each attachable record has, for checking a route's reference.
EntityType EntityTypeOf(core::AttachedTo attached_to);

}  // namespace redress::app
