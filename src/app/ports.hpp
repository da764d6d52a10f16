#pragma once

// The ports of the application: what a use case needs from the outside world. The storage
// adapters (src/storage/sqlite, later src/storage/postgres) implement Store and Tx; the
// composition root (src/main) wires them in. Nothing here knows an engine or a SQL dialect.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/contact_preferences_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/letter_template_repository.hpp"
#include "app/outbox_repository.hpp"
#include "app/records.hpp"
#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "core/repeats.hpp"
#include "core/result.hpp"
#include "core/service_request.hpp"
#include "report/records.hpp"

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

// One row of a complaint list: the case's current stage, projected for filtering and display.
struct ComplaintRow {
  std::string reference;
  core::Regime regime;
  core::CaseStatus status;
  int stage;
  std::string service_area;
  std::string category;
  std::string team;
  std::string handler;
  core::Date received_on;
  std::optional<core::Date> due_on;  // the pending deadline: acknowledge_by or respond_by
  std::string summary;
  std::int64_t version;
};

// The orders a complaint list can come in. Every order ends with the reference, so it is total
// and a page boundary is exact.
enum class ComplaintSort {
  kReference,   // reference
  kReceivedOn,  // received_on, then reference
  // due_on, then reference. Cases with no pending deadline (due_on absent) come after every dated
  // case in ascending order, and so before them in descending order.
  kDueOn,
};
// kDescending is the exact reverse of kAscending, reference tie-break included.
enum class SortDirection { kAscending, kDescending };

// Keyset pagination: the position just after the last row of a page, in the page's sort order.
// Make it with CursorAfter(last row, sort); the next page is the same query with `after` set to
// it (same filters, sort and direction). An HTTP layer may serialise it as it likes (both fields
// are plain ASCII) and must pass it back unchanged.
struct ComplaintCursor {
  // The last row's sort key: its received_on (ISO date) for kReceivedOn; its due_on (ISO date),
  // or "" when it has none, for kDueOn; ignored for kReference.
  std::string sort_key;
  std::string reference;  // the last row's reference
  friend bool operator==(const ComplaintCursor&, const ComplaintCursor&) = default;
};

// The filters of a complaint list and of the counts by status. Every filter given must hold
// (AND); an unset optional or an empty string filters nothing.
struct ComplaintQuery {
  std::optional<core::CaseStatus> status;
  std::optional<int> stage;
  std::optional<core::Regime> regime;
  std::string service_area;  // empty = any
  std::string team;
  std::string handler;
  std::string category;
  std::optional<core::Date> received_from;  // inclusive
  std::optional<core::Date> received_to;    // inclusive
  std::optional<core::Date> due_before;     // due_on < this (overdue as at a date)
  // The deadline filters as a user asks them: CaseService::List and Counts turn them into
  // due_from/due_before (core::OverdueRange, core::DueWithinRange on the organisation's
  // calendar, as at today); a store reads only due_from/due_before.
  bool overdue = false;
  std::optional<int> due_within;  // working days from today
  int limit = 50;
  // Keyset for the reference order only: rows after this reference. Kept for callers that page
  // in reference order; `after` does the same for every order and wins when both are set.
  std::string after_reference;

  // Free text searched in the summary and description. Each whitespace-separated word must occur
  // (AND), matched as a word regardless of case and accents; the last word also matches as a
  // prefix ("mou" finds "mould"). Any text is accepted: it is never parsed as search syntax.
  // No words (empty, or only spaces and double quotes) = no text filter.
  std::string text;
  std::optional<core::Date> due_from;  // due_on >= this (inclusive); no due_on = excluded
  ComplaintSort sort = ComplaintSort::kReference;
  SortDirection direction = SortDirection::kAscending;
  std::optional<ComplaintCursor> after;  // the page after this position (see ComplaintCursor)

  // Restricted cases (core::CanSee): when set, only unrestricted cases and restricted ones with a
  // stage handled by this team (empty = no team: unrestricted cases only). Unset = every case,
  // for the command line and reports; a request of the API always sets it from its actor.
  std::optional<std::string> visible_to_team;
};

