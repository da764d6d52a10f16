#pragma once

// A service request as a row, the same on every engine: its columns and how it is bound and read,
// written once as templates over an engine's binder and row reader (see complaint_rows.hpp, whose
// person columns it shares). Each engine runs the SQL itself.

#include <array>
#include <string_view>

#include "core/service_request.hpp"
#include "storage/common/code.hpp"
#include "storage/common/complaint_rows.hpp"

namespace redress::storage::common {

// The columns after "id, reference", in binding and reading order.
inline constexpr std::array<std::string_view, 17> kServiceRequestColumns = {
    "channel",         "received_on",       "service_area",       "category",
    "summary",         "description",       "requester_name",     "requester_email",
    "requester_phone", "requester_address", "requester_postcode", "team",
    "status",          "resolved_on",       "resolution",         "complaint_reference",
    "version"};

// Binds kServiceRequestColumns.
template <typename Binder>
void BindServiceRequest(Binder& s, const core::ServiceRequest& r) {
  s.BindAll(r.channel, r.received_on, Code{r.service_area}, Code{r.category}, r.summary,
            r.description);
  BindPerson(s, r.requester);
  s.BindAll(Code{r.team}, r.status, r.resolved_on, r.resolution, Code{r.complaint_reference},
            r.version);
}

// Reads the columns "id, reference" and then kServiceRequestColumns.
template <typename Reader>
core::ServiceRequest ReadServiceRequest(Reader& r) {
  core::ServiceRequest request;
  request.id = r.Int64();
  request.reference = r.Text();
  request.channel = r.Enumerator(core::ParseChannel);
  request.received_on = r.Date();
  request.service_area = r.Text();
  request.category = r.Text();
  request.summary = r.Text();
  request.description = r.Text();
  request.requester = ReadPerson(r);
  request.team = r.Text();
  request.status = r.Enumerator(core::ParseServiceRequestStatus);
  request.resolved_on = r.OptionalDate();
  request.resolution = r.Text();
  request.complaint_reference = r.Text();
  request.version = r.Int64();
  return request;
}

}  // namespace redress::storage::common
