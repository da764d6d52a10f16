#pragma once

// A subject access request (UK GDPR Art. 15) as a case of its own, "SAR-<year>-<6 digits>": who
// asked, about whom, what, and its state: received → (extended) → completed or withdrawn. Its due
// date is the ICO's clock of core/subject_access.hpp, from receipt or from the day the requester's
// identity was confirmed, computed on the organisation's calendar whenever it is read, never
// stored. Pure: the calendar and "today" are inputs. The record (app/subject_access.hpp, its
// repository, the API, the command line and the web page) applies these rules and nothing else.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "core/subject_access.hpp"

namespace redress::core {

// received → extended (once, within the first month) → completed or withdrawn; received →
// completed or withdrawn. Completed and withdrawn are final.
enum class SubjectAccessStatus { kReceived, kExtended, kCompleted, kWithdrawn };
// "received", "extended", "completed", "withdrawn"
std::string_view ToString(SubjectAccessStatus value);
std::optional<SubjectAccessStatus> ParseSubjectAccessStatus(std::string_view name);

inline constexpr std::size_t kMaxSarNameLength = 200;
inline constexpr std::size_t kMaxSarContactLength = 320;
inline constexpr std::size_t kMaxSarTextLength = 10000;

struct SubjectAccessRequest {
  std::int64_t id = 0;
  std::string reference;  // "SAR-<year of receipt>-<6 digits>", given by the store
  std::int64_t version = 0;
  // Who asked, and how to reach them.
  std::string requester_name;
  std::string requester_email;
  std::string requester_phone;
  std::string requester_address;
  std::string requester_postcode;
  // The person whose data is asked for when the requester asks on their behalf (a solicitor, a
  // parent); blank when the requester asks about themselves.
  std::string subject_name;
  std::string details;  // what was asked for, in the requester's words
  Date received_on;
  // The clock starts on this day when the requester's identity had to be confirmed first.
  std::optional<Date> identity_confirmed_on;
  std::optional<SubjectAccessExtension> extension;
  SubjectAccessStatus status = SubjectAccessStatus::kReceived;
  std::optional<Date> completed_on;  // the answer sent
  std::optional<Date> withdrawn_on;
  std::string withdrawal_reason;
};

// The day the clock starts: the identity's confirmation when recorded, else receipt.
Date ClockStartsOn(const SubjectAccessRequest& request);
// The due date (SubjectAccessDueOn with the request's extension).
Date DueOn(const WorkingCalendar& calendar, const SubjectAccessRequest& request);
// Neither completed nor withdrawn and past its due date as at `today`.
bool IsOverdue(const WorkingCalendar& calendar, const SubjectAccessRequest& request, Date today);
bool IsOpen(const SubjectAccessRequest& request);

// A new request's fields, every offending one at once (kInvalidInput): requester_name and details
// required; lengths; requester_email an address when given; received_on not after `today`;
// identity_confirmed_on neither before received_on nor after `today`.
Status CheckNewSubjectAccessRequest(const SubjectAccessRequest& request, Date today);

// Each step: the request after it, or kTransitionNotAllowed when its state does not allow it, or
// every offending field at once (kInvalidInput).
//
// Extends a received request (once): CheckSubjectAccessExtension's rule from the clock's start.
Result<SubjectAccessRequest> Extend(const WorkingCalendar& calendar,
                                    const SubjectAccessRequest& request,
                                    const SubjectAccessExtension& extension, Date today);
// Completes an open request: completed_on ("completed_on") not before receipt nor after today.
Result<SubjectAccessRequest> Complete(const SubjectAccessRequest& request, Date completed_on,
                                      Date today);
// Withdraws an open request: withdrawn_on as completed_on, and a reason ("reason").
Result<SubjectAccessRequest> Withdraw(const SubjectAccessRequest& request, Date withdrawn_on,
                                      const std::string& reason, Date today);

}  // namespace redress::core
