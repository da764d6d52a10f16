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

class AttachmentService {
 public:
  // `scanner` may be null: no scanner is configured, and files are not_scanned. Every argument
  // must outlive the service.
  AttachmentService(Store& store, FileStore& files, const MediaTypeDetector& detector,
                    VirusScanner* scanner, const Clock& clock);

  // kNotFound unless the record exists, is of the kind `attached_to` and the actor sees it;
  // otherwise the policy and what the case holds.
  Result<UploadAllowance> Allowance(const Actor& actor, core::AttachedTo attached_to,
                                    std::string_view reference);

  // Adds every file, all or none: each is typed by its content, checked (core::CheckOfferedFile;
  // field "file"), made durable, scanned, recorded and put on the case's timeline. kInvalidInput
  // naming every offending field when any is refused (nothing is then kept); at least one file.
  Result<std::vector<Attachment>> Add(const Actor& actor, NewAttachments request);

  // The case's attachments that are not removed, oldest first.
  Result<std::vector<Attachment>> List(const Actor& actor, core::AttachedTo attached_to,
                                       std::string_view reference);

  // The attachment with its content, for serving. kNotFound when it (or its case) is hidden,
  // absent or removed; kConflict when it is infected (quarantined: never served); a pending one
  // is scanned first, and kUnavailable when the scanner still does not answer.
  Result<OpenedAttachment> Open(const Actor& actor, core::AttachedTo attached_to,
                                std::string_view reference, std::int64_t id);

  // Removes the attachment with a reason (core::CheckRemovalReason), an event of the case; the
  // content goes when nothing else refers to it. kNotFound when hidden, absent or removed.
  Status Remove(const Actor& actor, core::AttachedTo attached_to, std::string_view reference,
                std::int64_t id, const std::string& reason);

  Result<core::AttachmentPolicy> Policy();
  // Replaces the allow-list and limits (core::ValidatePolicy), an event of the configuration.
  Result<core::AttachmentPolicy> SavePolicy(const Actor& actor,
                                            const core::AttachmentPolicy& policy);

  // Removes unfinished uploads and content no attachment refers to; run at start-up. Returns how
  // many files went.
  Result<std::int64_t> SweepOrphans();

  // Where uploads are written as they arrive (the transport starts them; Add commits them).
  FileStore& files() { return files_; }

 private:
  Result<core::ScanState> ScanContent(std::string_view sha256);

  Store& store_;
  FileStore& files_;
  const MediaTypeDetector& detector_;
  VirusScanner* scanner_;
  const Clock& clock_;
  // Adds hold it shared from committing content to committing its record; a removal holds it
  // exclusively from marking the record removed to deleting the content (see above).
  std::shared_mutex content_mutex_;
};

// The reference kind each attachable record has, for checking a route's reference.
EntityType EntityTypeOf(core::AttachedTo attached_to);

}  // namespace redress::app
