#pragma once

// The complaint case: a plain value. Its state changes only through the transitions in
// transitions.hpp, each of which validates its input and returns the new value with an event.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/procedure.hpp"
#include "core/regime.hpp"

namespace redress::core {

// The most complaints one record may concern (an Ombudsman case, a learning action): such lists
// are read whole with the record, so they are bounded.
inline constexpr std::size_t kMaxConcernedComplaints = 100;

// How a complaint reached the organisation. kWebForm is a web form of the organisation's own that
// staff type in; kOnline is Redress's public service (src/portal), which only the service itself
// logs with: staff cannot choose it.
enum class Channel { kPhone, kEmail, kLetter, kInPerson, kWebForm, kSocialMedia, kOnline };
std::string_view ToString(Channel channel);  // "phone", "email", "letter", "in_person", "web_form",
                                             // "social_media", "online"
std::optional<Channel> ParseChannel(std::string_view name);

// Where the case stands. A stage that is extended stays kInProgress (Stage::extensions says so).
enum class CaseStatus {
  kAwaitingAcknowledgement,  // logged, or the next stage requested, not yet acknowledged
  kInProgress,               // acknowledged, being investigated
  kResponded,                // a non-final stage answered; the complainant may escalate
  kClosed,                   // the final stage answered, or closed after a response
  kNotAccepted,              // refused under the Code's exclusions
  kWithdrawn,                // withdrawn by the complainant
};
std::string_view ToString(CaseStatus status);  // "awaiting_acknowledgement", "in_progress",
                                               // "responded", "closed", "not_accepted", "withdrawn"
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);
// Open = the council still owes the complainant something at the current stage.
bool IsOpen(CaseStatus status);

enum class Outcome { kUpheld, kPartlyUpheld, kNotUpheld };
std::string_view ToString(Outcome outcome);  // "upheld", "partly_upheld", "not_upheld"
std::optional<Outcome> ParseOutcome(std::string_view name);

// Putting things right: the Code's remedies (rules file 1.6, "Putting things right").
enum class RemedyType {
  kApology,
  kAcknowledgeFault,
  kExplanation,
  kActionOnDelay,
  kChangeOfDecision,
  kAmendRecord,
  kFinancial,
  kWorks,
  kChangeOfPolicy,
};
std::string_view ToString(RemedyType type);  // "apology", "acknowledge_fault", "explanation",
                                             // "action_on_delay", "change_of_decision",
                                             // "amend_record", "financial", "works",
                                             // "change_of_policy"
std::optional<RemedyType> ParseRemedyType(std::string_view name);

// The Code's exclusions (section 2.2); kOther needs an explanation like every refusal.
enum class RefusalReason { kOlderThan12Months, kLegalProceedings, kPreviouslyConsidered, kOther };
std::string_view ToString(RefusalReason reason);  // "older_than_12_months", "legal_proceedings",
                                                  // "previously_considered", "other"
std::optional<RefusalReason> ParseRefusalReason(std::string_view name);

enum class ActionStatus { kOpen, kDone };
std::string_view ToString(ActionStatus status);  // "open", "done"
std::optional<ActionStatus> ParseActionStatus(std::string_view name);

struct Person {
  std::string name;
  std::string email;
  std::string phone;
  std::string address;
  std::string postcode;
  friend bool operator==(const Person&, const Person&) = default;
};

struct Remedy {
  RemedyType type;
  std::int64_t amount_pence = 0;  // > 0 for kFinancial, 0 otherwise
  std::string description;
  friend bool operator==(const Remedy&, const Remedy&) = default;
};

// An outstanding action promised in a response; it stays open after the response (Code 5.5).
struct Action {
  std::string description;
  std::optional<Date> due_on;
  std::string owner;
  ActionStatus status = ActionStatus::kOpen;
  std::optional<Date> completed_on;
  friend bool operator==(const Action&, const Action&) = default;
};

struct Extension {
  Date decided_on;
  int working_days;
  std::string reason;       // told to the complainant
  std::string good_reason;  // recorded when the extension goes beyond the Code's limit
  Date previous_due;
  Date new_due;
  bool within_code;
  friend bool operator==(const Extension&, const Extension&) = default;
};

