#include "storage/sqlite/letter_repository.hpp"

#include <array>
#include <string>

#include "core/regime.hpp"
#include "storage/common/letter_print_rows.hpp"
#include "storage/common/letter_rows.hpp"
#include "storage/common/outbox_rows.hpp"

namespace redress::storage::sqlite {
namespace {

using common::kLetterColumns;
using common::kTemplateColumns;
using common::RegimeKey;

Result<std::int64_t> ComplaintId(Connection& connection, std::string_view reference) {
  Result<Statement> statement = connection.Prepare("SELECT id FROM complaints WHERE reference = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  Result<std::int64_t> id = ReadOne(
      *statement, [](ColumnReader& r) { return r.Int64(); }, "no complaint");
  if (!id && id.error().code == ErrorCode::kNotFound) {
    return core::FailField("reference", "no complaint " + std::string(reference),
                           core::FieldErrorCode::kUnknownReference);
  }
  return id;
}

std::string OutboxSelect() {
  return "SELECT " + std::string(common::kOutboxColumns) + " FROM outbox o" +
         std::string(common::kOutboxJoins);
}

// Runs an UPDATE of a claimed row; kConflict when the claim is no longer the caller's.
Status RunOnClaimedRow(Statement& statement) {
  if (Status run = statement.Run(); !run) return run;
  if (statement.Changes() == 0) {
    return Fail(ErrorCode::kConflict, "the outbox message is no longer claimed by this worker");
  }
  return {};
}

}  // namespace

// --- letters ---

Result<app::IssuedLetter> SqliteLetterRepository::Insert(app::IssuedLetter letter) {
  Result<std::int64_t> complaint_id = ComplaintId(connection_, letter.complaint_reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  {
    Result<Statement> next = connection_.Prepare(
        "SELECT coalesce(max(number), 0) + 1 FROM letters WHERE complaint_id = ?");
    if (!next) return Unexpected(next.error());
    next->Bind(*complaint_id);
    Result<int> number = ReadOne(
        *next, [](ColumnReader& r) { return r.Int(); }, "no number");
    if (!number) return Unexpected(number.error());
    letter.number = *number;
  }
  if (letter.corrects && (*letter.corrects < 1 || *letter.corrects >= letter.number)) {
    return core::FailField("corrects",
                           "the complaint has no letter " + std::to_string(*letter.corrects),
                           core::FieldErrorCode::kUnknownReference);
  }
  // The PDF is bound as text and stored as the BLOB of the same bytes.
  static const std::string sql =
      "INSERT INTO letters (number, " + Join(kLetterColumns) +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BLOB), ?, ?, ?, ?)";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindLetter(*statement, letter, letter.pdf, *complaint_id);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  letter.id = statement->LastInsertRowid();
  return letter;
}

Result<std::vector<app::IssuedLetter>> SqliteLetterRepository::ListOf(
    std::string_view complaint_reference) {
  static const std::string sql = common::LetterSelect(common::kLetterWithoutBodies) +
                                 " WHERE c.reference = ? ORDER BY l.number";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint_reference);
  return ReadAll(*statement, common::ReadLetter<ColumnReader>);
}

Result<app::IssuedLetter> SqliteLetterRepository::Load(std::string_view complaint_reference,
                                                       int number) {
  // The PDF's BLOB reads as its bytes.
  static const std::string sql =
      common::LetterSelect("l.text, l.html, l.pdf") + " WHERE c.reference = ? AND l.number = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(complaint_reference, number);
  return ReadOne(*statement, common::ReadLetter<ColumnReader>,
                 "no letter " + std::to_string(number) + " of " + std::string(complaint_reference));
}

// --- templates ---

Result<app::LetterTemplate> SqliteLetterTemplateRepository::Insert(
    app::LetterTemplate letter_template) {
  std::string regime = RegimeKey(letter_template.regime);
  {
    Result<Statement> next = connection_.Prepare(
        "SELECT coalesce(max(version), 0) + 1 FROM letter_templates WHERE type = ? AND regime = ?");
    if (!next) return Unexpected(next.error());
    next->BindAll(letter_template.type, regime);
    Result<std::int64_t> version = ReadOne(
        *next, [](ColumnReader& r) { return r.Int64(); }, "no version");
    if (!version) return Unexpected(version.error());
    letter_template.version = *version;
  }
  static const std::string sql = "INSERT INTO letter_templates (" + std::string(kTemplateColumns) +
                                 ") VALUES (?, ?, ?, ?, ?, ?)";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(letter_template.type, regime, letter_template.version, letter_template.text,
                     letter_template.saved_by, letter_template.saved_at);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  return letter_template;
}

