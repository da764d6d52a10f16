#include "core/people_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::core {
namespace {

const Person kAmira{"Amira Khan", "amira@example.org", "07700 900123", "12 High Street, Town",
                    "SW1A 1AA"};

struct SharedCase {
  std::string name;
  Person other;
  std::vector<MatchKey> keys;
};

class SharedKeysTest : public ::testing::TestWithParam<SharedCase> {};

TEST_P(SharedKeysTest, MatchesOnTheNormalisedKeysOnly) {
  EXPECT_EQ(SharedKeys(kAmira, GetParam().other), GetParam().keys);
  EXPECT_EQ(SharedKeys(GetParam().other, kAmira), GetParam().keys) << "symmetric";
}

INSTANTIATE_TEST_SUITE_P(
    Table, SharedKeysTest,
    ::testing::Values(
        SharedCase{"EmailAsTypedDifferently",
                   {"A K", " AMIRA@Example.org ", "", "", ""},
                   {MatchKey::kEmail}},
        SharedCase{
            "PhoneInternationalForm", {"", "", "+44 (0)7700-900123", "", ""}, {MatchKey::kPhone}},
        SharedCase{"NameWithPostcode",
                   {"  amira   KHAN", "", "", "", "sw1a1aa"},
                   {MatchKey::kNamePostcode}},
        SharedCase{"AddressFirstLineWithPostcode",
                   {"Someone Else", "", "", "12  high street\nOther Town", "SW1A1AA"},
                   {MatchKey::kAddress}},
        SharedCase{
            "Everything",
            kAmira,
            {MatchKey::kEmail, MatchKey::kPhone, MatchKey::kNamePostcode, MatchKey::kAddress}},
        SharedCase{"NameWithoutPostcodeIsNotAKey", {"Amira Khan", "", "", "", ""}, {}},
        SharedCase{"PostcodeAloneIsNotAKey", {"B Jones", "", "", "1 Low Road", "SW1A 1AA"}, {}},
        SharedCase{"EmptyNeverMatchesEmpty", {"", "", "", "", ""}, {}},
        SharedCase{"OtherPerson", {"Bo Li", "bo@example.org", "01632 960001", "", "N1 9GU"}, {}}),
    [](const ::testing::TestParamInfo<SharedCase>& param_info) { return param_info.param.name; });

TEST(SharedKeys, TwoUnknownsAreNotTheSamePerson) {
  EXPECT_TRUE(SharedKeys(Person{}, Person{}).empty());
}

PersonRecord Record(PersonRecordType type, std::string reference, PersonRole role, Person person) {
  return {type, std::move(reference), role, std::move(person)};
}

TEST(ProposeMatches, LeavesOutTheSubjectItselfAndRepeatsAndStrangers) {
  const PersonRecord subject =
      Record(PersonRecordType::kComplaint, "CMP-2025-000001", PersonRole::kComplainant, kAmira);
  const std::vector<PersonRecord> candidates = {
      subject,  // found by its own keys: not a match with itself
      Record(PersonRecordType::kServiceRequest, "SR-2025-000004", PersonRole::kRequester,
             {"A. Khan", "", "07700900123", "", ""}),
      Record(PersonRecordType::kComplaint, "CMP-2025-000009", PersonRole::kComplainant,
             {"Bo Li", "bo@example.org", "", "", ""}),
      Record(PersonRecordType::kServiceRequest, "SR-2025-000004", PersonRole::kRequester,
             {"A. Khan", "", "07700900123", "", ""}),
      // The same complaint, but its representative: a record of its own.
      Record(PersonRecordType::kComplaint, "CMP-2025-000001", PersonRole::kRepresentative,
             {"Amira Khan", "amira@example.org", "", "", ""}),
  };
  const std::vector<ProposedMatch> matches = ProposeMatches(subject, candidates);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].candidate, 1u);
  EXPECT_EQ(matches[0].keys, std::vector<MatchKey>{MatchKey::kPhone});
  EXPECT_EQ(matches[1].candidate, 4u);
  EXPECT_EQ(matches[1].keys, std::vector<MatchKey>{MatchKey::kEmail});
}

