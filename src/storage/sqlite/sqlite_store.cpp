#include "storage/sqlite/sqlite_store.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>

#include "storage/common/audit_chain.hpp"
#include "storage/sqlite/account_repository.hpp"
#include "storage/sqlite/annual_submission_repository.hpp"
#include "storage/sqlite/attachment_repository.hpp"
#include "storage/sqlite/case_note_repository.hpp"
#include "storage/sqlite/complaint_list.hpp"
#include "storage/sqlite/complaint_repository.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/database_file.hpp"
#include "storage/sqlite/event_repository.hpp"
#include "storage/sqlite/identity_repository.hpp"
#include "storage/sqlite/learning_repository.hpp"
#include "storage/sqlite/legacy_reference_repository.hpp"
#include "storage/sqlite/letter_repository.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/ombudsman_repository.hpp"
#include "storage/sqlite/organisation_repository.hpp"
#include "storage/sqlite/reminder_repository.hpp"
#include "storage/sqlite/report_repository.hpp"
#include "storage/sqlite/resident_access_repository.hpp"
#include "storage/sqlite/retention_repository.hpp"
#include "storage/sqlite/saved_view_repository.hpp"
#include "storage/sqlite/search_functions.hpp"
#include "storage/sqlite/service_request_repository.hpp"
#include "storage/sqlite/session_repository.hpp"
#include "storage/sqlite/subject_access_repository.hpp"

namespace redress::storage::sqlite {
namespace {

// Read connections kept open between Reads; more are opened under load and closed afterwards.
// As many as the API runs handlers at once (http::kDefaultHandlerThreads), so that under load a
// Read finds a connection open: opening one parses the whole schema and prepares every statement
// anew. With 8 kept, GETs at 32 connections did about 30% fewer per second. Each idle connection
// holds at most its page cache (SQLite's default, 2 MB).
constexpr std::size_t kMaxIdleReaders = 64;

// The Tx handed to the work of Read and Write: every repository, on the one connection of the
// transaction. The event repository comes first, as the complaints' and service requests' append
// to it.
class SqliteTx final : public app::Tx {
 public:
  SqliteTx(Connection& connection, const app::Clock& clock)
      : events_(connection, clock),
        complaints_(connection, events_),
        service_requests_(connection, events_),
        case_notes_(connection),
        organisation_(connection),
        accounts_(connection),
        sessions_(connection),
        ombudsman_(connection),
        learning_(connection),
        annual_submissions_(connection),
        reports_(connection),
        attachments_(connection),
        letters_(connection),
        letter_templates_(connection),
        outbox_(connection),
        contact_preferences_(connection),
        identity_(connection),
        reminders_(connection),
        resident_access_(connection),
        legacy_references_(connection),
        subject_access_(connection),
        letter_printings_(connection),
        saved_views_(connection),
        retention_(connection) {}

  app::AttachmentRepository& Attachments() override { return attachments_; }
  app::LetterRepository& Letters() override { return letters_; }
  app::LetterTemplateRepository& LetterTemplates() override { return letter_templates_; }
  app::OutboxRepository& Outbox() override { return outbox_; }
  app::ContactPreferencesRepository& ContactPreferences() override { return contact_preferences_; }
  app::IdentityRepository& Identity() override { return identity_; }
  app::ReminderRepository& Reminders() override { return reminders_; }
  app::ResidentAccessRepository& ResidentAccess() override { return resident_access_; }
  app::LegacyReferenceRepository& LegacyReferences() override { return legacy_references_; }
  app::SubjectAccessRepository& SubjectAccess() override { return subject_access_; }
  app::LetterPrintingRepository& LetterPrintings() override { return letter_printings_; }
  app::SavedViewRepository& SavedViews() override { return saved_views_; }
  app::RetentionRepository& Retention() override { return retention_; }

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
  app::ReportRepository& Reports() override { return reports_; }

