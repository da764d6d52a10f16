#include "demo/demo_plan.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "core/regime.hpp"
#include "core/regime_calendars.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_random.hpp"

namespace redress::demo {
namespace {

using app::CaseAction;
using app::ConvertServiceRequestCommand;
using app::EscalateCommand;
using app::LogComplaintCommand;
using core::Date;

// What the planner knows of a complaint's stage once it is planned.
struct StageOutcome {
  bool answered = false;  // ended in a response (not refused or withdrawn)
  Date responded_on;
  std::string handler;
  bool late = false;  // answered after its due date
};

// A name picked by the complaint's index, not by the random stream: the procedure's facts are
// added without drawing random numbers, so every other figure of the demo stays as it was.
std::string Named(std::span<const std::string_view> names, int index, int offset = 0) {
  return std::string(names[static_cast<std::size_t>(index + offset) % names.size()]);
}

struct RecentComplaint {
  core::Person person;
  std::string category;
  Date received_on;
};

class Planner {
 public:
  Planner(const DemoOptions& options, const core::WorkingCalendar& calendar,
          const core::RoutingConfig& routing)
      : rng_(options.seed), today_(options.today), calendar_(calendar), routing_(routing) {
    for (const UserSpec& user : kUsers) {
      if (user.role == core::Role::kCaseHandler || user.role == core::Role::kManager) {
        handlers_by_team_[std::string(user.team)].push_back(std::string(user.username));
      }
      if (user.role == core::Role::kComplaintsOfficer) {
        officers_by_team_[std::string(user.team)].push_back(std::string(user.username));
      }
    }
  }

  std::vector<Step> Plan() {
    int last_year = today_.FinancialYear();
    for (const AreaSpec& area : kAreas) {
      for (int year = kDemoFirstFinancialYear; year <= last_year; ++year) PlanAreaYear(area, year);
    }
    PlanHousingEscalations();
    std::stable_sort(steps_.begin(), steps_.end(),
                     [](const Step& a, const Step& b) { return a.on < b.on; });
    return std::move(steps_);
  }

  int complaint_count() const { return complaint_count_; }
  int service_request_count() const { return service_request_count_; }

 private:
  // A housing complaint whose stage 1 was answered and may be escalated.
  struct EscalationCandidate {
    int complaint;
    Date requested_on;
    Date responded_on;
    std::string stage1_handler;
  };

  void PlanAreaYear(const AreaSpec& area, int year) {
    Date first = core::FinancialYearStart(year);
    Date last = std::min(core::FinancialYearEnd(year), today_);
    if (last < first) return;
    int days = first.DaysUntil(last) + 1;
    int full_year_days = first.DaysUntil(core::FinancialYearEnd(year)) + 1;
    bool housing = area.code == kHousingArea;

    int complaints = housing ? HousingStage1(year) : Vary(area.complaints_per_year);
    if (last < core::FinancialYearEnd(year)) {
      // The current year, to date: the same rate as a full year.
      int per_year = housing ? kHousingYears.back().stage1 : area.complaints_per_year;
      complaints = static_cast<int>(static_cast<std::int64_t>(per_year) * days / full_year_days);
    }
    int requests = static_cast<int>(static_cast<std::int64_t>(area.service_requests_per_year) *
                                    days / full_year_days);

    for (int i = 0; i < requests; ++i) PlanServiceRequest(area, first.AddDays(rng_.Below(days)));
    for (int i = 0; i < complaints; ++i) {
      PlanComplaint(area, first.AddDays(rng_.Below(days)));
    }
  }

  int HousingStage1(int year) const {
    for (const HousingYear& entry : kHousingYears) {
      if (entry.financial_year == year) return entry.stage1;
    }
    return kHousingYears.back().stage1;
  }

  // A yearly volume varied by up to 10% either way.
  int Vary(int volume) {
    constexpr int kVariationPercent = 10;
    constexpr int kPercent = 100;
    return volume + volume * rng_.Between(-kVariationPercent, kVariationPercent) / kPercent;
  }

