// The complaint use cases end to end through a real SQLite file: routing, repeats, the stage 2
// handler rule, version checks, and that a refused action leaves nothing behind.

#include "app/case_use_cases.hpp"

#include <gtest/gtest.h>

#include "app/accounts.hpp"
#include "app/notes_and_links.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

using testing::D;

constexpr const char* kPassword = "correct horse battery";

class CaseUseCasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = database_.Open(clock_);
    ASSERT_NE(store_, nullptr);
    Actor admin = SystemActor();
    auto set_up = store_->Write([&](Tx& tx) -> Status {
      core::Date day = D("2024-01-02");
      for (const auto& [code, name] : {std::pair{"housing-services", "Housing Services"},
                                       std::pair{"independent", "Independent Complaints"},
                                       std::pair{"childrens-complaints", "Children's Complaints"},
                                       std::pair{"planning", "Planning"}}) {
        if (auto saved = SaveTeamIn(tx, admin, day, {code, name}); !saved) return saved;
      }
      OrganisationSettings settings{"Test Council", core::Division::kEnglandAndWales, "independent",
                                    "childrens-complaints"};
      if (auto saved = SaveSettingsIn(tx, admin, day, settings); !saved) return saved;
      if (auto saved =
              SaveServiceAreaIn(tx, admin, day, {"housing", "Housing", "housing-services"});
          !saved) {
        return saved;
      }
      if (auto saved = SaveServiceAreaIn(tx, admin, day, {"planning", "Planning", "planning"});
          !saved) {
        return saved;
      }
      if (auto saved = SaveServiceAreaIn(
              tx, admin, day,
              {"childrens-social-care", "Children's social care", "childrens-complaints"});
          !saved) {
        return saved;
      }
      for (const char* code : {"repairs", "damp-mould", "planning-application"}) {
        if (auto saved = SaveCategoryIn(tx, admin, day, {code, code, true}); !saved) return saved;
      }
      for (const char* code : {"delay", "poor-communication", "no-fault-found"}) {
        if (auto saved = SaveRootCauseIn(tx, admin, day, {code, code, true}); !saved) return saved;
      }
      if (auto added = AddDesignationIn(tx, admin, day, {"housing", D("2024-04-01"), std::nullopt});
          !added) {
        return added;
      }
      for (const auto& [username, team] :
           {std::pair{"officer", "housing-services"}, std::pair{"emma", "housing-services"},
            std::pair{"tom", "housing-services"}, std::pair{"investigator", "independent"}}) {
        auto user = AddUserIn(tx, admin, day,
                              NewUser{username, "", core::Role::kCaseHandler, team, kPassword},
                              LengthPasswordPolicy());
        if (!user) return tl::unexpected(user.error());
      }
      return {};
    });
    ASSERT_TRUE(set_up.has_value()) << set_up.error().message;
  }

  LogComplaintCommand HousingByPhone(core::Date received) {
    LogComplaintCommand command;
    command.regime = core::Regime::kHousing;
    command.channel = core::Channel::kPhone;
    command.received_on = received;
    command.service_area = "housing";
    command.category = "damp-mould";
    command.summary = "Mould in the bedroom has come back";
    command.description = "The mould treated in March has come back and the child is unwell.";
    command.complainant = {"Aisha Begum", "aisha@example.org", "07700 900123",
                           "12 Station Road, Demoton", "ZZ1 2AB"};
    command.handler = "emma";
    return command;
  }

  core::RespondInput Response(core::Date on) {
    core::RespondInput input;
    input.on = on;
    input.outcome = core::Outcome::kUpheld;
    input.root_causes = {"delay"};
    input.remedies = {{core::RemedyType::kApology, 0, "Apologised"},
                      {core::RemedyType::kFinancial, 15000, "Compensation"}};
    input.actions = {{"Treat the mould and fit an extractor fan", D("2025-02-14"), "emma",
                      core::ActionStatus::kOpen, std::nullopt}};
    input.learning = "Inspect again six weeks after a mould treatment.";
    return input;
  }

  std::int64_t EventCount(const std::string& reference) {
    std::int64_t count = -1;
    Status read = store_->Read([&](Tx& tx) -> Status {
      auto events = tx.Events().EventsOf(EntityType::kComplaint, reference);
      if (events) count = static_cast<std::int64_t>(events->size());
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
    return count;
  }

  testing::TempDatabase database_;
  ManualClock clock_{D("2025-03-31")};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  Actor officer_{"officer", core::Role::kComplaintsOfficer, "housing-services"};
  Actor emma_{"emma", core::Role::kCaseHandler, "housing-services"};
  Actor investigator_{"investigator", core::Role::kCaseHandler, "independent"};
  Actor childrens_{"childrens-officer", core::Role::kComplaintsOfficer, "childrens-complaints"};

  // A children's statutory complaint (restricted to the children's complaints team) from the
  // same person, about the same category, as HousingByPhone.
  LogComplaintCommand ChildrensComplaint(core::Date received) {
    LogComplaintCommand command = HousingByPhone(received);
    command.regime = core::Regime::kChildren;
    command.service_area = "childrens-social-care";
    command.handler = "";
    command.summary = "Support plan not followed";
    return command;
  }

  std::vector<StoredEvent> TimelineAs(const Actor& actor, const std::string& reference) {
    auto events = ReadValue<std::vector<StoredEvent>>(
        *store_, [&](Tx& tx) { return VisibleTimeline(tx, actor, reference); });
    EXPECT_TRUE(events.has_value()) << (events ? "" : events.error().message);
    return events ? *events : std::vector<StoredEvent>{};
  }
};

bool Names(const std::vector<StoredEvent>& events, const std::string& reference) {
  for (const StoredEvent& event : events) {
    if (event.event.summary.find(reference) != std::string::npos) return true;
    for (const core::Change& change : event.event.changes) {
      if (change.before.find(reference) != std::string::npos ||
          change.after.find(reference) != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

TEST_F(CaseUseCasesTest, LogsAHousingComplaintWithItsDeadlineAndTeam) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto logged = LogComplaint(cases, officer_, HousingByPhone(D("2024-12-20")));
  ASSERT_TRUE(logged.has_value()) << logged.error().message;
  EXPECT_EQ(logged->reference, "CMP-2024-000001");
  EXPECT_EQ(logged->status, core::CaseStatus::kAwaitingAcknowledgement);
  EXPECT_EQ(logged->current_stage().acknowledge_by, D("2024-12-31"));
  EXPECT_EQ(logged->current_stage().team, "housing-services");
  EXPECT_EQ(logged->current_stage().handler, "emma");
  EXPECT_EQ(logged->version, 1);
  EXPECT_EQ(EventCount(logged->reference), 1);
}

TEST_F(CaseUseCasesTest, UnknownReferenceDataIsRefusedAndNothingIsWritten) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  LogComplaintCommand command = HousingByPhone(D("2024-12-20"));
  command.service_area = "libraries";
  command.category = "noise";
  auto logged = LogComplaint(cases, officer_, command);
  ASSERT_FALSE(logged.has_value());
  EXPECT_EQ(logged.error().code, core::ErrorCode::kInvalidInput);
  ASSERT_EQ(logged.error().fields.size(), 2u);
  EXPECT_EQ(logged.error().fields[0].field, "service_area");
  EXPECT_EQ(logged.error().fields[1].field, "category");

  command = HousingByPhone(D("2024-12-20"));
  command.handler = "nobody";
  logged = LogComplaint(cases, officer_, command);
  ASSERT_FALSE(logged.has_value());
  EXPECT_EQ(logged.error().fields.at(0).field, "handler");

  auto rows = ListComplaints(cases, {});
  ASSERT_TRUE(rows.has_value());
  EXPECT_TRUE(rows->empty());
}

TEST_F(CaseUseCasesTest, FullHousingLifecycleWithTheIndependentTeamAtStage2) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto logged = LogComplaint(cases, officer_, HousingByPhone(D("2024-12-20")));
  ASSERT_TRUE(logged.has_value()) << logged.error().message;
  const std::string reference = logged->reference;

  auto acknowledged =
      ApplyCaseAction(cases, emma_, reference, 1, core::AcknowledgeInput{D("2025-01-02")});
  ASSERT_TRUE(acknowledged.has_value()) << acknowledged.error().message;
  EXPECT_EQ(acknowledged->current_stage().respond_by, D("2025-01-16"));

  // A response without a root cause is refused and changes nothing.
  core::RespondInput no_cause = Response(D("2025-01-15"));
  no_cause.root_causes.clear();
  auto refused = ApplyCaseAction(cases, emma_, reference, 2, no_cause);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields.at(0).field, "root_causes");
  EXPECT_EQ(GetComplaint(cases, reference)->version, 2);
  EXPECT_EQ(EventCount(reference), 2);

  auto responded = ApplyCaseAction(cases, emma_, reference, 2, Response(D("2025-01-15")));
  ASSERT_TRUE(responded.has_value()) << responded.error().message;
  EXPECT_EQ(responded->status, core::CaseStatus::kResponded);

  auto escalated =
      ApplyCaseAction(cases, officer_, reference, 3, EscalateCommand{D("2025-01-27"), "", ""});
  ASSERT_TRUE(escalated.has_value()) << escalated.error().message;
  EXPECT_EQ(escalated->current_stage().number, 2);
  EXPECT_EQ(escalated->current_stage().team, "independent");  // Housing is designated
  EXPECT_EQ(escalated->current_stage().acknowledge_by, D("2025-02-03"));

  // Stage 2 may not be answered by stage 1's handler.
  auto same_handler = ApplyCaseAction(cases, emma_, reference, 4, Response(D("2025-02-10")));
  ASSERT_FALSE(same_handler.has_value());
  EXPECT_EQ(same_handler.error().code, core::ErrorCode::kTransitionNotAllowed);

  auto final_response =
      ApplyCaseAction(cases, investigator_, reference, 4, Response(D("2025-02-10")));
  ASSERT_TRUE(final_response.has_value()) << final_response.error().message;
  EXPECT_EQ(final_response->status, core::CaseStatus::kClosed);
  EXPECT_EQ(final_response->closed_on, D("2025-02-10"));
  EXPECT_EQ(final_response->current_stage().handler, "investigator");
  EXPECT_EQ(EventCount(reference), 5);
}

TEST_F(CaseUseCasesTest, StaleVersionIsAConflictAndAppliesNothing) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto logged = LogComplaint(cases, officer_, HousingByPhone(D("2024-12-20")));
  ASSERT_TRUE(logged.has_value());
  ASSERT_TRUE(
      ApplyCaseAction(cases, emma_, logged->reference, 1, core::AcknowledgeInput{D("2024-12-23")}));
  auto stale = ApplyCaseAction(cases, emma_, logged->reference, 1,
                               core::ExtendInput{D("2024-12-24"), 5, "Waiting for a survey", ""});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, core::ErrorCode::kStaleVersion);
  auto stored = GetComplaint(cases, logged->reference);
  EXPECT_TRUE(stored->current_stage().extensions.empty());
  EXPECT_EQ(stored->version, 2);
}

