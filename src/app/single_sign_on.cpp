#include "app/single_sign_on.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "app/accounts.hpp"
#include "app/secrets.hpp"
#include "core/ombudsman.hpp"

namespace redress::app {
namespace {

constexpr std::string_view kOidcConfigurationRef = "oidc";
constexpr std::string_view kScopes = "openid profile email";
// Usernames made for new accounts: at most this long before a "-N" suffix that makes them unique.
constexpr std::size_t kMadeUsernameLength = 48;
constexpr int kMaxUsernameSuffix = 1000;

bool IsLoopbackHttp(std::string_view url) {
  for (std::string_view prefix :
       {"http://localhost:", "http://localhost/", "http://127.0.0.1:", "http://127.0.0.1/"}) {
    if (url.starts_with(prefix)) return true;
  }
  return false;
}

bool IsAcceptedUrl(std::string_view url) {
  constexpr std::string_view kHttps = "https://";
  return (url.size() > kHttps.size() && url.starts_with(kHttps)) || IsLoopbackHttp(url);
}

bool IsAcceptedSecretSource(std::string_view source) {
  if (source.empty()) return true;
  if (source.starts_with("env:")) {
    const std::string_view name = source.substr(4);
    return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
      return std::isalnum(c) != 0 || c == '_';
    });
  }
  return source.starts_with("file:/") && source.size() > std::string_view("file:/").size();
}

// The origin ("https://host:port") of a URL, "" when it has none.
std::string OriginOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::size_t path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path));
}

core::FieldValues FieldsOf(const OidcSettings& settings) {
  core::FieldValues fields = {
      {"enabled", settings.enabled ? "true" : "false"},
      {"display_name", settings.display_name},
      {"issuer", settings.issuer},
      {"client_id", settings.client_id},
      {"client_secret_source", settings.client_secret_source},
      {"redirect_url", settings.redirect_url},
      {"create_users", settings.create_users ? "true" : "false"},
      {"password_sign_in", std::string(core::ToString(settings.password_sign_in))},
      {"break_glass_username", settings.break_glass_username},
  };
  std::string mappings;
  for (const core::RoleMappingRule& rule : settings.role_mappings) {
    if (!mappings.empty()) mappings += "; ";
    mappings += std::string(core::ToString(rule.claim)) + " " + rule.value + " -> " +
                std::string(core::ToString(rule.role)) + (rule.team.empty() ? "" : " " + rule.team);
  }
  fields.emplace_back("role_mappings", mappings);
  return fields;
}

