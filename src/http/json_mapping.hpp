#pragma once

// JSON <-> domain values, strict on the way in.
//
// Reading a body: a field the endpoint does not know, or a value of the wrong JSON type, makes the
// request malformed (kMalformedRequest → 400), each such field named; a value of the right type
// that is not acceptable (an impossible date, an unknown enum name, an integer out of range, a
// required field missing) is invalid input (kInvalidInput → 422), each such field named. Shape
// errors are reported first: values are only judged in a body of the right shape. A JSON null
// counts as the field being absent. Nested fields are named by path: "complainant.email",
// "remedies[1].type". Money is integer pence.
//
// Writing: dates are ISO "YYYY-MM-DD" strings. Every documented member is always present: free
// text is a string ("" when not given); an absent optional value (a date, an object, a link to
// another record such as a handler's username or a reference, a number) is null. The one
// exception is a stage's "working_days_left", omitted when no deadline is running (see
// ComplaintToJson).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/case_use_cases.hpp"
#include "app/ports.hpp"
#include "app/records.hpp"
#include "app/sessions.hpp"
#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/result.hpp"
#include "core/service_request.hpp"
#include "http/http_types.hpp"

namespace redress::http {

inline constexpr std::string_view kJsonContentType = "application/json";

// Serialises for the wire. Text that is not valid UTF-8 is replaced (U+FFFD), never thrown on.
std::string DumpJson(const nlohmann::json& value);

// The request's body as a JSON object; an empty body is the empty object (every field absent).
// Fails with kUnsupportedMediaType when a body comes with a Content-Type other than JSON
// (application/json or any application/*+json), and kMalformedRequest (field "body") when the
// body is not JSON or not an object.
core::Result<nlohmann::json> ParseJsonBody(const Request& request);

// The actions on a complaint, one endpoint each (POST /api/v1/complaints/{reference}/<name>).
enum class CaseActionKind {
  kAcknowledge,
  kExtend,
  kRespond,
  kEscalate,
  kRefuse,
  kWithdraw,
  kClose,
  kReopen,
  kReassign,
  // The statutory procedures' steps (core/procedure_transitions.hpp).
  kInvestigation,
  kAdjudication,
  kReviewPanel,
  kPanelReport,
  kDiscussionOffer,
  kResponsePeriod,
  kLateNotice,
};
inline constexpr CaseActionKind kAllCaseActions[] = {
    CaseActionKind::kAcknowledge,     CaseActionKind::kExtend,         CaseActionKind::kRespond,
    CaseActionKind::kEscalate,        CaseActionKind::kRefuse,         CaseActionKind::kWithdraw,
    CaseActionKind::kClose,           CaseActionKind::kReopen,         CaseActionKind::kReassign,
    CaseActionKind::kInvestigation,   CaseActionKind::kAdjudication,   CaseActionKind::kReviewPanel,
    CaseActionKind::kPanelReport,     CaseActionKind::kDiscussionOffer,
    CaseActionKind::kResponsePeriod,  CaseActionKind::kLateNotice,
};
// "acknowledge", "extend", ... : the last segment of the action's path.
std::string_view ToString(CaseActionKind kind);

// Bodies to commands. `today` is the default of the action's date ("on", "requested_on").
core::Result<app::LogComplaintCommand> ParseLogComplaint(const nlohmann::json& body);
core::Result<app::CaseAction> ParseCaseAction(CaseActionKind kind, const nlohmann::json& body,
                                              core::Date today);
core::Result<core::ServiceRequestInput> ParseServiceRequest(const nlohmann::json& body);

struct ResolveCommand {
  core::Date on;
  std::string resolution;
};
core::Result<ResolveCommand> ParseResolveServiceRequest(const nlohmann::json& body,
                                                        core::Date today);
core::Result<app::ConvertServiceRequestCommand> ParseConvertServiceRequest(
    const nlohmann::json& body);

// POST /api/v1/session: {username, password}, both required strings.
core::Result<app::Credentials> ParseCredentials(const nlohmann::json& body);
// POST /api/v1/tokens: {label}, a required string.
// A token's request body: {label, expires_on?}.
struct TokenRequest {
  std::string label;
  std::optional<core::Date> expires_on;
};
core::Result<TokenRequest> ParseTokenRequest(const nlohmann::json& body);

// The list's page size: 50 unless "limit" says otherwise, within [1, 200].
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

// A search's text is bounded: each word is a lookup in the index and its dictionary, so thousands
// of them would hold a handler thread, and the CPU, for as long as the client liked. A person
// searching types a few words.
inline constexpr std::size_t kMaxSearchWords = 32;
inline constexpr std::size_t kMaxSearchTextBytes = 512;
// kInvalidInput naming "text" when `text` has more than kMaxSearchWords words (runs of letters
// and digits) or more than kMaxSearchTextBytes bytes.
core::Status CheckSearchText(std::string_view text);

// GET /api/v1/complaints parameters: status, stage, regime, service_area, team, handler,
// category, received_from, received_to, overdue (true|false; as at `today`), due_within (N: the
// pending deadline falls from today to N working days after it, on `calendar`), text (words
// searched in summary and description; see CheckSearchText), sort (reference, received_on or
// due_on; a leading '-' for descending), limit, cursor (the next_cursor of the previous page, valid
// only with the same sort). An empty value leaves its filter unset. An unknown parameter is
// kMalformedRequest; a bad value kInvalidInput; each names the parameter. `calendar` may be null
// only when the parameters have no due_within.
inline constexpr int kMaxDueWithinWorkingDays = 100;
core::Result<app::ComplaintQuery> ParseComplaintQuery(
    const Parameters& parameters, core::Date today,
    const core::WorkingCalendar* calendar = nullptr);

// The next_cursor of a page whose last row is `last`, under the query's sort and direction: an
// opaque string to the client ("<sort>.<asc|desc>.<sort key>.<reference>").
std::string NextCursor(const app::ComplaintRow& last, const app::ComplaintQuery& query);

// What rendering a case needs besides the case: the organisation's calendar and today, for the
// working days left.
struct RenderContext {
  // The calendar of the complaint's regime (core::CalendarFor). Null when the organisation's
  // calendar could not be loaded: the working days left are then left out.
  const core::WorkingCalendar* calendar = nullptr;
  core::Date today;
};

// The complaint: reference, version, regime, channel, service_area, category, summary,
// description, desired_outcome, complainant, representative, received_on, status, restricted,
// service_request_reference, possible_repeat_of, refusal, withdrawal, closed_on, reopen_count,
// the current "stage" number with its "acknowledge_by" and "respond_by", and "stages". A stage
// that is waiting on the council (the current stage of an open case) has "working_days_left":
// working days from today to its pending deadline (acknowledge_by until acknowledged, then
// respond_by), negative when overdue; other stages have no such member.
nlohmann::json ComplaintToJson(const core::Complaint& complaint, const RenderContext& context);

// One row of the list, with "overdue" (its pending deadline is before today).
nlohmann::json ComplaintRowToJson(const app::ComplaintRow& row, core::Date today);

// One event of a timeline: sequence, type, occurred_on, recorded_at, actor, stage (null when the
// event concerns no stage), summary, changes [{field, before, after}].
nlohmann::json EventToJson(const app::StoredEvent& event);

nlohmann::json ServiceRequestToJson(const core::ServiceRequest& request);

// A user: username, display_name, role, team (null when none), active.
nlohmann::json UserToJson(const app::User& user);

// An API token as listed: id, label, created_at, revoked_at (null while live). Never its hash.
nlohmann::json TokenToJson(const app::ApiToken& token);

}  // namespace redress::http
