#include "storage/postgres/postgres_store.hpp"

#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "storage/common/audit_checkpoint.hpp"
#include "storage/postgres/account_repository.hpp"
#include "storage/postgres/annual_submission_repository.hpp"
#include "storage/postgres/attachment_repository.hpp"
#include "storage/postgres/audit_log.hpp"
#include "storage/postgres/case_note_repository.hpp"
#include "storage/postgres/complaint_repository.hpp"
#include "storage/postgres/event_repository.hpp"
#include "storage/postgres/identity_repository.hpp"
#include "storage/postgres/learning_repository.hpp"
#include "storage/postgres/legacy_reference_repository.hpp"
#include "storage/postgres/letter_repository.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/ombudsman_repository.hpp"
#include "storage/postgres/organisation_repository.hpp"
#include "storage/postgres/reminder_repository.hpp"
#include "storage/postgres/report_repository.hpp"
#include "storage/postgres/resident_access_repository.hpp"
#include "storage/postgres/retention_repository.hpp"
#include "storage/postgres/saved_view_repository.hpp"
#include "storage/postgres/service_request_repository.hpp"
#include "storage/postgres/session_repository.hpp"
#include "storage/postgres/subject_access_repository.hpp"

namespace redress::storage::postgres {

namespace {

constexpr std::string_view kWriteMode = "ISOLATION LEVEL READ COMMITTED";
constexpr std::string_view kReadMode = "ISOLATION LEVEL REPEATABLE READ READ ONLY";
// The first pause before a retried Write; doubled at each attempt, so that the writers that
// collided do not collide again in step.
constexpr std::chrono::milliseconds kFirstRetryPause{5};

// One transaction's repositories, all on its connection.
class PostgresTx final : public app::Tx {
 public:
  PostgresTx(Connection& connection, const app::Clock& clock)
      : events_(connection, clock),
        complaints_(connection, events_),
        case_notes_(connection),
        service_requests_(connection, events_),
        organisation_(connection),
        accounts_(connection),
        sessions_(connection),
        ombudsman_(connection),
        learning_(connection),
        attachments_(connection),
        letters_(connection),
        letter_templates_(connection),
        outbox_(connection),
        contact_preferences_(connection),
        reports_(connection),
        resident_access_(connection),
        legacy_references_(connection),
        annual_submissions_(connection),
        identity_(connection),
        reminders_(connection),
        subject_access_(connection),
        letter_printings_(connection),
        saved_views_(connection),
        retention_(connection) {}

  app::ComplaintRepository& Complaints() override { return complaints_; }
  app::ServiceRequestRepository& ServiceRequests() override { return service_requests_; }
  app::CaseNoteRepository& CaseNotes() override { return case_notes_; }
  app::EventRepository& Events() override { return events_; }
  app::OrganisationRepository& Organisation() override { return organisation_; }
  app::AccountRepository& Accounts() override { return accounts_; }
  app::SessionRepository& Sessions() override { return sessions_; }
  app::OmbudsmanRepository& Ombudsman() override { return ombudsman_; }
  app::LearningRepository& Learning() override { return learning_; }
  app::AnnualSubmissionRepository& AnnualSubmissions() override { return annual_submissions_; }
  app::AttachmentRepository& Attachments() override { return attachments_; }
  app::LetterRepository& Letters() override { return letters_; }
  app::LetterTemplateRepository& LetterTemplates() override { return letter_templates_; }
  app::OutboxRepository& Outbox() override { return outbox_; }
  app::ContactPreferencesRepository& ContactPreferences() override { return contact_preferences_; }
  app::IdentityRepository& Identity() override { return identity_; }
  app::ReportRepository& Reports() override { return reports_; }
  app::ReminderRepository& Reminders() override { return reminders_; }
  app::ResidentAccessRepository& ResidentAccess() override { return resident_access_; }
  app::LegacyReferenceRepository& LegacyReferences() override { return legacy_references_; }
  app::SubjectAccessRepository& SubjectAccess() override { return subject_access_; }
  app::LetterPrintingRepository& LetterPrintings() override { return letter_printings_; }
  app::SavedViewRepository& SavedViews() override { return saved_views_; }
  app::RetentionRepository& Retention() override { return retention_; }

