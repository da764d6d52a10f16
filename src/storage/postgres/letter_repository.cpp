#include "storage/postgres/letter_repository.hpp"

#include <array>
#include <string>
#include <utility>

#include "core/regime.hpp"
#include "storage/common/letter_print_rows.hpp"
#include "storage/common/letter_rows.hpp"
#include "storage/common/outbox_rows.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {
namespace {

using common::kLetterColumns;
using common::kTemplateColumns;
using common::RegimeKey;
constexpr std::size_t kPdfParameter = 15;  // $15: number is $1, then kLetterColumns

constexpr std::string_view kHexDigits = "0123456789abcdef";

std::string HexOf(std::string_view bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kHexDigits[byte >> 4]);
    hex.push_back(kHexDigits[byte & 0xf]);
  }
  return hex;
}

std::string BytesOfHex(std::string_view hex) {
  const auto nibble = [](char c) {
    return static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>((nibble(hex[i]) << 4) | nibble(hex[i + 1])));
  }
  return bytes;
}

// The PDF's bytes travel as hex text (decode($n, 'hex') and encode(pdf, 'hex')), since every
// parameter is sent as text.
app::IssuedLetter ReadLetter(RowReader& r) {
  app::IssuedLetter letter = common::ReadLetter(r);
  letter.pdf = BytesOfHex(letter.pdf);
  return letter;
}

// The complaint's id; `lock` takes its row until the transaction ends, so that two instances
// issuing letters of one complaint number them one after the other.
enum class RowLock { kNone, kForUpdate };
Result<std::int64_t> ComplaintId(Connection& connection, std::string_view reference,
                                 RowLock lock = RowLock::kNone) {
  Result<Rows> rows =
      connection.Query(lock == RowLock::kForUpdate
                           ? "SELECT id FROM complaints WHERE reference = $1 FOR NO KEY UPDATE"
                           : "SELECT id FROM complaints WHERE reference = $1",
                       Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return core::FailField("reference", "no complaint " + std::string(reference),
                           core::FieldErrorCode::kUnknownReference);
  }
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no complaint");
}

// Runs an UPDATE of a claimed row; kConflict when the claim is no longer the caller's.
Status RunOnClaimedRow(Connection& connection, std::string_view sql, const Params& params) {
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kConflict, "the outbox message is no longer claimed by this worker");
  }
  return {};
}

}  // namespace

// --- letters ---

Result<app::IssuedLetter> PostgresLetterRepository::Insert(app::IssuedLetter letter) {
  Result<std::int64_t> complaint_id =
      ComplaintId(connection_, letter.complaint_reference, RowLock::kForUpdate);
  if (!complaint_id) return Unexpected(complaint_id.error());
  {
    Result<Rows> next = connection_.Query(
        "SELECT coalesce(max(number), 0) + 1 FROM letters WHERE complaint_id = $1",
        Params().Bind(*complaint_id));
    if (!next) return Unexpected(next.error());
    Result<int> number = next->ReadOne([](RowReader& r) { return r.Int(); }, "no number");
    if (!number) return Unexpected(number.error());
    letter.number = *number;
  }
  if (letter.corrects && (*letter.corrects < 1 || *letter.corrects >= letter.number)) {
    return core::FailField("corrects",
                           "the complaint has no letter " + std::to_string(*letter.corrects),
                           core::FieldErrorCode::kUnknownReference);
  }
  static const std::string sql = [] {
    std::string values = ParameterList(kLetterColumns.size() + 1);
    const std::string pdf = "$" + std::to_string(kPdfParameter);
    values.replace(values.find(pdf + ","), pdf.size(), "decode(" + pdf + ", 'hex')");
    return "INSERT INTO letters (number, " + JoinColumns(kLetterColumns) + ") VALUES (" + values +
           ") RETURNING id";
  }();
  Params params;
  common::BindLetter(params, letter, HexOf(letter.pdf), *complaint_id);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  letter.id = *id;
  return letter;
}