TEST_F(CaseUseCasesTest, BeforeTheDesignationStage2StaysWithTheServiceTeam) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto logged = LogComplaint(cases, officer_, HousingByPhone(D("2024-02-01")));
  ASSERT_TRUE(logged.has_value());
  ASSERT_TRUE(
      ApplyCaseAction(cases, emma_, logged->reference, std::nullopt, Response(D("2024-02-08"))));
  auto escalated = ApplyCaseAction(cases, officer_, logged->reference, std::nullopt,
                                   EscalateCommand{D("2024-02-20"), "Not happy", "emma"});
  ASSERT_FALSE(escalated.has_value()) << "stage 1's handler cannot be named for stage 2";
  EXPECT_EQ(escalated.error().code, core::ErrorCode::kTransitionNotAllowed);
  escalated = ApplyCaseAction(cases, officer_, logged->reference, std::nullopt,
                              EscalateCommand{D("2024-02-20"), "Not happy", "tom"});
  ASSERT_TRUE(escalated.has_value()) << escalated.error().message;
  EXPECT_EQ(escalated->current_stage().team, "housing-services");
  EXPECT_EQ(escalated->current_stage().handler, "tom");
}

TEST_F(CaseUseCasesTest, ASecondComplaintAboutTheSameThingIsLinkedAsAPossibleRepeat) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto first = LogComplaint(cases, officer_, HousingByPhone(D("2024-06-03")));
  ASSERT_TRUE(first.has_value());
  LogComplaintCommand again = HousingByPhone(D("2025-01-06"));
  again.complainant.email = "AISHA@Example.org";  // same person, typed differently
  auto second = LogComplaint(cases, officer_, again);
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(second->possible_repeat_of, std::vector<std::string>{first->reference});

  LogComplaintCommand other_category = HousingByPhone(D("2025-01-07"));
  other_category.category = "repairs";
  auto third = LogComplaint(cases, officer_, other_category);
  ASSERT_TRUE(third.has_value());
  EXPECT_TRUE(third->possible_repeat_of.empty());
}

