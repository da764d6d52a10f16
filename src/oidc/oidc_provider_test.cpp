// The OpenID Connect adapter's parsing, without a provider: the ID token's claims as Entra ID and
// other providers write them, the client secret's sources, and the PKCE challenge (RFC 7636's
// own example).
#include "oidc/oidc_provider.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/single_sign_on.hpp"

namespace redress::oidc {
namespace {

TEST(OidcClaims, ReadsAGenericToken) {
  auto claims = ParseClaims(R"({"iss":"https://id.example","aud":"redress","sub":"s-1",
      "exp":1800000600,"iat":1800000000,"nonce":"n","email":"a@example.org","name":"A",
      "preferred_username":"a","roles":["R1","R2"],"groups":"only-one"})");
  ASSERT_TRUE(claims.has_value());
  EXPECT_EQ(claims->issuer, "https://id.example");
  EXPECT_EQ(claims->audiences, std::vector<std::string>{"redress"});
  EXPECT_EQ(claims->subject, "s-1");
  EXPECT_EQ(claims->expires_at, 1800000600);
  EXPECT_EQ(claims->issued_at, 1800000000);
  EXPECT_FALSE(claims->not_before.has_value());
  EXPECT_EQ(claims->roles, (std::vector<std::string>{"R1", "R2"}));
  EXPECT_EQ(claims->groups, std::vector<std::string>{"only-one"});
  EXPECT_FALSE(claims->groups_overage);
}

TEST(OidcClaims, ReadsEntraIdsAndItsGroupsOverage) {
  auto claims = ParseClaims(R"({"aud":["redress","other"],"azp":"redress","tid":"t","oid":"o",
      "_claim_names":{"groups":"src1"},"_claim_sources":{"src1":{"endpoint":"https://graph"}}})");
  ASSERT_TRUE(claims.has_value());
  EXPECT_EQ(claims->audiences.size(), 2U);
  EXPECT_EQ(claims->authorized_party, "redress");
  EXPECT_EQ(core::SubjectKeyOf(*claims), "t/o");
  EXPECT_TRUE(claims->groups_overage);
  EXPECT_TRUE(ParseClaims(R"({"hasgroups":true})")->groups_overage);
}

TEST(OidcClaims, RefusesWhatIsNoObject) {
  for (const char* payload : {"", "[]", "\"text\"", "{broken"}) {
    auto claims = ParseClaims(payload);
    ASSERT_FALSE(claims.has_value()) << payload;
    EXPECT_EQ(claims.error().code, core::ErrorCode::kUnauthenticated);
  }
}

TEST(OidcSecret, ReadsFromTheEnvironmentOrAFile) {
  ::setenv("REDRESS_OIDC_TEST_SECRET", "from-env", 1);
  EXPECT_EQ(ReadClientSecret("env:REDRESS_OIDC_TEST_SECRET").value(), "from-env");
  ::unsetenv("REDRESS_OIDC_TEST_SECRET");
  EXPECT_EQ(ReadClientSecret("env:REDRESS_OIDC_TEST_SECRET").error().code,
            core::ErrorCode::kInvalidInput);

  const auto path = std::filesystem::temp_directory_path() / "redress-oidc-secret-test";
  std::ofstream(path) << "from-file\n";
  EXPECT_EQ(ReadClientSecret("file:" + path.string()).value(), "from-file");
  std::filesystem::remove(path);
  EXPECT_FALSE(ReadClientSecret("file:" + path.string()).has_value());
  EXPECT_EQ(ReadClientSecret("").value(), "");
  EXPECT_FALSE(ReadClientSecret("the-secret-itself").has_value());
}

TEST(Pkce, MatchesRfc7636AppendixB) {
  EXPECT_EQ(app::PkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(PercentEncode, KeepsOnlyUnreservedBytes) {
  EXPECT_EQ(app::PercentEncode("openid profile"), "openid%20profile");
  EXPECT_EQ(app::PercentEncode("https://x/cb?a=1&b"), "https%3A%2F%2Fx%2Fcb%3Fa%3D1%26b");
  EXPECT_EQ(app::PercentEncode("aZ09-._~"), "aZ09-._~");
}

}  // namespace
}  // namespace redress::oidc
