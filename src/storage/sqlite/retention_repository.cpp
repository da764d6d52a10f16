#include "storage/sqlite/retention_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/retention_rows.hpp"

namespace redress::storage::sqlite {
namespace {

using common::kHoldColumns;
constexpr auto ReadHold = common::ReadHold<ColumnReader>;
constexpr auto ReadRun = common::ReadRun<ColumnReader>;

core::DisposalVerdict ParseVerdict(std::string_view text) {
  return text == "dispose" ? core::DisposalVerdict::kDispose : core::DisposalVerdict::kKeep;
}

template <typename Read>
auto QueryAll(Connection& connection, std::string_view sql, Read read)
    -> Result<std::vector<decltype(read(std::declval<ColumnReader&>()))>> {
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, read);
}

}  // namespace

Result<std::vector<core::RetentionRule>> SqliteRetentionRepository::Rules() {
  return QueryAll(connection_, common::kRetentionRulesSql, common::ReadRetentionRule<ColumnReader>);
}

Status SqliteRetentionRepository::SaveRule(const core::RetentionRule& rule,
                                           std::string_view changed_by,
                                           std::string_view changed_at) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO retention_rules (record_type, regime, years, changed_by, changed_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_type, regime) DO UPDATE SET "
      "years = excluded.years, changed_by = excluded.changed_by, changed_at = excluded.changed_at");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(rule.record), common::StoredRuleRegime(rule),
                     rule.years_after_closure, changed_by, changed_at);
  return statement->Run();
}

Result<std::vector<app::RetentionHoldRecord>> SqliteRetentionRepository::HoldsOf(
    std::string_view reference) {
  static const std::string sql = "SELECT " + std::string(kHoldColumns) +
                                 " FROM retention_holds WHERE reference = ? ORDER BY id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(reference);
  return ReadAll(*statement, ReadHold);
}

Result<std::optional<app::RetentionHoldRecord>> SqliteRetentionRepository::Hold(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(kHoldColumns) + " FROM retention_holds WHERE id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(id);
  Result<std::vector<app::RetentionHoldRecord>> rows = ReadAll(*statement, ReadHold);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::RetentionHoldRecord>();
  return std::optional<app::RetentionHoldRecord>(std::move(rows->front()));
}

Result<std::int64_t> SqliteRetentionRepository::AddHold(const app::RetentionHoldRecord& hold) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO retention_holds (reference, kind, reason, placed_by, placed_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(hold.reference, core::ToString(hold.kind), hold.reason, hold.placed_by,
                     hold.placed_at);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  return statement->LastInsertRowid();
}

Status SqliteRetentionRepository::ReleaseHold(const app::RetentionHoldRecord& hold) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE retention_holds SET released_by = ?, released_at = ?, release_reason = ? "
      "WHERE id = ? AND released_at = ''");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(hold.released_by, hold.released_at, hold.release_reason, hold.id);
  return RunOnExistingRow(*statement, "hold " + std::to_string(hold.id) + " is not in force");
}

Result<app::RetentionSnapshot> SqliteRetentionRepository::Snapshot() {
  return common::ReadRetentionSnapshot<ColumnReader>(
      [this](std::string_view sql, auto read) { return QueryAll(connection_, sql, read); });
}

Result<std::int64_t> SqliteRetentionRepository::AddRun(
    const app::DisposalRunRecord& run, const std::vector<app::DisposalRunItem>& items) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO disposal_runs (version, state, as_of, created_by, created_at, to_dispose, "
      "kept) VALUES (1, ?, ?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(run.state), run.as_of, run.created_by, run.created_at,
                     run.to_dispose, run.kept);
  if (Status done = statement->Run(); !done) return Unexpected(done.error());
  const std::int64_t id = statement->LastInsertRowid();
  for (const app::DisposalRunItem& item : items) {
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO disposal_run_items (run_id, record_type, reference, verdict, "
        "disposable_from, kept_because) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(id, core::ToString(item.decision.record), item.decision.reference,
                    core::ToString(item.decision.verdict), item.decision.disposable_from,
                    common::KeptBecauseJson(item.decision.kept_because));
    if (Status done = insert->Run(); !done) return Unexpected(done.error());
  }
  return id;
}

Result<std::optional<app::DisposalRunRecord>> SqliteRetentionRepository::Run(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(common::kDisposalRunColumns) + " FROM disposal_runs WHERE id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(id);
  Result<std::vector<app::DisposalRunRecord>> rows = ReadAll(*statement, ReadRun);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::DisposalRunRecord>();
  return std::optional<app::DisposalRunRecord>(std::move(rows->front()));
}