TEST_F(CaseUseCasesTest, AServiceRequestBecomesAComplaintAndKeepsTheLink) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  core::ServiceRequestInput input{core::Channel::kPhone,
                                  D("2025-01-06"),
                                  "housing",
                                  "repairs",
                                  "Leaking gutter",
                                  "Gutter leaking over the front door",
                                  {"Owen Nolan", "", "07700 900456", "3 Mill Lane", "ZZ2 3CD"},
                                  ""};
  auto request = LogServiceRequest(cases, officer_, input);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  EXPECT_EQ(request->team, "housing-services");

  auto complaint = ConvertServiceRequest(
      cases, officer_, request->reference,
      ConvertServiceRequestCommand{core::Regime::kHousing, D("2025-01-20"), "", ""});
  ASSERT_TRUE(complaint.has_value()) << complaint.error().message;
  EXPECT_EQ(complaint->service_request_reference, request->reference);
  EXPECT_EQ(complaint->summary, "Leaking gutter");
  EXPECT_EQ(complaint->received_on, D("2025-01-20"));

  auto twice = ConvertServiceRequest(
      cases, officer_, request->reference,
      ConvertServiceRequestCommand{core::Regime::kHousing, D("2025-01-21"), "", ""});
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, core::ErrorCode::kTransitionNotAllowed);

  // The request stays open, its work carried on under the complaint, which alone can close it.
  auto resolved = ResolveServiceRequest(cases, officer_, request->reference, D("2025-01-22"),
                                        "Gutter cleared and repaired");
  ASSERT_FALSE(resolved.has_value());
  EXPECT_EQ(resolved.error().code, core::ErrorCode::kTransitionNotAllowed);
}

