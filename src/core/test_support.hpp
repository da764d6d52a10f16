#pragma once

// Helpers shared by the core's tests; test code only, never included by production sources.
//
// The namespace is test_support rather than testing: inside redress::core a nested `testing` would
// hide GoogleTest's ::testing from the tests' unqualified `testing::` names.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::core::test_support {

// A date the test states by hand. An invalid one fails the test that wrote it (and yields the
// default Date) rather than being undefined behaviour.
inline Date D(int year, int month, int day) {
  const std::optional<Date> date = Date::FromYmd(year, month, day);
  EXPECT_TRUE(date.has_value()) << year << "-" << month << "-" << day;
  return date.value_or(Date{});
}

inline Date D(std::string_view iso) {
  const std::optional<Date> date = Date::Parse(iso);
  EXPECT_TRUE(date.has_value()) << iso;
  return date.value_or(Date{});
}

// Names each parameterised case after its `name` field:
// INSTANTIATE_TEST_SUITE_P(Rules, SomeTest, testing::ValuesIn(kCases), CaseName()).
struct CaseName {
  template <typename Case>
  std::string operator()(const ::testing::TestParamInfo<Case>& test_case) const {
    return std::string(test_case.param.name);
  }
};

// The names of the offending fields, in the order the error lists them.
inline std::vector<std::string> FieldNames(const Error& error) {
  std::vector<std::string> fields;
  for (const FieldError& field : error.fields) fields.push_back(field.field);
  return fields;
}

// Expects `status` to succeed when `fields` is empty, else to fail naming exactly `fields`, in
// order: the check of a table-driven validation test.
inline void ExpectFieldErrors(const Status& status, const std::vector<std::string>& fields) {
  if (fields.empty()) {
    EXPECT_TRUE(status) << status.error().message;
    return;
  }
  ASSERT_FALSE(status);
  EXPECT_EQ(FieldNames(status.error()), fields);
}

// The codes of the offending fields as the API spells them, in the order the error lists them.
inline std::vector<std::string> FieldCodes(const Error& error) {
  std::vector<std::string> codes;
  for (const FieldError& field : error.fields) codes.emplace_back(ToString(field.code));
  return codes;
}

// Expects `status` to fail naming exactly `fields` with exactly `codes`, in order: clients word a
// field error by its code, so the code is part of the rule.
inline void ExpectFieldErrors(const Status& status, const std::vector<std::string>& fields,
                              const std::vector<FieldErrorCode>& codes) {
  ExpectFieldErrors(status, fields);
  if (status || codes.empty()) return;
  std::vector<std::string> expected;
  for (FieldErrorCode code : codes) expected.emplace_back(ToString(code));
  EXPECT_EQ(FieldCodes(status.error()), expected);
}

}  // namespace redress::core::test_support