 private:
  // Declared before complaints_, which appends its events through it.
  PostgresEventRepository events_;
  PostgresComplaintRepository complaints_;
  PostgresCaseNoteRepository case_notes_;
  PostgresServiceRequestRepository service_requests_;
  PostgresOrganisationRepository organisation_;
  PostgresAccountRepository accounts_;
  PostgresSessionRepository sessions_;
  PostgresOmbudsmanRepository ombudsman_;
  PostgresLearningRepository learning_;
  PostgresAttachmentRepository attachments_;
  PostgresLetterRepository letters_;
  PostgresLetterTemplateRepository letter_templates_;
  PostgresOutboxRepository outbox_;
  PostgresContactPreferencesRepository contact_preferences_;
  PostgresReportRepository reports_;
  PostgresResidentAccessRepository resident_access_;
  PostgresLegacyReferenceRepository legacy_references_;
  PostgresAnnualSubmissionRepository annual_submissions_;
  PostgresIdentityRepository identity_;
  PostgresReminderRepository reminders_;
  PostgresSubjectAccessRepository subject_access_;
  PostgresLetterPrintingRepository letter_printings_;
  PostgresSavedViewRepository saved_views_;
  PostgresRetentionRepository retention_;
};

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(
    const std::string& url, const app::Clock& clock, PostgresOptions options,
    std::optional<PostgresAuditAnchor> audit_anchor) {
  Result<std::unique_ptr<Connection>> connection = Connection::Open(url);
  if (!connection) return Unexpected(connection.error());
  Result<int> version = Migrate(**connection, clock, options.open_mode);
  if (!version) return Unexpected(version.error());
  std::unique_ptr<PostgresStore> store(
      new PostgresStore(url, clock, options, std::move(audit_anchor), *version));
  if (store->audit_anchor_ && !store->audit_anchor_->read_only) {
    PostgresStore* raw = store.get();
    Result<std::unique_ptr<common::Checkpointer>> checkpointer = common::Checkpointer::Start(
        store->audit_anchor_->checkpointer, [raw] { return raw->ReadChainHead(); }, clock);
    if (!checkpointer) return Unexpected(checkpointer.error());
    store->checkpointer_ = std::move(*checkpointer);
  }
  return store;
}

PostgresStore::PostgresStore(std::string url, const app::Clock& clock, PostgresOptions options,
                             std::optional<PostgresAuditAnchor> audit_anchor, int schema_version)
    : clock_(clock),
      audit_anchor_(std::move(audit_anchor)),
      schema_version_(schema_version),
      pool_(std::move(url), options.max_connections) {}

PostgresStore::~PostgresStore() = default;

Status PostgresStore::RunTransaction(std::string_view mode, bool& retryable,
                                     const std::function<Status(Connection&)>& work) {
  retryable = false;
  Result<ConnectionPool::Lease> lease = pool_.Acquire();
  if (!lease) return Unexpected(lease.error());
  Connection& connection = **lease;
  if (Status begun = connection.Begin(mode); !begun) return begun;
  Status result;
  try {
    result = work(connection);
  } catch (const std::exception& exception) {
    result = Fail(ErrorCode::kStorage, std::string("unit of work failed: ") + exception.what());
  } catch (...) {
    result = Fail(ErrorCode::kStorage, "unit of work failed");
  }
  if (result) result = connection.Commit();
  if (!result) {
    retryable = IsRetryable(connection.failed_sqlstate());
    connection.Rollback();
  }
  return result;
}

Status PostgresStore::Write(const std::function<Status(app::Tx&)>& work) {
  std::chrono::milliseconds pause = kFirstRetryPause;
  for (int attempt = 1;; ++attempt) {
    bool retryable = false;
    Status result = RunTransaction(kWriteMode, retryable, [&](Connection& connection) {
      PostgresTx tx(connection, clock_);
      return work(tx);
    });
    if (result || !retryable || attempt == kMaxWriteAttempts) return result;
    std::this_thread::sleep_for(pause);
    pause *= 2;
  }
}

Status PostgresStore::Read(const std::function<Status(app::Tx&)>& work) {
  bool retryable = false;
  return RunTransaction(kReadMode, retryable, [&](Connection& connection) {
    PostgresTx tx(connection, clock_);
    return work(tx);
  });
}

Result<app::AuditReport> PostgresStore::VerifyAudit() {
  const common::AnchorPaths* paths = audit_anchor_ ? &audit_anchor_->checkpointer.paths : nullptr;
  return common::VerifyAnchoredChain(
      paths, [&](std::vector<common::Checkpoint> checkpoints) -> Result<app::AuditReport> {
        std::optional<app::AuditReport> verification;
        bool retryable = false;
        Status checked =
            RunTransaction(kReadMode, retryable, [&](Connection& connection) -> Status {
              Result<app::AuditReport> report = VerifyChain(connection, std::move(checkpoints));
              if (!report) return Unexpected(report.error());
              verification = std::move(*report);
              return {};
            });
        if (!checked) return Unexpected(checked.error());
        return std::move(*verification);
      });
}

Status PostgresStore::CheckWritable() {
  bool retryable = false;
  return RunTransaction(kWriteMode, retryable, [this](Connection& connection) {
    return connection.Run(
        "INSERT INTO readiness_probe (id, probed_at) VALUES (1, $1) "
        "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at",
        Params().Bind(clock_.NowRfc3339()));
  });
}

Status PostgresStore::PurgeErasedTraces() {
  Result<ConnectionPool::Lease> lease = pool_.Acquire();
  if (!lease) return Unexpected(lease.error());
  // The tables whose rows hold personal data that disposal and redaction erase or delete.
  static constexpr std::string_view kPersonalTables =
      "events, complaints, complaint_notes, complaint_contact_preferences, "
      "stage_earlier_responses, service_requests, letters, attachments, outbox, "
      "subject_access_requests, subject_access_withholdings, letter_printings, "
      "ombudsman_cases, legacy_references";
  // VACUUM refuses to run in a transaction block: this runs on its own, as one statement.
  return (*lease)->Run("VACUUM " + std::string(kPersonalTables));
}

Result<common::ChainHead> PostgresStore::ReadChainHead() {
  common::ChainHead head;
  bool retryable = false;
  Status read = RunTransaction(kReadMode, retryable, [&head](Connection& connection) -> Status {
    Result<common::ChainHead> row = postgres::ReadChainHead(connection);
    if (!row) return Unexpected(row.error());
    head = std::move(*row);
    return {};
  });
  if (!read) return Unexpected(read.error());
  return head;
}

}  // namespace redress::storage::postgres