Result<std::optional<app::LetterTemplate>> SqliteLetterTemplateRepository::Latest(
    core::LetterType type, std::optional<core::Regime> regime) {
  static const std::string sql = "SELECT " + std::string(kTemplateColumns) +
                                 " FROM letter_templates WHERE type = ? AND regime = ? "
                                 "ORDER BY version DESC LIMIT 1";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(type, RegimeKey(regime));
  Result<std::vector<app::LetterTemplate>> rows =
      ReadAll(*statement, common::ReadTemplate<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::LetterTemplate>();
  return std::optional<app::LetterTemplate>(std::move(rows->front()));
}

Result<std::vector<app::LetterTemplate>> SqliteLetterTemplateRepository::ListLatest() {
  static const std::string sql =
      "SELECT " + std::string(kTemplateColumns) +
      " FROM letter_templates t WHERE version = (SELECT max(version) FROM letter_templates u "
      "WHERE u.type = t.type AND u.regime = t.regime) ORDER BY type, regime";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, common::ReadTemplate<ColumnReader>);
}

Result<std::vector<app::LetterTemplate>> SqliteLetterTemplateRepository::History(
    core::LetterType type, std::optional<core::Regime> regime) {
  static const std::string sql = "SELECT " + std::string(kTemplateColumns) +
                                 " FROM letter_templates WHERE type = ? AND regime = ? "
                                 "ORDER BY version DESC";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(type, RegimeKey(regime));
  return ReadAll(*statement, common::ReadTemplate<ColumnReader>);
}

// --- outbox ---

Result<app::OutboxMessage> SqliteOutboxRepository::Enqueue(app::OutboxMessage message) {
  static const std::string sql = InsertSql("outbox", common::kOutboxEnqueueColumns);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindEnqueued(*statement, message);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  return common::Enqueued(std::move(message), statement->LastInsertRowid());
}

Result<std::vector<app::OutboxMessage>> SqliteOutboxRepository::Claim(std::string_view token,
                                                                      std::int64_t now,
                                                                      std::int64_t lease_until,
                                                                      int limit) {
  // The candidates, then one conditional UPDATE per row: a row another worker claimed in between
  // fails the condition and is skipped. (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED.)
  std::vector<std::int64_t> candidates;
  {
    Result<Statement> due = connection_.Prepare(
        "SELECT id FROM outbox WHERE (state = 'queued' AND next_attempt_at <= ?) "
        "OR (state = 'sending' AND lease_expires_at <= ?) ORDER BY next_attempt_at, id LIMIT ?");
    if (!due) return Unexpected(due.error());
    due->BindAll(now, now, limit);
    Result<std::vector<std::int64_t>> ids =
        ReadAll(*due, [](ColumnReader& r) { return r.Int64(); });
    if (!ids) return Unexpected(ids.error());
    candidates = std::move(*ids);
  }
  std::vector<app::OutboxMessage> claimed;
  for (std::int64_t id : candidates) {
    Result<Statement> claim = connection_.Prepare(
        "UPDATE outbox SET state = 'sending', claim_token = ?, lease_expires_at = ?, "
        "attempts = attempts + 1 WHERE id = ? AND ((state = 'queued' AND next_attempt_at <= ?) "
        "OR (state = 'sending' AND lease_expires_at <= ?))");
    if (!claim) return Unexpected(claim.error());
    claim->BindAll(token, lease_until, id, now, now);
    if (Status run = claim->Run(); !run) return Unexpected(run.error());
    if (claim->Changes() == 0) continue;
    static const std::string sql = OutboxSelect() + " WHERE o.id = ?";
    Result<Statement> read = connection_.Prepare(sql);
    if (!read) return Unexpected(read.error());
    read->Bind(id);
    Result<app::OutboxMessage> message =
        ReadOne(*read, common::ReadOutboxMessage<ColumnReader>, "no outbox message");
    if (!message) return Unexpected(message.error());
    claimed.push_back(std::move(*message));
  }
  return claimed;
}

Status SqliteOutboxRepository::MarkSent(std::int64_t id, std::string_view token, std::int64_t now) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE outbox SET state = 'sent', sent_at = ?, claim_token = '', last_error = '' "
      "WHERE id = ? AND state = 'sending' AND claim_token = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(now, id, token);
  return RunOnClaimedRow(*statement);
}

Status SqliteOutboxRepository::MarkRetry(std::int64_t id, std::string_view token,
                                         std::int64_t next_attempt_at, std::string_view error) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ?, claim_token = '' "
      "WHERE id = ? AND state = 'sending' AND claim_token = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(next_attempt_at, error, id, token);
  return RunOnClaimedRow(*statement);
}

Status SqliteOutboxRepository::MarkFailed(std::int64_t id, std::string_view token,
                                          std::string_view error) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE outbox SET state = 'failed', last_error = ?, claim_token = '' "
      "WHERE id = ? AND state = 'sending' AND claim_token = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(error, id, token);
  return RunOnClaimedRow(*statement);
}