TEST_F(CaseUseCasesTest, ARestrictedComplaintIsNeverNamedAsARepeatOutsideItsTeam) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto restricted = LogComplaint(cases, childrens_, ChildrensComplaint(D("2024-06-03")));
  ASSERT_TRUE(restricted.has_value()) << restricted.error().message;
  ASSERT_TRUE(restricted->restricted);

  // Same person, same category: a housing complaint everyone may read does not name it...
  auto housing = LogComplaint(cases, officer_, HousingByPhone(D("2025-01-06")));
  ASSERT_TRUE(housing.has_value()) << housing.error().message;
  EXPECT_TRUE(housing->possible_repeat_of.empty());
  auto stored = GetComplaint(cases, housing->reference);
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->possible_repeat_of.empty());

  // ...nor does the answer to an outsider who logs another children's complaint, though the
  // children's team reading that complaint sees the earlier one named.
  auto second = LogComplaint(cases, officer_, ChildrensComplaint(D("2025-01-07")));
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(second->possible_repeat_of, std::vector<std::string>{housing->reference});
  auto as_team = ReadValue<core::Complaint>(
      *store_, [&](Tx& tx) { return LoadVisibleComplaint(tx, childrens_, second->reference); });
  ASSERT_TRUE(as_team.has_value()) << as_team.error().message;
  EXPECT_EQ(as_team->possible_repeat_of,
            (std::vector<std::string>{housing->reference, restricted->reference}));
}

