#include "app/accounts.hpp"

#include <algorithm>
#include <regex>

#include "app/secrets.hpp"
#include "core/permissions.hpp"

namespace redress::app {
namespace {

bool IsValidUsername(const std::string& username) {
  static const std::regex kUsernamePattern("[a-z0-9][a-z0-9._-]{1,63}");
  return std::regex_match(username, kUsernamePattern);
}

}  // namespace

Result<User> AddUserIn(Tx& tx, const Actor& actor, core::Date today, const NewUser& user) {
  core::FieldErrors errors;
  if (!IsValidUsername(user.username)) {
    errors.Add("username",
               "must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a "
               "letter or digit");
  }
  if (user.password.size() < kMinPasswordLength || user.password.size() > kMaxPasswordLength) {
    errors.Add("password", "must be " + std::to_string(kMinPasswordLength) + " to " +
                               std::to_string(kMaxPasswordLength) + " characters");
  }
  if (!user.team.empty()) {
    auto teams = tx.ListTeams();
    if (!teams) return tl::unexpected(teams.error());
    bool known = std::any_of(teams->begin(), teams->end(),
                             [&](const Team& team) { return team.code == user.team; });
    if (!known) errors.Add("team", "unknown team '" + user.team + "'");
  }
  if (!errors.empty()) return errors.ToError();

  auto hash = HashPassword(user.password);
  if (!hash) return tl::unexpected(hash.error());
  User record{
      0,         user.username, user.display_name.empty() ? user.username : user.display_name,
      user.role, user.team,     std::move(*hash),
      true};
  auto inserted = tx.InsertUser(std::move(record));
  if (!inserted) return inserted;
  core::CaseEvent event{core::EventType::kUserCreated,
                        today,
                        actor.username,
                        0,
                        "User " + inserted->username + " created with role " +
                            std::string(core::ToString(inserted->role)),
                        {{"username", "", inserted->username},
                         {"role", "", std::string(core::ToString(inserted->role))},
                         {"team", "", inserted->team}}};
  if (auto appended = tx.AppendEvent(EntityType::kUser, inserted->username, event); !appended) {
    return tl::unexpected(appended.error());
  }
  return inserted;
}

Result<User> AddUser(Store& store, const Clock& clock, const Actor& actor, const NewUser& user) {
  std::optional<User> result;
  auto status = store.Write([&](Tx& tx) -> Status {
    auto added = AddUserIn(tx, actor, clock.Today(), user);
    if (!added) return tl::unexpected(added.error());
    result = std::move(*added);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<IssuedToken> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                const std::string& username, const std::string& label) {
  std::optional<IssuedToken> result;
  auto status = store.Write([&](Tx& tx) -> Status {
    auto user = tx.FindUser(username);
    if (!user) {
      if (user.error().code == core::ErrorCode::kNotFound) {
        return core::FailField("username", "unknown user '" + username + "'");
      }
      return tl::unexpected(user.error());
    }
    if (!user->active) return core::FailField("username", "user '" + username + "' is not active");
    if (label.empty() || label.size() > kMaxTokenLabelLength) {
      return core::FailField(
          "label", "must be 1 to " + std::to_string(kMaxTokenLabelLength) + " characters");
    }
    std::string token = NewApiToken();
    ApiToken record{0, user->id, HashApiToken(token), label, clock.NowRfc3339(), std::nullopt};
    auto inserted = tx.InsertToken(std::move(record));
    if (!inserted) return tl::unexpected(inserted.error());
    core::CaseEvent event{core::EventType::kTokenCreated,
                          clock.Today(),
                          actor.username,
                          0,
                          "API token " + std::to_string(inserted->id) + " issued to " + username,
                          {{"token", "", std::to_string(inserted->id) + " " + label}}};
    if (auto appended = tx.AppendEvent(EntityType::kToken, username, event); !appended) {
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
    auto user = tx.FindUser(actor.username);
    if (!user) return tl::unexpected(user.error());
    auto found = tx.TokensOf(user->id);
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
    auto token = tx.FindToken(id);
    if (!token) return tl::unexpected(token.error());
    auto owner = tx.FindUserById(token->user_id);
    if (!owner) return tl::unexpected(owner.error());
    if (owner->username != actor.username &&
        !core::Allows(actor.role, core::Permission::kManageUsers)) {
      return unknown();
    }
    if (token->revoked_at) return {};
    if (auto revoked = tx.RevokeToken(id, clock.NowRfc3339()); !revoked) return revoked;
    core::CaseEvent event{core::EventType::kTokenRevoked,
                          clock.Today(),
                          actor.username,
                          0,
                          "API token " + std::to_string(id) + " of " + owner->username + " revoked",
                          {{"token", std::to_string(id) + " " + token->label, ""}}};
    return tx.AppendEvent(EntityType::kToken, owner->username, event);
  });
}

}  // namespace redress::app
