#pragma once

// When a posted letter reaches the resident, and the warning that posting would make a letter
// miss its deadline (issue 15). What the post takes is dated configuration, like the Ombudsman's
// contact blocks: each row says what we assume and from when, so a change of service is a new
// row, never an edit of the old one.

#include <optional>
#include <span>
#include <string_view>

#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/letter.hpp"

namespace redress::core {

struct PostalAssumption {
  Date from;  // in force from this date (inclusive) until the next row's
  // Working days from the issue date to the day the post room hands the letter to the carrier:
  // the day's print batch is printed after the issue and posted the next working day (as GOV.UK
  // Notify prints at 5:30 pm and posts the next working day).
  int posting_working_days = 1;
  // Working days from posting to delivery, second class.
  int delivery_working_days = 3;
  std::string_view basis;  // what the assumption rests on, for the people reading it
};

// Every row, oldest first.
std::span<const PostalAssumption> PostalAssumptions();
// The row in force on `date` (the first row for a date before it).
const PostalAssumption& PostalAssumptionOn(Date date);

// The day a letter issued on `issued_on` and posted second class is expected to be delivered.
Date ExpectedPostalDelivery(const WorkingCalendar& calendar, Date issued_on);

// The deadline a letter of `type` answers on `stage`, if any: an acknowledgement the stage's
// acknowledgement date, a stage response its response date (extensions included).
std::optional<Date> LetterDeadline(LetterType type, const Stage& stage);

struct PostingWarning {
  Date expected_delivery;
  Date deadline;
};
// A warning when a letter issued on `issued_on` and posted would arrive after `deadline`;
// nothing when it arrives in time or there is no deadline.
std::optional<PostingWarning> CheckPostingDeadline(const WorkingCalendar& calendar, Date issued_on,
                                                   std::optional<Date> deadline);

}  // namespace redress::core