// The cursor just after `row` in the order `sort`.
inline ComplaintCursor CursorAfter(const ComplaintRow& row, ComplaintSort sort) {
  switch (sort) {
    case ComplaintSort::kReceivedOn:
      return {row.received_on.ToIso(), row.reference};
    case ComplaintSort::kDueOn:
      return {row.due_on ? row.due_on->ToIso() : std::string(), row.reference};
    case ComplaintSort::kReference:
      break;
  }
  return {std::string(), row.reference};
}

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
  std::string warning;  // checks that could not run, and why; "" when every check ran
};

// Complaints per status, every status present (zero included), in the order of core::CaseStatus.
using StatusCounts = std::vector<std::pair<core::CaseStatus, std::int64_t>>;

// Counts of what a database holds, for `redress summary` and health checks.
struct StoreSummary {
  std::string organisation;
  std::int64_t complaints = 0;
  std::int64_t service_requests = 0;
  std::int64_t users = 0;
  std::int64_t teams = 0;
  std::int64_t service_areas = 0;
  std::int64_t events = 0;
  // Per financial year, regime and stage: complaints whose stage started in that year.
  struct StageCount {
    int financial_year;
    core::Regime regime;
    int stage;
    std::int64_t count;
  };
  std::vector<StageCount> stage_counts;
  // Open cases per status.
  std::vector<std::pair<core::CaseStatus, std::int64_t>> by_status;
};

// One transaction. Every method either succeeds or returns an error and leaves the transaction
// usable only for rollback (the Store does that when the work returns an error).
class Tx {
 public:
  virtual ~Tx() = default;

  // Complaints. Insert assigns id, reference ("CMP-<year received>-<6-digit sequence>") and
  // version 1 and appends the event; Update requires the stored version to equal
  // expected_version (else kStaleVersion), stores version + 1 and appends the event.
  virtual Result<core::Complaint> LoadComplaint(std::string_view reference) = 0;
  virtual Result<core::Complaint> InsertComplaint(core::Complaint complaint,
                                                  const core::CaseEvent& event) = 0;
  virtual Result<core::Complaint> UpdateComplaint(const core::Complaint& complaint,
                                                  std::int64_t expected_version,
                                                  const core::CaseEvent& event) = 0;
  virtual Result<std::vector<ComplaintRow>> ListComplaints(const ComplaintQuery& query) = 0;
  // How many complaints match the query's filters, per status; limit, sort and cursors are
  // ignored. For dashboards.
  virtual Result<StatusCounts> CountByStatus(const ComplaintQuery& query) = 0;
  // The `limit` most recent earlier complaints with the same category received in [from, to]
  // that share the key's email, phone or property: most recent first (received_on, then
  // reference, descending). Its cost must not grow with the number of complaints sharing a key.
  virtual Result<std::vector<core::RepeatCandidate>> RepeatCandidates(const core::RepeatKey& key,
                                                                      core::Date from,
                                                                      core::Date to,
                                                                      std::size_t limit) = 0;

  // Service requests; references "SR-<year received>-<6-digit sequence>".
  virtual Result<core::ServiceRequest> LoadServiceRequest(std::string_view reference) = 0;
  virtual Result<core::ServiceRequest> InsertServiceRequest(core::ServiceRequest request,
                                                            const core::CaseEvent& event) = 0;
  virtual Result<core::ServiceRequest> UpdateServiceRequest(const core::ServiceRequest& request,
                                                            std::int64_t expected_version,
                                                            const core::CaseEvent& event) = 0;

  // Internal notes and links between complaints. The use cases append the events.
  // kNotFound for an unknown reference.
  virtual Result<CaseNote> InsertNote(std::string_view reference, CaseNote note) = 0;  // assigns id
  virtual Result<std::vector<CaseNote>> NotesOf(std::string_view reference) = 0;  // oldest first
  // kConflict when the two are already linked, whichever way round.
  virtual Status InsertLink(const CaseLink& link) = 0;
  // Removes the link between `a` and `b`, whichever way it was made, and returns it; kNotFound
  // when they are not linked.
  virtual Result<CaseLink> DeleteLink(std::string_view a, std::string_view b) = 0;
  // The links made from or to the complaint, oldest first.
  virtual Result<std::vector<CaseLink>> LinksOf(std::string_view reference) = 0;

