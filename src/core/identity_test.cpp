#include "core/identity.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace redress::core {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
constexpr std::int64_t kHour = 3600;

IdTokenClaims GoodClaims() {
  IdTokenClaims claims;
  claims.issuer = "https://login.example/tenant/v2.0";
  claims.audiences = {"redress"};
  claims.subject = "sub-1";
  claims.expires_at = kNow + kHour;
  claims.issued_at = kNow;
  claims.nonce = "n-1";
  return claims;
}

ClaimExpectations Expected() {
  return ClaimExpectations{"https://login.example/tenant/v2.0", "redress", "n-1", kNow};
}

TEST(Identity, AcceptsOnlyRs256AndEs256) {
  const struct {
    std::string_view alg;
    bool accepted;
  } rows[] = {{"RS256", true},  {"ES256", true},  {"none", false},  {"HS256", false},
              {"RS512", false}, {"PS256", false}, {"rs256", false}, {"", false}};
  for (const auto& row : rows) EXPECT_EQ(IsAcceptedSigningAlgorithm(row.alg), row.accepted);
}

TEST(Identity, ChecksEachClaim) {
  const struct {
    std::string_view name;
    std::function<void(IdTokenClaims&)> change;
    std::optional<ClaimRefusal> refusal;
  } rows[] = {
      {"good", [](IdTokenClaims&) {}, std::nullopt},
      {"other issuer", [](IdTokenClaims& c) { c.issuer = "https://evil.example/"; },
       ClaimRefusal::kWrongIssuer},
      {"issuer with a trailing slash", [](IdTokenClaims& c) { c.issuer += "/"; },
       ClaimRefusal::kWrongIssuer},
      {"other audience", [](IdTokenClaims& c) { c.audiences = {"other"}; },
       ClaimRefusal::kWrongAudience},
      {"no audience", [](IdTokenClaims& c) { c.audiences.clear(); }, ClaimRefusal::kWrongAudience},
      {"several audiences without azp",
       [](IdTokenClaims& c) {
         c.audiences = {"redress", "other"};
       },
       ClaimRefusal::kWrongAuthorizedParty},
      {"several audiences, azp us",
       [](IdTokenClaims& c) {
         c.audiences = {"redress", "other"};
         c.authorized_party = "redress";
       },
       std::nullopt},
      {"azp another client", [](IdTokenClaims& c) { c.authorized_party = "other"; },
       ClaimRefusal::kWrongAuthorizedParty},
      {"expired beyond the skew",
       [](IdTokenClaims& c) { c.expires_at = kNow - kIdTokenClockSkewSeconds; },
       ClaimRefusal::kExpired},
      {"expired within the skew",
       [](IdTokenClaims& c) { c.expires_at = kNow - kIdTokenClockSkewSeconds + 1; }, std::nullopt},
      {"no exp", [](IdTokenClaims& c) { c.expires_at.reset(); }, ClaimRefusal::kMissingTime},
      {"no iat", [](IdTokenClaims& c) { c.issued_at.reset(); }, ClaimRefusal::kMissingTime},
      {"issued in the future",
       [](IdTokenClaims& c) { c.issued_at = kNow + kIdTokenClockSkewSeconds + 1; },
       ClaimRefusal::kIssuedInFuture},
      {"issued just ahead, within the skew",
       [](IdTokenClaims& c) { c.issued_at = kNow + kIdTokenClockSkewSeconds; }, std::nullopt},
      {"not yet valid",
       [](IdTokenClaims& c) { c.not_before = kNow + kIdTokenClockSkewSeconds + 1; },
       ClaimRefusal::kNotYetValid},
      {"other nonce", [](IdTokenClaims& c) { c.nonce = "n-2"; }, ClaimRefusal::kNonceMismatch},
      {"no nonce", [](IdTokenClaims& c) { c.nonce.clear(); }, ClaimRefusal::kNonceMismatch},
      {"no subject", [](IdTokenClaims& c) { c.subject.clear(); }, ClaimRefusal::kNoSubject},
      {"Entra ids without sub",
       [](IdTokenClaims& c) {
         c.subject.clear();
         c.tenant_id = "t";
         c.object_id = "o";
       },
       std::nullopt},
  };
  for (const auto& row : rows) {
    IdTokenClaims claims = GoodClaims();
    row.change(claims);
    EXPECT_EQ(CheckIdTokenClaims(claims, Expected()), row.refusal) << row.name;
  }
}

