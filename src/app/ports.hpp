#pragma once

// The ports of the application: what a use case needs from the outside world. The storage
// adapters (src/storage/sqlite, src/storage/postgres) implement Store, Tx and the repositories
// Tx hands out (one interface per aggregate, each in its own header
// app/<aggregate>_repository.hpp); the composition root (src/main) wires them in. Nothing here
// knows an engine or a SQL dialect.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/account_repository.hpp"
#include "app/annual_submission_repository.hpp"
#include "app/attachment_repository.hpp"
#include "app/case_note_repository.hpp"
#include "app/complaint_repository.hpp"
#include "app/contact_preferences_repository.hpp"
#include "app/event_repository.hpp"
#include "app/identity_repository.hpp"
#include "app/learning_repository.hpp"
#include "app/legacy_reference_repository.hpp"
#include "app/letter_printing_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/letter_template_repository.hpp"
#include "app/ombudsman_repository.hpp"
#include "app/organisation_repository.hpp"
#include "app/outbox_repository.hpp"
#include "app/records.hpp"
#include "app/reminder_repository.hpp"
#include "app/report_repository.hpp"
#include "app/resident_access_repository.hpp"
#include "app/retention_repository.hpp"
#include "app/saved_view_repository.hpp"
#include "app/service_request_repository.hpp"
#include "app/session_repository.hpp"
#include "app/subject_access_repository.hpp"
#include "core/event.hpp"
#include "core/result.hpp"

namespace redress::app {

using core::Result;
using core::Status;

// Wall clock: "today" for the use cases and timestamps for the audit trail. Injected so tests and
// the demo can fix it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual core::Date Today() const = 0;
  virtual std::string NowRfc3339() const = 0;  // UTC, e.g. "2024-12-20T09:30:00.123Z"
  // The same instant as whole seconds since 1970-01-01T00:00:00Z: sessions expire and sign-in
  // delays end by it.
  virtual std::int64_t NowUnixSeconds() const = 0;
};

// The result of checking the audit trail (the hash-chained event log).
struct AuditReport {
  bool intact = true;
  std::int64_t records = 0;  // records checked before the first problem (all of them when intact)
  // The first record that was altered or removed (a missing sequence number is a removal).
  std::optional<std::int64_t> first_bad_sequence;
  std::string problem;  // one sentence when not intact, e.g. "record 12 was altered"
  // The anchoring outside the database: signed checkpoints of the chain's head.
  std::int64_t checkpoints = 0;                  // checkpoints read, each signature verified
  std::optional<std::int64_t> anchored_through;  // the latest checkpoint's sequence
  std::string anchored_at;                       // and when it was taken
  // Records after the latest checkpoint (all of them without one): present, chained, but not
  // yet anchored, as after a server stopped by SIGKILL.
  std::int64_t unanchored = 0;
  // Records whose content (summary and changes) was erased under the retention schedule or a
  // redaction (EventRepository::EraseContent): version 2 records, still chained over their
  // content's digest, and legacy ones from before chain version 2, accepted because linked
  // (docs/audit-trail.md, "Erasable content").
  std::int64_t erased = 0;
  std::int64_t erased_legacy = 0;
  std::string warning;  // checks that could not run, and why; "" when every check ran
};

// One transaction: the repositories of every aggregate, all on the same transaction. A use case
// asks for the repositories it needs (tx.Complaints().Load(reference)) and its helpers take just
// those interfaces. Every method of a repository either succeeds or returns an error and leaves
// the transaction usable only for rollback (the Store does that when the work returns an error).
// The references returned live as long as the transaction.
class Tx {
 public:
  virtual ~Tx() = default;

  virtual ComplaintRepository& Complaints() = 0;
  virtual ServiceRequestRepository& ServiceRequests() = 0;
  virtual CaseNoteRepository& CaseNotes() = 0;
  virtual EventRepository& Events() = 0;
  virtual OrganisationRepository& Organisation() = 0;
  virtual AccountRepository& Accounts() = 0;
  virtual SessionRepository& Sessions() = 0;
  virtual OmbudsmanRepository& Ombudsman() = 0;
  virtual LearningRepository& Learning() = 0;
  virtual ReportRepository& Reports() = 0;

