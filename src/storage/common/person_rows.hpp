#pragma once

// The people index's decisions (app/people_repository.hpp) as rows, the same on every engine.

#include <string>

#include "app/people_repository.hpp"
#include "storage/common/service_request_rows.hpp"

namespace redress::storage::common {

// Parameters: person_id, record_type, reference, role, state, reason, decided_by, decided_at.
template <typename Marker>
std::string SaveDecisionSql(Marker marker) {
  return "INSERT INTO person_records (person_id, record_type, reference, role, state, reason, "
         "decided_by, decided_at) VALUES (" +
         marker(1) + ", " + marker(2) + ", " + marker(3) + ", " + marker(4) + ", " + marker(5) +
         ", " + marker(6) + ", " + marker(7) + ", " + marker(8) +
         ") ON CONFLICT (person_id, record_type, reference, role) DO UPDATE SET state = "
         "excluded.state, reason = excluded.reason, decided_by = excluded.decided_by, "
         "decided_at = excluded.decided_at";
}

// The one parameter is the person's id; read by ReadDecision.
template <typename Marker>
std::string DecisionsOfSql(Marker marker) {
  return "SELECT person_id, record_type, reference, role, state, reason, decided_by, decided_at "
         "FROM person_records WHERE person_id = " +
         marker(1) + " ORDER BY record_type, reference, role";
}

template <typename Reader>
app::PersonMatchRecord ReadDecision(Reader& row) {
  app::PersonMatchRecord record;
  record.person_id = row.Text();
  record.record_type = row.Enumerator(core::ParsePersonRecordType);
  record.reference = row.Text();
  record.role = row.Enumerator(core::ParsePersonRole);
  record.state = row.Enumerator(core::ParseMatchState);
  record.reason = row.Text();
  record.decided_by = row.Text();
  record.decided_at = row.Text();
  return record;
}

inline std::string AllServiceRequestsSql() {
  std::string sql = "SELECT id, reference";
  for (std::string_view column : kServiceRequestColumns) {
    sql += ", ";
    sql += column;
  }
  return sql + " FROM service_requests ORDER BY received_on DESC, reference DESC";
}

}  // namespace redress::storage::common