TEST_F(CaseUseCasesTest, ARepeatListNamesOnlyTheMostRecentFew) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  std::vector<std::string> references;
  constexpr int kEarlier = 8;
  for (int day = 1; day <= kEarlier; ++day) {
    auto logged = LogComplaint(cases, officer_, HousingByPhone(*core::Date::FromYmd(2024, 7, day)));
    ASSERT_TRUE(logged.has_value()) << logged.error().message;
    references.push_back(logged->reference);
  }
  auto latest = LogComplaint(cases, officer_, HousingByPhone(D("2024-08-01")));
  ASSERT_TRUE(latest.has_value());
  ASSERT_EQ(latest->possible_repeat_of.size(), core::kMaxPossibleRepeats);
  EXPECT_EQ(latest->possible_repeat_of.front(), references.back());
  EXPECT_EQ(latest->possible_repeat_of.back(), references[kEarlier - core::kMaxPossibleRepeats]);
}

TEST_F(CaseUseCasesTest, ALinkToARestrictedComplaintIsLeftOutOfTheOtherTimeline) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto restricted = LogComplaint(cases, childrens_, ChildrensComplaint(D("2024-06-03")));
  ASSERT_TRUE(restricted.has_value());
  LogComplaintCommand other = HousingByPhone(D("2024-06-04"));
  other.complainant.email = "someone-else@example.org";
  other.complainant.phone = "";
  other.complainant.postcode = "";
  auto visible = LogComplaint(cases, officer_, other);
  ASSERT_TRUE(visible.has_value());
  auto link = Link(*store_, clock_, childrens_, restricted->reference, visible->reference,
                   LinkRelation::kRelated);
  ASSERT_TRUE(link.has_value()) << link.error().message;

  EXPECT_TRUE(Names(TimelineAs(childrens_, visible->reference), restricted->reference));
  const std::vector<StoredEvent> outside = TimelineAs(officer_, visible->reference);
  EXPECT_FALSE(Names(outside, restricted->reference));
  EXPECT_FALSE(outside.empty());  // the complaint's own events remain
}

TEST_F(CaseUseCasesTest, AServiceRequestConvertedIntoARestrictedComplaintIsHiddenLikeTheComplaint) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  core::ServiceRequestInput input{core::Channel::kPhone,
                                  D("2025-01-06"),
                                  "childrens-social-care",
                                  "repairs",
                                  "Respite care not arranged",
                                  "Respite care promised in the plan was not arranged",
                                  {"Owen Nolan", "owen@example.org", "", "3 Mill Lane", "ZZ2 3CD"},
                                  ""};
  auto request = LogServiceRequest(cases, childrens_, input);
  ASSERT_TRUE(request.has_value()) << request.error().message;
  auto complaint = ConvertServiceRequest(
      cases, childrens_, request->reference,
      ConvertServiceRequestCommand{core::Regime::kChildren, D("2025-01-20"), "", ""});
  ASSERT_TRUE(complaint.has_value()) << complaint.error().message;
  ASSERT_TRUE(complaint->restricted);

  EXPECT_TRUE(GetServiceRequest(cases, childrens_, request->reference).has_value());
  auto hidden = GetServiceRequest(cases, officer_, request->reference);
  auto missing = GetServiceRequest(cases, officer_, "SR-2025-999999");
  ASSERT_FALSE(hidden.has_value());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(hidden.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(hidden.error().message, "no service request " + request->reference);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);

  auto resolved = ResolveServiceRequest(cases, officer_, request->reference, D("2025-01-22"), "x");
  ASSERT_FALSE(resolved.has_value());
  EXPECT_EQ(resolved.error().code, core::ErrorCode::kNotFound);
}

