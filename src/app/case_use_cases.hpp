#pragma once

// The complaint and service-request use cases: load, apply a core rule, save; one transaction
// each. The *In functions do the work inside a transaction the caller holds (so the demo can
// replay years of history in one commit); the use cases below (taking a CaseContext) run each in
// its own transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/pending_deadline.hpp"
#include "core/procedure_transitions.hpp"
#include "core/service_request.hpp"
#include "core/transitions.hpp"

namespace redress::app {

struct LogComplaintCommand {
  core::Regime regime = core::Regime::kCorporate;
  core::Channel channel = core::Channel::kEmail;
  core::Date received_on;
  std::optional<core::Date> matter_arose_on;  // optional: for the time limit (core/time_limit.hpp)
  std::string service_area;
  std::string category;
  std::string summary;
  std::string description;
  std::string desired_outcome;
  core::Person complainant;
  std::optional<core::Person> representative;
  std::string handler;  // optional: assign at logging
  std::string service_request_reference;
};

// Escalation as requested by the complainant; the next stage's team comes from routing.
struct EscalateCommand {
  core::Date requested_on;
  std::string reason;
  std::string handler;
};

// The statutory procedures' steps (core/procedure_transitions.hpp) are case actions like the rest.
using CaseAction =
    std::variant<core::AcknowledgeInput, core::ExtendInput, core::RespondInput, EscalateCommand,
                 core::RefuseInput, core::WithdrawInput, core::CloseInput, core::ReopenInput,
                 core::ReassignInput, core::InvestigationInput, core::AdjudicationInput,
                 core::ReviewPanelInput, core::PanelReportInput, core::DiscussionOfferInput,
                 core::ResponsePeriodInput, core::LateNoticeInput, core::CorrectResponseInput>;

struct ConvertServiceRequestCommand {
  core::Regime regime = core::Regime::kCorporate;
  core::Date received_on;   // when the resident expressed dissatisfaction
  std::string summary;      // empty = the request's summary
  std::string description;  // empty = the request's description
};

// The complaint `reference` if `actor` may see it (core::CanSee; an actor of Reach::kEverything
// sees every case). A restricted case outside the actor's team is kNotFound, worded exactly as
// for a reference that does not exist.
Result<core::Complaint> LoadVisibleComplaint(Tx& tx, const Actor& actor,
                                             std::string_view reference);

// The service request `reference` if `actor` may see it: one converted into a complaint the actor
// may not see is kNotFound, worded as for a reference that does not exist (Visibility).
Result<core::ServiceRequest> LoadVisibleServiceRequest(Tx& tx, const Actor& actor,
                                                       std::string_view reference);

// The timeline of the complaint `reference` as `actor` may see it: kNotFound as
// LoadVisibleComplaint, and without the events that name a record the actor may not see (a link
// to a restricted complaint, an Ombudsman case about one), in the order recorded.
Result<std::vector<StoredEvent>> VisibleTimeline(Tx& tx, const Actor& actor,
                                                 std::string_view reference);
// The same for a complaint LoadVisibleComplaint gave in this transaction, which is not loaded
// again (on PostgreSQL each load is a dozen round trips).
Result<std::vector<StoredEvent>> VisibleTimelineOf(Tx& tx, const Actor& actor,
                                                   const core::Complaint& complaint);

Result<core::Complaint> LogComplaintIn(Tx& tx, const Organisation& organisation, const Actor& actor,
                                       core::Date today, const LogComplaintCommand& command);

// Applies `action` to the complaint `reference`. When expected_version is given and the stored
// version differs, fails with kStaleVersion without applying anything.
Result<core::Complaint> ApplyCaseActionIn(Tx& tx, const Organisation& organisation,
                                          const Actor& actor, core::Date today,
                                          std::string_view reference,
                                          std::optional<std::int64_t> expected_version,
                                          const CaseAction& action);

Result<core::ServiceRequest> LogServiceRequestIn(Tx& tx, const Organisation& organisation,
                                                 const Actor& actor, core::Date today,
                                                 core::ServiceRequestInput input);
Result<core::ServiceRequest> ResolveServiceRequestIn(Tx& tx, const Actor& actor, core::Date today,
                                                     std::string_view reference, core::Date on,
                                                     const std::string& resolution);
// Raises a complaint from a service request, keeping the link both ways.
Result<core::Complaint> ConvertServiceRequestIn(Tx& tx, const Organisation& organisation,
                                                const Actor& actor, core::Date today,
                                                std::string_view reference,
                                                const ConvertServiceRequestCommand& command);

// The counts behind the dashboard: every status (zeros included), and the open complaints (core::
// IsOpen) per current stage, one entry for each stage that exists (1 to core::kMaxStages, zeros
// included) so that clients draw the stages without a list of their own.
struct CaseCounts {
  StatusCounts by_status;
  std::vector<std::pair<int, std::int64_t>> open_by_stage;
};

// What the case use cases need: the store, the clock ("today" is read once per use case) and the
// process's cache of the organisation's configuration (shared by every call; must outlive them).
struct CaseContext {
  Store& store;
  const Clock& clock;
  OrganisationCache& organisations;
};

Result<core::Complaint> LogComplaint(const CaseContext& context, const Actor& actor,
                                     const LogComplaintCommand& command);
// Applies `action` to the complaint `reference` (ApplyCaseActionIn) in one transaction. Fails with
// kNotFound, applying nothing, when the actor may not see the case (LoadVisibleComplaint).
Result<core::Complaint> ApplyCaseAction(const CaseContext& context, const Actor& actor,
                                        std::string_view reference,
                                        std::optional<std::int64_t> expected_version,
                                        const CaseAction& action);
// The complaint `reference` whatever its restriction: for the command line, whose reader sees
// everything.
Result<core::Complaint> GetComplaint(const CaseContext& context, std::string_view reference);
// A page of complaints matching `query`, in its sort order; see ComplaintQuery and
// ComplaintCursor for paging. Its deadline filters (overdue, due_within) are read as at today on
// the organisation's calendar.
Result<std::vector<ComplaintRow>> ListComplaints(const CaseContext& context,
                                                 const ComplaintQuery& query);
// `query` with its deadline filters (overdue, due_within) as due_from/due_before, as at today on
// the organisation's calendar: the meaning ListComplaints, CountComplaints and the list's export
// give them. A step inside the caller's transaction.
Result<ComplaintQuery> WithDueRange(const CaseContext& context, Tx& tx, ComplaintQuery query);
// How many complaints match `query`'s filters, per status and, of the open ones, per stage; its
// limit, sort and cursors are ignored.
Result<CaseCounts> CountComplaints(const CaseContext& context, const ComplaintQuery& query);

Result<core::ServiceRequest> LogServiceRequest(const CaseContext& context, const Actor& actor,
                                               const core::ServiceRequestInput& input);
// Fails with kNotFound when the actor may not see it (LoadVisibleServiceRequest).
Result<core::ServiceRequest> GetServiceRequest(const CaseContext& context, const Actor& actor,
                                               std::string_view reference);
Result<core::ServiceRequest> ResolveServiceRequest(const CaseContext& context, const Actor& actor,
                                                   std::string_view reference, core::Date on,
                                                   const std::string& resolution);
Result<core::Complaint> ConvertServiceRequest(const CaseContext& context, const Actor& actor,
                                              std::string_view reference,
                                              const ConvertServiceRequestCommand& command);

}  // namespace redress::app
