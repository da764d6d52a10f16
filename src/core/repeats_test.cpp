#include "core/repeats.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;

constexpr char kRepairs[] = "repairs";
constexpr char kDamp[] = "damp-and-mould";

// Complainants who gave a single way of identifying them. (Functions rather than designated
// initialisers: -Wextra warns on every member a designated initialiser leaves out.)
Person WithName(std::string name) {
  Person person;
  person.name = std::move(name);
  return person;
}
Person WithEmail(std::string email) {
  Person person;
  person.email = std::move(email);
  return person;
}
Person WithPhone(std::string phone) {
  Person person;
  person.phone = std::move(phone);
  return person;
}
Person AtProperty(std::string address, std::string postcode) {
  Person person;
  person.address = std::move(address);
  person.postcode = std::move(postcode);
  return person;
}

// --- KeyOf -------------------------------------------------------------------------------------

struct EmailCase {
  std::string name;
  std::string email;
  std::string key;
};

class KeyOfEmailTest : public testing::TestWithParam<EmailCase> {};

TEST_P(KeyOfEmailTest, LowerCasesAndTrims) {
  Person person = WithEmail(GetParam().email);
  EXPECT_EQ(KeyOf(person, kRepairs, D(2024, 5, 1)).email, GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Emails, KeyOfEmailTest,
    testing::Values(EmailCase{"AlreadyNormal", "j.smith@x.org", "j.smith@x.org"},
                    EmailCase{"MixedCase", "J.Smith@X.Org", "j.smith@x.org"},
                    EmailCase{"Padded", " \tJ.SMITH@X.ORG \r\n", "j.smith@x.org"},
                    EmailCase{"Empty", "", ""}, EmailCase{"Blank", "   ", ""}),
    CaseName());

struct PhoneCase {
  std::string name;
  std::string phone;
  std::string key;
};

class KeyOfPhoneTest : public testing::TestWithParam<PhoneCase> {};

TEST_P(KeyOfPhoneTest, DigitsInNationalForm) {
  Person person = WithPhone(GetParam().phone);
  EXPECT_EQ(KeyOf(person, kRepairs, D(2024, 5, 1)).phone, GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Phones, KeyOfPhoneTest,
    testing::Values(PhoneCase{"National", "07700900123", "07700900123"},
                    PhoneCase{"NationalSpaced", "07700 900 123", "07700900123"},
                    PhoneCase{"Punctuated", "(01632) 960-001", "01632960001"},
                    PhoneCase{"International", "+44 7700 900123", "07700900123"},
                    PhoneCase{"InternationalNoPlus", "447700900123", "07700900123"},
                    PhoneCase{"InternationalWithTrunkZero", "+44 (0)7700 900123", "07700900123"},
                    PhoneCase{"DialledInternational", "0044 7700 900123", "07700900123"},
                    PhoneCase{"OtherCountryKept", "+33 1 23 45 67 89", "33123456789"},
                    PhoneCase{"NoDigits", "n/a", ""}, PhoneCase{"Empty", "", ""}),
    CaseName());

struct PropertyCase {
  std::string name;
  std::string postcode;
  std::string address;
  std::string key;
};

class KeyOfPropertyTest : public testing::TestWithParam<PropertyCase> {};

TEST_P(KeyOfPropertyTest, PostcodeAndFirstAddressLine) {
  Person person = AtProperty(GetParam().address, GetParam().postcode);
  EXPECT_EQ(KeyOf(person, kRepairs, D(2024, 5, 1)).property, GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Properties, KeyOfPropertyTest,
    testing::Values(
        PropertyCase{"Normal", "SW1A 1AA", "10 Downing Street, London",
                     "sw1a1aa|10 downing street"},
        PropertyCase{"SpacesInPostcode", " sw1a  1aa ", "10 Downing Street",
                     "sw1a1aa|10 downing street"},
        PropertyCase{"LineBreakEndsFirstLine", "SW1A 1AA", "10 Downing Street\nLondon",
                     "sw1a1aa|10 downing street"},
        PropertyCase{"WindowsLineBreak", "SW1A 1AA", "10 Downing Street\r\nLondon",
                     "sw1a1aa|10 downing street"},
        PropertyCase{"WhitespaceCollapsed", "SW1A 1AA", "  10   DOWNING\tStreet  , London",
                     "sw1a1aa|10 downing street"},
        PropertyCase{"FlatKeptApart", "SW1A 1AA", "Flat 2, 10 Downing Street", "sw1a1aa|flat 2"},
        PropertyCase{"PostcodeOnly", "SW1A 1AA", "", "sw1a1aa|"},
        PropertyCase{"AddressOnly", "", "10 Downing Street, London", "|10 downing street"},
        PropertyCase{"Neither", "", "", ""}, PropertyCase{"BlankBoth", "  ", " , ", ""}),
    CaseName());

TEST(KeyOfTest, KeepsCategoryAndDate) {
  RepeatKey key = KeyOf(WithName("J Smith"), kDamp, D(2024, 5, 1));
  EXPECT_EQ(key.category, kDamp);
  EXPECT_EQ(key.received_on, D(2024, 5, 1));
}

// --- FindPossibleRepeats -----------------------------------------------------------------------

// The earlier complaint every case compares against, received 2024-03-15.
Person EarlierComplainant() {
  return Person{.name = "Jo Smith",
                .email = "jo.smith@example.org",
                .phone = "07700 900123",
                .address = "12 High Street, Anytown",
                .postcode = "AB1 2CD"};
}

struct RepeatCase {
  std::string name;
  Person incoming;
  std::string category;
  Date received_on;
  bool repeat;
};

class FindPossibleRepeatsTest : public testing::TestWithParam<RepeatCase> {};

TEST_P(FindPossibleRepeatsTest, MatchesOnAnyKnownKeyInTheWindow) {
  const RepeatCase& c = GetParam();
  std::vector<RepeatCandidate> candidates = {
      {"CMP-2024-000001", KeyOf(EarlierComplainant(), kRepairs, D(2024, 3, 15))}};
  std::vector<std::string> found =
      FindPossibleRepeats(KeyOf(c.incoming, c.category, c.received_on), candidates);
  if (c.repeat) {
    EXPECT_EQ(found, std::vector<std::string>{"CMP-2024-000001"});
  } else {
    EXPECT_TRUE(found.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Routes, FindPossibleRepeatsTest,
    testing::Values(
        RepeatCase{"SameEmail", WithEmail("jo.smith@example.org"), kRepairs, D(2024, 9, 1), true},
        RepeatCase{"EmailCaseAndSpaces", WithEmail(" Jo.Smith@EXAMPLE.org "), kRepairs,
                   D(2024, 9, 1), true},
        RepeatCase{"SamePhone", WithPhone("07700900123"), kRepairs, D(2024, 9, 1), true},
        RepeatCase{"PhoneInternational", WithPhone("+44 7700 900123"), kRepairs, D(2024, 9, 1),
                   true},
        RepeatCase{"SameProperty", AtProperty("12 High Street", "AB1 2CD"), kRepairs, D(2024, 9, 1),
                   true},
        RepeatCase{"PropertyCaseAndSpaces", AtProperty(" 12  HIGH street ,Anytown", "ab12cd"),
                   kRepairs, D(2024, 9, 1), true},
        RepeatCase{"SameDay", WithEmail("jo.smith@example.org"), kRepairs, D(2024, 3, 15), true},
        RepeatCase{"ExactlyTwelveMonthsLater", WithEmail("jo.smith@example.org"), kRepairs,
                   D(2025, 3, 15), true},
        RepeatCase{"TwelveMonthsAndADayLater", WithEmail("jo.smith@example.org"), kRepairs,
                   D(2025, 3, 16), false},
        RepeatCase{"CandidateIsLater", WithEmail("jo.smith@example.org"), kRepairs, D(2024, 3, 14),
                   false},
        RepeatCase{"DifferentCategory", WithEmail("jo.smith@example.org"), kDamp, D(2024, 9, 1),
                   false},
        RepeatCase{"DifferentPerson",
                   Person{.name = "Sam Other",
                          .email = "sam@example.org",
                          .phone = "07700 900999",
                          .address = "14 High Street",
                          .postcode = "AB1 2CD"},
                   kRepairs, D(2024, 9, 1), false},
        RepeatCase{"NameAloneIsNotAKey", WithName("Jo Smith"), kRepairs, D(2024, 9, 1), false}),
    CaseName());

TEST(FindPossibleRepeatsTest, EmptyKeysNeverMatchEachOther) {
  // Two complainants who gave only a name: every key is empty on both sides.
  Person anonymous = WithName("Anonymous");
  std::vector<RepeatCandidate> candidates = {
      {"CMP-2024-000001", KeyOf(anonymous, kRepairs, D(2024, 3, 15))}};
  EXPECT_TRUE(FindPossibleRepeats(KeyOf(anonymous, kRepairs, D(2024, 9, 1)), candidates).empty());
}

TEST(FindPossibleRepeatsTest, LeapDayWindowClampsToTheMonthEnd) {
  // 12 months before 29 Feb 2024 is 28 Feb 2023.
  Person person = WithEmail("jo.smith@example.org");
  std::vector<RepeatCandidate> candidates = {
      {"CMP-2023-000001", KeyOf(person, kRepairs, D(2023, 2, 27))},
      {"CMP-2023-000002", KeyOf(person, kRepairs, D(2023, 2, 28))}};
  EXPECT_EQ(FindPossibleRepeats(KeyOf(person, kRepairs, D(2024, 2, 29)), candidates),
            std::vector<std::string>{"CMP-2023-000002"});
}

TEST(FindPossibleRepeatsTest, ReturnsAllMatchesInTheOrderGiven) {
  Person person = EarlierComplainant();
  std::vector<RepeatCandidate> candidates = {
      {"CMP-2024-000003", KeyOf(WithPhone("07700900123"), kRepairs, D(2024, 6, 1))},
      {"CMP-2024-000001", KeyOf(WithEmail("other@example.org"), kRepairs, D(2024, 4, 1))},
      {"CMP-2024-000002", KeyOf(person, kRepairs, D(2024, 5, 1))}};
  EXPECT_EQ(FindPossibleRepeats(KeyOf(person, kRepairs, D(2024, 9, 1)), candidates),
            (std::vector<std::string>{"CMP-2024-000003", "CMP-2024-000002"}));
}

TEST(FindPossibleRepeatsTest, NoCandidatesNoRepeats) {
  EXPECT_TRUE(
      FindPossibleRepeats(KeyOf(EarlierComplainant(), kRepairs, D(2024, 9, 1)), {}).empty());
}

}  // namespace
}  // namespace redress::core