TEST(Identity, ExpectsANonce) {
  ClaimExpectations expected = Expected();
  expected.nonce.clear();
  IdTokenClaims claims = GoodClaims();
  claims.nonce.clear();
  EXPECT_EQ(CheckIdTokenClaims(claims, expected), ClaimRefusal::kNonceMismatch);
}

TEST(Identity, SubjectKeyPrefersEntraIds) {
  IdTokenClaims claims = GoodClaims();
  EXPECT_EQ(SubjectKeyOf(claims), "sub-1");
  claims.tenant_id = "tenant";
  EXPECT_EQ(SubjectKeyOf(claims), "sub-1");  // both ids or neither
  claims.object_id = "object";
  EXPECT_EQ(SubjectKeyOf(claims), "tenant/object");
  claims.email = "someone@example.org";
  EXPECT_EQ(SubjectKeyOf(claims), "tenant/object");
}

TEST(Identity, MapsTheFirstMatchingRule) {
  const std::vector<RoleMappingRule> rules = {
      {MappedClaim::kRoles, "Redress.Admin", Role::kAdmin, ""},
      {MappedClaim::kGroups, "g-handlers", Role::kCaseHandler, "Housing"},
      {MappedClaim::kRoles, "Redress.Viewer", Role::kViewer, "Finance"},
  };
  const struct {
    std::string_view name;
    std::vector<std::string> roles;
    std::vector<std::string> groups;
    bool overage;
    std::optional<Role> role;
    std::string team;
    std::optional<MappingRefusal> refusal;
  } rows[] = {
      {"admin role", {"Redress.Admin"}, {}, false, Role::kAdmin, "", std::nullopt},
      {"admin takes a later rule's team",
       {"Redress.Admin", "Redress.Viewer"},
       {},
       false,
       Role::kAdmin,
       "Finance",
       std::nullopt},
      {"group", {}, {"g-handlers"}, false, Role::kCaseHandler, "Housing", std::nullopt},
      {"viewer", {"Redress.Viewer"}, {"other"}, false, Role::kViewer, "Finance", std::nullopt},
      {"nothing mapped",
       {"Other"},
       {"other"},
       false,
       std::nullopt,
       "",
       MappingRefusal::kNoMappedRole},
      {"role removed", {}, {}, false, std::nullopt, "", MappingRefusal::kNoMappedRole},
      {"overage, group rules exist",
       {},
       {},
       true,
       std::nullopt,
       "",
       MappingRefusal::kGroupsOverage},
      {"overage, app role still maps",
       {"Redress.Viewer"},
       {},
       true,
       Role::kViewer,
       "Finance",
       std::nullopt},
      {"values are exact",
       {"redress.admin"},
       {},
       false,
       std::nullopt,
       "",
       MappingRefusal::kNoMappedRole},
  };
  for (const auto& row : rows) {
    IdTokenClaims claims = GoodClaims();
    claims.roles = row.roles;
    claims.groups = row.groups;
    claims.groups_overage = row.overage;
    const RoleMapping mapping = MapRole(claims, rules);
    EXPECT_EQ(mapping.refusal, row.refusal) << row.name;
    EXPECT_EQ(mapping.mapped.has_value(), row.role.has_value()) << row.name;
    if (mapping.mapped && row.role) {
      EXPECT_EQ(mapping.mapped->role, *row.role) << row.name;
      EXPECT_EQ(mapping.mapped->team, row.team) << row.name;
    }
  }
}

TEST(Identity, OverageWithOnlyRoleRulesIsNoRole) {
  IdTokenClaims claims = GoodClaims();
  claims.groups_overage = true;
  const RoleMapping mapping =
      MapRole(claims, {{MappedClaim::kRoles, "Redress.Admin", Role::kAdmin, ""}});
  EXPECT_EQ(mapping.refusal, MappingRefusal::kNoMappedRole);
}

TEST(Identity, PasswordSignInPolicy) {
  const struct {
    PasswordSignIn policy;
    std::string_view break_glass;
    std::string_view username;
    bool may;
  } rows[] = {
      {PasswordSignIn::kEveryone, "", "anyone", true},
      {PasswordSignIn::kEveryone, "root", "anyone", true},
      {PasswordSignIn::kBreakGlassOnly, "root", "root", true},
      {PasswordSignIn::kBreakGlassOnly, "root", "anyone", false},
      {PasswordSignIn::kBreakGlassOnly, "", "", false},
      {PasswordSignIn::kBreakGlassOnly, "root", "Root", false},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(MayUsePassword(row.policy, row.break_glass, row.username), row.may) << row.username;
  }
}

}  // namespace
}  // namespace redress::core