// A closure day moves the running clocks that count on the organisation's calendar, each with an
// event, so the case agrees with the report; a statutory clock and an answered stage stay put.
TEST_F(CaseUseCasesTest, AClosureDayMovesRunningCodeClocksOnly) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  auto housing = LogComplaint(cases, officer_, HousingByPhone(D("2025-03-27")));
  ASSERT_TRUE(housing.has_value()) << housing.error().message;
  auto children = LogComplaint(cases, childrens_, ChildrensComplaint(D("2025-03-27")));
  ASSERT_TRUE(children.has_value()) << children.error().message;
  const core::Date housing_due = housing->current_stage().acknowledge_by;  // Thu 3 Apr
  const core::Date children_due = children->current_stage().acknowledge_by;
  EXPECT_EQ(housing_due, D("2025-04-03"));

  auto added = store_->Write([&](Tx& tx) {
    return AddClosureDayIn(tx, SystemActor(), D("2025-03-31"), {D("2025-03-31"), "Office move"});
  });
  ASSERT_TRUE(added.has_value()) << added.error().message;

  auto moved = GetComplaint(cases, housing->reference);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(moved->current_stage().acknowledge_by, D("2025-04-04"));
  EXPECT_EQ(moved->version, housing->version + 1);
  const std::vector<StoredEvent> timeline = TimelineAs(officer_, housing->reference);
  ASSERT_FALSE(timeline.empty());
  EXPECT_EQ(timeline.back().event.type, core::EventType::kDeadlinesRecalculated);
  EXPECT_NE(timeline.back().event.summary.find("closure day 2025-03-31 added"), std::string::npos);

  auto unmoved = GetComplaint(cases, children->reference);
  ASSERT_TRUE(unmoved.has_value());
  EXPECT_EQ(unmoved->current_stage().acknowledge_by, children_due);
  EXPECT_EQ(unmoved->version, children->version);
}

// A complaint logged before the list was bounded may name many earlier complaints: an answer names
// at most five, the latest references first, whatever is stored.
TEST_F(CaseUseCasesTest, AnAnswerNamesAtMostFivePossibleRepeatsEvenOfAnOlderLongList) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  std::vector<std::string> earlier;
  for (int day = 1; day <= 8; ++day) {
    LogComplaintCommand command = HousingByPhone(*core::Date::FromYmd(2024, 7, day));
    command.complainant.email = "person" + std::to_string(day) + "@example.org";
    command.complainant.phone = "";
    command.complainant.postcode = "";
    auto logged = LogComplaint(cases, officer_, command);
    ASSERT_TRUE(logged.has_value()) << logged.error().message;
    earlier.push_back(logged->reference);
  }
  auto latest = LogComplaint(cases, officer_, HousingByPhone(D("2024-08-01")));
  ASSERT_TRUE(latest.has_value());
  auto stored = store_->Write([&](Tx& tx) -> Status {
    auto complaint = tx.Complaints().Load(latest->reference);
    if (!complaint) return tl::unexpected(complaint.error());
    complaint->possible_repeat_of = earlier;  // as an older version of Redress stored them
    core::CaseEvent event{core::EventType::kReassigned, D("2024-08-01"), "test", 1, "test", {}};
    auto updated = tx.Complaints().Update(*complaint, complaint->version, event);
    if (!updated) return tl::unexpected(updated.error());
    return {};
  });
  ASSERT_TRUE(stored.has_value()) << stored.error().message;
  auto shown = ReadValue<core::Complaint>(
      *store_, [&](Tx& tx) { return LoadVisibleComplaint(tx, officer_, latest->reference); });
  ASSERT_TRUE(shown.has_value()) << shown.error().message;
  EXPECT_EQ(shown->possible_repeat_of,
            (std::vector<std::string>{earlier[7], earlier[6], earlier[5], earlier[4], earlier[3]}));
}

}  // namespace
}  // namespace redress::app