  core::Person NewPerson() {
    constexpr int kHouseNumbers = 180;
    constexpr int kPostcodeDistricts = 9;
    constexpr int kPhoneSpace = 100000;
    constexpr int kLandlinePerMille = 300;
    std::string first(rng_.Pick(kFirstNames));
    std::string surname(rng_.Pick(kSurnames));
    int serial = ++person_serial_;
    core::Person person;
    person.name = first + " " + surname;
    std::string local = first + "." + surname + std::to_string(serial);
    std::transform(local.begin(), local.end(), local.begin(), [](unsigned char c) {
      return c == '\'' ? '-' : static_cast<char>(std::tolower(c));
    });
    person.email = local + "@example.org";
    char phone[32];
    std::snprintf(phone, sizeof phone,
                  rng_.Chance(kLandlinePerMille) ? "01632 9%05d" : "07700 9%05d",
                  (serial * 7919) % kPhoneSpace);
    person.phone = phone;
    person.address = std::to_string(rng_.Between(1, kHouseNumbers)) + " " +
                     std::string(rng_.Pick(kStreets)) + ", Demoton";
    char postcode[16];
    std::snprintf(postcode, sizeof postcode, "ZZ%d %d%c%c", rng_.Between(1, kPostcodeDistricts),
                  rng_.Between(1, kPostcodeDistricts), 'A' + rng_.Below(26), 'A' + rng_.Below(26));
    person.postcode = postcode;
    // Not everyone gives every contact detail.
    constexpr int kNoEmailPerMille = 150;
    constexpr int kNoPhonePerMille = 250;
    if (rng_.Chance(kNoEmailPerMille)) person.email.clear();
    if (rng_.Chance(kNoPhonePerMille) && !person.email.empty()) person.phone.clear();
    return person;
  }

  core::Channel PickChannel() {
    constexpr std::array<std::pair<core::Channel, int>, 6> kChannels{{
        {core::Channel::kWebForm, 36},
        {core::Channel::kEmail, 26},
        {core::Channel::kPhone, 24},
        {core::Channel::kLetter, 7},
        {core::Channel::kInPerson, 5},
        {core::Channel::kSocialMedia, 2},
    }};
    int roll = rng_.Below(100);
    for (const auto& [channel, weight] : kChannels) {
      if (roll < weight) return channel;
      roll -= weight;
    }
    return core::Channel::kEmail;
  }

  // Phone, letter and in-person contacts arrive on working days: the next one, or the one before
  // when the next falls in another financial year (the yearly volumes are planned exactly).
  Date ReceiptDay(Date day, core::Channel channel) {
    bool any_day = channel == core::Channel::kWebForm || channel == core::Channel::kEmail ||
                   channel == core::Channel::kSocialMedia;
    if (any_day || calendar_.IsWorkingDay(day)) return day;
    Date next = calendar_.AddWorkingDays(day, 1);
    if (next.FinancialYear() == day.FinancialYear()) return next;
    Date previous = day.AddDays(-1);
    while (!calendar_.IsWorkingDay(previous)) previous = previous.AddDays(-1);
    return previous;
  }

  const std::string& Officer(const AreaSpec& area) {
    auto found = officers_by_team_.find(std::string(area.team));
    const auto& officers = found != officers_by_team_.end()
                               ? found->second
                               : officers_by_team_.at(std::string(kCustomerTeam));
    return rng_.Pick(officers);
  }

  // A handler of `team` who has not handled any of `exclude`.
  std::string HandlerFrom(std::string_view team, const std::vector<std::string>& exclude) {
    std::vector<std::string> eligible;
    for (const std::string& handler : handlers_by_team_.at(std::string(team))) {
      if (std::find(exclude.begin(), exclude.end(), handler) == exclude.end()) {
        eligible.push_back(handler);
      }
    }
    return rng_.Pick(eligible);
  }

