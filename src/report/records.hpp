#pragma once

// What the annual report is computed from: a slim projection of each complaint and each service
// request, holding only the facts the figures need and nothing that identifies a person (no
// names, contact details, addresses, free text or references). A store streams these records into
// a RecordSink; the views and spans of a record are valid only during the call that receives it,
// so a store can point them into its own buffers and nothing is allocated per record.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/regime.hpp"

namespace redress::report {

struct ExtensionRecord {
  core::Date decided_on;
  int working_days = 0;
  bool within_code = true;  // core::Extension::within_code
};

struct RemedyRecord {
  core::RemedyType type = core::RemedyType::kApology;
  std::int64_t amount_pence = 0;
};

struct ActionRecord {
  bool done = false;  // core::ActionStatus::kDone
  std::optional<core::Date> due_on;
  std::optional<core::Date> completed_on;  // when done, if recorded
};

// A response a reopening superseded, kept whole (core::Stage::earlier_responses): the report
// counts it in the year it was given, like the response that stands.
struct ResponseRecord {
  core::Date responded_on;
  core::Outcome outcome = core::Outcome::kUpheld;
  std::span<const std::string_view> root_causes;  // codes
  std::span<const RemedyRecord> remedies;
  std::span<const ActionRecord> actions;
  bool learning_recorded = false;
};

// A refusal a reopening undid (core::Complaint::earlier_refusals).
struct RefusalRecord {
  core::Date decided_on;
  core::RefusalReason reason = core::RefusalReason::kOther;
};

struct StageRecord {
  int number = 1;
  core::Date started_on;  // received (stage 1) or escalation requested
  std::optional<core::Date> acknowledged_on;
  // The stage's first response, kept when the stage is reopened (core::Stage::first_responded_on,
  // or the response date when the store has no separate first date).
  std::optional<core::Date> first_responded_on;
  // The response that stands: absent while a reopened stage awaits its new answer.
  std::optional<core::Date> responded_on;
  std::optional<core::Outcome> outcome;  // set exactly when responded_on is
  std::optional<core::Date> reopened_on;
  std::span<const ExtensionRecord> extensions;    // in the order decided
  std::span<const std::string_view> root_causes;  // codes, of the response that stands
  std::span<const RemedyRecord> remedies;         // of the response that stands
  std::span<const ActionRecord> actions;          // outstanding actions of that response
  bool learning_recorded = false;                 // the response records learning (non-blank)
  // History that stays put: the responses reopenings superseded, oldest first, and the date of
  // every reopening, oldest first (reopened_on is the last).
  std::span<const ResponseRecord> earlier_responses;
  std::span<const core::Date> reopenings;
  // The statutory procedure's facts that move the response's clock (core/procedure.hpp): the
  // children's review panel's meeting and report, the adults' agreed response period.
  std::optional<core::Date> panel_met_on;
  std::optional<core::Date> panel_report_on;
  std::optional<core::Date> period_agreed_on;  // with agreed_respond_by
  std::optional<core::Date> agreed_respond_by;
};

struct ComplaintRecord {
  core::Regime regime = core::Regime::kCorporate;
  std::string_view service_area;  // code
  std::string_view category;      // code
  core::Date received_on;
  core::CaseStatus status = core::CaseStatus::kAwaitingAcknowledgement;
  std::optional<core::Date> refused_on;  // with refusal_reason, when not accepted
  std::optional<core::RefusalReason> refusal_reason;
  std::optional<core::Date> withdrawn_on;
  // Refusals and withdrawals a reopening undid, oldest first: each still counts in the year it
  // was decided.
  std::span<const RefusalRecord> earlier_refusals;
  std::span<const core::Date> earlier_withdrawals;
  bool possible_repeat = false;         // linked as a possible repeat when logged
  std::span<const StageRecord> stages;  // stages[0] is stage 1; never empty
};

// TSM TP09, satisfaction with the landlord's approach to handling complaints: a perception
// survey's result for a financial year, entered by an administrator, never computed from cases.
struct TenantSatisfaction {
  int satisfied_tenths = 0;      // the share satisfied, in tenths of a percent: 725 = 72.5%
  std::int64_t sample_size = 0;  // the survey's respondents, > 0
  friend bool operator==(const TenantSatisfaction&, const TenantSatisfaction&) = default;
};

struct ServiceRequestRecord {
  core::Date received_on;
  std::string_view service_area;  // code; may be empty
  bool converted = false;         // later raised as a complaint
};

// The records a report for a window needs: every complaint received on or before `to` (a stage
// started or answered in the window may belong to a complaint received long before it) and the
// service requests received within [from, to]. A store may pass more; the report ignores them.
struct RecordWindow {
  core::Date from;
  core::Date to;
};

// Receives the records, one call each, in any order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void Add(const ComplaintRecord& complaint) = 0;
  virtual void Add(const ServiceRequestRecord& request) = 0;
};

}  // namespace redress::report