 private:
  SqliteEventRepository events_;
  SqliteComplaintRepository complaints_;
  SqliteServiceRequestRepository service_requests_;
  SqliteCaseNoteRepository case_notes_;
  SqliteOrganisationRepository organisation_;
  SqliteAccountRepository accounts_;
  SqliteSessionRepository sessions_;
  SqliteOmbudsmanRepository ombudsman_;
  SqliteLearningRepository learning_;
  SqliteAnnualSubmissionRepository annual_submissions_;
  SqliteReportRepository reports_;
  SqliteAttachmentRepository attachments_;
  SqliteLetterRepository letters_;
  SqliteLetterTemplateRepository letter_templates_;
  SqliteOutboxRepository outbox_;
  SqliteContactPreferencesRepository contact_preferences_;
  SqliteIdentityRepository identity_;
  SqliteReminderRepository reminders_;
  SqliteResidentAccessRepository resident_access_;
  SqliteLegacyReferenceRepository legacy_references_;
  SqliteSubjectAccessRepository subject_access_;
  SqliteLetterPrintingRepository letter_printings_;
  SqliteSavedViewRepository saved_views_;
  SqliteRetentionRepository retention_;
};

// Runs `work`, turning any exception it throws into a kStorage error: this adapter is where
// library exceptions stop.
template <typename Work>
Status Guarded(Work&& work) {
  try {
    return work();
  } catch (const std::exception& exception) {
    return Fail(ErrorCode::kStorage, std::string("unexpected failure: ") + exception.what());
  } catch (...) {
    return Fail(ErrorCode::kStorage, "unexpected failure");
  }
}

// Runs `work` between `begin` and COMMIT (when `commit`) or ROLLBACK.
Status InTransaction(Connection& connection, std::string_view begin, bool commit,
                     const std::function<Status()>& work) {
  return Guarded([&]() -> Status {
    if (Status begun = connection.Begin(begin); !begun) {
      connection.Rollback();
      return begun;
    }
    Status result = Guarded(work);
    if (result && commit) result = connection.Commit();
    connection.Rollback();
    return result;
  });
}

// Process-wide SQLite settings, made once, before SQLite initialises: sqlite3_config refuses them
// afterwards (harmlessly: e.g. when the process used SQLite before opening a store) and must not
// run while another thread uses SQLite, which the first Open, at start-up, does not risk.
// Memory statistics off: they take one global mutex on every allocation of every connection,
// which costs the writer about a tenth of its throughput; nothing here reads them (nor sets a
// soft heap limit, which needs them).
void ConfigureSqliteOnce() {
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  static_cast<void>(configured);
}

// The complaints listed in complaints_fts_pending (as p) and their current text (as c). CROSS
// JOIN keeps this order in SQLite: the few listed rows, each complaint looked up by id. Given the
// statistics of the complaints and none of the list, SQLite would otherwise read every complaint
// and look each one up in the list, on every commit.
constexpr std::string_view kPendingTexts =
    " FROM complaints_fts_pending AS p CROSS JOIN complaints AS c ON c.id = p.id";

// Adds the words of the complaints listed in complaints_fts_pending, as the index is about to
// hold them, to the dictionary of indexed words (migration 0005), each once.
Status AddIndexedWords(Connection& connection) {
  Result<const TextTokenizer*> tokenizer = connection.Tokenizer();
  if (!tokenizer) return Unexpected(tokenizer.error());
  std::set<std::string, std::less<>> words;
  const auto add = [&words](std::string_view word) {
    if (words.find(word) == words.end()) words.emplace(word);
  };
  {
    static const std::string sql =
        "SELECT c.summary, c.description, c.people_text" + std::string(kPendingTexts);
    Result<Statement> texts = connection.Prepare(sql);
    if (!texts) return Unexpected(texts.error());
    for (;;) {
      Result<bool> row = texts->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) break;
      ColumnReader r = texts->Columns();
      for (const std::string& text : {r.Text(), r.Text(), r.Text()}) {
        if (Status split = (*tokenizer)->Tokenize(text, FTS5_TOKENIZE_DOCUMENT, add); !split) {
          return split;
        }
      }
    }
  }
  for (const std::string& word : words) {
    Result<Statement> insert =
        connection.Prepare("INSERT OR IGNORE INTO complaints_fts_terms (term) VALUES (?)");
    if (!insert) return Unexpected(insert.error());
    insert->Bind(word);
    if (Status added = insert->Run(); !added) return added;
  }
  return {};
}

// Brings the full-text index up to date with the complaints listed in complaints_fts_pending (see
// migration 0002): removes the text it held for them, adds their current text and its words to
// the dictionary. Run once per transaction, outside any Write's savepoint, so the index takes a
// whole batch in one segment.
Status SyncTextIndex(Connection& connection) {
  if (Status added = AddIndexedWords(connection); !added) return added;
  static const std::array<std::string, 3> statements = {
      "INSERT INTO complaints_fts (complaints_fts, rowid, summary, description, people_text) "
      "SELECT 'delete', id, indexed_summary, indexed_description, indexed_people_text "
      "FROM complaints_fts_pending WHERE indexed_summary IS NOT NULL",
      "INSERT INTO complaints_fts (rowid, summary, description, people_text) "
      "SELECT c.id, c.summary, c.description, c.people_text" +
          std::string(kPendingTexts),
      "DELETE FROM complaints_fts_pending",
  };
  for (const std::string& sql : statements) {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    if (Status run = statement->Run(); !run) return run;
  }
  return {};
}

Status Migrate(Connection& connection, const app::Clock& clock) {
  if (Status created = connection.Execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
      !created) {
    return created;
  }
  const auto current_version = [&connection]() -> Result<int> {
    Result<Statement> statement =
        connection.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!statement) return Unexpected(statement.error());
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int(); }, "no version");
  };
  const std::span<const Migration> migrations = Migrations();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  Result<int> version = current_version();
  if (!version) return Unexpected(version.error());
  if (*version > known) {
    return Fail(ErrorCode::kStorage, "the database has schema version " + std::to_string(*version) +
                                         ", newer than the " + std::to_string(known) +
                                         " this program knows");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    Status applied = InTransaction(connection, "BEGIN IMMEDIATE", true, [&]() -> Status {
      // Another process may have applied it since the version was read.
      Result<int> now = current_version();
      if (!now) return Unexpected(now.error());
      if (*now >= migration.version) return {};
      if (Status run = connection.Execute(std::string(migration.sql)); !run) return run;
      Result<Statement> record = connection.Prepare(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      if (!record) return Unexpected(record.error());
      record->BindAll(migration.version, migration.name, clock.NowRfc3339());
      return record->Run();
    });
    if (!applied) {
      return Fail(ErrorCode::kStorage, "migration " + std::to_string(migration.version) + " (" +
                                           std::string(migration.name) +
                                           ") failed: " + applied.error().message);
    }
  }
  return {};
}

