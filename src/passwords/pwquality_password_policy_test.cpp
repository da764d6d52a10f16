#include "passwords/pwquality_password_policy.hpp"

#include <gtest/gtest.h>

namespace redress::passwords {
namespace {

TEST(PwqualityPasswordPolicy, RefusesShortCommonAndPersonalPasswords) {
  const struct {
    const char* password;
    bool accepted;
  } rows[] = {
      {"short", false},                 // under the minimum length
      {"password123456", false},        // a dictionary word with digits
      {"letmein12345678", false},       // common
      {"abcdefghijklmnop", false},      // systematic
      {"emma-1234567890", false},       // the username inside it
      {"correct horse battery", true},  // unrelated words
      {"redress-demo-password", true},  // no composition rule needed
      {"alllowercaseletterswords", true},
  };
  const PwqualityPasswordPolicy policy;
  for (const auto& row : rows) {
    core::FieldErrors errors;
    policy.Check(row.password, "emma", errors);
    EXPECT_EQ(errors.empty(), row.accepted) << row.password;
    if (!errors.empty()) {
      EXPECT_EQ(errors.ToError().value().fields.front().field, "password");
    }
  }
}

}  // namespace
}  // namespace redress::passwords