Result<app::OutboxCounts> SqliteOutboxRepository::Counts() {
  Result<Statement> statement =
      connection_.Prepare("SELECT state, count(*) FROM outbox GROUP BY state");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<std::string, std::int64_t>>> rows =
      ReadAll(*statement, [](ColumnReader& r) {
        std::string state = r.Text();
        return std::pair<std::string, std::int64_t>(std::move(state), r.Int64());
      });
  if (!rows) return Unexpected(rows.error());
  app::OutboxCounts counts;
  for (const auto& [state, count] : *rows) {
    switch (app::ParseOutboxState(state).value_or(app::OutboxState::kQueued)) {
      case app::OutboxState::kQueued:
        counts.queued = count;
        break;
      case app::OutboxState::kSending:
        counts.sending = count;
        break;
      case app::OutboxState::kSent:
        counts.sent = count;
        break;
      case app::OutboxState::kFailed:
        counts.failed = count;
        break;
    }
  }
  return counts;
}

Result<std::vector<app::OutboxMessage>> SqliteOutboxRepository::OfComplaint(
    std::string_view complaint_reference) {
  static const std::string sql = OutboxSelect() + " WHERE c.reference = ? ORDER BY l.number, o.id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint_reference);
  return ReadAll(*statement, common::ReadOutboxMessage<ColumnReader>);
}

// --- contact preferences ---

Result<std::optional<core::ContactPreferences>> SqliteContactPreferencesRepository::Load(
    std::string_view complaint_reference) {
  static const std::string sql =
      std::string(common::kContactPreferencesSelect) + "WHERE c.reference = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint_reference);
  Result<std::vector<core::ContactPreferences>> rows =
      ReadAll(*statement, common::ReadContactPreferences<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::ContactPreferences>();
  return std::optional<core::ContactPreferences>(rows->front());
}

Result<std::vector<std::pair<std::string, core::ContactPreferences>>>
SqliteContactPreferencesRepository::LoadMany(std::span<const std::string> complaint_references) {
  if (complaint_references.empty()) {
    return std::vector<std::pair<std::string, core::ContactPreferences>>();
  }
  std::string sql(common::kContactPreferencesOfManySelect);
  for (std::size_t i = 0; i < complaint_references.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ")";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  for (const std::string& reference : complaint_references) statement->Bind(reference);
  return ReadAll(*statement, common::ReadReferencedContactPreferences<ColumnReader>);
}

Status SqliteContactPreferencesRepository::Save(std::string_view complaint_reference,
                                                const core::ContactPreferences& preferences) {
  Result<std::int64_t> complaint_id = ComplaintId(connection_, complaint_reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  static const std::string sql = "INSERT INTO complaint_contact_preferences (" +
                                 std::string(common::kContactPreferencesColumns) +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)" +
                                 std::string(common::kContactPreferencesUpsert);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindContactPreferences(*statement, *complaint_id, preferences);
  return statement->Run();
}

// --- printings ---

Result<std::vector<app::BatchLetter>> SqliteLetterPrintingRepository::Batch(core::Date date) {
  static const std::string sql = std::string(common::kPrintedLetterSelect) +
                                 " AND ((p.id IS NULL AND l.issued_on <= ?) OR p.batch_date = ?) "
                                 "ORDER BY l.issued_on, c.reference, l.number";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(date, date);
  return ReadAll(*statement, common::ReadBatchLetter<ColumnReader>);
}

Status SqliteLetterPrintingRepository::Record(const app::LetterPrinting& printing) {
  std::string name =
      "letter " + std::to_string(printing.letter_number) + " of " + printing.complaint_reference;
  static const std::string find =
      std::string(common::kPrintedLetterSelect) + " AND c.reference = ? AND l.number = ?";
  Result<Statement> found = connection_.Prepare(find);
  if (!found) return Unexpected(found.error());
  found->BindAll(printing.complaint_reference, printing.letter_number);
  Result<std::vector<app::BatchLetter>> rows =
      ReadAll(*found, common::ReadBatchLetter<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return core::FailField("letters", "there is no " + name + " that goes by post",
                           core::FieldErrorCode::kUnknownReference);
  }
  if (rows->front().printing) return Fail(ErrorCode::kConflict, name + " was printed already");
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO letter_printings (letter_id, batch_date, printed_by, printed_at) "
      "VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(rows->front().letter.id, printing.batch_date, printing.printed_by,
                     printing.printed_at);
  return statement->Run();
}

Result<std::vector<app::LetterPrinting>> SqliteLetterPrintingRepository::OfComplaint(
    std::string_view complaint_reference) {
  static const std::string sql = std::string(common::kPrintedLetterSelect) +
                                 " AND c.reference = ? AND p.id IS NOT NULL ORDER BY l.number";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint_reference);
  Result<std::vector<app::BatchLetter>> rows =
      ReadAll(*statement, common::ReadBatchLetter<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  std::vector<app::LetterPrinting> printings;
  for (app::BatchLetter& row : *rows) printings.push_back(std::move(*row.printing));
  return printings;
}

}  // namespace redress::storage::sqlite
