#pragma once

// The complaints: one aggregate (a complaint with its stages, their lists and its kept history),
// its list and counts for the case list and dashboards, and the search for earlier complaints
// that may be repeats. Part of the ports (app/ports.hpp); no engine or SQL dialect here.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/person_search.hpp"
#include "core/repeats.hpp"
#include "core/result.hpp"

namespace redress::app {

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
  std::string complainant;  // the complainant's name
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
  std::optional<core::Channel> channel;  // how the complaint came in (kOnline: the public service)
  // kUnassigned: only complaints whose current stage has no handler yet (the triage queue).
  enum class Assignment { kAny, kUnassigned } assignment = Assignment::kAny;
  std::optional<core::Date> received_from;  // inclusive
  std::optional<core::Date> received_to;    // inclusive
  std::optional<core::Date> due_before;     // due_on < this (overdue as at a date)
  // The deadline filters as a user asks them: app::ListComplaints and CountComplaints turn them
  // into due_from/due_before (core::OverdueRange, core::DueWithinRange on the organisation's
  // calendar, as at today); a store reads only due_from/due_before.
  bool overdue = false;
  std::optional<int> due_within;  // working days from today
  int limit = 50;
  // Keyset for the reference order only: rows after this reference. Kept for callers that page
  // in reference order; `after` does the same for every order and wins when both are set.
  std::string after_reference;

  // Free text searched in the summary and description, the reference, and the complainant's and
  // representative's name, e-mail, phone, address and postcode (core::PeopleSearchText; phone
  // numbers and postcodes also as typed with spaces, core::NormaliseSearchText). Each
  // whitespace-separated word must occur (AND), matched as a word regardless of case and accents;
  // the last word also matches as a prefix ("mou" finds "mould"). Any text is accepted: it is never
  // parsed as search syntax. No words (empty, or only spaces and double quotes) = no text filter.
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

// Complaints per status, every status present (zero included), in the order of core::CaseStatus.
using StatusCounts = std::vector<std::pair<core::CaseStatus, std::int64_t>>;

// The complaints of one transaction (Tx::Complaints). Every method either succeeds or returns an
// error and leaves the transaction usable only for rollback.
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;

  // The complaint `reference` with everything it holds; kNotFound when there is none.
  virtual core::Result<core::Complaint> Load(std::string_view reference) = 0;
  // Assigns id, reference ("CMP-<year received>-<6-digit sequence>", gap-free per year) and
  // version 1, stores the complaint and appends `event` to its audit trail in this transaction.
  // A complaint has at least one stage (kInvalidInput naming "stages").
  virtual core::Result<core::Complaint> Insert(core::Complaint complaint,
                                               const core::CaseEvent& event) = 0;
  // Requires the stored version to equal expected_version (else kStaleVersion; kNotFound for an
  // unknown reference), stores the complaint whole at version + 1 and appends `event`. Returns
  // the complaint as stored.
  virtual core::Result<core::Complaint> Update(const core::Complaint& complaint,
                                               std::int64_t expected_version,
                                               const core::CaseEvent& event) = 0;
  // One page of the complaints matching `query`, in its order (see ComplaintQuery).
  // kInvalidInput naming "cursor" for a cursor that does not fit the query's sort.
  virtual core::Result<std::vector<ComplaintRow>> List(const ComplaintQuery& query) = 0;
  // How many complaints match the query's filters, per status; limit, sort and cursors are
  // ignored. For dashboards.
  virtual core::Result<StatusCounts> CountByStatus(const ComplaintQuery& query) = 0;
  // The `limit` most recent earlier complaints with the same category received in [from, to]
  // that share the key's email, phone or property: most recent first (received_on, then
  // reference, descending). Its cost must not grow with the number of complaints sharing a key.
  virtual core::Result<std::vector<core::RepeatCandidate>> RepeatCandidates(
      const core::RepeatKey& key, core::Date from, core::Date to, std::size_t limit) = 0;
  // The complaints whose complainant is the person `key` names (core::SamePerson: the same known
  // normalised e-mail, phone, or name with postcode), most recent first (received_on, then
  // reference, descending), at most `limit`. Restricted ones are left out as List leaves them
  // out for `visible_to_team` (unset: none left out). An empty key finds nothing.
  virtual core::Result<std::vector<ComplaintRow>> ListByPerson(
      const core::PersonKey& key, const std::optional<std::string>& visible_to_team,
      std::size_t limit) = 0;
};

}  // namespace redress::app
