#include "core/identity.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr std::array<std::pair<ClaimRefusal, std::string_view>, 9> kClaimRefusalNames{{
    {ClaimRefusal::kWrongIssuer, "wrong_issuer"},
    {ClaimRefusal::kWrongAudience, "wrong_audience"},
    {ClaimRefusal::kWrongAuthorizedParty, "wrong_authorized_party"},
    {ClaimRefusal::kExpired, "expired"},
    {ClaimRefusal::kNotYetValid, "not_yet_valid"},
    {ClaimRefusal::kIssuedInFuture, "issued_in_future"},
    {ClaimRefusal::kMissingTime, "missing_time"},
    {ClaimRefusal::kNonceMismatch, "nonce_mismatch"},
    {ClaimRefusal::kNoSubject, "no_subject"},
}};

constexpr std::array<std::pair<MappedClaim, std::string_view>, 2> kMappedClaimNames{{
    {MappedClaim::kRoles, "roles"},
    {MappedClaim::kGroups, "groups"},
}};

constexpr std::array<std::pair<MappingRefusal, std::string_view>, 2> kMappingRefusalNames{{
    {MappingRefusal::kNoMappedRole, "no_role"},
    {MappingRefusal::kGroupsOverage, "groups_overage"},
}};

constexpr std::array<std::pair<PasswordSignIn, std::string_view>, 2> kPasswordSignInNames{{
    {PasswordSignIn::kEveryone, "everyone"},
    {PasswordSignIn::kBreakGlassOnly, "break_glass_only"},
}};

bool Holds(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::string_view ToString(ClaimRefusal refusal) { return NameOf(kClaimRefusalNames, refusal); }
std::string_view ToString(MappedClaim claim) { return NameOf(kMappedClaimNames, claim); }
std::optional<MappedClaim> ParseMappedClaim(std::string_view name) {
  return ParseName(kMappedClaimNames, name);
}
std::string_view ToString(MappingRefusal refusal) { return NameOf(kMappingRefusalNames, refusal); }

std::string_view ToString(PasswordSignIn policy) { return NameOf(kPasswordSignInNames, policy); }
std::optional<PasswordSignIn> ParsePasswordSignIn(std::string_view name) {
  return ParseName(kPasswordSignInNames, name);
}

bool MayUsePassword(PasswordSignIn policy, std::string_view break_glass_username,
                    std::string_view username) {
  return policy == PasswordSignIn::kEveryone ||
         (!break_glass_username.empty() && username == break_glass_username);
}

bool IsAcceptedSigningAlgorithm(std::string_view alg) { return alg == "RS256" || alg == "ES256"; }

std::optional<ClaimRefusal> CheckIdTokenClaims(const IdTokenClaims& claims,
                                               const ClaimExpectations& expected) {
  if (claims.issuer != expected.issuer) return ClaimRefusal::kWrongIssuer;
  if (!Holds(claims.audiences, expected.client_id)) return ClaimRefusal::kWrongAudience;
  if ((!claims.authorized_party.empty() || claims.audiences.size() > 1) &&
      claims.authorized_party != expected.client_id) {
    return ClaimRefusal::kWrongAuthorizedParty;
  }
  if (!claims.expires_at || !claims.issued_at) return ClaimRefusal::kMissingTime;
  if (*claims.expires_at <= expected.now - expected.skew_seconds) return ClaimRefusal::kExpired;
  if (*claims.issued_at > expected.now + expected.skew_seconds) {
    return ClaimRefusal::kIssuedInFuture;
  }
  if (claims.not_before && *claims.not_before > expected.now + expected.skew_seconds) {
    return ClaimRefusal::kNotYetValid;
  }
  if (expected.nonce.empty() || claims.nonce != expected.nonce) {
    return ClaimRefusal::kNonceMismatch;
  }
  if (claims.subject.empty() && (claims.tenant_id.empty() || claims.object_id.empty())) {
    return ClaimRefusal::kNoSubject;
  }
  return std::nullopt;
}

std::string SubjectKeyOf(const IdTokenClaims& claims) {
  if (!claims.tenant_id.empty() && !claims.object_id.empty()) {
    return claims.tenant_id + "/" + claims.object_id;
  }
  return claims.subject;
}

RoleMapping MapRole(const IdTokenClaims& claims, const std::vector<RoleMappingRule>& rules) {
  const auto matches = [&](const RoleMappingRule& rule) {
    return Holds(rule.claim == MappedClaim::kRoles ? claims.roles : claims.groups, rule.value);
  };
  auto first = std::find_if(rules.begin(), rules.end(), matches);
  if (first == rules.end()) {
    const bool groups_could_apply =
        std::any_of(rules.begin(), rules.end(),
                    [](const RoleMappingRule& rule) { return rule.claim == MappedClaim::kGroups; });
    if (claims.groups_overage && groups_could_apply) {
      return RoleMapping{std::nullopt, MappingRefusal::kGroupsOverage};
    }
    return RoleMapping{std::nullopt, MappingRefusal::kNoMappedRole};
  }
  MappedRole mapped{first->role, first->team};
  for (auto rule = first; mapped.team.empty() && rule != rules.end(); ++rule) {
    if (matches(*rule)) mapped.team = rule->team;
  }
  return RoleMapping{mapped, std::nullopt};
}

}  // namespace redress::core