Result<std::vector<app::IssuedLetter>> PostgresLetterRepository::ListOf(
    std::string_view complaint_reference) {
  static const std::string sql = common::LetterSelect(common::kLetterWithoutBodies) +
                                 " WHERE c.reference = $1 ORDER BY l.number";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(complaint_reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadLetter);
}

Result<app::IssuedLetter> PostgresLetterRepository::Load(std::string_view complaint_reference,
                                                         int number) {
  static const std::string sql = common::LetterSelect("l.text, l.html, encode(l.pdf, 'hex')") +
                                 " WHERE c.reference = $1 AND l.number = $2";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(complaint_reference, number));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(ReadLetter, "no letter " + std::to_string(number) + " of " +
                                       std::string(complaint_reference));
}

// --- templates ---

Result<app::LetterTemplate> PostgresLetterTemplateRepository::Insert(
    app::LetterTemplate letter_template) {
  const std::string regime = RegimeKey(letter_template.regime);
  {
    Result<Rows> next = connection_.Query(
        "SELECT coalesce(max(version), 0) + 1 FROM letter_templates WHERE type = $1 AND "
        "regime = $2",
        Params().BindAll(letter_template.type, regime));
    if (!next) return Unexpected(next.error());
    Result<std::int64_t> version =
        next->ReadOne([](RowReader& r) { return r.Int64(); }, "no version");
    if (!version) return Unexpected(version.error());
    letter_template.version = *version;
  }
  static const std::string sql = "INSERT INTO letter_templates (" + std::string(kTemplateColumns) +
                                 ") VALUES ($1, $2, $3, $4, $5, $6)";
  if (Status run = connection_.Run(
          sql, Params().BindAll(letter_template.type, regime, letter_template.version,
                                letter_template.text, letter_template.saved_by,
                                letter_template.saved_at));
      !run) {
    return Unexpected(run.error());
  }
  return letter_template;
}

Result<std::optional<app::LetterTemplate>> PostgresLetterTemplateRepository::Latest(
    core::LetterType type, std::optional<core::Regime> regime) {
  static const std::string sql = "SELECT " + std::string(kTemplateColumns) +
                                 " FROM letter_templates WHERE type = $1 AND regime = $2 "
                                 "ORDER BY version DESC LIMIT 1";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(type, RegimeKey(regime)));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::LetterTemplate>();
  Result<app::LetterTemplate> found = rows->ReadOne(common::ReadTemplate<RowReader>, "no template");
  if (!found) return Unexpected(found.error());
  return std::optional<app::LetterTemplate>(std::move(*found));
}

Result<std::vector<app::LetterTemplate>> PostgresLetterTemplateRepository::ListLatest() {
  static const std::string sql =
      "SELECT " + std::string(kTemplateColumns) +
      " FROM letter_templates t WHERE version = (SELECT max(version) FROM letter_templates u "
      "WHERE u.type = t.type AND u.regime = t.regime) ORDER BY type, regime";
  Result<Rows> rows = connection_.Query(sql);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadTemplate<RowReader>);
}

Result<std::vector<app::LetterTemplate>> PostgresLetterTemplateRepository::History(
    core::LetterType type, std::optional<core::Regime> regime) {
  static const std::string sql = "SELECT " + std::string(kTemplateColumns) +
                                 " FROM letter_templates WHERE type = $1 AND regime = $2 "
                                 "ORDER BY version DESC";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(type, RegimeKey(regime)));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadTemplate<RowReader>);
}

// --- outbox ---

Result<app::OutboxMessage> PostgresOutboxRepository::Enqueue(app::OutboxMessage message) {
  static const std::string sql =
      "INSERT INTO outbox (" + JoinColumns(common::kOutboxEnqueueColumns) + ") VALUES (" +
      ParameterList(common::kOutboxEnqueueColumns.size()) + ") RETURNING id";
  Params params;
  common::BindEnqueued(params, message);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  return common::Enqueued(std::move(message), *id);
}