struct Response {
  Date responded_on;
  Outcome outcome;
  std::vector<std::string> root_causes;  // codes from the organisation's taxonomy, at least one
  std::vector<Remedy> remedies;
  std::vector<Action> actions;
  std::string learning;
  std::string responded_by;  // username
  friend bool operator==(const Response&, const Response&) = default;
};

// The total of a response's financial remedies, in pence.
std::int64_t CompensationPence(const Response& response);
// One line naming a response for the timeline: "2024-01-10: upheld, £100.00 compensation".
std::string DescribeResponse(const Response& response);

struct Stage {
  int number = 1;
  Date started_on;  // complaint received (stage 1) or escalation requested (later stages)
  std::string escalation_reason;
  std::string team;     // team code
  std::string handler;  // username; empty until assigned
  Date acknowledge_by;
  std::optional<Date> acknowledged_on;
  // Due date of the response before any extension; set once the clock has started (at
  // acknowledgement, or at the stage start for regimes whose clock starts there).
  std::optional<Date> respond_by_original;
  std::optional<Date> respond_by;  // current due date, extensions included
  std::vector<Extension> extensions;
  bool outside_code = false;  // an extension beyond the Code's limit, or made after the due date
  // Set when the stage is reopened: the respond clock then counts from this date.
  std::optional<Date> reopened_on;
  std::optional<Response> response;
  std::optional<Date> first_responded_on;  // kept when a reopened stage is answered again
  // History that stays put: every response a reopening superseded, oldest first, kept whole (the
  // answer that stands is `response`), and the date of every reopening of the stage, oldest first
  // (reopened_on is the last). A report for a past year counts these in the years they happened.
  std::vector<Response> earlier_responses;
  std::vector<Date> reopenings;
  StageProcedure procedure;  // the statutory procedure's steps at this stage (procedure.hpp)
  friend bool operator==(const Stage&, const Stage&) = default;
};

struct Refusal {
  Date decided_on;
  RefusalReason reason;
  std::string explanation;  // the reasons given in writing, with the Ombudsman route
  friend bool operator==(const Refusal&, const Refusal&) = default;
};

struct Withdrawal {
  Date withdrawn_on;
  std::string reason;
  CaseStatus status_before;
  friend bool operator==(const Withdrawal&, const Withdrawal&) = default;
};

struct Complaint {
  std::int64_t id = 0;    // assigned by the store
  std::string reference;  // assigned by the store, e.g. "CMP-2024-000123"
  std::int64_t version = 0;
  Regime regime = Regime::kCorporate;
  Channel channel = Channel::kEmail;
  std::string service_area;  // code
  std::string category;      // code
  std::string summary;
  std::string description;
  std::string desired_outcome;  // what the complainant wants
  Person complainant;
  std::optional<Person> representative;
  Date received_on;
  // When the matter complained of happened or came to the complainant's notice, if recorded; never
  // after received_on. The evidence for a refusal as outside the time limit (time_limit.hpp).
  std::optional<Date> matter_arose_on;
  CaseStatus status = CaseStatus::kAwaitingAcknowledgement;
  std::vector<Stage> stages;  // stages[0] is stage 1; never empty after logging
  std::optional<Refusal> refusal;
  std::optional<Withdrawal> withdrawal;
  // Refusals and withdrawals a reopening undid, oldest first: kept on record, never erased.
  std::vector<Refusal> earlier_refusals;
  std::vector<Withdrawal> earlier_withdrawals;
  std::optional<Date> closed_on;
  std::string service_request_reference;        // the service request it came from, if any
  std::vector<std::string> possible_repeat_of;  // references of earlier, similar complaints
  bool restricted = false;  // visible only to its team (children's statutory complaints)
  int reopen_count = 0;
  friend bool operator==(const Complaint&, const Complaint&) = default;

  const Stage& current_stage() const { return stages.back(); }
  Stage& current_stage() { return stages.back(); }
};

}  // namespace redress::core
