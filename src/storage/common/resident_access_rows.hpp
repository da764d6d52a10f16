#pragma once

// The resident's portal's form sessions and one-time codes as rows (SQLite migration 0019,
// PostgreSQL 0004), written once for both engines: the columns their statements read, in order,
// and a row read back through an engine's column reader (SQLite's ColumnReader, PostgreSQL's
// RowReader: each reads the next column with Text(), Int64() and Int()).

#include <string_view>

#include "app/resident_access_repository.hpp"

namespace redress::storage::common {

inline constexpr std::string_view kResidentSessionColumns = "token_hash, data, expires_at";
inline constexpr std::string_view kResidentCodeColumns =
    "pair_hash, code_hash, expires_at, wrong_tries, used";

template <typename Reader>
app::ResidentSessionRecord ReadResidentSession(Reader& r) {
  app::ResidentSessionRecord session;
  session.token_hash = r.Text();
  session.data = r.Text();
  session.expires_at = r.Int64();
  return session;
}

// `used` is stored as 0 or 1 in both engines (an INTEGER with a CHECK).
template <typename Reader>
app::ResidentCodeRecord ReadResidentCode(Reader& r) {
  app::ResidentCodeRecord code;
  code.pair_hash = r.Text();
  code.code_hash = r.Text();
  code.state.expires_at = r.Int64();
  code.state.wrong_tries = r.Int();
  code.state.used = r.Int() != 0;
  return code;
}

}  // namespace redress::storage::common