  void PlanServiceRequest(const AreaSpec& area, Date day) {
    constexpr int kResolvedPerMille = 850;
    core::Channel channel = PickChannel();
    Step step;
    step.on = ReceiptDay(day, channel);
    step.kind = StepKind::kLogServiceRequest;
    step.service_request = service_request_count_++;
    step.actor = Officer(area);
    step.request = core::ServiceRequestInput{channel,
                                             step.on,
                                             std::string(area.code),
                                             std::string(rng_.PickWeighted(area.categories)),
                                             "Request: " + std::string(area.name),
                                             "Resident asked the council to put something right.",
                                             NewPerson(),
                                             ""};
    Date received = step.on;
    int index = step.service_request;
    steps_.push_back(std::move(step));
    if (rng_.Chance(kResolvedPerMille)) {
      Step resolve;
      resolve.on = calendar_.AddWorkingDays(received, rng_.Between(1, 15));
      resolve.kind = StepKind::kResolveServiceRequest;
      resolve.service_request = index;
      resolve.actor = Officer(area);
      resolve.resolution = "Put right and confirmed with the resident.";
      steps_.push_back(std::move(resolve));
    }
  }

  void PlanComplaint(const AreaSpec& area, Date day) {
    constexpr int kRepeatPerMille = 60;
    constexpr int kRepresentativePerMille = 50;
    constexpr int kFromServiceRequestPerMille = 80;
    constexpr int kRepeatLookbackDays = 300;

    int index = complaint_count_++;
    core::Channel channel = PickChannel();
    Date received = ReceiptDay(day, channel);
    std::string category(rng_.PickWeighted(area.categories));
    core::Person person = NewPerson();

    // Some residents complain again about the same thing within the year.
    auto& recent = recent_by_area_[std::string(area.code)];
    if (!recent.empty() && rng_.Chance(kRepeatPerMille)) {
      const RecentComplaint& earlier =
          recent[static_cast<std::size_t>(rng_.Below(static_cast<int>(recent.size())))];
      if (earlier.received_on < received &&
          earlier.received_on.DaysUntil(received) <= kRepeatLookbackDays) {
        person = earlier.person;
        category = earlier.category;
      }
    }
    recent.push_back({person, category, received});

    std::string stage1_team = core::RouteStage(area.regime, 1, std::string(area.code),
                                               std::string(area.team), received, routing_);
    std::string handler = HandlerFrom(stage1_team, {});
    std::string summary = std::string(CategoryName(category)) + " - " + std::string(area.name);

    // One complaint in kMatterAroseEvery records when the matter arose, up to 6 weeks before it was
    // received; derived from the index so that the random sequence, and so the figures, stay.
    constexpr int kMatterAroseEvery = 4;
    constexpr int kMatterAroseSpreadDays = 45;
    std::optional<Date> matter_arose_on;
    if (index % kMatterAroseEvery == 0) {
      matter_arose_on = received.AddDays(-(index % kMatterAroseSpreadDays));
    }
    LogComplaintCommand log{
        .regime = area.regime,
        .channel = channel,
        .received_on = received,
        .matter_arose_on = matter_arose_on,
        .service_area = std::string(area.code),
        .category = category,
        .summary = summary,
        .description = "The resident is unhappy with the council's " +
                       std::string(CategoryName(category)) +
                       " service and describes what happened and its effect on them.",
        .desired_outcome = "An apology and the problem put right.",
        .complainant = person,
        .representative = std::nullopt,
        .handler = handler,
        .service_request_reference = "",
    };
    if (rng_.Chance(kRepresentativePerMille)) {
      log.representative = core::Person{"Cllr " + std::string(rng_.Pick(kSurnames)),
                                        "councillor@example.org", "", "", ""};
    }

    if (rng_.Chance(kFromServiceRequestPerMille) && received.DaysUntil(today_) >= 0) {
      // Raised from a service request the resident was dissatisfied with (Code 1.5).
      Step request;
      request.on = received.AddDays(-rng_.Between(7, 28));
      request.kind = StepKind::kLogServiceRequest;
      request.service_request = service_request_count_++;
      request.actor = Officer(area);
      request.request = core::ServiceRequestInput{
          log.channel,           request.on,      log.service_area, log.category,
          "Request: " + summary, log.description, person,           ""};
      Step convert;
      convert.on = received;
      convert.kind = StepKind::kConvertServiceRequest;
      convert.complaint = index;
      convert.service_request = request.service_request;
      convert.actor = Officer(area);
      convert.convert = ConvertServiceRequestCommand{area.regime, received, summary, ""};
      steps_.push_back(std::move(request));
      steps_.push_back(std::move(convert));
      // A converted complaint gets its handler by reassignment, as an officer would do.
      Step assign;
      assign.on = received;
      assign.complaint = index;
      assign.actor = Officer(area);
      assign.action = core::ReassignInput{"", handler};
      steps_.push_back(std::move(assign));
    } else {
      Step step;
      step.on = received;
      step.kind = StepKind::kLogComplaint;
      step.complaint = index;
      step.actor = Officer(area);
      step.log = std::move(log);
      steps_.push_back(std::move(step));
    }

    StageOutcome stage1 = PlanStage(area, index, 1, received, handler, /*may_refuse=*/true);
    if (!stage1.answered) return;
    PlanProcedure(area, index, 1, received, stage1);

    int stage_count = core::RulesFor(area.regime).stage_count();
    if (stage_count == 1) return;
    Date escalation_day = calendar_.AddWorkingDays(stage1.responded_on, rng_.Between(1, 15));
    if (area.code == kHousingArea) {
      housing_candidates_.push_back({index, escalation_day, stage1.responded_on, stage1.handler});
      return;
    }
    if (rng_.Chance(area.escalation_per_mille)) {
      PlanEscalation(area, index, 2, escalation_day, {stage1.handler});
    } else {
      PlanClose(area, index, stage1.responded_on);
    }
  }

