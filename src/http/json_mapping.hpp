#pragma once

// JSON <-> domain values, strict on the way in: the bodies of the case and service-request
// requests here; the list's parameters in complaint_query.hpp, cases written out in
// case_json.hpp, sessions, users and tokens in account_mapping.hpp (included here for callers
// that map all of them).
//
// Reading a body: a field the endpoint does not know, or a value of the wrong JSON type, makes the
// request malformed (kMalformed fields → 400), each such field named; a value of the right type
// that is not acceptable (an impossible date, an unknown enum name, an integer out of range, a
// required field missing) is invalid input (kInvalidInput → 422), each such field named. Shape
// errors are reported first: values are only judged in a body of the right shape. A JSON null
// counts as the field being absent. Nested fields are named by path: "complainant.email",
// "remedies[1].type". Money is integer pence.
//
// Writing (json_writer.hpp): dates are ISO "YYYY-MM-DD" strings. Every documented member is
// always present: free text is a string ("" when not given); an absent optional value (a date, an
// object, a link to another record such as a handler's username or a reference, a number) is
// null. The one exception is a stage's "working_days_left", omitted when no deadline is running
// (see ComplaintToJson).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/case_use_cases.hpp"
#include "core/case_actions.hpp"
#include "core/result.hpp"
#include "core/service_request.hpp"
#include "http/account_mapping.hpp"
#include "http/case_json.hpp"
#include "http/complaint_query.hpp"
#include "http/http_types.hpp"

namespace redress::http {

inline constexpr std::string_view kJsonContentType = "application/json";

// Serialises for the wire. Text that is not valid UTF-8 is replaced (U+FFFD), never thrown on.
std::string DumpJson(const nlohmann::json& value);

// The request's body as a JSON object; an empty body is the empty object (every field absent).
// Refuses (RequestRefusal::kUnsupportedMediaType, 415) when a body comes with a Content-Type other
// than JSON (application/json or any application/*+json), and as malformed (field "body", 400) when
// the body is not JSON or not an object.
core::Result<nlohmann::json> ParseJsonBody(const Request& request);

// The actions on a complaint, one endpoint each: the core's (case_actions.hpp).
using core::CaseActionKind;
using core::kAllCaseActions;

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

}  // namespace redress::http
