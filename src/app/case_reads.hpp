#pragma once

// The reads of complaints that the API and the command line answer, each on one snapshot of the
// store, so that a handler parses, calls one of these and renders, and never opens a transaction
// itself. Visibility is the use cases' (LoadVisibleComplaint, VisibleTimeline).

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/records.hpp"
#include "core/calendar.hpp"
#include "core/complaint.hpp"

namespace redress::app {

// A complaint as `actor` may read it, with what rendering it needs: its visible timeline and the
// organisation's calendar, all from the snapshot the case's version was read in.
// Who the people a timeline names are: username -> display name, for the sentences a person
// reads ("Amira Khan acknowledged the complaint"); a username without a user is left out.
using PeopleNames = std::map<std::string, std::string, std::less<>>;

struct ComplaintView {
  core::Complaint complaint;
  std::vector<StoredEvent> timeline;
  std::shared_ptr<const core::WorkingCalendar> calendar;
  PeopleNames people;  // the timeline's actors and the stages' handlers
};
// kNotFound, as for a reference that does not exist, when `actor` may not see it.
Result<ComplaintView> ReadComplaint(Store& store, const Actor& actor, std::string_view reference);

// The complaint's timeline as `actor` may see it, with the names of the people it names;
// kNotFound as ReadComplaint.
struct TimelineView {
  std::vector<StoredEvent> events;
  PeopleNames people;
};
Result<TimelineView> ReadTimeline(Store& store, const Actor& actor, std::string_view reference);

// Who may handle a stage of a complaint: the choices of the escalation and reassignment forms.
struct EligibleHandlers {
  int stage = 1;
  std::vector<User> users;  // by username; active, may handle it (core::MayHandleStage) and see it
};
// The users who may handle stage `stage` of the complaint `reference` (nullopt: its current
// stage; the next stage for an escalation): active, their role handles stages, they handled no
// earlier stage (core::MayHandleStage) and, for a restricted case, may see it (core::CanSee).
// kNotFound as ReadComplaint; kInvalidInput (field "stage") for a stage that is neither the
// current one nor the next the regime has.
Result<EligibleHandlers> ListEligibleHandlers(Store& store, const Actor& actor,
                                              std::string_view reference, std::optional<int> stage);

// A person's complaints, for a case page and for the log form before it is saved: at most this
// many, the most recent first.
inline constexpr std::size_t kMaxPersonComplaints = 20;
// The complaints whose complainant is `person` (core::SamePerson on core::PersonKeyOf: the same
// e-mail, phone, or name with postcode), but `except_reference` (the case being looked at), as
// `actor` may see them: a restricted complaint it may not see is left out, as from every list.
// None for a person with no e-mail, phone, or name with postcode.
Result<std::vector<ComplaintRow>> ReadPersonComplaints(Store& store, const Actor& actor,
                                                       const core::Person& person,
                                                       std::string_view except_reference);

// The organisation's working-day calendar (LoadCalendar), on a snapshot of its own.
Result<std::shared_ptr<const core::WorkingCalendar>> ReadCalendar(Store& store);

}  // namespace redress::app