  // Escalates to `stage` and plans that stage; children's stage 2 may go on to the review panel.
  void PlanEscalation(const AreaSpec& area, int index, int stage, Date requested_on,
                      std::vector<std::string> earlier_handlers) {
    constexpr int kReviewPanelPerMille = 200;
    std::string team = core::RouteStage(area.regime, stage, std::string(area.code),
                                        std::string(area.team), requested_on, routing_);
    std::string handler = HandlerFrom(team, earlier_handlers);
    Step step;
    step.on = requested_on;
    step.complaint = index;
    step.actor = Officer(area);
    step.action =
        EscalateCommand{requested_on, "The resident is unhappy with the response.", handler};
    steps_.push_back(std::move(step));

    StageOutcome outcome = PlanStage(area, index, stage, requested_on, handler, false);
    if (!outcome.answered) return;
    PlanProcedure(area, index, stage, requested_on, outcome);
    if (stage < core::RulesFor(area.regime).stage_count()) {
      if (rng_.Chance(kReviewPanelPerMille)) {
        earlier_handlers.push_back(handler);
        PlanEscalation(area, index, stage + 1,
                       calendar_.AddWorkingDays(outcome.responded_on, rng_.Between(2, 15)),
                       std::move(earlier_handlers));
      } else {
        PlanClose(area, index, outcome.responded_on);
      }
    }
  }