Result<std::vector<app::OutboxMessage>> PostgresOutboxRepository::Claim(std::string_view token,
                                                                        std::int64_t now,
                                                                        std::int64_t lease_until,
                                                                        int limit) {
  // One statement: the due rows are locked as they are chosen, and a row another worker's
  // transaction holds is skipped rather than waited for (FOR UPDATE SKIP LOCKED); by the time
  // that transaction commits the row is 'sending' under a fresh lease, so it is not due. Two
  // instances' workers therefore never claim the same row, and never wait on each other.
  static const std::string sql =
      "WITH claimed AS (UPDATE outbox SET state = 'sending', claim_token = $1, "
      "lease_expires_at = $2, attempts = attempts + 1 WHERE id IN (SELECT id FROM outbox "
      "WHERE (state = 'queued' AND next_attempt_at <= $3) OR (state = 'sending' AND "
      "lease_expires_at <= $3) ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) "
      "RETURNING *) SELECT " +
      std::string(common::kOutboxColumns) + " FROM claimed o" + std::string(common::kOutboxJoins) +
      " ORDER BY o.next_attempt_at, o.id";
  Result<Rows> rows =
      connection_.Query(sql, Params().BindAll(token, lease_until, now, std::int64_t{limit}));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadOutboxMessage<RowReader>);
}

Status PostgresOutboxRepository::MarkSent(std::int64_t id, std::string_view token,
                                          std::int64_t now) {
  return RunOnClaimedRow(
      connection_,
      "UPDATE outbox SET state = 'sent', sent_at = $1, claim_token = '', last_error = '' "
      "WHERE id = $2 AND state = 'sending' AND claim_token = $3",
      Params().BindAll(now, id, token));
}

Status PostgresOutboxRepository::MarkRetry(std::int64_t id, std::string_view token,
                                           std::int64_t next_attempt_at, std::string_view error) {
  return RunOnClaimedRow(
      connection_,
      "UPDATE outbox SET state = 'queued', next_attempt_at = $1, last_error = $2, "
      "claim_token = '' WHERE id = $3 AND state = 'sending' AND claim_token = $4",
      Params().BindAll(next_attempt_at, error, id, token));
}

Status PostgresOutboxRepository::MarkFailed(std::int64_t id, std::string_view token,
                                            std::string_view error) {
  return RunOnClaimedRow(connection_,
                         "UPDATE outbox SET state = 'failed', last_error = $1, claim_token = '' "
                         "WHERE id = $2 AND state = 'sending' AND claim_token = $3",
                         Params().BindAll(error, id, token));
}

Result<app::OutboxCounts> PostgresOutboxRepository::Counts() {
  Result<Rows> rows = connection_.Query(
      "SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = "
      "'sending'), count(*) FILTER (WHERE state = 'sent'), count(*) FILTER (WHERE state = "
      "'failed') FROM outbox");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(
      [](RowReader& r) {
        app::OutboxCounts counts;
        counts.queued = r.Int64();
        counts.sending = r.Int64();
        counts.sent = r.Int64();
        counts.failed = r.Int64();
        return counts;
      },
      "no counts");
}

Result<std::vector<app::OutboxMessage>> PostgresOutboxRepository::OfComplaint(
    std::string_view complaint_reference) {
  static const std::string sql = "SELECT " + std::string(common::kOutboxColumns) +
                                 " FROM outbox o" + std::string(common::kOutboxJoins) +
                                 " WHERE c.reference = $1 ORDER BY l.number, o.id";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(complaint_reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadOutboxMessage<RowReader>);
}

// --- contact preferences ---

Result<std::optional<core::ContactPreferences>> PostgresContactPreferencesRepository::Load(
    std::string_view complaint_reference) {
  static const std::string sql =
      std::string(common::kContactPreferencesSelect) + "WHERE c.reference = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(complaint_reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::ContactPreferences>();
  return rows->ReadOne(
      [](RowReader& r) {
        return std::optional<core::ContactPreferences>(common::ReadContactPreferences(r));
      },
      "no preferences");
}