struct IdCase {
  std::string id;
  bool valid;
};
class PersonIdTest : public ::testing::TestWithParam<IdCase> {};
TEST_P(PersonIdTest, ParsesOnlyARecordAndARoleItHas) {
  const std::optional<PersonId> id = ParsePersonId(GetParam().id);
  ASSERT_EQ(id.has_value(), GetParam().valid);
  if (id) {
    EXPECT_EQ(PersonIdOf(id->reference, id->role), GetParam().id);
  }
}
INSTANTIATE_TEST_SUITE_P(Table, PersonIdTest,
                         ::testing::Values(IdCase{"CMP-2025-000001.complainant", true},
                                           IdCase{"CMP-2025-000001.representative", true},
                                           IdCase{"SR-2025-000002.requester", true},
                                           IdCase{"SR-2025-000002.complainant", false},
                                           IdCase{"CMP-2025-000001.requester", false},
                                           IdCase{"CMP-2025-000001", false},
                                           IdCase{".complainant", false},
                                           IdCase{"CMP-2025-000001.owner", false}));

TEST(CheckMatchDecision, NamesEveryBadFieldAtOnce) {
  const auto decision = CheckMatchDecision({"merge", "letter", " ", "owner", ""});
  ASSERT_FALSE(decision);
  std::vector<std::string> fields;
  for (const auto& field : decision.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"action", "record_type", "reference", "role", "reason"}));
}

TEST(CheckMatchDecision, RefusesARoleTheRecordTypeHasNot) {
  const auto decision =
      CheckMatchDecision({"confirm", "service_request", "SR-2025-000001", "complainant", "x"});
  ASSERT_FALSE(decision);
  ASSERT_EQ(decision.error().fields.size(), 1u);
  EXPECT_EQ(decision.error().fields[0].field, "role");
}

TEST(CheckMatchDecision, AcceptsAWellFormedDecision) {
  const auto decision =
      CheckMatchDecision({"undo", "complaint", "CMP-2025-000001", "representative", "wrong"});
  ASSERT_TRUE(decision) << decision.error().message;
  EXPECT_EQ(decision->action, MatchAction::kUndo);
  EXPECT_EQ(decision->role, PersonRole::kRepresentative);
}

struct DecideCase {
  MatchState from;
  MatchAction action;
  std::optional<MatchState> to;  // nullopt: not allowed
};
class DecideMatchTest : public ::testing::TestWithParam<DecideCase> {};
TEST_P(DecideMatchTest, MovesBetweenStates) {
  const auto to = DecideMatch(GetParam().from, GetParam().action);
  ASSERT_EQ(to.has_value(), GetParam().to.has_value());
  if (to) {
    EXPECT_EQ(*to, *GetParam().to);
  } else {
    EXPECT_EQ(to.error().code, ErrorCode::kTransitionNotAllowed);
  }
}
INSTANTIATE_TEST_SUITE_P(
    Table, DecideMatchTest,
    ::testing::Values(
        DecideCase{MatchState::kProposed, MatchAction::kConfirm, MatchState::kConfirmed},
        DecideCase{MatchState::kProposed, MatchAction::kReject, MatchState::kRejected},
        DecideCase{MatchState::kProposed, MatchAction::kUndo, std::nullopt},
        DecideCase{MatchState::kConfirmed, MatchAction::kConfirm, std::nullopt},
        DecideCase{MatchState::kConfirmed, MatchAction::kReject, MatchState::kRejected},
        DecideCase{MatchState::kConfirmed, MatchAction::kUndo, MatchState::kProposed},
        DecideCase{MatchState::kRejected, MatchAction::kReject, std::nullopt},
        DecideCase{MatchState::kRejected, MatchAction::kConfirm, MatchState::kConfirmed},
        DecideCase{MatchState::kRejected, MatchAction::kUndo, MatchState::kProposed}));

}  // namespace
}  // namespace redress::core