  // The statutory procedure's steps of an answered stage, dated between its start and its
  // response and drawing no random numbers: children's stage 2's agreed record, investigators and
  // adjudication; the review panel, its report about 15 working days before the response (a third
  // of panels meet earlier, so their response is late on its own clock); the adults' offer to
  // discuss the handling, and for every fourth complaint answered on time an agreed period of
  // eight months.
  void PlanProcedure(const AreaSpec& area, int index, int stage, Date start,
                     const StageOutcome& outcome) {
    const core::StatutorySteps steps = core::RulesFor(area.regime).stage(stage).steps;
    const core::WorkingCalendar& clock = core::CalendarFor(area.regime, calendar_);
    const Date responded = outcome.responded_on;
    auto push = [&](Date on, CaseAction action) {
      Step step;
      step.on = on;
      step.complaint = index;
      step.actor = outcome.handler;
      step.action = std::move(action);
      steps_.push_back(std::move(step));
    };
    switch (steps) {
      case core::StatutorySteps::kInvestigation: {
        constexpr int kRecordAgreedAfter = 2;
        const Date agreed = clock.AddWorkingDays(start, kRecordAgreedAfter);
        if (agreed < responded) {
          push(agreed, core::InvestigationInput{agreed, Named(kInvestigatingOfficers, index),
                                                Named(kIndependentPersons, index)});
        }
        // Adjudicated on the day of the response, which it is sent with.
        push(responded, core::AdjudicationInput{responded, Named(kAdjudicatingOfficers, index)});
        return;
      }
      case core::StatutorySteps::kReviewPanel: {
        constexpr int kReportAfterMeeting = 3;
        constexpr int kResponseAfterReport = 15;
        constexpr int kEarlyBy = 8;
        const int span = clock.WorkingDaysBetween(start, responded);
        if (span < kReportAfterMeeting + 2) return;
        int meet = std::max(1, span - kResponseAfterReport - kReportAfterMeeting);
        if (index % 3 == 0) meet = std::max(1, meet - kEarlyBy);
        meet = std::min(meet, span - kReportAfterMeeting - 1);
        const Date met = clock.AddWorkingDays(start, meet);
        const Date report = clock.AddWorkingDays(met, kReportAfterMeeting);
        std::vector<std::string> members;
        for (int i = 0; i < static_cast<int>(core::kReviewPanelSize); ++i) {
          members.push_back(Named(kPanelMembers, index, i * 2));
        }
        push(met, core::ReviewPanelInput{met, std::move(members)});
        push(report, core::PanelReportInput{report});
        return;
      }
      case core::StatutorySteps::kAgreedHandling: {
        constexpr int kAgreedEveryNth = 4;
        constexpr int kAgreedMonths = 8;
        constexpr std::array<core::DiscussionTakeUp, 3> kTakeUps = {
            core::DiscussionTakeUp::kTakenUp, core::DiscussionTakeUp::kDeclined,
            core::DiscussionTakeUp::kNoReply};
        const Date offered = clock.AddWorkingDays(start, 1);
        if (offered >= responded) return;
        const core::DiscussionTakeUp take_up =
            kTakeUps[static_cast<std::size_t>(index) % kTakeUps.size()];
        push(offered, core::DiscussionOfferInput{
                          offered, take_up,
                          take_up == core::DiscussionTakeUp::kTakenUp
                              ? "Agreed by phone: fortnightly updates, a visit to the home."
                              : ""});
        if (!outcome.late && index % kAgreedEveryNth == 0) {
          push(offered, core::ResponsePeriodInput{offered, start.AddMonths(kAgreedMonths)});
        }
        return;
      }
      case core::StatutorySteps::kNone:
        return;
    }
  }

  void PlanClose(const AreaSpec& area, int index, Date responded_on) {
    constexpr int kEscalationWindowWorkingDays = 20;
    Step step;
    step.on = calendar_.AddWorkingDays(responded_on, kEscalationWindowWorkingDays);
    step.complaint = index;
    step.actor = Officer(area);
    step.action = core::CloseInput{step.on};
    steps_.push_back(std::move(step));
  }