Status CheckSettingsIn(Tx& tx, const OidcSettings& settings) {
  core::FieldErrors errors;
  if (settings.display_name.size() > kMaxProviderNameLength) {
    errors.Add("display_name", "at most " + std::to_string(kMaxProviderNameLength) + " characters",
               core::FieldErrorCode::kTooLong);
  }
  if (!IsAcceptedSecretSource(settings.client_secret_source)) {
    errors.Add("client_secret_source",
               "must be env:NAME or file:/absolute/path (the secret itself is never stored)",
               core::FieldErrorCode::kInvalidFormat);
  }
  if (settings.enabled) {
    if (settings.display_name.empty()) {
      errors.Add("display_name", "is required", core::FieldErrorCode::kRequired);
    }
    if (!IsAcceptedUrl(settings.issuer)) {
      errors.Add("issuer", "must be an https URL", core::FieldErrorCode::kInvalidFormat);
    }
    if (!IsAcceptedUrl(settings.redirect_url)) {
      errors.Add("redirect_url", "must be an https URL ending /api/v1/oidc/callback",
                 core::FieldErrorCode::kInvalidFormat);
    }
    if (settings.client_id.empty()) {
      errors.Add("client_id", "is required", core::FieldErrorCode::kRequired);
    }
    if (settings.role_mappings.empty()) {
      errors.Add("role_mappings", "at least one is needed, or no one could sign in",
                 core::FieldErrorCode::kRequired);
    }
  }
  if (settings.role_mappings.size() > kMaxRoleMappings) {
    errors.Add("role_mappings", "at most " + std::to_string(kMaxRoleMappings),
               core::FieldErrorCode::kTooLong);
  }
  auto teams = tx.Organisation().ListTeams();
  if (!teams) return tl::unexpected(teams.error());
  for (std::size_t i = 0; i < settings.role_mappings.size(); ++i) {
    const core::RoleMappingRule& rule = settings.role_mappings[i];
    const std::string field = "role_mappings[" + std::to_string(i) + "]";
    if (rule.value.empty()) {
      errors.Add(field + ".value", "is required", core::FieldErrorCode::kRequired);
    }
    if (!rule.team.empty() && std::none_of(teams->begin(), teams->end(), [&](const Team& team) {
          return team.code == rule.team;
        })) {
      errors.Add(field + ".team", "no team " + rule.team, core::FieldErrorCode::kUnknownReference);
    }
  }
  if (settings.password_sign_in == core::PasswordSignIn::kBreakGlassOnly) {
    auto user = tx.Accounts().FindUser(settings.break_glass_username);
    if (!user && user.error().code != core::ErrorCode::kNotFound) {
      return tl::unexpected(user.error());
    }
    if (!user || !user->active || user->role != core::Role::kAdmin) {
      errors.Add("break_glass_username",
                 "must name an active local admin, who can still sign in when the provider is "
                 "down",
                 core::FieldErrorCode::kUnknownReference);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

core::CaseEvent UserEvent(core::EventType type, const Clock& clock, std::string actor,
                          std::string summary, std::vector<core::Change> changes = {}) {
  return core::CaseEvent{type, clock.Today(),      std::move(actor),
                         0,    std::move(summary), std::move(changes)};
}

// Records a refusal in its own transaction (the one that found it has been rolled back).
void RecordRefusal(Store& store, const Clock& clock, const std::string& ref,
                   const SignInRefusal& refusal) {
  auto recorded = store.Write([&](Tx& tx) -> Status {
    return tx.Events().Append(
        EntityType::kUser, ref,
        UserEvent(core::EventType::kSignInRefused, clock, ref,
                  "Sign-in with the identity provider refused: " + refusal.reason,
                  {{"reason", "", refusal.reason}, {"detail", "", refusal.detail}}));
  });
  (void)recorded;  // the refusal stands whether or not the trail could record it
}

// The provider's `email` if the account `user_id` may take it (an address no other account has,
// in any case), else "".
Result<std::string> UsableEmailIn(Tx& tx, const std::string& email, std::int64_t user_id) {
  core::FieldErrors unusable;
  if (auto checked = CheckUserEmail(tx.Accounts(), email, user_id, unusable); !checked) {
    return tl::unexpected(checked.error());
  }
  return unusable.empty() ? email : std::string();
}

// A username for a new account from the token: preferred_username, else the email, else the
// name, lower-cased with anything a username may not hold made '.', and "-N" added while taken.
Result<std::string> NewUsernameIn(Tx& tx, const core::IdTokenClaims& claims) {
  std::string base;
  for (const std::string* source : {&claims.preferred_username, &claims.email, &claims.name}) {
    if (!source->empty()) {
      base = *source;
      break;
    }
  }
  std::string cleaned;
  for (unsigned char c : base) {
    if (cleaned.size() == kMadeUsernameLength) break;
    const char lower = static_cast<char>(std::tolower(c));
    const bool allowed = std::isalnum(c) != 0 || lower == '.' || lower == '_' || lower == '-';
    cleaned += allowed ? lower : '.';
  }
  while (!cleaned.empty() && std::isalnum(static_cast<unsigned char>(cleaned.front())) == 0) {
    cleaned.erase(cleaned.begin());
  }
  if (cleaned.size() < 2) cleaned = "user";
  for (int suffix = 1; suffix <= kMaxUsernameSuffix; ++suffix) {
    std::string candidate = suffix == 1 ? cleaned : cleaned + "-" + std::to_string(suffix);
    auto taken = tx.Accounts().FindUser(candidate);
    if (!taken && taken.error().code == core::ErrorCode::kNotFound) return candidate;
    if (!taken) return tl::unexpected(taken.error());
  }
  return core::Fail(core::ErrorCode::kConflict, "no free username for " + cleaned);
}

std::string DisplayNameOf(const core::IdTokenClaims& claims, const std::string& username) {
  std::string name = claims.name.empty() ? username : claims.name;
  if (name.size() > kMaxDisplayNameLength) name.resize(kMaxDisplayNameLength);
  return name;
}

}  // namespace

std::string PercentEncode(std::string_view text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return encoded;
}

std::string PkceChallenge(std::string_view verifier) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(verifier.data()),
                     verifier.size());
  std::string encoded(
      sodium_base64_ENCODED_LEN(digest.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

Result<std::optional<OidcSettings>> GetOidcSettings(Store& store) {
  std::optional<OidcSettings> settings;
  auto read = store.Read([&](Tx& tx) -> Status {
    auto loaded = tx.Identity().LoadOidcSettings();
    if (!loaded) return tl::unexpected(loaded.error());
    settings = std::move(*loaded);
    return {};
  });
  if (!read) return tl::unexpected(read.error());
  return settings;
}

Result<OidcSettings> SaveOidcSettings(Store& store, const Clock& clock, const Actor& actor,
                                      const OidcSettings& settings) {
  auto written = store.Write([&](Tx& tx) -> Status {
    if (auto checked = CheckSettingsIn(tx, settings); !checked) return checked;
    auto before = tx.Identity().LoadOidcSettings();
    if (!before) return tl::unexpected(before.error());
    const core::FieldValues old_fields = *before ? FieldsOf(**before) : core::FieldValues{};
    std::vector<core::Change> changes = core::Diff(old_fields, FieldsOf(settings));
    if (changes.empty()) return {};
    if (auto saved = tx.Identity().SaveOidcSettings(settings); !saved) return saved;
    return tx.Events().Append(
        EntityType::kConfiguration, kOidcConfigurationRef,
        core::CaseEvent{core::EventType::kConfigured, clock.Today(), actor.username, 0,
                        "Sign-in with the identity provider configured", std::move(changes)});
  });
  if (!written) return tl::unexpected(written.error());
  return settings;
}

Result<SignInOptions> GetSignInOptions(Store& store) {
  auto settings = GetOidcSettings(store);
  if (!settings) return tl::unexpected(settings.error());
  SignInOptions options;
  if (*settings && (*settings)->enabled) {
    options.password_sign_in = (*settings)->password_sign_in;
    options.provider_name = (*settings)->display_name;
  }
  return options;
}

Result<std::string> BeginProviderSignIn(Store& store, const Clock& clock,
                                        IdentityProvider& provider) {
  auto settings = GetOidcSettings(store);
  if (!settings) return tl::unexpected(settings.error());
  if (!*settings || !(*settings)->enabled) {
    return core::Fail(core::ErrorCode::kNotFound,
                      "sign-in with an identity provider is not set up");
  }
  auto metadata = provider.Discover((*settings)->issuer);
  if (!metadata) return tl::unexpected(metadata.error());

  const std::string state = NewRandomToken("");
  PendingSignIn pending{HashSecretToken(state), NewRandomToken(""), NewRandomToken(""),
                        clock.NowUnixSeconds() + kPendingSignInSeconds};
  auto written =
      store.Write([&](Tx& tx) -> Status { return tx.Identity().InsertPendingSignIn(pending); });
  if (!written) return tl::unexpected(written.error());

  std::string url = metadata->authorization_endpoint;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "response_type=code&client_id=" + PercentEncode((*settings)->client_id) +
         "&redirect_uri=" + PercentEncode((*settings)->redirect_url) +
         "&scope=" + PercentEncode(kScopes) + "&state=" + PercentEncode(state) +
         "&nonce=" + PercentEncode(pending.nonce) +
         "&code_challenge=" + PkceChallenge(pending.code_verifier) + "&code_challenge_method=S256";
  return url;
}

tl::expected<SignedIn, SignInRefusal> CompleteProviderSignIn(Store& store, const Clock& clock,
                                                             IdentityProvider& provider,
                                                             const ProviderAnswer& answer) {
  std::string ref(kUnknownAccountRef);
  // Refusals before a state this server issued is taken are anyone's requests to a public
  // address: the log keeps them (the handler logs every refusal), the audit trail does not, so
  // that nobody can fill it from outside. From the state on, every refusal is an audit event.
  bool attempt_started = false;
  const auto refuse = [&](std::string reason, std::string detail) {
    SignInRefusal refusal{std::move(reason), std::move(detail)};
    if (attempt_started) RecordRefusal(store, clock, ref, refusal);
    return tl::unexpected(std::move(refusal));
  };

  auto settings_read = GetOidcSettings(store);
  if (!settings_read) return refuse("unavailable", settings_read.error().message);
  if (!*settings_read || !(*settings_read)->enabled) {
    return refuse("not_configured", "no identity provider is enabled");
  }
  const OidcSettings& settings = **settings_read;

  // The state is taken first, whatever the answer: an answer is used at most once.
  std::optional<PendingSignIn> pending;
  if (!answer.state.empty()) {
    auto taken = store.Write([&](Tx& tx) -> Status {
      auto found =
          tx.Identity().TakePendingSignIn(HashSecretToken(answer.state), clock.NowUnixSeconds());
      if (!found) return tl::unexpected(found.error());
      pending = std::move(*found);
      return {};
    });
    if (!taken) return refuse("unavailable", taken.error().message);
  }
  if (!pending) return refuse("expired", "the state is unknown, was used already or has expired");
  attempt_started = true;
  if (!answer.error.empty()) {
    return refuse("provider_refused", answer.error + ": " + answer.error_description);
  }
  if (answer.code.empty()) return refuse("provider_refused", "the answer carries no code");

  auto metadata = provider.Discover(settings.issuer);
  if (!metadata) return refuse("unavailable", metadata.error().message);
  auto claims = provider.RedeemCode(
      *metadata, CodeRedemption{settings.client_id, settings.client_secret_source,
                                settings.redirect_url, answer.code, pending->code_verifier});
  if (!claims) {
    const bool unreachable = claims.error().code == core::ErrorCode::kUnavailable ||
                             claims.error().code == core::ErrorCode::kInvalidInput;
    return refuse(unreachable ? "unavailable" : "invalid_token", claims.error().message);
  }
  if (auto refusal = core::CheckIdTokenClaims(
          *claims, core::ClaimExpectations{settings.issuer, settings.client_id, pending->nonce,
                                           clock.NowUnixSeconds()})) {
    return refuse("invalid_token", "ID token " + std::string(core::ToString(*refusal)));
  }
  const std::string subject = core::SubjectKeyOf(*claims);
  ref = subject + " at " + settings.issuer;
  const core::RoleMapping mapping = core::MapRole(*claims, settings.role_mappings);

  std::optional<SignedIn> signed_in;
  std::optional<SignInRefusal> refusal;
  const std::string now_text = clock.NowRfc3339();
  auto written = store.Write([&](Tx& tx) -> Status {
    signed_in.reset();
    refusal.reset();
    auto link = tx.Identity().FindLink(settings.issuer, subject);
    if (!link) return tl::unexpected(link.error());
    std::optional<User> user;
    if (*link) {
      auto found = tx.Accounts().FindUserById((*link)->user_id);
      if (!found) return tl::unexpected(found.error());
      user = std::move(*found);
      ref = user->username;
    }
    if (!mapping.mapped) {
      refusal = SignInRefusal{std::string(core::ToString(*mapping.refusal)),
                              "roles [" + std::to_string(claims->roles.size()) + "], groups [" +
                                  std::to_string(claims->groups.size()) +
                                  (claims->groups_overage ? ", overage" : "") +
                                  "] match no role mapping"};
      // Whoever lost their role at the provider loses their sessions here too.
      if (user) {
        auto ended = tx.Sessions().DeleteAllOf(user->id, "");
        if (!ended) return tl::unexpected(ended.error());
      }
      return {};
    }
    if (!user) {
      if (!settings.create_users) {
        refusal = SignInRefusal{
            "no_account", "no account is linked to " + ref + " and just-in-time creation is off"};
        return {};
      }
      auto username = NewUsernameIn(tx, *claims);
      if (!username) return tl::unexpected(username.error());
      auto unusable = HashPassword(NewRandomToken("no-password-"));
      if (!unusable) return tl::unexpected(unusable.error());
      auto email = UsableEmailIn(tx, claims->email, 0);
      if (!email) return tl::unexpected(email.error());
      auto inserted = tx.Accounts().InsertUser(User{0, *username, DisplayNameOf(*claims, *username),
                                                    mapping.mapped->role, mapping.mapped->team,
                                                    std::move(*unusable), true, *email});
      if (!inserted) return tl::unexpected(inserted.error());
      user = std::move(*inserted);
      if (auto appended = tx.Events().Append(
              EntityType::kUser, user->username,
              UserEvent(core::EventType::kUserCreated, clock, user->username,
                        "User " + user->username + " created at first sign-in with " +
                            settings.display_name + ", role " +
                            std::string(core::ToString(user->role)),
                        {{"username", "", user->username},
                         {"role", "", std::string(core::ToString(user->role))},
                         {"team", "", user->team},
                         {"email", "", user->email}}));
          !appended) {
        return appended;
      }
      auto linked = tx.Identity().InsertLink(
          IdentityLink{0, settings.issuer, subject, user->id, claims->email, now_text, now_text});
      if (!linked) return tl::unexpected(linked.error());
      link = std::move(*linked);
      if (auto appended = tx.Events().Append(
              EntityType::kUser, user->username,
              UserEvent(core::EventType::kIdentityLinked, clock, user->username,
                        "Linked to " + settings.display_name + " account " + subject,
                        {{"issuer", "", settings.issuer}, {"subject", "", subject}}));
          !appended) {
        return appended;
      }
    }
    ref = user->username;
    if (!user->active) {
      refusal = SignInRefusal{"inactive", "user " + user->username + " is deactivated"};
      return {};
    }
    // The provider decides the role: a change there takes effect here at this sign-in.
    std::vector<core::Change> changes;
    if (user->role != mapping.mapped->role) {
      changes.push_back({"role", std::string(core::ToString(user->role)),
                         std::string(core::ToString(mapping.mapped->role))});
      user->role = mapping.mapped->role;
    }
    if (user->team != mapping.mapped->team) {
      changes.push_back({"team", user->team, mapping.mapped->team});
      user->team = mapping.mapped->team;
    }
    // The provider's address becomes the account's (reminders go to it) where it is one and no
    // other account has it; an address never fails the sign-in, the old one is kept instead.
    if (!claims->email.empty() && claims->email != user->email) {
      auto email = UsableEmailIn(tx, claims->email, user->id);
      if (!email) return tl::unexpected(email.error());
      if (!email->empty()) {
        changes.push_back({"email", user->email, *email});
        user->email = *email;
      }
    }
    if (!changes.empty()) {
      if (auto updated = tx.Accounts().UpdateUser(*user); !updated) return updated;
      if (auto appended = tx.Events().Append(
              EntityType::kUser, user->username,
              UserEvent(core::EventType::kUserUpdated, clock, user->username,
                        "Details changed by " + settings.display_name, std::move(changes)));
          !appended) {
        return appended;
      }
    }
    if (auto touched = tx.Identity().TouchLink((*link)->id, claims->email, now_text); !touched) {
      return touched;
    }
    auto opened = OpenSessionIn(tx, clock, *user, "Signed in with " + settings.display_name);
    if (!opened) return tl::unexpected(opened.error());
    signed_in = std::move(*opened);
    return {};
  });
  if (!written) return refuse("unavailable", written.error().message);
  if (refusal) return refuse(refusal->reason, refusal->detail);
  return std::move(*signed_in);
}

std::string ProviderLogoutUrl(Store& store, IdentityProvider& provider, std::string_view username) {
  std::optional<OidcSettings> settings;
  bool linked = false;
  auto read = store.Read([&](Tx& tx) -> Status {
    auto loaded = tx.Identity().LoadOidcSettings();
    if (!loaded) return tl::unexpected(loaded.error());
    settings = std::move(*loaded);
    if (!settings || !settings->enabled) return {};
    auto user = tx.Accounts().FindUser(username);
    if (!user) return tl::unexpected(user.error());
    auto links = tx.Identity().LinksOf(user->id);
    if (!links) return tl::unexpected(links.error());
    linked = std::any_of(links->begin(), links->end(),
                         [&](const IdentityLink& link) { return link.issuer == settings->issuer; });
    return {};
  });
  if (!read || !linked) return {};
  auto metadata = provider.Discover(settings->issuer);
  if (!metadata || metadata->end_session_endpoint.empty()) return {};
  std::string url = metadata->end_session_endpoint;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "client_id=" + PercentEncode(settings->client_id) +
         "&post_logout_redirect_uri=" + PercentEncode(OriginOf(settings->redirect_url) + "/");
  return url;
}

Result<ConnectionTest> TestProviderConnection(Store& store, IdentityProvider& provider) {
  auto settings = GetOidcSettings(store);
  if (!settings) return tl::unexpected(settings.error());
  if (!*settings || (*settings)->issuer.empty()) {
    return core::Fail(core::ErrorCode::kNotFound, "no identity provider is configured");
  }
  auto metadata = provider.Discover((*settings)->issuer);
  if (!metadata) return tl::unexpected(metadata.error());
  auto keys = provider.CountSigningKeys(*metadata);
  if (!keys) return tl::unexpected(keys.error());
  return ConnectionTest{std::move(*metadata), *keys};
}

}  // namespace redress::app
