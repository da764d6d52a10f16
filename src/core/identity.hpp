#pragma once

// Signing staff in with the organisation's OpenID Connect provider (issue 21): the rules an ID
// token's claims must pass once its signature has been checked, the account key it is linked on,
// and the role and team its roles or groups claims map to. Pure: the token has been fetched and
// its signature checked by the adapter (src/oidc); "now" is a parameter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"

namespace redress::core {

// Clock difference tolerated between the provider and this server on exp, nbf and iat. Five
// minutes is what Entra ID and most libraries allow; less refuses sign-ins from a server whose
// clock drifts, more keeps a stolen token usable for longer.
inline constexpr std::int64_t kIdTokenClockSkewSeconds = 300;

// Signature algorithms accepted for an ID token: RS256 (Entra ID, most providers) and ES256.
// Never "none", never an HMAC (a provider's public key used as an HMAC secret forges tokens).
bool IsAcceptedSigningAlgorithm(std::string_view alg);

// The claims of an ID token whose signature has been verified.
struct IdTokenClaims {
  std::string issuer;                      // iss
  std::vector<std::string> audiences;      // aud (a string or an array in the token)
  std::string authorized_party;            // azp, "" when absent
  std::string subject;                     // sub
  std::optional<std::int64_t> expires_at;  // exp
  std::optional<std::int64_t> issued_at;   // iat
  std::optional<std::int64_t> not_before;  // nbf
  std::string nonce;
  std::string tenant_id;  // Entra ID's tid, "" elsewhere
  std::string object_id;  // Entra ID's oid, "" elsewhere
  std::string email;
  std::string name;
  std::string preferred_username;
  std::vector<std::string> roles;   // app roles (Entra ID) or the provider's roles claim
  std::vector<std::string> groups;  // group ids or names
  // Entra ID's groups overage: the user is in more groups than the token can carry, so the
  // token names a source (_claim_names.groups) instead of listing them.
  bool groups_overage = false;
};

// Why a token's claims are refused. The user is told in plain words (they cannot fix any of
// these themselves); the audit trail and the log keep the technical reason.
enum class ClaimRefusal {
  kWrongIssuer,
  kWrongAudience,
  kWrongAuthorizedParty,
  kExpired,
  kNotYetValid,
  kIssuedInFuture,
  kMissingTime,
  kNonceMismatch,
  kNoSubject,
};
std::string_view ToString(ClaimRefusal refusal);  // "wrong_issuer", ...

struct ClaimExpectations {
  std::string issuer;     // pinned: for Entra ID, the tenant's issuer
  std::string client_id;  // Redress's registration at the provider
  std::string nonce;      // sent with the authorisation request
  std::int64_t now = 0;   // Unix seconds
  std::int64_t skew_seconds = kIdTokenClockSkewSeconds;
};

// The first rule the claims break (OpenID Connect Core 1.0 section 3.1.3.7), or nullopt when
// they pass: iss equal to the pinned issuer; aud containing the client id; azp, when present or
// when there are several audiences, equal to the client id; exp present and after now - skew;
// iat present and not after now + skew; nbf, when present, not after now + skew; nonce equal;
// a subject.
std::optional<ClaimRefusal> CheckIdTokenClaims(const IdTokenClaims& claims,
                                               const ClaimExpectations& expected);

// The key an account is linked on at its issuer: Entra ID's tenant and object ids ("tid/oid",
// stable across applications and never reassigned) when the token has both, else sub. Never the
// email address, which can be changed or reassigned at the provider.
std::string SubjectKeyOf(const IdTokenClaims& claims);

// Which claim a mapping rule matches a value in.
enum class MappedClaim { kRoles, kGroups };
std::string_view ToString(MappedClaim claim);  // "roles", "groups"
std::optional<MappedClaim> ParseMappedClaim(std::string_view name);

// One rule of the configured mapping: a value of the roles or groups claim gives a role and,
// when `team` is not empty, a team.
struct RoleMappingRule {
  MappedClaim claim = MappedClaim::kRoles;
  std::string value;
  Role role = Role::kViewer;
  std::string team;
  friend bool operator==(const RoleMappingRule&, const RoleMappingRule&) = default;
};

struct MappedRole {
  Role role = Role::kViewer;
  std::string team;  // "" = none
};

enum class MappingRefusal {
  kNoMappedRole,   // no rule matches: the user has no role in Redress (or it was removed)
  kGroupsOverage,  // only group rules could apply and the token does not list the groups
};
std::string_view ToString(MappingRefusal refusal);  // "no_role", "groups_overage"

// The role and team the claims map to: the first rule, in the configured order, whose value the
// token's claim holds; its team, or else the team of the first later matching rule that names
// one. So an organisation lists its rules from the most to the least privileged. With a groups
// overage the groups are unknown: the roles rules still apply (Entra ID's app roles are never cut
// short, which is why docs/sso.md recommends them); if none matches and a groups rule exists,
// kGroupsOverage, never a guess from the groups the token does not carry.
struct RoleMapping {
  std::optional<MappedRole> mapped;
  std::optional<MappingRefusal> refusal;
};
RoleMapping MapRole(const IdTokenClaims& claims, const std::vector<RoleMappingRule>& rules);

// Who may still sign in with a password once the provider is configured.
enum class PasswordSignIn {
  kEveryone,        // local accounts as before, beside the provider
  kBreakGlassOnly,  // only the named break-glass account, for when the provider is down
};
std::string_view ToString(PasswordSignIn policy);  // "everyone", "break_glass_only"
std::optional<PasswordSignIn> ParsePasswordSignIn(std::string_view name);

// Whether `username` may sign in with a password under `policy`.
bool MayUsePassword(PasswordSignIn policy, std::string_view break_glass_username,
                    std::string_view username);

}  // namespace redress::core
