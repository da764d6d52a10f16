#include "core/validation.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::FieldNames;

// Written out rather than taken from kMaxSummaryLength: the limit is part of the contract.
constexpr std::size_t kSummaryLimit = 200;
constexpr std::string_view kTwoByteCharacter = "\xC3\xA9";  // é

std::vector<std::string> ErrorFields(const FieldErrors& errors) {
  if (errors.empty()) return {};
  return FieldNames(errors.ToError().value());
}

TEST(IsBlankTest, OnlyAsciiWhitespaceIsBlank) {
  struct Row {
    std::string_view text;
    bool blank;
  };
  const Row rows[] = {
      {"", true},     {" ", true},      {" \t\r\n\f\v", true}, {"a", false},
      {" a ", false}, {"\t.\n", false}, {"\xC3\xA9", false},
  };
  for (const Row& row : rows) EXPECT_EQ(IsBlank(row.text), row.blank) << '"' << row.text << '"';
}

TEST(Utf8LengthTest, CountsCharactersNotBytes) {
  struct Row {
    std::string_view text;
    std::size_t length;
  };
  const Row rows[] = {
      {"", 0},
      {"abc", 3},
      {"\xC3\xA9", 1},          // é, two bytes
      {"\xE2\x82\xAC", 1},      // €, three bytes
      {"\xF0\x9F\x98\x80", 1},  // an emoji, four bytes
      {"Ll\xC5\xB7n", 4},       // Llŷn
  };
  for (const Row& row : rows) EXPECT_EQ(Utf8Length(row.text), row.length) << row.text;
}

TEST(LooksLikeEmailTest, AcceptsPlausibleAddressesOnly) {
  struct Row {
    std::string_view email;
    bool plausible;
  };
  const Row rows[] = {
      {"jo@example.org", true},
      {"a@b.c", true},
      {"jo.smith+council@mail.example.gov.uk", true},
      {"", false},
      {"jo.example.org", false},   // no '@'
      {"@example.org", false},     // nothing before the '@'
      {"jo@", false},              // nothing after it
      {"jo@@example.org", false},  // two '@'
      {"jo@example", false},       // no dot in the domain
      {"jo@.example.org", false},  // the domain starts with the dot
      {"jo@example.", false},      // or ends with it
      {"jo smith@example.org", false},
      {"jo@example.org\n", false},
      {"jo@exam\vple.org", false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(LooksLikeEmail(row.email), row.plausible) << '"' << row.email << '"';
  }
}

struct PersonCase {
  std::string name;
  Person person;
  std::string_view field;
  std::vector<std::string> invalid_fields;  // empty: the person is valid
};

Person Reachable(std::string email, std::string phone, std::string address) {
  Person person;
  person.name = "Jo Smith";
  person.email = std::move(email);
  person.phone = std::move(phone);
  person.address = std::move(address);
  return person;
}

Person Nameless() {
  Person person = Reachable("", "07700 900123", "");
  person.name = " ";
  return person;
}

class ValidatePersonTest : public testing::TestWithParam<PersonCase> {};

TEST_P(ValidatePersonTest, NamesEveryOffendingField) {
  FieldErrors errors;
  ValidatePerson(GetParam().person, GetParam().field, errors);
  EXPECT_EQ(ErrorFields(errors), GetParam().invalid_fields);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidatePersonTest,
    testing::Values(
        PersonCase{"PhoneOnly", Reachable("", "07700 900123", ""), "complainant", {}},
        PersonCase{"EmailOnly", Reachable("jo@example.org", "", ""), "complainant", {}},
        PersonCase{"AddressOnly", Reachable("", "", "12 High Street"), "complainant", {}},
        PersonCase{"NoName", Nameless(), "complainant", {"complainant.name"}},
        PersonCase{"NoContact", Reachable("", "", ""), "complainant", {"complainant"}},
        PersonCase{"BlankContacts", Reachable(" ", "\t", " "), "complainant", {"complainant"}},
        PersonCase{"MalformedEmail",
                   Reachable("jo@example", "", ""),
                   "complainant",
                   {"complainant.email"}},
        PersonCase{"MalformedEmailWithPhone",
                   Reachable("jo", "07700 900123", ""),
                   "complainant",
                   {"complainant.email"}},
        PersonCase{"FieldNamesTheRole", Person{}, "requester", {"requester.name", "requester"}}),
    CaseName());

TEST(ValidatePersonTest, MessagesNameTheRole) {
  FieldErrors errors;
  ValidatePerson(Person{}, "requester", errors);
  const Error error = errors.ToError().value();
  ASSERT_EQ(error.fields.size(), 2u);
  EXPECT_EQ(error.fields[0].message, "the requester's name is required");
  EXPECT_EQ(error.fields[1].message,
            "give at least one way to reach the requester: email, phone or address");
}

TEST(ValidatePersonTest, AnEmailNotAnAddressHasItsOwnCode) {
  FieldErrors errors;
  ValidatePerson(Reachable("jo@example", "", ""), "complainant", errors);
  const Error error = errors.ToError().value();
  ASSERT_EQ(error.fields.size(), 1u);
  EXPECT_EQ(error.fields[0].code, FieldErrorCode::kInvalidEmail);
}

struct SummaryCase {
  std::string name;
  std::string summary;
  bool valid;
};

std::string Repeat(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

class ValidateSummaryTest : public testing::TestWithParam<SummaryCase> {};

TEST_P(ValidateSummaryTest, RequiresAShortSummary) {
  FieldErrors errors;
  ValidateSummary(GetParam().summary, errors);
  EXPECT_EQ(ErrorFields(errors),
            GetParam().valid ? std::vector<std::string>{} : std::vector<std::string>{"summary"});
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateSummaryTest,
    testing::Values(
        SummaryCase{"Short", "Kitchen tap leaking", true}, SummaryCase{"Empty", "", false},
        SummaryCase{"Blank", " \t ", false},
        SummaryCase{"AtLimit", std::string(kSummaryLimit, 'x'), true},
        SummaryCase{"OverLimit", std::string(kSummaryLimit + 1, 'x'), false},
        // The limit counts characters: 200 two-byte characters are 400 bytes.
        SummaryCase{"AtLimitInCharacters", Repeat(kTwoByteCharacter, kSummaryLimit), true},
        SummaryCase{"OverLimitInCharacters", Repeat(kTwoByteCharacter, kSummaryLimit + 1), false}),
    CaseName());

}  // namespace
}  // namespace redress::core