// SQLite chooses among the indexes of a list by the statistics ANALYZE keeps in sqlite_stat1 (how
// many complaints share a status, a team, a regime...). Without them it takes every equality for
// a selective one, and sorts a regime's hundred thousand complaints rather than reading them in
// the order wanted. So the complaints are analysed when they have no statistics or their number
// has changed by this factor since: the statistics are averages, which move slowly, and ANALYZE
// reads every index (about two seconds for a million complaints). Below the minimum any plan is
// fast, and an empty table would give no statistics.
constexpr std::int64_t kMinComplaintsToAnalyse = 10000;
constexpr std::int64_t kReanalyseFactor = 2;

Status RefreshStatistics(Connection& connection) {
  const auto number = [&connection](std::string_view sql) -> Result<std::int64_t> {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    return ReadOne(
        *statement, [](ColumnReader& r) { return r.Int64(); }, "");
  };
  Result<std::int64_t> complaints = number("SELECT count(*) FROM complaints");
  if (!complaints) return Unexpected(complaints.error());
  if (*complaints < kMinComplaintsToAnalyse) return {};
  Result<std::int64_t> analysed_table =
      number("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'");
  if (!analysed_table) return Unexpected(analysed_table.error());
  std::int64_t analysed = 0;
  if (*analysed_table > 0) {
    // An index's statistics begin with its number of rows; a partial index has fewer.
    Result<std::int64_t> rows = number(
        "SELECT coalesce(max(CAST(stat AS INTEGER)), 0) FROM sqlite_stat1 "
        "WHERE tbl = 'complaints'");
    if (!rows) return Unexpected(rows.error());
    analysed = *rows;
  }
  if (analysed > 0 && *complaints < kReanalyseFactor * analysed &&
      analysed < kReanalyseFactor * *complaints) {
    return {};
  }
  return connection.Execute("ANALYZE complaints");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// SqliteStore.

struct SqliteStore::PendingWrite {
  explicit PendingWrite(const std::function<Status(app::Tx&)>& work_to_run) : work(work_to_run) {}

  const std::function<Status(app::Tx&)>& work;
  Status result;                  // set by the leader before `done`
  bool done = false;              // guarded by queue_mutex_
  std::condition_variable woken;  // notified when done, or when the queue needs a new leader
};

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const app::Clock& clock,
                                                       SqliteOptions options,
                                                       std::optional<AuditAnchor> audit_anchor) {
  if (path.empty()) return core::FailField("db", "the database path is empty");
  if (options.max_writes_per_commit < 1) {
    return core::FailField("max_writes_per_commit", "must be at least 1");
  }
  if (sodium_init() < 0) return Fail(ErrorCode::kStorage, "libsodium failed to initialise");
  ConfigureSqliteOnce();
  if (sqlite3_threadsafe() == 0) {
    return Fail(ErrorCode::kStorage, "this SQLite library is built without thread support");
  }
  if (Status prepared = PrepareDatabaseFile(path, options.open_mode); !prepared) {
    return Unexpected(prepared.error());
  }
  Result<std::unique_ptr<Connection>> writer = Connection::Open(path, Connection::Role::kWriter);
  if (!writer) return Unexpected(writer.error());
  if (Status registered = RegisterSearchFunctions((*writer)->db()); !registered) {
    return Unexpected(registered.error());
  }
  Status migrated = Guarded([&] { return Migrate(**writer, clock); });
  if (!migrated) return Unexpected(migrated.error());
  Status analysed = Guarded([&] { return RefreshStatistics(**writer); });
  if (!analysed) return Unexpected(analysed.error());
  const std::span<const Migration> migrations = Migrations();
  const int version = migrations.empty() ? 0 : migrations.back().version;
  std::unique_ptr<SqliteStore> store(
      new SqliteStore(path, clock, options, audit_anchor, std::move(*writer), version));
  if (audit_anchor && !audit_anchor->read_only) {
    SqliteStore* raw = store.get();
    Result<std::unique_ptr<common::Checkpointer>> checkpointer = common::Checkpointer::Start(
        audit_anchor->checkpointer, [raw] { return raw->ReadChainHead(); }, clock);
    if (!checkpointer) return Unexpected(checkpointer.error());
    store->checkpointer_ = std::move(*checkpointer);
  }
  return store;
}

