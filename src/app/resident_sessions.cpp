#include "app/resident_sessions.hpp"

#include "app/secrets.hpp"
#include "app/store_values.hpp"

namespace redress::app {

Result<std::optional<ResidentSession>> FindResidentSession(Store& store, std::string_view token,
                                                           std::int64_t now) {
  if (token.empty()) return std::nullopt;
  const std::string token_hash = HashSecretToken(token);
  return ReadValue<std::optional<ResidentSession>>(
      store, [&](Tx& tx) -> Result<std::optional<ResidentSession>> {
        auto found = tx.ResidentAccess().FindSession(token_hash);
        if (!found) return tl::unexpected(found.error());
        if (!*found || (*found)->expires_at <= now) return std::nullopt;
        return ResidentSession{std::move((*found)->data), (*found)->expires_at};
      });
}

Status SaveResidentSession(Store& store, std::string_view token, std::string_view data,
                           std::int64_t expires_at) {
  ResidentSessionRecord record{HashSecretToken(token), std::string(data), expires_at};
  return store.Write([&](Tx& tx) { return tx.ResidentAccess().SaveSession(record); });
}

Status EndResidentSession(Store& store, std::string_view token) {
  const std::string token_hash = HashSecretToken(token);
  return store.Write([&](Tx& tx) { return tx.ResidentAccess().DeleteSession(token_hash); });
}

Result<int> SweepResidentAccess(Store& store, std::int64_t now) {
  return WriteValue<int>(store, [&](Tx& tx) { return tx.ResidentAccess().DeleteExpired(now); });
}

}  // namespace redress::app