Result<std::vector<std::pair<std::string, core::ContactPreferences>>>
PostgresContactPreferencesRepository::LoadMany(std::span<const std::string> complaint_references) {
  if (complaint_references.empty()) {
    return std::vector<std::pair<std::string, core::ContactPreferences>>();
  }
  std::string sql(common::kContactPreferencesOfManySelect);
  Params params;
  for (std::size_t i = 0; i < complaint_references.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    params.Bind(complaint_references[i]);
  }
  sql += ")";
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadReferencedContactPreferences<RowReader>);
}

Status PostgresContactPreferencesRepository::Save(std::string_view complaint_reference,
                                                  const core::ContactPreferences& preferences) {
  Result<std::int64_t> complaint_id = ComplaintId(connection_, complaint_reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  static const std::string sql = "INSERT INTO complaint_contact_preferences (" +
                                 std::string(common::kContactPreferencesColumns) +
                                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)" +
                                 std::string(common::kContactPreferencesUpsert);
  Params params;
  common::BindContactPreferences(params, *complaint_id, preferences);
  return connection_.Run(sql, params);
}

// --- printings ---

Result<std::vector<app::BatchLetter>> PostgresLetterPrintingRepository::Batch(core::Date date) {
  static const std::string sql = std::string(common::kPrintedLetterSelect) +
                                 " AND ((p.id IS NULL AND l.issued_on <= $1) OR p.batch_date = $1) "
                                 "ORDER BY l.issued_on, c.reference, l.number";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(date));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadBatchLetter<RowReader>);
}

Status PostgresLetterPrintingRepository::Record(const app::LetterPrinting& printing) {
  std::string name =
      "letter " + std::to_string(printing.letter_number) + " of " + printing.complaint_reference;
  // The letter's row is taken until the transaction ends, so that two instances marking the same
  // letter printed answer one of them kConflict rather than a unique violation.
  static const std::string find = std::string(common::kPrintedLetterSelect) +
                                  " AND c.reference = $1 AND l.number = $2 FOR UPDATE OF l";
  Result<Rows> found = connection_.Query(
      find, Params().BindAll(printing.complaint_reference, printing.letter_number));
  if (!found) return Unexpected(found.error());
  Result<std::vector<app::BatchLetter>> rows = found->ReadAll(common::ReadBatchLetter<RowReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return core::FailField("letters", "there is no " + name + " that goes by post",
                           core::FieldErrorCode::kUnknownReference);
  }
  if (rows->front().printing) return Fail(ErrorCode::kConflict, name + " was printed already");
  Result<Rows> inserted = connection_.Query(
      "INSERT INTO letter_printings (letter_id, batch_date, printed_by, printed_at) "
      "VALUES ($1, $2, $3, $4)",
      Params().BindAll(rows->front().letter.id, printing.batch_date, printing.printed_by,
                       printing.printed_at));
  if (!inserted) return Unexpected(inserted.error());
  return {};
}

Result<std::vector<app::LetterPrinting>> PostgresLetterPrintingRepository::OfComplaint(
    std::string_view complaint_reference) {
  static const std::string sql = std::string(common::kPrintedLetterSelect) +
                                 " AND c.reference = $1 AND p.id IS NOT NULL ORDER BY l.number";
  Result<Rows> found = connection_.Query(sql, Params().Bind(complaint_reference));
  if (!found) return Unexpected(found.error());
  Result<std::vector<app::BatchLetter>> rows = found->ReadAll(common::ReadBatchLetter<RowReader>);
  if (!rows) return Unexpected(rows.error());
  std::vector<app::LetterPrinting> printings;
  for (app::BatchLetter& row : *rows) printings.push_back(std::move(*row.printing));
  return printings;
}

}  // namespace redress::storage::postgres
