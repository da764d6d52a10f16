#pragma once

// The demo's plan: every step of every case, dated, for demo.cpp to replay in date order through
// the use cases. Internal to the demo.

#include <string>
#include <vector>

#include "app/case_use_cases.hpp"
#include "core/calendar.hpp"
#include "core/routing.hpp"
#include "demo/demo.hpp"

namespace redress::demo {

enum class StepKind {
  kLogServiceRequest,
  kResolveServiceRequest,
  kLogComplaint,
  kConvertServiceRequest,
  kCaseAction
};

struct Step {
  core::Date on;
  StepKind kind = StepKind::kCaseAction;
  int complaint = -1;        // index into the complaint references, when it concerns one
  int service_request = -1;  // index into the service request references
  std::string actor;
  app::LogComplaintCommand log;
  core::ServiceRequestInput request;
  std::string resolution;
  app::ConvertServiceRequestCommand convert;
  app::CaseAction action = core::CloseInput{};
};

struct DemoPlan {
  std::vector<Step> steps;  // in date order
  int complaints = 0;
  int service_requests = 0;
};

// The whole plan from `options`: the same seed and today give the same plan.
DemoPlan PlanDemo(const DemoOptions& options, const core::WorkingCalendar& calendar,
                  const core::RoutingConfig& routing);

}  // namespace redress::demo
