#include "core/postal.hpp"

#include <array>

namespace redress::core {
namespace {

// Royal Mail's second class: "delivery aim 2 to 3 working days" before Ofcom's reform of the
// universal service; from 28 July 2025 second class goes on alternate weekdays with a target of
// delivery within three working days. We assume three working days throughout (the longer
// figure), after a day for the print batch.
constexpr std::array<PostalAssumption, 1> kAssumptions{{
    {Date::FromDaysSinceEpoch(19723), 1, 3,  // 2024-01-01, the start of the calendar table
     "Posted the working day after issue (the day's print batch); Royal Mail second class "
     "delivered within 3 working days (its aim of 2 to 3 days; Ofcom's target from 28 July "
     "2025)"},
}};

}  // namespace

std::span<const PostalAssumption> PostalAssumptions() { return kAssumptions; }

const PostalAssumption& PostalAssumptionOn(Date date) {
  const PostalAssumption* chosen = &kAssumptions.front();
  for (const PostalAssumption& row : kAssumptions) {
    if (row.from <= date) chosen = &row;
  }
  return *chosen;
}

Date ExpectedPostalDelivery(const WorkingCalendar& calendar, Date issued_on) {
  const PostalAssumption& post = PostalAssumptionOn(issued_on);
  Date posted = calendar.AddWorkingDays(issued_on, post.posting_working_days);
  return calendar.AddWorkingDays(posted, post.delivery_working_days);
}

std::optional<Date> LetterDeadline(LetterType type, const Stage& stage) {
  switch (type) {
    case LetterType::kAcknowledgement:
      return stage.acknowledge_by;
    case LetterType::kStageResponse:
      return stage.respond_by;
    default:
      return std::nullopt;
  }
}

std::optional<PostingWarning> CheckPostingDeadline(const WorkingCalendar& calendar, Date issued_on,
                                                   std::optional<Date> deadline) {
  if (!deadline) return std::nullopt;
  Date delivery = ExpectedPostalDelivery(calendar, issued_on);
  if (delivery <= *deadline) return std::nullopt;
  return PostingWarning{delivery, *deadline};
}

}  // namespace redress::core