SqliteStore::SqliteStore(std::string path, const app::Clock& clock, SqliteOptions options,
                         std::optional<AuditAnchor> audit_anchor,
                         std::unique_ptr<Connection> writer, int schema_version)
    : path_(std::move(path)),
      clock_(clock),
      options_(options),
      audit_anchor_(std::move(audit_anchor)),
      schema_version_(schema_version),
      writer_(std::move(writer)) {
  // Room for a full batch waiting while another commits, so the queue rarely grows.
  queue_.reserve(2 * options_.max_writes_per_commit);
  batch_.reserve(options_.max_writes_per_commit);
}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::Write(const std::function<Status(app::Tx&)>& work) {
  PendingWrite pending(work);
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&pending);
  // Wait until a leader has committed this Write, or until there is no leader.
  while (!pending.done && leader_active_) pending.woken.wait(lock);

  // Lead: commit the oldest queued Writes, in batches, until this one is among them. Each batch
  // takes everything that queued up while the previous one was committing.
  while (!pending.done) {
    leader_active_ = true;
    const auto taken = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(
                                            queue_.size(), options_.max_writes_per_commit));
    batch_.assign(queue_.begin(), taken);
    queue_.erase(queue_.begin(), taken);
    lock.unlock();
    const int commits = CommitBatch(batch_);
    lock.lock();
    statistics_.commits += commits;
    statistics_.largest_batch =
        std::max(statistics_.largest_batch, static_cast<std::int64_t>(batch_.size()));
    for (PendingWrite* written : batch_) {
      ++(written->result ? statistics_.writes : statistics_.failed_writes);
      written->done = true;
      if (written != &pending) written->woken.notify_one();
    }
    leader_active_ = false;
  }
  // Hand the lead to the oldest Write still waiting, if any.
  if (!queue_.empty()) queue_.front()->woken.notify_one();
  return std::move(pending.result);
}

