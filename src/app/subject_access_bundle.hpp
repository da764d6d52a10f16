#pragma once

// The subject access bundle (issue 20, docs/data-protection.md): everything Redress holds about
// the person a subject access request is about, the items staff withheld from it, and the export
// as one ZIP.
//
// What is held: the complaints whose complainant is the person (the requester's e-mail, phone and
// postcode with the subject's name, or the requester's when they ask about themselves, matched by
// core/person_search.hpp's rule through ComplaintRepository::ListByPerson, restricted ones
// included: the council answers for all of them), each with its events, its notes, its letters as
// sent, its attachments and the service request it came from. Staff withhold third-party
// information item by item (core/subject_access_bundle.hpp's names), each mark stored with its
// reason and an event subject_access_item_withheld on the request.
//
// The bundle: summary.pdf (a readable summary drawn by the letters' renderer, with the Article 15
// information and the list of what was withheld), records.json, article-15.txt, the letters as
// sent (letters/…pdf), the attachments whose scan allows serving them (attachments/…), and
// manifest.json naming every other file with its size and SHA-256, every withheld item with its
// reason, and every attachment left out because its scan has not passed. The same holdings give
// the same bytes: the files are in a fixed order, and the PDF's date and the ZIP's timestamps are
// the request's receipt date, never the clock. Each export appends an event
// subject_access_exported on the request (who, and the bundle's SHA-256); when is the event's.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachment_repository.hpp"
#include "app/file_store.hpp"
#include "app/letter_repository.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/subject_access_bundle.hpp"

namespace redress::app {

struct HeldComplaint {
  core::Complaint complaint;
  std::optional<core::ServiceRequest> service_request;  // the one it came from, if any
  std::vector<StoredEvent> events;
  std::vector<CaseNote> notes;
  std::vector<IssuedLetter> letters;
  std::vector<Attachment> attachments;  // not removed
};

struct SubjectAccessHoldings {
  core::SubjectAccessRequest request;
  core::Person person;                    // who was searched for
  std::vector<HeldComplaint> complaints;  // most recent first
  std::vector<Withholding> withheld;      // oldest first
};

// kNotFound for an unknown reference. One snapshot.
Result<SubjectAccessHoldings> ReadSubjectAccessHoldings(Store& store, std::string_view reference);

// Marks `item` (core::ItemName) withheld with `reason`. kInvalidInput naming every offending field
// (core::CheckWithholding; "item" kUnknownReference when the request's holdings have no such
// item); kConflict when the item is withheld already; kNotFound for an unknown reference.
Result<Withholding> WithholdSubjectAccessItem(Store& store, const Clock& clock, const Actor& actor,
                                              std::string_view reference, const std::string& item,
                                              const std::string& reason);

// A file of an archive, by its path inside it.
struct ArchiveFile {
  std::string name;
  std::string bytes;
};
// Writes files into one archive, in the order given, every entry dated `dated` (00:00 UTC).
class ArchiveWriter {
 public:
  virtual ~ArchiveWriter() = default;
  virtual Result<std::string> Write(const std::vector<ArchiveFile>& files, core::Date dated) = 0;
};

struct SubjectAccessBundle {
  std::string file_name;  // "SAR-2025-000001.zip"
  std::string bytes;
  std::string sha256;  // hex, of `bytes`
};

// The files of the bundle, manifest.json last, from `holdings`, reading the attachments' content
// from `files`. Deterministic.
Result<std::vector<ArchiveFile>> BundleFiles(const SubjectAccessHoldings& holdings,
                                             const Organisation& organisation, FileStore& files);

// Reads the holdings, writes the bundle with `archive` and records the export. kNotFound for an
// unknown reference.
Result<SubjectAccessBundle> ExportSubjectAccessBundle(Store& store, FileStore& files,
                                                      const Clock& clock, const Actor& actor,
                                                      std::string_view reference,
                                                      ArchiveWriter& archive);

}  // namespace redress::app
