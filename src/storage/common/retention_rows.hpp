#pragma once

// Retention and disposal as every engine stores them (app/retention_repository.hpp; SQLite
// migration 0032, PostgreSQL 0021): the statements of the snapshot the verdicts are judged from,
// the statements that remove a complaint's personal data, and the JSON of a verdict's reasons.
// Statements with parameters are built with the engine's marker (`Marker(n)`: "?" or "$n"). Each
// engine runs them itself. Internal to the storage adapters.

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/retention_repository.hpp"
#include "core/person_search.hpp"
#include "core/retention.hpp"
#include "storage/common/complaint_rows.hpp"
#include "storage/common/stored_json.hpp"

namespace redress::storage::common {

// The snapshot (app::RetentionSnapshot), one statement per part; none takes a parameter.
// The day a case ended is its closure, refusal or withdrawal, by its status.
inline constexpr std::string_view kRetentionCasesSql =
    "SELECT c.reference, c.regime, c.received_on, "
    "CASE c.status WHEN 'closed' THEN c.closed_on WHEN 'not_accepted' THEN c.refusal_decided_on "
    "WHEN 'withdrawn' THEN c.withdrawn_on END, c.email_key, c.phone_key, c.person_key "
    "FROM complaints c WHERE NOT EXISTS "
    "(SELECT 1 FROM disposed_complaints d WHERE d.reference = c.reference) ORDER BY c.reference";
// The service requests that never became a complaint (a converted one goes with its complaint),
// ended when resolved. They store no person keys: the reader computes them from the requester.
inline constexpr std::string_view kRetentionServiceRequestsSql =
    "SELECT s.reference, s.received_on, CASE s.status WHEN 'resolved' THEN s.resolved_on END, "
    "s.requester_name, s.requester_email, s.requester_phone, s.requester_address, "
    "s.requester_postcode FROM service_requests s WHERE s.complaint_reference IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM disposed_service_requests d WHERE d.reference = s.reference) "
    "ORDER BY s.reference";
// The subject access requests, ended when completed or withdrawn. No complaint keeps them and
// they keep none, so they carry no person keys.
inline constexpr std::string_view kRetentionSubjectAccessSql =
    "SELECT r.reference, r.received_on, CASE r.status WHEN 'completed' THEN r.completed_on "
    "WHEN 'withdrawn' THEN r.withdrawn_on END FROM subject_access_requests r WHERE NOT EXISTS "
    "(SELECT 1 FROM disposed_subject_access_requests d WHERE d.reference = r.reference) "
    "ORDER BY r.reference";
inline constexpr std::string_view kRetentionLinksSql =
    "SELECT f.reference, t.reference FROM complaint_links l JOIN complaints f ON f.id = l.from_id "
    "JOIN complaints t ON t.id = l.to_id "
    "UNION SELECT c.reference, r.repeat_of FROM complaint_repeats r "
    "JOIN complaints c ON c.id = r.complaint_id";
inline constexpr std::string_view kRetentionOpenOmbudsmanSql =
    "SELECT occ.complaint, oc.reference FROM ombudsman_case_complaints occ "
    "JOIN ombudsman_cases oc ON oc.id = occ.case_id WHERE oc.final_decision_on IS NULL "
    "ORDER BY occ.complaint, oc.reference";
inline constexpr std::string_view kRetentionUnfinishedActionsSql =
    "SELECT c.reference, count(*) FROM stage_actions a JOIN complaints c ON c.id = a.complaint_id "
    "WHERE a.status = 'open' GROUP BY c.reference";
inline constexpr std::string_view kRetentionUnfinishedRemediesSql =
    "SELECT occ.complaint, count(*) FROM ombudsman_remedies r "
    "JOIN ombudsman_case_complaints occ ON occ.case_id = r.case_id "
    "WHERE r.completed_on IS NULL GROUP BY occ.complaint";
inline constexpr std::string_view kRetentionHoldsInForceSql =
    "SELECT reference, kind, reason FROM retention_holds WHERE released_at = '' ORDER BY id";

// The stored person keys of a case, each prefixed by its kind so that keys of different kinds
// never meet (core::RetentionCase::person_keys).
inline std::vector<std::string> PrefixedPersonKeys(std::string email_key, std::string phone_key,
                                                   std::string person_key) {
  std::vector<std::string> keys;
  if (!email_key.empty()) keys.push_back("email:" + email_key);
  if (!phone_key.empty()) keys.push_back("phone:" + phone_key);
  if (!person_key.empty()) keys.push_back("person:" + person_key);
  return keys;
}

template <typename Reader>
core::RetentionCase ReadRetentionCase(Reader& r) {
  core::RetentionCase c;
  c.reference = r.Text();
  c.regime = r.Enumerator(core::ParseRegime);
  c.received_on = r.Date();
  c.ended_on = r.OptionalDate();
  std::string email_key = r.Text();
  std::string phone_key = r.Text();
  std::string person_key = r.Text();
  c.person_keys =
      PrefixedPersonKeys(std::move(email_key), std::move(phone_key), std::move(person_key));
  return c;
}

template <typename Reader>
core::RetentionCase ReadRetentionServiceRequest(Reader& r) {
  core::RetentionCase c;
  c.record = core::RetainedRecord::kServiceRequest;
  c.reference = r.Text();
  c.received_on = r.Date();
  c.ended_on = r.OptionalDate();
  // The complaints' stored keys are these same functions' results (complaint_rows.hpp).
  core::PersonKey key = core::PersonKeyOf(ReadPerson(r));
  c.person_keys =
      PrefixedPersonKeys(std::move(key.email), std::move(key.phone), std::move(key.name_postcode));
  return c;
}

// A rule's regime as stored: '' for a record type whose rule has none (a service request).
inline std::string StoredRuleRegime(const core::RetentionRule& rule) {
  return rule.regime ? std::string(core::ToString(*rule.regime)) : std::string();
}

template <typename Reader>
core::RetentionRule ReadRetentionRule(Reader& r) {
  core::RetentionRule rule;
  rule.record = r.Enumerator(core::ParseRetainedRecord);
  const std::string regime = r.Text();
  rule.regime = regime.empty() ? std::nullopt : core::ParseRegime(regime);
  rule.years_after_closure = static_cast<int>(r.Int64());
  return rule;
}
inline constexpr std::string_view kRetentionRulesSql =
    "SELECT record_type, regime, years FROM retention_rules ORDER BY record_type, regime";

// The hold and run columns, in binding and reading order, and their readers (the engine's row
// reader: SQLite's ColumnReader, PostgreSQL's RowReader).
inline constexpr std::string_view kHoldColumns =
    "id, reference, kind, reason, placed_by, placed_at, released_by, released_at, release_reason";

template <typename Reader>
app::RetentionHoldRecord ReadHold(Reader& r) {
  app::RetentionHoldRecord hold;
  hold.id = r.Int64();
  hold.reference = r.Text();
  hold.kind = r.Enumerator(core::ParseHoldKind);
  hold.reason = r.Text();
  hold.placed_by = r.Text();
  hold.placed_at = r.Text();
  hold.released_by = r.Text();
  hold.released_at = r.Text();
  hold.release_reason = r.Text();
  return hold;
}

template <typename Reader>
app::DisposalRunRecord ReadRun(Reader& r) {
  app::DisposalRunRecord run;
  run.id = r.Int64();
  run.version = r.Int64();
  run.state = r.Enumerator(core::ParseDisposalRunState);
  run.as_of = r.Date();
  run.created_by = r.Text();
  run.created_at = r.Text();
  run.approved_by = r.Text();
  run.approved_at = r.Text();
  run.finished_by = r.Text();
  run.finished_at = r.Text();
  run.to_dispose = r.Int64();
  run.kept = r.Int64();
  run.disposed = r.Int64();
  return run;
}

// The snapshot the verdicts are judged from, read with the engine's `query(sql, read)` (each
// engine's statement runner: every row of `sql`, each read by `read` from a `Reader`).
template <typename Reader, typename Query>
core::Result<app::RetentionSnapshot> ReadRetentionSnapshot(Query&& query) {
  app::RetentionSnapshot snapshot;
  auto cases = query(kRetentionCasesSql, [](Reader& r) { return ReadRetentionCase(r); });
  if (!cases) return tl::unexpected(cases.error());
  snapshot.cases = std::move(*cases);
  auto requests =
      query(kRetentionServiceRequestsSql, [](Reader& r) { return ReadRetentionServiceRequest(r); });
  if (!requests) return tl::unexpected(requests.error());
  snapshot.cases.insert(snapshot.cases.end(), std::make_move_iterator(requests->begin()),
                        std::make_move_iterator(requests->end()));
  auto accesses = query(kRetentionSubjectAccessSql, [](Reader& r) {
    core::RetentionCase c;
    c.record = core::RetainedRecord::kSubjectAccessRequest;
    c.reference = r.Text();
    c.received_on = r.Date();
    c.ended_on = r.OptionalDate();
    return c;
  });
  if (!accesses) return tl::unexpected(accesses.error());
  snapshot.cases.insert(snapshot.cases.end(), std::make_move_iterator(accesses->begin()),
                        std::make_move_iterator(accesses->end()));
  auto pairs = [](Reader& r) { return std::pair{r.Text(), r.Text()}; };
  auto links = query(kRetentionLinksSql, pairs);
  if (!links) return tl::unexpected(links.error());
  snapshot.links = std::move(*links);
  auto ombudsman = query(kRetentionOpenOmbudsmanSql, pairs);
  if (!ombudsman) return tl::unexpected(ombudsman.error());
  for (auto& [complaint, ombudsman_case] : *ombudsman) {
    snapshot.open_ombudsman_cases[complaint].push_back(std::move(ombudsman_case));
  }
  auto counts = [](Reader& r) { return std::pair{r.Text(), static_cast<int>(r.Int64())}; };
  auto actions = query(kRetentionUnfinishedActionsSql, counts);
  if (!actions) return tl::unexpected(actions.error());
  snapshot.unfinished_actions.insert(actions->begin(), actions->end());
  auto remedies = query(kRetentionUnfinishedRemediesSql, counts);
  if (!remedies) return tl::unexpected(remedies.error());
  snapshot.unfinished_ombudsman_remedies.insert(remedies->begin(), remedies->end());
  auto holds = query(kRetentionHoldsInForceSql, [](Reader& r) {
    std::string reference = r.Text();
    core::PlacedHold hold{r.Enumerator(core::ParseHoldKind), r.Text()};
    return std::pair{std::move(reference), std::move(hold)};
  });
  if (!holds) return tl::unexpected(holds.error());
  for (auto& [reference, hold] : *holds) snapshot.holds[reference].push_back(std::move(hold));
  return snapshot;
}

// A verdict's reasons as stored: [{"reason": "within_retention", "detail": "…"}].
inline std::string KeptBecauseJson(const std::vector<core::KeptBecause>& kept) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::KeptBecause& k : kept) {
    array.push_back({{"reason", core::ToString(k.reason)}, {"detail", k.detail}});
  }
  return array.dump();
}

