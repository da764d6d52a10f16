#include "app/accounts.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "app/secrets.hpp"
#include "app/store_values.hpp"
#include "core/permissions.hpp"
#include "core/validation.hpp"

namespace redress::app {
namespace {

bool IsValidUsername(const std::string& username) {
  static const std::regex kUsernamePattern("[a-z0-9][a-z0-9._-]{1,63}");
  return std::regex_match(username, kUsernamePattern);
}

// A field error unless `team` is empty or a known team.
Status CheckTeam(OrganisationRepository& organisation, const std::string& team,
                 core::FieldErrors& errors) {
  if (team.empty()) return {};
  auto teams = organisation.ListTeams();
  if (!teams) return tl::unexpected(teams.error());
  bool known = std::any_of(teams->begin(), teams->end(),
                           [&](const Team& known_team) { return known_team.code == team; });
  if (!known) {
    errors.Add("team", "unknown team '" + team + "'", core::FieldErrorCode::kUnknownReference);
  }
  return {};
}

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

bool IsActiveAdmin(const User& user) { return user.active && user.role == core::Role::kAdmin; }

}  // namespace

Status CheckUserEmail(AccountRepository& accounts, const std::string& email, std::int64_t user_id,
                      core::FieldErrors& errors) {
  if (email.empty()) return {};
  if (email.size() > kMaxEmailLength) {
    errors.Add("email", "must be at most " + std::to_string(kMaxEmailLength) + " characters",
               core::FieldErrorCode::kTooLong);
    return {};
  }
  if (!core::LooksLikeEmail(email)) {
    errors.Add("email", "is not an email address", core::FieldErrorCode::kInvalidEmail);
    return {};
  }
  auto users = accounts.ListUsers();
  if (!users) return tl::unexpected(users.error());
  const std::string wanted = Lowered(email);
  bool taken = std::any_of(users->begin(), users->end(), [&](const User& other) {
    return other.id != user_id && Lowered(other.email) == wanted;
  });
  if (taken) {
    errors.Add("email", "another user has this email address", core::FieldErrorCode::kDuplicate);
  }
  return {};
}

Result<User> AddUserIn(Tx& tx, const Actor& actor, core::Date today, const NewUser& user,
                       const PasswordPolicy& policy) {
  core::FieldErrors errors;
  if (!IsValidUsername(user.username)) {
    errors.Add("username",
               "must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a "
               "letter or digit",
               core::FieldErrorCode::kInvalidFormat);
  }
  policy.Check(user.password, user.username, errors);
  if (auto checked = CheckTeam(tx.Organisation(), user.team, errors); !checked) {
    return tl::unexpected(checked.error());
  }
  if (auto checked = CheckUserEmail(tx.Accounts(), user.email, 0, errors); !checked) {
    return tl::unexpected(checked.error());
  }
  if (!errors.empty()) return errors.ToError();

  auto hash = HashPassword(user.password);
  if (!hash) return tl::unexpected(hash.error());
  User record{
      0,         user.username, user.display_name.empty() ? user.username : user.display_name,
      user.role, user.team,     std::move(*hash),
      true,      user.email,    user.reminder_digest};
  auto inserted = tx.Accounts().InsertUser(std::move(record));
  if (!inserted) return inserted;
  core::CaseEvent event{core::EventType::kUserCreated,
                        today,
                        actor.username,
                        0,
                        "User " + inserted->username + " created with role " +
                            std::string(core::ToString(inserted->role)),
                        {{"username", "", inserted->username},
                         {"role", "", std::string(core::ToString(inserted->role))},
                         {"team", "", inserted->team},
                         {"email", "", inserted->email}}};
  if (auto appended = tx.Events().Append(EntityType::kUser, inserted->username, event); !appended) {
    return tl::unexpected(appended.error());
  }
  return inserted;
}

Result<User> AddUser(Store& store, const Clock& clock, const Actor& actor, const NewUser& user,
                     const PasswordPolicy& policy) {
  std::optional<User> result;
  auto status = store.Write([&](Tx& tx) -> Status {
    auto added = AddUserIn(tx, actor, clock.Today(), user, policy);
    if (!added) return tl::unexpected(added.error());
    result = std::move(*added);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<User> UpdateUser(Store& store, const Clock& clock, const Actor& actor,
                        const std::string& username, const UserChanges& changes,
                        const PasswordPolicy& policy, std::string_view keep_session_token_hash) {
  core::FieldErrors errors;
  if (changes.display_name &&
      (changes.display_name->empty() || changes.display_name->size() > kMaxDisplayNameLength)) {
    errors.Add("display_name",
               "must be 1 to " + std::to_string(kMaxDisplayNameLength) + " characters",
               changes.display_name->empty() ? core::FieldErrorCode::kRequired
                                             : core::FieldErrorCode::kTooLong);
  }
  if (changes.password) policy.Check(*changes.password, username, errors);
  std::optional<std::string> password_hash;
  if (changes.password && errors.empty()) {
    auto hash = HashPassword(*changes.password);
    if (!hash) return tl::unexpected(hash.error());
    password_hash = std::move(*hash);
  }
  return WriteValue<User>(store, [&](Tx& tx) -> Result<User> {
    if (changes.team) {
      if (auto checked = CheckTeam(tx.Organisation(), *changes.team, errors); !checked) {
        return tl::unexpected(checked.error());
      }
    }
    if (!errors.empty()) return errors.ToError();
    auto found = tx.Accounts().FindUser(username);
    if (!found) return found;
    if (changes.email) {
      if (auto checked = CheckUserEmail(tx.Accounts(), *changes.email, found->id, errors);
          !checked) {
        return tl::unexpected(checked.error());
      }
      if (!errors.empty()) return errors.ToError();
    }
    User before = *found;
    User after = before;
    if (changes.display_name) after.display_name = *changes.display_name;
    if (changes.role) after.role = *changes.role;
    if (changes.team) after.team = *changes.team;
    if (changes.active) after.active = *changes.active;
    if (changes.email) after.email = *changes.email;
    if (changes.reminder_digest) after.reminder_digest = *changes.reminder_digest;
    if (password_hash) after.password_hash = *password_hash;
    if (IsActiveAdmin(before) && !IsActiveAdmin(after)) {
      auto users = tx.Accounts().ListUsers();
      if (!users) return tl::unexpected(users.error());
      if (std::count_if(users->begin(), users->end(), IsActiveAdmin) <= 1) {
        return core::Fail(core::ErrorCode::kConflict,
                          username + " is the last active admin: make another admin first");
      }
    }
    if (auto updated = tx.Accounts().UpdateUser(after); !updated)
      return tl::unexpected(updated.error());
    std::vector<core::Change> changed;
    const auto compare = [&](std::string field, std::string old_value, std::string new_value) {
      if (old_value != new_value) {
        changed.push_back({std::move(field), std::move(old_value), std::move(new_value)});
      }
    };
    compare("display_name", before.display_name, after.display_name);
    compare("role", std::string(core::ToString(before.role)),
            std::string(core::ToString(after.role)));
    compare("team", before.team, after.team);
    compare("active", before.active ? "true" : "false", after.active ? "true" : "false");
    compare("email", before.email, after.email);
    compare("reminder_digest", std::string(ToString(before.reminder_digest)),
            std::string(ToString(after.reminder_digest)));
    if (password_hash) changed.push_back({"password", "", "changed"});
    // A new password is because the old one may be known: whoever knew it may hold a session or
    // a token made with it. An inactive user keeps neither, so reactivating revives neither.
    const bool deactivated = before.active && !after.active;
    if (password_hash || deactivated) {
      auto revoked = tx.Accounts().RevokeTokensOf(after.id, clock.NowRfc3339());
      if (!revoked) return tl::unexpected(revoked.error());
      auto ended = tx.Sessions().DeleteAllOf(after.id, deactivated ? "" : keep_session_token_hash);
      if (!ended) return tl::unexpected(ended.error());
      if (*revoked > 0) changed.push_back({"tokens_revoked", "", std::to_string(*revoked)});
      if (*ended > 0) changed.push_back({"sessions_ended", "", std::to_string(*ended)});
    }
    core::CaseEvent event{core::EventType::kUserUpdated,   clock.Today(),     actor.username, 0,
                          "User " + username + " changed", std::move(changed)};
    if (auto appended = tx.Events().Append(EntityType::kUser, username, event); !appended) {
      return tl::unexpected(appended.error());
    }
    return after;
  });
}

Result<IssuedToken> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                const std::string& username, const std::string& label,
                                std::optional<core::Date> expires_on) {
  std::optional<IssuedToken> result;
  auto status = store.Write([&](Tx& tx) -> Status {
    auto user = tx.Accounts().FindUser(username);
    if (!user) {
      if (user.error().code == core::ErrorCode::kNotFound) {
        return core::FailField("username", "unknown user '" + username + "'",
                               core::FieldErrorCode::kUnknownReference);
      }
      return tl::unexpected(user.error());
    }
    if (!user->active)
      return core::FailField("username", "user '" + username + "' is not active",
                             core::FieldErrorCode::kNotAllowedInState);
    if (label.empty() || label.size() > kMaxTokenLabelLength) {
      return core::FailField(
          "label", "must be 1 to " + std::to_string(kMaxTokenLabelLength) + " characters",
          label.empty() ? core::FieldErrorCode::kRequired : core::FieldErrorCode::kTooLong);
    }
    if (expires_on) {
      const core::Date today = clock.Today();
      if (*expires_on <= today || *expires_on > today.AddDays(kMaxTokenLifetimeDays)) {
        return core::FailField("expires_on",
                               "must be after today (" + today.ToIso() + ") and at most " +
                                   std::to_string(kMaxTokenLifetimeDays) + " days away",
                               core::FieldErrorCode::kOutOfRange);
      }
    }
    std::string token = NewApiToken();
    ApiToken record{
        0, user->id, HashApiToken(token), label, clock.NowRfc3339(), std::nullopt, expires_on};
    auto inserted = tx.Accounts().InsertToken(std::move(record));
    if (!inserted) return tl::unexpected(inserted.error());
    core::CaseEvent event{core::EventType::kTokenCreated,
                          clock.Today(),
                          actor.username,
                          0,
                          "API token " + std::to_string(inserted->id) + " issued to " + username,
                          {{"token", "", std::to_string(inserted->id) + " " + label}}};
    if (expires_on) event.changes.push_back({"expires_on", "", expires_on->ToIso()});
    if (auto appended = tx.Events().Append(EntityType::kToken, username, event); !appended) {
      return appended;
    }
    result = IssuedToken{std::move(token), std::move(*inserted)};
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<std::vector<ApiToken>> ListOwnTokens(Store& store, const Actor& actor) {
  std::vector<ApiToken> tokens;
  auto status = store.Read([&](Tx& tx) -> Status {
    auto user = tx.Accounts().FindUser(actor.username);
    if (!user) return tl::unexpected(user.error());
    auto found = tx.Accounts().TokensOf(user->id);
    if (!found) return tl::unexpected(found.error());
    tokens = std::move(*found);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return tokens;
}

Status RevokeToken(Store& store, const Clock& clock, const Actor& actor, std::int64_t id) {
  return store.Write([&](Tx& tx) -> Status {
    const auto unknown = [id] {
      return core::Fail(core::ErrorCode::kNotFound, "no token " + std::to_string(id));
    };
    auto token = tx.Accounts().FindToken(id);
    if (!token) return tl::unexpected(token.error());
    auto owner = tx.Accounts().FindUserById(token->user_id);
    if (!owner) return tl::unexpected(owner.error());
    if (owner->username != actor.username &&
        !core::Allows(actor.role, core::Permission::kManageUsers)) {
      return unknown();
    }
    if (token->revoked_at) return {};
    if (auto revoked = tx.Accounts().RevokeToken(id, clock.NowRfc3339()); !revoked) return revoked;
    core::CaseEvent event{core::EventType::kTokenRevoked,
                          clock.Today(),
                          actor.username,
                          0,
                          "API token " + std::to_string(id) + " of " + owner->username + " revoked",
                          {{"token", std::to_string(id) + " " + token->label, ""}}};
    return tx.Events().Append(EntityType::kToken, owner->username, event);
  });
}

Result<std::optional<Actor>> ActorOfApiToken(Store& store, const Clock& clock,
                                             std::string_view token) {
  const std::string token_hash = HashApiToken(token);
  const core::Date today = clock.Today();
  std::optional<Actor> actor;
  auto read = store.Read([&](Tx& tx) -> Status {
    auto found = tx.Accounts().FindTokenByHash(token_hash);
    if (!found) {
      if (found.error().code == core::ErrorCode::kNotFound) return {};
      return tl::unexpected(found.error());
    }
    if (found->revoked_at || (found->expires_on && *found->expires_on <= today)) return {};
    auto user = tx.Accounts().FindUserById(found->user_id);
    if (!user) {
      if (user.error().code == core::ErrorCode::kNotFound) return {};
      return tl::unexpected(user.error());
    }
    if (!user->active) return {};
    actor = Actor{user->username, user->role, user->team};
    return {};
  });
  if (!read) return tl::unexpected(read.error());
  return actor;
}

Result<User> GetUser(Store& store, std::string_view username) {
  return ReadValue<User>(store, [&](Tx& tx) { return tx.Accounts().FindUser(username); });
}

Result<std::vector<User>> ListUsers(Store& store) {
  return ReadValue<std::vector<User>>(store, [](Tx& tx) { return tx.Accounts().ListUsers(); });
}

}  // namespace redress::app