  // Housing escalations are chosen per financial year so that the counts match the plan exactly.
  void PlanHousingEscalations() {
    const AreaSpec& housing = kAreas.front();
    std::map<int, std::vector<EscalationCandidate>> by_year;
    for (const EscalationCandidate& candidate : housing_candidates_) {
      by_year[candidate.requested_on.FinancialYear()].push_back(candidate);
    }
    for (auto& [year, candidates] : by_year) {
      rng_.Shuffle(candidates);
      std::size_t wanted = candidates.size() * kHousingEscalationPerMille / Rng::kPerMille;
      for (const HousingYear& entry : kHousingYears) {
        if (entry.financial_year == year) wanted = static_cast<std::size_t>(entry.stage2);
      }
      wanted = std::min(wanted, candidates.size());
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        const EscalationCandidate& candidate = candidates[i];
        if (i < wanted) {
          PlanEscalation(housing, candidate.complaint, 2, candidate.requested_on,
                         {candidate.stage1_handler});
        } else {
          // Not escalated: closed when the escalation window lapses, as for everyone else.
          PlanClose(housing, candidate.complaint, candidate.responded_on);
        }
      }
    }
  }

  // Plans one stage from its start: acknowledgement, perhaps refusal or withdrawal (stage 1),
  // perhaps an extension, and the response, on time or late.
  StageOutcome PlanStage(const AreaSpec& area, int index, int stage, Date start,
                         const std::string& handler, bool may_refuse) {
    constexpr int kLateAcknowledgementPerMille = 110;
    constexpr int kRefusedPerMille = 30;
    constexpr int kWithdrawnPerMille = 20;
    constexpr int kImplicitAcknowledgementPerMille = 30;
    constexpr int kExtendedPerMille = 140;
    constexpr int kBeyondCodePerMille = 150;
    constexpr int kLatePerMille = 140;
    constexpr int kReopenedPerMille = 12;
    constexpr int kMaxLateAcknowledgementDays = 4;
    constexpr int kMaxLateResponseDays = 12;

    const core::StageRule& rule = core::RulesFor(area.regime).stage(stage);
    StageOutcome outcome;
    outcome.handler = handler;

    int ack_days =
        rng_.Chance(kLateAcknowledgementPerMille)
            ? rule.acknowledge_working_days + rng_.Between(1, kMaxLateAcknowledgementDays)
            : rng_.Between(1, rule.acknowledge_working_days);
    Date acknowledged = calendar_.AddWorkingDays(start, ack_days);

    if (may_refuse && rng_.Chance(kRefusedPerMille)) {
      constexpr std::array<std::pair<core::RefusalReason, std::string_view>, 4> kReasons{{
          {core::RefusalReason::kOlderThan12Months,
           "The matter happened more than 12 months before the complaint."},
          {core::RefusalReason::kLegalProceedings,
           "Legal proceedings about this matter have started."},
          {core::RefusalReason::kPreviouslyConsidered,
           "This matter was considered under the complaints procedure before."},
          {core::RefusalReason::kOther, "The matter is for the tribunal that decides appeals."},
      }};
      const auto& [reason, explanation] = rng_.Pick(kReasons);
      Step step;
      step.on = acknowledged;
      step.complaint = index;
      step.actor = Officer(area);
      // A refusal as too old carries its evidence: the matter arose more than 12 months before
      // the complaint (from the index, so the random sequence and the figures stay).
      constexpr int kDaysBeyondSpread = 120;
      std::optional<Date> matter_arose_on;
      if (reason == core::RefusalReason::kOlderThan12Months) {
        matter_arose_on =
            start.AddMonths(-core::RulesFor(area.regime, start).complaint_time_limit_months)
                .AddDays(-(1 + index % kDaysBeyondSpread));
      }
      step.action = core::RefuseInput{
          acknowledged, reason,
          std::string(explanation) + " You may ask the Ombudsman to review this decision.",
          matter_arose_on};
      steps_.push_back(std::move(step));
      return outcome;
    }

    bool implicit = stage == 1 && rng_.Chance(kImplicitAcknowledgementPerMille);
    if (!implicit) {
      Step step;
      step.on = acknowledged;
      step.complaint = index;
      step.actor = handler;
      step.action = core::AcknowledgeInput{acknowledged};
      steps_.push_back(std::move(step));
    }
    if (may_refuse && !implicit && rng_.Chance(kWithdrawnPerMille)) {
      Step step;
      step.on = calendar_.AddWorkingDays(acknowledged, rng_.Between(1, 5));
      step.complaint = index;
      step.actor = Officer(area);
      step.action = core::WithdrawInput{step.on, "The resident says the matter is now resolved."};
      steps_.push_back(std::move(step));
      return outcome;
    }

    Date responded;
    if (implicit) {
      // Resolved at first contact: answered without a separate acknowledgement.
      responded = acknowledged;
    } else {
      // The regime's own clock (the statutory regimes' ignores the shutdown), so an extension is
      // decided within the timescale the use case will judge it by.
      const core::WorkingCalendar& clock = core::CalendarFor(area.regime, calendar_);
      Date base = rule.respond_clock == core::ClockStart::kAcknowledgement ? acknowledged : start;
      Date due = rule.respond.unit == core::PeriodUnit::kWorkingDays
                     ? clock.AddWorkingDays(base, rule.respond.amount)
                     : base.AddMonths(rule.respond.amount);
      Date earliest = calendar_.AddWorkingDays(acknowledged, 1);
      if (rng_.Chance(kExtendedPerMille)) {
        constexpr int kDefaultExtension = 10;
        int limit = rule.extension_limit_working_days.value_or(kDefaultExtension);
        bool beyond = limit == 0 || rng_.Chance(kBeyondCodePerMille);
        int days = beyond ? limit + rng_.Between(3, 10) : rng_.Between(std::min(5, limit), limit);
        Date decided = std::max(earliest, clock.AddWorkingDays(due, -rng_.Between(1, 3)));
        if (decided > due) decided = due;
        Step step;
        step.on = decided;
        step.complaint = index;
        step.actor = handler;
        step.action = core::ExtendInput{
            decided, days, std::string(rng_.Pick(kExtensionReasons)),
            beyond ? "Independent expert evidence is needed before a fair answer can be given."
                   : ""};
        steps_.push_back(std::move(step));
        earliest = std::max(earliest, decided);
        due = clock.AddWorkingDays(due, days);
      }
      if (rng_.Chance(kLatePerMille)) {
        responded = calendar_.AddWorkingDays(due, rng_.Between(1, kMaxLateResponseDays));
        outcome.late = true;
        // The adults' regulations require a notice that the response will be late, with the
        // reasons, given the day after the due date.
        if (rule.steps == core::StatutorySteps::kAgreedHandling && due.AddDays(1) < responded) {
          Step notice;
          notice.on = due.AddDays(1);
          notice.complaint = index;
          notice.actor = handler;
          notice.action = core::LateNoticeInput{
              notice.on, "We are still waiting for the care provider's records.", responded};
          steps_.push_back(std::move(notice));
        }
      } else {
        int span = std::max(0, calendar_.WorkingDaysBetween(earliest, due));
        responded = calendar_.AddWorkingDays(earliest, rng_.Between(0, span));
      }
    }

    PushResponse(area, index, responded, handler);
    outcome.answered = true;
    outcome.responded_on = responded;

    bool final_stage = stage == core::RulesFor(area.regime).stage_count();
    if (!final_stage && rng_.Chance(kReopenedPerMille)) {
      // Reopened when the response missed part of the complaint, then answered again.
      Step reopen;
      reopen.on = calendar_.AddWorkingDays(responded, rng_.Between(2, 8));
      reopen.complaint = index;
      reopen.actor = "sarita.riley";
      reopen.action = core::ReopenInput{reopen.on, "The response did not address every point."};
      Date again = calendar_.AddWorkingDays(reopen.on, rng_.Between(3, 8));
      steps_.push_back(std::move(reopen));
      PushResponse(area, index, again, handler);
      outcome.responded_on = again;
    }
    return outcome;
  }