inline std::vector<core::KeptBecause> ReadKeptBecause(std::string_view text) {
  std::vector<core::KeptBecause> kept;
  for (const nlohmann::json& item : ParseStoredArray(text)) {
    const std::optional<core::KeepReason> reason =
        core::ParseKeepReason(StoredTextMember(item, "reason"));
    kept.push_back(
        {reason.value_or(core::KeepReason::kManualHold), StoredTextMember(item, "detail")});
  }
  return kept;
}

// The run and item columns, in binding and reading order.
inline constexpr std::string_view kDisposalRunColumns =
    "id, version, state, as_of, created_by, created_at, approved_by, approved_at, finished_by, "
    "finished_at, to_dispose, kept, disposed";

// What a disposed case's learning text becomes: not blank, because the report counts the
// responses that recorded learning (report/records.hpp's learning_recorded), a fact it keeps.
inline constexpr std::string_view kDisposedText = "[disposed]";
// The column's value after disposal: NULL and blank stay as they are, any text becomes
// kDisposedText.
inline std::string DisposedLearning(std::string_view column) {
  const std::string c(column);
  return c + " = CASE WHEN " + c + " IS NULL OR trim(" + c + ") = '' THEN " + c + " ELSE '" +
         std::string(kDisposedText) + "' END";
}