int SqliteStore::CommitBatch(std::span<PendingWrite* const> batch) {
  std::lock_guard writer_lock(writer_mutex_);
  int commits = 0;
  std::size_t next = 0;
  // The works' exceptions stop in CommitSome; this catches the store's own (out of memory), so
  // that the leader always wakes its batch and gives up the lead.
  try {
    while (next < batch.size()) next = CommitSome(batch, next, commits);
  } catch (const std::exception& exception) {
    writer_->Rollback();
    const Error error{
        ErrorCode::kStorage, std::string("unexpected failure: ") + exception.what(), {}};
    for (std::size_t i = next; i < batch.size(); ++i) batch[i]->result = Unexpected(error);
  }
  return commits;
}

std::size_t SqliteStore::CommitSome(std::span<PendingWrite* const> batch, std::size_t first,
                                    int& commits) {
  Connection& writer = *writer_;
  if (Status begun = writer.Begin("BEGIN IMMEDIATE"); !begun) {
    writer.Rollback();
    for (std::size_t i = first; i < batch.size(); ++i) batch[i]->result = begun;
    return batch.size();
  }
  // The Writes of batch[first..last) that succeeded lose their changes: each fails with `error`.
  const auto fail_succeeded = [&batch, first](std::size_t last, const Error& error) {
    for (std::size_t i = first; i < last; ++i) {
      if (batch[i]->result) batch[i]->result = Unexpected(error);
    }
  };
  for (std::size_t i = first; i < batch.size(); ++i) {
    PendingWrite& write = *batch[i];
    write.result = Guarded([&]() -> Status {
      if (Status saved = writer.Savepoint(); !saved) return saved;
      SqliteTx tx(writer, clock_);
      return write.work(tx);
    });
    Status ended;
    if (writer.TransactionAbandoned()) {
      ended = Fail(ErrorCode::kStorage, "the database abandoned the transaction after an error");
    } else if (write.result) {
      ended = writer.ReleaseSavepoint();
    } else {
      ended = writer.RollbackToSavepoint();
    }
    if (!ended) {
      // The transaction is lost, and this Write's work with it: it keeps its own error if it had
      // one, the Writes before it fail, and the rest run in a new transaction.
      if (write.result) write.result = Unexpected(ended.error());
      fail_succeeded(i, Error{ErrorCode::kStorage,
                              "not saved: the database dropped the transaction it shared with a "
                              "failed change (" +
                                  write.result.error().message + ")",
                              {}});
      writer.Rollback();
      return i + 1;
    }
  }
  Status committed = Guarded([&] { return SyncTextIndex(writer); });
  if (committed) committed = writer.Commit();
  if (!committed) {
    writer.Rollback();
    fail_succeeded(batch.size(), committed.error());
  } else {
    ++commits;
  }
  return batch.size();
}