  void PushResponse(const AreaSpec& area, int index, Date on, const std::string& handler) {
    constexpr int kUpheldPerMille = 300;
    constexpr int kPartlyPerMille = 250;
    constexpr int kFinancialPerMille = 350;
    constexpr int kWorksPerMille = 500;
    constexpr int kSecondCausePerMille = 300;
    constexpr int kLearningPerMille = 650;
    constexpr int kActionPerMille = 500;
    constexpr int kPoundsStep = 25;
    constexpr int kPenceInPound = 100;
    constexpr int kActionDueDays = 28;

    core::RespondInput input;
    input.on = on;
    int roll = rng_.Below(Rng::kPerMille);
    input.outcome = roll < kUpheldPerMille                     ? core::Outcome::kUpheld
                    : roll < kUpheldPerMille + kPartlyPerMille ? core::Outcome::kPartlyUpheld
                                                               : core::Outcome::kNotUpheld;
    if (*input.outcome == core::Outcome::kNotUpheld) {
      input.root_causes.push_back(std::string(kNoFaultFound));
      if (rng_.Chance(Rng::kPerMille / 2)) {
        input.remedies.push_back({core::RemedyType::kExplanation, 0,
                                  "Explained the council's decision and the policy behind it."});
      }
    } else {
      std::string first = FaultCause();
      input.root_causes.push_back(first);
      if (rng_.Chance(kSecondCausePerMille)) {
        std::string second = FaultCause();
        if (second != first) input.root_causes.push_back(second);
      }
      input.remedies.push_back({core::RemedyType::kApology, 0, "Apologised for the failings."});
      if (rng_.Chance(kFinancialPerMille)) {
        input.remedies.push_back(
            {core::RemedyType::kFinancial,
             static_cast<std::int64_t>(rng_.Between(1, 30)) * kPoundsStep * kPenceInPound,
             "Compensation for time, trouble and distress."});
      }
      if (area.code == kHousingArea && rng_.Chance(kWorksPerMille)) {
        input.remedies.push_back({core::RemedyType::kWorks, 0, "Repair works ordered."});
      }
      if (rng_.Chance(kActionPerMille)) {
        input.actions.push_back(core::Action{
            "Complete the outstanding work and confirm in writing.", on.AddDays(kActionDueDays),
            handler, core::ActionStatus::kOpen, std::nullopt});
      }
      if (rng_.Chance(kLearningPerMille)) input.learning = std::string(rng_.Pick(kLearning));
    }
    Step step;
    step.on = on;
    step.complaint = index;
    step.actor = handler;
    step.action = std::move(input);
    steps_.push_back(std::move(step));
  }

