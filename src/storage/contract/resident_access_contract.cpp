// The public service's form sessions and one-time codes (issue 17), and the channel its
// complaints are logged with.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>

#include "app/resident_codes.hpp"
#include "app/resident_sessions.hpp"
#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::int64_t kHour = 3600;

TEST_P(StoreContract, AResidentSessionIsKeptReplacedAndEndedAndOutlivesTheProcess) {
  ASSERT_TRUE(app::SaveResidentSession(*store_, "rdp_token", R"({"answers":{}})", kNow + kHour));
  ASSERT_TRUE(app::SaveResidentSession(*store_, "rdp_token", R"({"answers":{"who":"myself"}})",
                                       kNow + 2 * kHour));
  // Reopened: another process over the same database finds it.
  OpenStore();
  auto found = app::FindResidentSession(*store_, "rdp_token", kNow);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->data, R"({"answers":{"who":"myself"}})");
  EXPECT_EQ((*found)->expires_at, kNow + 2 * kHour);
  // Only its hash is stored.
  EXPECT_EQ(Value("SELECT count(*) FROM resident_sessions WHERE token_hash = 'rdp_token'"), "0");
  // Not found by another token, nor once expired.
  EXPECT_FALSE(app::FindResidentSession(*store_, "rdp_other", kNow)->has_value());
  EXPECT_FALSE(app::FindResidentSession(*store_, "rdp_token", kNow + 2 * kHour)->has_value());
  ASSERT_TRUE(app::EndResidentSession(*store_, "rdp_token"));
  EXPECT_FALSE(app::FindResidentSession(*store_, "rdp_token", kNow)->has_value());
  EXPECT_TRUE(app::EndResidentSession(*store_, "rdp_token"));  // nothing to end: no error
}

TEST_P(StoreContract, ExpiredResidentSessionsAndCodesAreSweptAndOnlyThey) {
  ASSERT_TRUE(app::SaveResidentSession(*store_, "rdp_old", "{}", kNow - 1));
  ASSERT_TRUE(app::SaveResidentSession(*store_, "rdp_new", "{}", kNow + kHour));
  const app::ResidentCodeSettings old_codes{"a key of the contract tests", -1};
  ASSERT_TRUE(app::IssueResidentCode(*store_, old_codes, "CMP-2026-000001", "a@example.org", kNow));
  const app::ResidentCodeSettings codes{"a key of the contract tests", 600};
  ASSERT_TRUE(app::IssueResidentCode(*store_, codes, "CMP-2026-000002", "a@example.org", kNow));
  auto swept = app::SweepResidentAccess(*store_, kNow);
  ASSERT_TRUE(swept) << swept.error().message;
  EXPECT_EQ(*swept, 2);
  EXPECT_EQ(Value("SELECT count(*) FROM resident_sessions"), "1");
  EXPECT_EQ(Value("SELECT count(*) FROM resident_codes"), "1");
  EXPECT_TRUE(app::FindResidentSession(*store_, "rdp_new", kNow)->has_value());
}

TEST_P(StoreContract, AResidentCodeWorksOnceInTimeForItsPairOnlyAndFewTries) {
  const app::ResidentCodeSettings settings{"a key of the contract tests", 600};
  const std::string reference = "CMP-2026-000001";
  auto code = app::IssueResidentCode(*store_, settings, reference, "Ada@Example.org", kNow);
  ASSERT_TRUE(code) << code.error().message;
  ASSERT_EQ(code->size(), 6u);
  // Neither the code nor the pair is stored as given.
  EXPECT_EQ(Value("SELECT count(*) FROM resident_codes WHERE code_hash = '" + *code + "'"), "0");
  const auto check = [&](std::string_view ref, std::string_view email, std::string_view tried,
                         std::int64_t at) {
    auto checked = app::CheckResidentCode(*store_, settings, ref, email, tried, at);
    EXPECT_TRUE(checked) << checked.error().message;
    return checked.value_or(app::CodeCheck::kWrong);
  };
  const std::string wrong = *code == "000000" ? "000001" : "000000";
  EXPECT_EQ(check("CMP-2026-000002", "ada@example.org", *code, kNow), app::CodeCheck::kWrong);
  EXPECT_EQ(check(reference, "bob@example.org", *code, kNow), app::CodeCheck::kWrong);
  EXPECT_EQ(check(reference, "ada@example.org", wrong, kNow), app::CodeCheck::kWrong);
  // Another process over the same database: the email's case and blanks do not matter.
  OpenStore();
  const std::string spaced = code->substr(0, 3) + " " + code->substr(3);
  EXPECT_EQ(check(reference, " ADA@example.org", spaced, kNow + 1), app::CodeCheck::kAccepted);
  EXPECT_EQ(check(reference, "ada@example.org", *code, kNow + 2), app::CodeCheck::kUsedUp);

  // Wrong tries are counted in the store: the fifth drops the code, right or not afterwards.
  code = app::IssueResidentCode(*store_, settings, reference, "ada@example.org", kNow);
  ASSERT_TRUE(code);
  const std::string other = *code == "000000" ? "000001" : "000000";
  for (int i = 1; i < core::kResidentCodeTries; ++i) {
    EXPECT_EQ(check(reference, "ada@example.org", other, kNow), app::CodeCheck::kWrong);
  }
  EXPECT_EQ(check(reference, "ada@example.org", other, kNow), app::CodeCheck::kUsedUp);
  EXPECT_EQ(check(reference, "ada@example.org", *code, kNow), app::CodeCheck::kWrong);

  // Expired: refused, and gone.
  code = app::IssueResidentCode(*store_, settings, reference, "ada@example.org", kNow);
  ASSERT_TRUE(code);
  EXPECT_EQ(check(reference, "ada@example.org", *code, kNow + 600), app::CodeCheck::kExpired);
  EXPECT_EQ(Value("SELECT count(*) FROM resident_codes"), "0");

  // A new code replaces the pair's earlier one; a code hashed under another key never matches.
  auto first = app::IssueResidentCode(*store_, settings, reference, "ada@example.org", kNow);
  auto second = app::IssueResidentCode(*store_, settings, reference, "ada@example.org", kNow);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(Value("SELECT count(*) FROM resident_codes"), "1");
  const app::ResidentCodeSettings other_key{"another key entirely, not shared", 600};
  auto elsewhere =
      app::CheckResidentCode(*store_, other_key, reference, "ada@example.org", *second, kNow);
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(*elsewhere, app::CodeCheck::kWrong);
  if (*first != *second) {
    EXPECT_EQ(check(reference, "ada@example.org", *first, kNow), app::CodeCheck::kWrong);
  }
  EXPECT_EQ(check(reference, "ada@example.org", *second, kNow), app::CodeCheck::kAccepted);
}

TEST_P(StoreContract, AComplaintMadeOnlineKeepsItsChannel) {
  core::Complaint complaint = FullComplaint();
  complaint.channel = core::Channel::kOnline;
  const core::Complaint inserted = Insert(complaint);
  Result<core::Complaint> loaded = Load(inserted.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->channel, core::Channel::kOnline);
}

}  // namespace
}  // namespace redress::storage::contract