Status SqliteStore::Read(const std::function<Status(app::Tx&)>& work) {
  return WithReader([&](Connection& reader) {
    SqliteTx tx(reader, clock_);
    return work(tx);
  });
}

Status SqliteStore::WithReader(const std::function<Status(Connection&)>& work) {
  return Guarded([&]() -> Status {
    Result<std::unique_ptr<Connection>> reader = AcquireReader();
    if (!reader) return Unexpected(reader.error());
    // A read transaction is one snapshot; it is always rolled back, having written nothing.
    Status result = InTransaction(**reader, "BEGIN", false, [&] { return work(**reader); });
    ReleaseReader(std::move(*reader));
    return result;
  });
}

Result<std::unique_ptr<Connection>> SqliteStore::AcquireReader() {
  {
    std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
  }
  return Connection::Open(path_, Connection::Role::kReader);
}

void SqliteStore::ReleaseReader(std::unique_ptr<Connection> reader) {
  std::lock_guard lock(readers_mutex_);
  if (idle_readers_.size() < kMaxIdleReaders) idle_readers_.push_back(std::move(reader));
}

Status SqliteStore::CheckWritable() {
  return Write([this](app::Tx&) -> Status {
    Result<Statement> probe = writer_->Prepare(
        "INSERT INTO readiness_probe (id, probed_at) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at");
    if (!probe) return Unexpected(probe.error());
    probe->Bind(clock_.NowRfc3339());
    return probe->Run();
  });
}

Status SqliteStore::PurgeErasedTraces() {
  std::lock_guard lock(writer_mutex_);
  Connection& writer = *writer_;
  Status purged = InTransaction(writer, "BEGIN IMMEDIATE", true, [&]() -> Status {
    // The index keeps a deleted text's words in its segments until they are merged: 'optimize'
    // merges them all into one. The dictionary of words (migration 0005) keeps every word ever
    // indexed, so those no longer in the index go.
    static const std::array<std::string, 4> statements = {
        "INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')",
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.complaints_fts_vocabulary "
        "USING fts5vocab(main, complaints_fts, row)",
        "DELETE FROM complaints_fts_terms "
        "WHERE term NOT IN (SELECT term FROM temp.complaints_fts_vocabulary)",
        "DROP TABLE temp.complaints_fts_vocabulary",
    };
    if (Status synced = SyncTextIndex(writer); !synced) return synced;
    for (const std::string& sql : statements) {
      if (Status run = writer.Execute(sql); !run) return run;
    }
    return {};
  });
  if (!purged) return purged;
  // The WAL still holds the pages as they were before the erasure until it is checkpointed into
  // the file and truncated; a reader in the middle of a snapshot keeps it from being truncated.
  Result<Statement> checkpoint = writer.Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!checkpoint) return Unexpected(checkpoint.error());
  Result<std::int64_t> busy = ReadOne(
      *checkpoint, [](ColumnReader& r) { return r.Int64(); }, "no checkpoint result");
  if (!busy) return Unexpected(busy.error());
  if (*busy != 0) {
    return Fail(ErrorCode::kStorage,
                "the write-ahead log could not be truncated while readers used it; run the purge "
                "again");
  }
  return {};
}