Result<std::vector<app::DisposalRunRecord>> SqliteRetentionRepository::Runs() {
  static const std::string sql =
      "SELECT " + std::string(common::kDisposalRunColumns) + " FROM disposal_runs ORDER BY id DESC";
  return QueryAll(connection_, sql, ReadRun);
}

Result<std::vector<app::DisposalRunItem>> SqliteRetentionRepository::Items(std::int64_t run_id) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT record_type, reference, verdict, disposable_from, kept_because, disposed_at, "
      "kept_at_run FROM disposal_run_items WHERE run_id = ? ORDER BY reference");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(run_id);
  return ReadAll(*statement, [](ColumnReader& r) {
    app::DisposalRunItem item;
    item.decision.record = r.Enumerator(core::ParseRetainedRecord);
    item.decision.reference = r.Text();
    item.decision.verdict = ParseVerdict(r.View());
    item.decision.disposable_from = r.OptionalDate();
    item.decision.kept_because = common::ReadKeptBecause(r.View());
    item.disposed_at = r.Text();
    item.kept_at_run = common::ReadKeptBecause(r.View());
    return item;
  });
}

Status SqliteRetentionRepository::UpdateRun(const app::DisposalRunRecord& run) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE disposal_runs SET version = version + 1, state = ?, approved_by = ?, "
      "approved_at = ?, finished_by = ?, finished_at = ?, disposed = ?, kept = ? "
      "WHERE id = ? AND version = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(core::ToString(run.state), run.approved_by, run.approved_at, run.finished_by,
                     run.finished_at, run.disposed, run.kept, run.id, run.version);
  if (Status done = statement->Run(); !done) return done;
  if (statement->Changes() == 0) {
    return Fail(ErrorCode::kConflict,
                "disposal run " + std::to_string(run.id) + " was changed by someone else");
  }
  return {};
}

Status SqliteRetentionRepository::UpdateItem(std::int64_t run_id,
                                             const app::DisposalRunItem& item) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE disposal_run_items SET disposed_at = ?, kept_at_run = ? "
      "WHERE run_id = ? AND reference = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(item.disposed_at, common::KeptBecauseJson(item.kept_at_run), run_id,
                     item.decision.reference);
  return RunOnExistingRow(*statement, "no such item");
}

Result<app::DisposedComplaint> SqliteRetentionRepository::DisposeOfComplaint(
    std::string_view reference, std::int64_t run_id, std::string_view at) {
  Result<Statement> find = connection_.Prepare(
      "SELECT id, coalesce(service_request_reference, '') FROM complaints WHERE reference = ?");
  if (!find) return Unexpected(find.error());
  find->BindAll(reference);
  auto found = ReadOne(
      *find,
      [](ColumnReader& r) {
        return std::pair{r.Int64(), r.Text()};
      },
      "complaint " + std::string(reference) + " does not exist");
  if (!found) return Unexpected(found.error());
  const auto& [id, service_request] = *found;

  static const std::vector<std::string> statements = [] {
    std::vector<std::string> all =
        common::DisposalStatements([](int n) { return "?" + std::to_string(n); });
    // The superseded responses' lists keep their types, amounts and root causes.
    all.push_back("UPDATE stage_earlier_responses SET " + common::DisposedLearning("learning") +
                  ", "
                  "remedies = (SELECT json_group_array(json_set(value, '$.description', '')) "
                  "FROM json_each(remedies)), "
                  "actions = (SELECT json_group_array(json_set(value, '$.description', '')) "
                  "FROM json_each(actions)) WHERE complaint_id = ?1");
    return all;
  }();
  for (const std::string& sql : statements) {
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(id);
    if (Status done = statement->Run(); !done) return Unexpected(done.error());
  }

  // The attached files of the case and of its service request.
  std::vector<std::string> files;
  for (const auto& [attached_to, owner] :
       {std::pair<std::string_view, std::string_view>{"complaint", reference},
        std::pair<std::string_view, std::string_view>{"service_request", service_request}}) {
    if (owner.empty()) continue;
    if (Status done = DisposeOfAttachments(attached_to, owner, at, files); !done) {
      return Unexpected(done.error());
    }
  }

  Result<Statement> letters = connection_.Prepare(
      "UPDATE letters SET recipient_name = '', recipient_email = '', recipient_address = '', "
      "text = '', html = '', pdf = x'' WHERE complaint_id = ?");
  if (!letters) return Unexpected(letters.error());
  letters->BindAll(id);
  if (Status done = letters->Run(); !done) return Unexpected(done.error());

  Result<Statement> mark = connection_.Prepare(
      "INSERT INTO disposed_complaints (reference, run_id, disposed_at) VALUES (?, ?, ?)");
  if (!mark) return Unexpected(mark.error());
  mark->BindAll(reference, run_id, at);
  if (Status done = mark->Run(); !done) return Unexpected(done.error());
  return app::DisposedComplaint{std::move(files), service_request};
}