// The text attached files of a disposed case are removed with.
inline constexpr std::string_view kDisposedRemovalReason =
    "disposed of under the retention schedule";
// The name a disposed case's attachment keeps (the column may not be blank).
inline constexpr std::string_view kDisposedFileName = "disposed";

// The statements that remove the personal data of complaint id `marker(1)` (each statement's one
// parameter, which some use more than once: SQLite's "?1", PostgreSQL's "$1") and of what hangs
// from it, keeping the statistics' columns. The engine runs each in
// order, then its own statement for the superseded responses' JSON lists and the attachments.
template <typename MarkerFn>
std::vector<std::string> DisposalStatements(MarkerFn marker) {
  const std::string id = marker(1);
  const std::string ref = "(SELECT c.reference FROM complaints c WHERE c.id = " + id + ")";
  // Its service request's reference, or NULL (which matches nothing).
  const std::string service_request =
      "(SELECT c.service_request_reference FROM complaints c WHERE c.id = " + id + ")";
  auto blank_if_set = [](std::string_view column) {
    return std::string(column) + " = CASE WHEN " + std::string(column) +
           " IS NULL THEN NULL ELSE '' END";
  };
  return {
      "UPDATE complaints SET version = version + 1, summary = '', description = '', "
      "desired_outcome = '', complainant_name = '', complainant_email = '', "
      "complainant_phone = '', complainant_address = '', complainant_postcode = '', " +
          blank_if_set("representative_name") + ", " + blank_if_set("representative_email") + ", " +
          blank_if_set("representative_phone") + ", " + blank_if_set("representative_address") +
          ", " + blank_if_set("representative_postcode") + ", " +
          blank_if_set("refusal_explanation") + ", " + blank_if_set("withdrawal_reason") +
          ", email_key = '', phone_key = '', property_key = '', people_text = '', "
          "person_key = '' WHERE id = " +
          id,
      "UPDATE complaint_stages SET escalation_reason = '', " + DisposedLearning("learning") +
          " WHERE complaint_id = " + id,
      "UPDATE stage_remedies SET description = '' WHERE complaint_id = " + id,
      "UPDATE stage_actions SET description = '' WHERE complaint_id = " + id,
      "UPDATE stage_procedures SET " + blank_if_set("discussion_notes") + ", " +
          blank_if_set("late_notice_reason") + " WHERE complaint_id = " + id,
      "DELETE FROM complaint_notes WHERE complaint_id = " + id,
      "DELETE FROM complaint_contact_preferences WHERE complaint_id = " + id,
      // The people index's decisions on the case and its service request: their reasons are
      // staff's words about the person (their events are the case's, erased with them).
      "DELETE FROM person_records WHERE reference IN (" + ref + ", " + service_request +
          ") OR person_id LIKE " + ref + " || '.%' OR person_id LIKE " + service_request +
          " || '.%'",
      "UPDATE outbox SET recipient = '', last_error = '' WHERE letter_id IN "
      "(SELECT l.id FROM letters l WHERE l.complaint_id = " +
          id + ")",
      // The reminders that named the case quoted its summary: their text goes, their count stays.
      "UPDATE reminder_digests SET text = '', html = '' WHERE text LIKE '%' || " + ref + " || '%'",
      "UPDATE service_requests SET version = version + 1, summary = '', description = '', "
      "requester_name = '', requester_email = '', requester_phone = '', requester_address = '', "
      "requester_postcode = '', resolution = '' WHERE complaint_reference = " +
          ref +
          " OR reference = (SELECT c.service_request_reference FROM complaints c WHERE c.id = " +
          id + ")",
  };
}