  // Files attached to cases and the allow-list (app/attachment_repository.hpp).
  virtual AttachmentRepository& Attachments() = 0;
  // Correspondence (issue 15): letters as issued, their templates, the email outbox.
  virtual LetterRepository& Letters() = 0;
  virtual LetterTemplateRepository& LetterTemplates() = 0;
  virtual OutboxRepository& Outbox() = 0;
  virtual ContactPreferencesRepository& ContactPreferences() = 0;
  // Sign-in with the organisation's OpenID Connect provider (issue 21).
  virtual IdentityRepository& Identity() = 0;
  // Staff reminder digests (app/reminder_repository.hpp).
  virtual ReminderRepository& Reminders() = 0;
  // The Housing Ombudsman's annual submission per financial year (issue 19).
  virtual AnnualSubmissionRepository& AnnualSubmissions() = 0;
  // The public service's form sessions and one-time codes (app/resident_access_repository.hpp).
  virtual ResidentAccessRepository& ResidentAccess() = 0;
  // The legacy systems' references of imported cases (app/legacy_reference_repository.hpp).
  virtual LegacyReferenceRepository& LegacyReferences() = 0;
  // Subject access requests (issue 20, app/subject_access_repository.hpp).
  virtual SubjectAccessRepository& SubjectAccess() = 0;
  // The post room's printings of posted letters (app/letter_printing_repository.hpp).
  virtual LetterPrintingRepository& LetterPrintings() = 0;
  // Named views of the case list per user (app/saved_view_repository.hpp, issue 18).
  virtual SavedViewRepository& SavedViews() = 0;
  // Retention periods, holds, disposal runs and disposal (app/retention_repository.hpp, issue 20).
  virtual RetentionRepository& Retention() = 0;

  // Transitional: the same as Events().Append, kept only so that branches written against the
  // former Tx (which had AppendEvent) merge without edits. New code calls Events().Append.
  Status AppendEvent(EntityType type, std::string_view entity_ref, const core::CaseEvent& event) {
    return Events().Append(type, entity_ref, event);
  }
};

// Whether opening a store may create its database. Only `redress init` and `redress demo` make
// one; every other command, `serve` first, needs a database that exists and holds a schema, so
// that a mistyped path is an error rather than an empty council served as if it were ready.
enum class OpenMode { kCreate, kExisting };

// A database. Write runs `work` atomically and commits it durably (the data is on disk when
// Write returns success); if `work` returns an error, or throws, nothing of it is kept and the
// error is returned. Concurrent Writes may share one commit (group commit): each still succeeds
// or fails on its own, sees the effects of every Write ordered before it, and is isolated from
// the others' failures. Read runs `work` on a consistent snapshot. Both are safe to call from
// several threads; `work` may run on another thread than the caller's.
class Store {
 public:
  virtual ~Store() = default;
  virtual Status Write(const std::function<Status(Tx&)>& work) = 0;
  virtual Status Read(const std::function<Status(Tx&)>& work) = 0;
  // Re-computes the audit trail's hash chain on a consistent snapshot. A broken chain is a
  // report (intact = false), not an error; errors are for a database that cannot be read.
  virtual Result<AuditReport> VerifyAudit() = 0;
  // Succeeds only when a change could be saved now (readiness). Adapters that can write a real
  // probe override this; the default proves only that a write transaction can be run.
  virtual Status CheckWritable() {
    return Write([](Tx&) -> Status { return {}; });
  }
  // Removes what the database keeps of data already erased or deleted, after a disposal or
  // redaction run: erased text stays readable in free pages, write-ahead logs and search indexes
  // until the engine rewrites them. SQLite: brings the full-text index up to date and rewrites
  // it, forgets the words it no longer holds, and checkpoints and truncates the WAL (its
  // connections run with secure_delete, which zeroes freed pages). PostgreSQL: VACUUMs the tables
  // of personal data. Slow on a large database; run it after the erasures, not per erasure. A
  // store that cannot fails (kStorage) rather than pretending.
  virtual Status PurgeErasedTraces() {
    return core::Fail(core::ErrorCode::kStorage, "this store cannot purge erased data");
  }
};

}  // namespace redress::app