Status SqliteRetentionRepository::DisposeOfAttachments(std::string_view attached_to,
                                                       std::string_view owner, std::string_view at,
                                                       std::vector<std::string>& files) {
  static const auto statements =
      common::DisposedAttachmentStatements([](int n) { return "?" + std::to_string(n); });
  Result<Statement> shas = connection_.Prepare(statements.first);
  if (!shas) return Unexpected(shas.error());
  shas->BindAll(attached_to, owner);
  auto found = ReadAll(*shas, [](ColumnReader& r) { return r.Text(); });
  if (!found) return Unexpected(found.error());
  files.insert(files.end(), found->begin(), found->end());
  Result<Statement> update = connection_.Prepare(statements.second);
  if (!update) return Unexpected(update.error());
  update->BindAll(common::kDisposedFileName, at, common::kDisposedRemovalReason, attached_to,
                  owner);
  return update->Run();
}

Status SqliteRetentionRepository::RunDisposal(const std::vector<std::string>& statements,
                                              std::string_view reference, std::int64_t run_id,
                                              std::string_view at, std::string_view missing) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    Result<Statement> statement = connection_.Prepare(statements[i]);
    if (!statement) return Unexpected(statement.error());
    if (i + 1 == statements.size()) {
      statement->BindAll(reference, run_id, at);
    } else {
      statement->BindAll(reference);
    }
    Status done = i == 0 ? RunOnExistingRow(*statement, missing) : statement->Run();
    if (!done) return done;
  }
  return {};
}

Result<std::vector<std::string>> SqliteRetentionRepository::DisposeOfServiceRequest(
    std::string_view reference, std::int64_t run_id, std::string_view at) {
  static const std::vector<std::string> statements =
      common::ServiceRequestDisposalStatements([](int n) { return "?" + std::to_string(n); });
  if (Status done = RunDisposal(
          statements, reference, run_id, at,
          "service request " + std::string(reference) + " does not exist or became a complaint");
      !done) {
    return Unexpected(done.error());
  }
  std::vector<std::string> files;
  if (Status done = DisposeOfAttachments("service_request", reference, at, files); !done) {
    return Unexpected(done.error());
  }
  return files;
}

Status SqliteRetentionRepository::DisposeOfSubjectAccessRequest(std::string_view reference,
                                                                std::int64_t run_id,
                                                                std::string_view at) {
  static const std::vector<std::string> statements =
      common::SubjectAccessDisposalStatements([](int n) { return "?" + std::to_string(n); });
  return RunDisposal(statements, reference, run_id, at,
                     "subject access request " + std::string(reference) + " does not exist");
}

Status SqliteRetentionRepository::RedactNote(std::string_view reference, std::int64_t note_id,
                                             std::string_view text) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE complaint_notes SET text = ? WHERE id = ? AND complaint_id = "
      "(SELECT id FROM complaints WHERE reference = ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(text, note_id, reference);
  return RunOnExistingRow(*statement, "complaint " + std::string(reference) + " has no note " +
                                          std::to_string(note_id));
}

Result<std::pair<std::string, std::string>> SqliteRetentionRepository::RedactAttachment(
    std::string_view reference, std::int64_t id, std::string_view name, std::string_view by,
    std::string_view at, std::string_view reason) {
  Result<Statement> find = connection_.Prepare(
      "SELECT sha256, name FROM attachments WHERE id = ? AND attached_to = 'complaint' "
      "AND reference = ?");
  if (!find) return Unexpected(find.error());
  find->BindAll(id, reference);
  auto found = ReadOne(
      *find,
      [](ColumnReader& r) {
        return std::pair{r.Text(), r.Text()};
      },
      "complaint " + std::string(reference) + " has no attachment " + std::to_string(id));
  if (!found) return found;
  Result<Statement> update = connection_.Prepare(
      "UPDATE attachments SET name = ?, description = '', removed_by = coalesce(removed_by, ?), "
      "removed_at = coalesce(removed_at, ?), removal_reason = ? WHERE id = ?");
  if (!update) return Unexpected(update.error());
  update->BindAll(name, by, at, reason, id);
  if (Status done = update->Run(); !done) return Unexpected(done.error());
  return found;
}

Result<std::optional<std::string>> SqliteRetentionRepository::DisposedAt(
    std::string_view reference) {
  Result<Statement> statement =
      connection_.Prepare("SELECT disposed_at FROM disposed_complaints WHERE reference = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(reference);
  auto rows = ReadAll(*statement, [](ColumnReader& r) { return r.Text(); });
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(rows->front()));
}

}  // namespace redress::storage::sqlite
