#include "core/person_search.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::core {
namespace {

struct Normalised {
  std::string typed;
  std::string searched;
};

class NormaliseSearchTextTest : public ::testing::TestWithParam<Normalised> {};

TEST_P(NormaliseSearchTextTest, MeetsTheIndexedForms) {
  EXPECT_EQ(NormaliseSearchText(GetParam().typed), GetParam().searched);
}

INSTANTIATE_TEST_SUITE_P(
    Typed, NormaliseSearchTextTest,
    ::testing::Values(
        Normalised{"Khan", "Khan"}, Normalised{"  damp   mould ", "damp mould"},
        Normalised{"07700 900 123", "07700900123"}, Normalised{"+44 7700 900123", "07700900123"},
        Normalised{"+44 (0)7700-900123", "07700900123"},
        Normalised{"(01632) 960 001", "01632960001"},
        // Too few digits for a phone number: a year, a house number, part of a reference.
        Normalised{"12 High Street", "12 High Street"}, Normalised{"2024 000123", "2024 000123"},
        Normalised{"SW1A 1AA", "sw1a1aa"}, Normalised{"Khan sw1a 1aa", "Khan sw1a1aa"},
        Normalised{"M1 1AE", "m11ae"}, Normalised{"SW1A", "SW1A"},
        // A word that only looks like an inward code with no outward code before it.
        Normalised{"flat 1AA", "flat 1AA"}, Normalised{"CMP-2024-000123", "CMP-2024-000123"},
        Normalised{"", ""}));

TEST(PeopleSearchTextTest, HoldsEveryContactDetailAsWrittenAndNormalised) {
  Complaint complaint;
  complaint.reference = "CMP-2024-000123";
  complaint.complainant = {"Amira Khan", "A.Khan@Example.org", "+44 7700 900123",
                           "12 High Street, Town", "SW1A 1AA"};
  Person representative;
  representative.name = "Zoë Brown";
  complaint.representative = representative;
  EXPECT_EQ(PeopleSearchText(complaint),
            "CMP-2024-000123\nAmira Khan\nA.Khan@Example.org\n+44 7700 900123\n07700900123\n"
            "12 High Street, Town\nSW1A 1AA\nsw1a1aa\nZoë Brown");
}

TEST(PeopleSearchTextTest, LeavesOutEmptyAndAlreadyNormalValues) {
  Complaint complaint;
  complaint.complainant.name = "Amira Khan";
  complaint.complainant.phone = "07700900123";
  complaint.complainant.postcode = "m11ae";
  EXPECT_EQ(PeopleSearchText(complaint), "Amira Khan\n07700900123\nm11ae");
}

struct SamePersonCase {
  Person a;
  Person b;
  bool same;
};

class SamePersonTest : public ::testing::TestWithParam<SamePersonCase> {};

TEST_P(SamePersonTest, ByAnyKnownKey) {
  EXPECT_EQ(SamePerson(PersonKeyOf(GetParam().a), PersonKeyOf(GetParam().b)), GetParam().same);
}

Person P(std::string name, std::string email, std::string phone, std::string postcode) {
  Person person;
  person.name = std::move(name);
  person.email = std::move(email);
  person.phone = std::move(phone);
  person.postcode = std::move(postcode);
  return person;
}

INSTANTIATE_TEST_SUITE_P(
    Keys, SamePersonTest,
    ::testing::Values(
        SamePersonCase{P("", " A.Khan@X.org", "", ""), P("", "a.khan@x.org", "", ""), true},
        SamePersonCase{P("", "", "+44 7700 900123", ""), P("", "", "07700900123", ""), true},
        SamePersonCase{P("Amira  Khan", "", "", "SW1A 1AA"), P("amira khan", "", "", "sw1a1aa"),
                       true},
        // A name alone, or a postcode alone, is not a person.
        SamePersonCase{P("Amira Khan", "", "", ""), P("Amira Khan", "", "", ""), false},
        SamePersonCase{P("Amira Khan", "", "", "SW1A 1AA"), P("Ben Khan", "", "", "SW1A 1AA"),
                       false},
        SamePersonCase{P("", "", "", ""), P("", "", "", ""), false}));

}  // namespace
}  // namespace redress::core
