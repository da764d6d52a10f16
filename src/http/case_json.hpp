#pragma once

// Complaints, their rows, their timelines' events and service requests as JSON (json_mapping.hpp
// says how values are written).

#include <nlohmann/json.hpp>

#include "app/case_reads.hpp"
#include "app/ports.hpp"
#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/role.hpp"
#include "core/service_request.hpp"

namespace redress::http {

// What rendering a case needs besides the case: the organisation's calendar and today, for the
// working days left.
struct RenderContext {
  // The organisation's calendar (the working days left count on the regime's, core::CalendarFor).
  // Null when it could not be loaded: the working days left are then left out.
  const core::WorkingCalendar* calendar = nullptr;
  core::Date today;
  // The role and username of the user the case is shown to: its "allowed_actions" are theirs.
  core::Role role = core::Role::kViewer;
  std::string username;
};

// The complaint: reference, version, regime, channel, service_area, category, summary,
// description, desired_outcome, complainant, representative, received_on, status, restricted,
// service_request_reference, possible_repeat_of, refusal, withdrawal, closed_on, reopen_count,
// the current "stage" number with its "acknowledge_by" and "respond_by", and "stages". A stage
// that is waiting on the council (the current stage of an open case) has "working_days_left":
// working days from today to its pending deadline (acknowledge_by until acknowledged, then
// respond_by), negative when overdue; other stages have no such member. "allowed_actions" names
// the actions the user of context.role may take on it now (core::AllowedActions), in the order of
// core::kAllCaseActions.
nlohmann::json ComplaintToJson(const core::Complaint& complaint, const RenderContext& context);

// One row of the list, with "overdue" (core::IsOverdue of its pending deadline, due_on).
nlohmann::json ComplaintRowToJson(const app::ComplaintRow& row, core::Date today);

// One event of a timeline: sequence, type, occurred_on, recorded_at, actor, actor_name (the
// actor's display name from `people`, null when unknown), stage (null when the event concerns no
// stage), summary, changes [{field, before, after}].
nlohmann::json EventToJson(const app::StoredEvent& event, const app::PeopleNames& people = {});

nlohmann::json ServiceRequestToJson(const core::ServiceRequest& request);

}  // namespace redress::http