  // The hash-chained event log. Events of complaints and service requests are appended by their
  // Insert/Update; everything else appends explicitly.
  virtual Status AppendEvent(EntityType type, std::string_view entity_ref,
                             const core::CaseEvent& event) = 0;
  virtual Result<std::vector<StoredEvent>> EventsOf(EntityType type,
                                                    std::string_view entity_ref) = 0;

  // Organisation and reference data.
  virtual Result<OrganisationSettings> LoadSettings() = 0;
  virtual Status SaveSettings(const OrganisationSettings& settings) = 0;
  virtual Result<std::vector<Team>> ListTeams() = 0;
  virtual Status UpsertTeam(const Team& team) = 0;
  virtual Result<std::vector<ServiceArea>> ListServiceAreas() = 0;
  virtual Status UpsertServiceArea(const ServiceArea& area) = 0;  // team must exist
  virtual Result<std::vector<Category>> ListCategories() = 0;
  virtual Status UpsertCategory(const Category& category) = 0;
  virtual Result<std::vector<RootCause>> ListRootCauses() = 0;
  virtual Status UpsertRootCause(const RootCause& root_cause) = 0;
  virtual Result<std::vector<ClosureDay>> ListClosureDays() = 0;
  virtual Status AddClosureDay(const ClosureDay& day) = 0;  // kConflict if the date exists
  virtual Status RemoveClosureDay(core::Date date) = 0;     // kNotFound if absent
  virtual Result<std::vector<core::Designation>> ListDesignations() = 0;
  virtual Status AddDesignation(const core::Designation& designation) = 0;
  // A number that differs whenever the configuration above (settings, teams, service areas,
  // categories, root causes, closure days, designations) may have changed since it was last read:
  // the sequence of the latest configuration event (0 when there is none). Every change made by
  // the functions of app/organisation.hpp appends that event in the change's own transaction, and
  // a committed sequence is never reused, so equal generations read in committed transactions
  // mean equal configurations. Meant to be cheap: it is read in every write use case.
  virtual Result<std::int64_t> ConfigurationGeneration() = 0;