// The disposal statements of a service request or a subject access request share a shape: each
// takes the record's reference as `marker(1)`; the first changes the record's row (none when it
// does not exist, or for a service request, when it became a complaint); the last records the
// disposal, with the run as `marker(2)` and the time as `marker(3)`. Each engine runs them in
// order with its own runner.

// A service request that never became a complaint: its personal data goes, its dates, channel,
// service area, category, team and status stay. The engine marks its attachments too.
template <typename MarkerFn>
std::vector<std::string> ServiceRequestDisposalStatements(MarkerFn marker) {
  const std::string ref = marker(1);
  return {
      "UPDATE service_requests SET version = version + 1, summary = '', description = '', "
      "requester_name = '', requester_email = '', requester_phone = '', requester_address = '', "
      "requester_postcode = '', resolution = '' WHERE reference = " +
          ref + " AND complaint_reference IS NULL",
      // The people index's decisions on it: their reasons are staff's words about the person.
      "DELETE FROM person_records WHERE reference = " + ref + " OR person_id LIKE " + ref +
          " || '.%'",
      "INSERT INTO disposed_service_requests (reference, run_id, disposed_at) VALUES (" + ref +
          ", " + marker(2) + ", " + marker(3) + ")",
  };
}

// A subject access request (the shape above): its dates and status stay. Its requester's name may
// not be blank, nor may the reasons once given: they become kDisposedText. The withholdings' items
// stay (they name records, not people); their reasons go.
template <typename MarkerFn>
std::vector<std::string> SubjectAccessDisposalStatements(MarkerFn marker) {
  const std::string ref = marker(1);
  const std::string disposed = "'" + std::string(kDisposedText) + "'";
  return {
      "UPDATE subject_access_requests SET version = version + 1, requester_name = " + disposed +
          ", requester_email = '', requester_phone = '', requester_address = '', "
          "requester_postcode = '', subject_name = '', details = '', extension_reason = CASE WHEN "
          "extension_reason IS NULL THEN NULL ELSE " +
          disposed + " END, withdrawal_reason = CASE WHEN withdrawal_reason = '' THEN '' ELSE " +
          disposed + " END WHERE reference = " + ref,
      "UPDATE subject_access_withholdings SET reason = " + disposed +
          " WHERE request_id = (SELECT id FROM subject_access_requests WHERE reference = " + ref +
          ")",
      "INSERT INTO disposed_subject_access_requests (reference, run_id, disposed_at) VALUES (" +
          ref + ", " + marker(2) + ", " + marker(3) + ")",
  };
}

// The attachments of a disposed record: those still attached (their content's SHA-256 for the
// caller to remove from the file store), then every row keeps its size and hash and loses its
// name and description. Parameters: attached_to, reference; then name, at, reason, attached_to,
// reference.
template <typename MarkerFn>
std::pair<std::string, std::string> DisposedAttachmentStatements(MarkerFn marker) {
  return {"SELECT sha256 FROM attachments WHERE attached_to = " + marker(1) +
              " AND reference = " + marker(2) + " AND removed_at IS NULL",
          "UPDATE attachments SET name = " + marker(1) +
              ", description = '', removed_by = coalesce(removed_by, 'retention'), "
              "removed_at = coalesce(removed_at, " +
              marker(2) + "), removal_reason = CASE WHEN removal_reason IS NULL THEN " + marker(3) +
              " ELSE '' END WHERE attached_to = " + marker(4) + " AND reference = " + marker(5)};
}

}  // namespace redress::storage::common