Result<app::AuditReport> SqliteStore::VerifyAudit() {
  const common::AnchorPaths* paths = audit_anchor_ ? &audit_anchor_->checkpointer.paths : nullptr;
  return common::VerifyAnchoredChain(
      paths, [&](std::vector<common::Checkpoint> checkpoints) -> Result<app::AuditReport> {
        std::optional<app::AuditReport> verification;
        Status checked = WithReader([&](Connection& reader) -> Status {
          static const std::string sql = SelectSql("events", kEventColumns) + " ORDER BY sequence";
          Result<Statement> statement = reader.Prepare(sql);
          if (!statement) return Unexpected(statement.error());
          common::ChainVerifier verifier(checkpoints);
          for (;;) {
            Result<bool> row = statement->Step();
            if (!row) return Unexpected(row.error());
            if (!*row) break;
            ColumnReader r = statement->Columns();
            const common::ChainRecord record = ReadChainRecord(r);
            if (!verifier.Add(record, r.Text())) break;
          }
          // AUTOINCREMENT's record of the highest number handed out, which rows removed from the
          // end do not take back.
          Result<Statement> highest = reader.Prepare(
              "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)");
          if (!highest) return Unexpected(highest.error());
          Result<std::int64_t> last = ReadOne(
              *highest, [](ColumnReader& r) { return r.Int64(); }, "");
          if (!last) return Unexpected(last.error());
          verification = verifier.Finish(*last);
          return {};
        });
        if (!checked) return Unexpected(checked.error());
        return std::move(*verification);
      });
}

Result<common::ChainHead> SqliteStore::ReadChainHead() {
  common::ChainHead head;
  Status read = WithReader([&head](Connection& reader) -> Status {
    Result<Statement> statement = reader.Prepare(
        "SELECT coalesce((SELECT sequence FROM events ORDER BY sequence DESC LIMIT 1), 0), "
        "coalesce((SELECT hash FROM events ORDER BY sequence DESC LIMIT 1), ''), "
        "(SELECT count(*) FROM events)");
    if (!statement) return Unexpected(statement.error());
    Result<common::ChainHead> row = ReadOne(
        *statement,
        [](ColumnReader& r) {
          return common::ChainHead{r.Int64(), r.Text(), r.Int64()};
        },
        "no chain head");
    if (!row) return Unexpected(row.error());
    head = std::move(*row);
    return {};
  });
  if (!read) return Unexpected(read.error());
  return head;
}

Result<std::string> SqliteStore::PragmaValue(std::string_view name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
  if (!bare) return core::FailField("pragma", "is not a pragma name");
  std::lock_guard lock(writer_mutex_);
  Result<Statement> statement = writer_->Prepare("PRAGMA " + std::string(name));
  if (!statement) return Unexpected(statement.error());
  return ReadOne(
      *statement, [](ColumnReader& r) { return r.Text(); }, "no value");
}

Result<std::string> SqliteStore::ExplainComplaintList(const app::ComplaintQuery& query) {
  std::string plan;
  Status explained = WithReader([&](Connection& reader) -> Status {
    Result<ListPlan> list = PlanList(reader, query);
    if (!list) return Unexpected(list.error());
    if (list->first_chunk) {
      plan += "READ IN CHUNKS OF REFERENCES, THE FIRST OF " + std::to_string(*list->first_chunk) +
              "; PAST THE LAST CHUNK:\n";
    }
    for (const SqlQuery& part : list->parts) {
      Result<Statement> statement = reader.Prepare("EXPLAIN QUERY PLAN " + part.sql);
      if (!statement) return Unexpected(statement.error());
      for (const SqlValue& value : part.values) statement->Bind(value);
      statement->Bind(std::int64_t{query.limit});
      constexpr int kDetailColumn = 3;  // id, parent, notused, detail
      Result<std::vector<std::string>> steps = ReadAll(*statement, [](ColumnReader& r) {
        r.Skip(kDetailColumn);
        return r.Text();
      });
      if (!steps) return Unexpected(steps.error());
      for (const std::string& step : *steps) plan += step + "\n";
    }
    return {};
  });
  if (!explained) return Unexpected(explained.error());
  return plan;
}

WriteStatistics SqliteStore::Statistics() const {
  std::lock_guard lock(queue_mutex_);
  return statistics_;
}

std::size_t SqliteStore::QueuedWrites() const {
  std::lock_guard lock(queue_mutex_);
  return queue_.size();
}

}  // namespace redress::storage::sqlite
