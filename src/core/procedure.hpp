#pragma once

// The steps the statutory procedures add to a stage, as plain values (rules file 3.1 and 3.2):
// children's stage 2 (the agreed written record, the Investigating Officer and the Independent
// Person, the adjudication), children's stage 3 (the review panel and its report) and the adults'
// single stage (the offer to discuss the handling, the response period agreed, the notice that the
// response will be late). They are recorded by the transitions in procedure_transitions.hpp; the
// clocks they move are derived by WithDeadlines.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace redress::core {

// How many independent people sit on a children's review panel (SI 2006/1738 reg 19).
inline constexpr std::size_t kReviewPanelSize = 3;

// What the complainant made of the offer to discuss how the complaint will be handled.
enum class DiscussionTakeUp { kTakenUp, kDeclined, kNoReply };
std::string_view ToString(DiscussionTakeUp value);  // "taken_up", "declined", "no_reply"
std::optional<DiscussionTakeUp> ParseDiscussionTakeUp(std::string_view name);

// Children's stage 2 (regs 16-17): the written record of the complaint agreed with the
// complainant, and who investigates. The Independent Person is never the Investigating Officer.
struct Investigation {
  Date record_agreed_on;
  std::string investigating_officer;
  std::string independent_person;
  friend bool operator==(const Investigation&, const Investigation&) = default;
};

// Children's stage 2: the senior manager's adjudication on the investigation's report.
struct Adjudication {
  std::string adjudicating_officer;
  Date adjudicated_on;
  friend bool operator==(const Adjudication&, const Adjudication&) = default;
};

// Children's stage 3 (reg 19): three independent people, none of them the stage 2 Independent
// Person or Investigating Officer, and the day they met.
struct ReviewPanel {
  std::vector<std::string> members;  // kReviewPanelSize names
  Date met_on;
  friend bool operator==(const ReviewPanel&, const ReviewPanel&) = default;
};

// Adults (SI 2009/309): the offer, made on acknowledging, to discuss how the complaint will be
// handled and the likely timescale.
struct DiscussionOffer {
  Date offered_on;
  DiscussionTakeUp take_up = DiscussionTakeUp::kNoReply;
  std::string notes;
  friend bool operator==(const DiscussionOffer&, const DiscussionOffer&) = default;
};

// Adults: the response period agreed with the complainant, as the date the response is due.
// Without one the regime table's default (six months from receipt) applies.
struct AgreedResponsePeriod {
  Date agreed_on;
  Date respond_by;
  friend bool operator==(const AgreedResponsePeriod&, const AgreedResponsePeriod&) = default;
};

// Adults: the notice to the complainant that the response will be late, with the reasons.
struct LateNotice {
  Date notified_on;
  std::string reason;
  std::optional<Date> expected_by;  // when the response is now expected, if the notice says
  friend bool operator==(const LateNotice&, const LateNotice&) = default;
};

// The procedure's facts at one stage; each is recorded only at the stage whose rule names it
// (StageRule::steps). The panel clocks are derived (WithDeadlines), never entered.
struct StageProcedure {
  std::optional<Investigation> investigation;
  std::optional<Adjudication> adjudication;
  std::optional<ReviewPanel> panel;
  std::optional<Date> panel_report_on;  // the day the panel's report was received
  std::optional<DiscussionOffer> discussion;
  std::optional<AgreedResponsePeriod> agreed_period;
  std::optional<LateNotice> late_notice;
  // Children's stage 3 clocks, each from the actual date of the step before: the panel meets
  // within 30 working days of the request, reports within 5 of meeting (reg 19-20).
  std::optional<Date> panel_meet_by;
  std::optional<Date> panel_report_by;
  friend bool operator==(const StageProcedure&, const StageProcedure&) = default;
};

}  // namespace redress::core