  std::string FaultCause() {
    // Every cause but "no fault found", which the taxonomy lists last.
    const NamedCode& cause =
        kRootCauses[static_cast<std::size_t>(rng_.Below(static_cast<int>(kRootCauses.size()) - 1))];
    return std::string(cause.code);
  }

  static std::string_view CategoryName(std::string_view code) {
    for (const NamedCode& category : kCategories) {
      if (category.code == code) return category.name;
    }
    return code;
  }

  Rng rng_;
  Date today_;
  const core::WorkingCalendar& calendar_;
  const core::RoutingConfig& routing_;
  std::map<std::string, std::vector<std::string>> handlers_by_team_;
  std::map<std::string, std::vector<std::string>> officers_by_team_;
  std::map<std::string, std::vector<RecentComplaint>> recent_by_area_;
  std::vector<EscalationCandidate> housing_candidates_;
  std::vector<Step> steps_;
  int complaint_count_ = 0;
  int service_request_count_ = 0;
  int person_serial_ = 0;
};

}  // namespace

DemoPlan PlanDemo(const DemoOptions& options, const core::WorkingCalendar& calendar,
                  const core::RoutingConfig& routing) {
  Planner planner(options, calendar, routing);
  DemoPlan plan;
  plan.steps = planner.Plan();
  plan.complaints = planner.complaint_count();
  plan.service_requests = planner.service_request_count();
  return plan;
}

}  // namespace redress::demo