  // Accounts. Usernames are unique (kConflict).
  virtual Result<User> InsertUser(User user) = 0;  // assigns id
  virtual Result<User> FindUser(std::string_view username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // Stores every field of the user with this id (the username included); kNotFound if absent.
  virtual Status UpdateUser(const User& user) = 0;
  virtual Result<ApiToken> InsertToken(ApiToken token) = 0;  // assigns id
  virtual Result<ApiToken> FindTokenByHash(std::string_view token_hash) = 0;
  virtual Result<User> FindUserById(std::int64_t id) = 0;                    // kNotFound if absent
  virtual Result<ApiToken> FindToken(std::int64_t id) = 0;                   // kNotFound if absent
  virtual Result<std::vector<ApiToken>> TokensOf(std::int64_t user_id) = 0;  // by id
  // Sets revoked_at; kNotFound if absent. A revoked token keeps its first revoked_at.
  virtual Status RevokeToken(std::int64_t id, std::string_view revoked_at) = 0;
  // Revokes every token of the user not yet revoked; returns how many it revoked.
  virtual Result<int> RevokeTokensOf(std::int64_t user_id, std::string_view revoked_at) = 0;

  // Web sessions, found by the hash of their cookie token.
  virtual Result<Session> InsertSession(Session session) = 0;                  // assigns id
  virtual Result<Session> FindSessionByHash(std::string_view token_hash) = 0;  // kNotFound
  virtual Status ExtendSession(std::int64_t id, std::int64_t expires_at) = 0;
  virtual Status DeleteSession(std::int64_t id) = 0;  // nothing to delete is no error
  // Deletes every session of the user but the one whose token hash is `keep_token_hash` (none
  // when empty); returns how many it deleted.
  virtual Result<int> DeleteSessionsOf(std::int64_t user_id, std::string_view keep_token_hash) = 0;

  // Failed sign-ins per username (or per keyed hash of a username nobody has, see
  // app/sign_in_guard.hpp); a name never seen has the zero record.
  virtual Result<SignInAttempts> LoadSignInAttempts(std::string_view username) = 0;
  virtual Status SaveSignInAttempts(std::string_view username, const SignInAttempts& attempts) = 0;

  virtual Result<StoreSummary> Summarise() = 0;

  // Reports.

  // Streams the report projection (report/records.hpp) into `sink`: every complaint received on
  // or before window.to, each with its stages, and the service requests received within the
  // window. Reads only the columns the report needs, in a few sequential scans, so that a
  // million complaints take well under a second and memory does not grow with their number.
  virtual Status ReadReportRecords(const report::RecordWindow& window,
                                   report::RecordSink& sink) = 0;
  // Homes owned per financial year (the TSM CH01 denominator), by year.
  virtual Result<std::map<int, std::int64_t>> ListHomesOwned() = 0;
  // Sets the homes owned of a financial year, replacing any earlier figure; homes > 0.
  virtual Status SaveHomesOwned(int financial_year, std::int64_t homes) = 0;
  // TSM TP09 per financial year, by year.
  virtual Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() = 0;
  // Sets TP09 of a financial year, replacing any earlier figure; validated by the use case.
  virtual Status SaveTenantSatisfaction(int financial_year,
                                        const report::TenantSatisfaction& survey) = 0;

  // Ombudsman cases, learning actions, self-assessment.
  //
  // Ombudsman cases ("OMB-"), failure orders ("CHFO-") and learning actions ("LRN-") are
  // versioned like complaints: Insert assigns id, the reference "<prefix>-<year>-<6 digits>" and
  // version 1; Update requires the stored version to equal expected_version (else kStaleVersion;
  // kNotFound for an unknown reference) and stores version + 1; both return the record as stored.
  // A complaint, Ombudsman case, owner, category or root cause they name must exist (kInvalidInput
  // naming the field). The use cases append the events. Lists are oldest first; an organisation
  // has tens to hundreds of these a year, so the use cases filter them in memory.
  virtual Result<core::OmbudsmanCase> InsertOmbudsmanCase(core::OmbudsmanCase ombudsman_case,
                                                          int year) = 0;
  virtual Result<core::OmbudsmanCase> UpdateOmbudsmanCase(core::OmbudsmanCase ombudsman_case,
                                                          std::int64_t expected_version) = 0;
  virtual Result<core::OmbudsmanCase> LoadOmbudsmanCase(std::string_view reference) = 0;
  // Every case, or only those concerning the complaint `complaint` when it is not empty.
  virtual Result<std::vector<core::OmbudsmanCase>> ListOmbudsmanCases(
      std::string_view complaint) = 0;
  virtual Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder order, int year) = 0;
  virtual Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder order,
                                                        std::int64_t expected_version) = 0;
  virtual Result<core::FailureOrder> LoadFailureOrder(std::string_view reference) = 0;
  virtual Result<std::vector<core::FailureOrder>> ListFailureOrders() = 0;
  virtual Result<core::LearningAction> InsertLearningAction(core::LearningAction action,
                                                            int year) = 0;
  virtual Result<core::LearningAction> UpdateLearningAction(core::LearningAction action,
                                                            std::int64_t expected_version) = 0;
  virtual Result<core::LearningAction> LoadLearningAction(std::string_view reference) = 0;
  virtual Result<std::vector<core::LearningAction>> ListLearningActions() = 0;
  // The LGSCO annual letter of a financial year; nullopt when none was entered.
  virtual Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int year) = 0;
  virtual Status SaveLgscoLetter(const core::LgscoLetter& letter) = 0;  // replaces the year's
  // The self-assessment of a financial year; nullopt when it was not started.
  virtual Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int year) = 0;
  // Stores the whole assessment of its year: a new one when expected_version is nullopt (kConflict
  // if the year has one), else a replacement of that version (kStaleVersion otherwise). Returns
  // it with its new version.
  virtual Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) = 0;
  // Correspondence (issue 15): letters as issued, their templates, the email outbox.
  virtual LetterRepository& Letters() = 0;
  virtual LetterTemplateRepository& LetterTemplates() = 0;
  virtual OutboxRepository& Outbox() = 0;
  virtual ContactPreferencesRepository& ContactPreferences() = 0;
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
};

}  // namespace redress::app
