#include "storage/postgres/people_repository.hpp"

#include "storage/common/person_rows.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {

Result<std::vector<app::PersonMatchRecord>> PostgresPeopleRepository::DecisionsOf(
    std::string_view person_id) {
  static const std::string sql = common::DecisionsOfSql(ParameterMarker);
  Result<Rows> rows = connection_.Query(sql, Params().Bind(person_id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadDecision<RowReader>);
}

Status PostgresPeopleRepository::SaveDecision(const app::PersonMatchRecord& r) {
  static const std::string sql = common::SaveDecisionSql(ParameterMarker);
  Result<Rows> rows = connection_.Query(sql, Params()
                                                 .Bind(r.person_id)
                                                 .Bind(core::ToString(r.record_type))
                                                 .Bind(r.reference)
                                                 .Bind(core::ToString(r.role))
                                                 .Bind(core::ToString(r.state))
                                                 .Bind(r.reason)
                                                 .Bind(r.decided_by)
                                                 .Bind(r.decided_at));
  if (!rows) return Unexpected(rows.error());
  return {};
}

Result<std::vector<core::ServiceRequest>> PostgresPeopleRepository::ServiceRequests() {
  static const std::string sql = common::AllServiceRequestsSql();
  Result<Rows> rows = connection_.Query(sql, Params());
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadServiceRequest<RowReader>);
}

}  // namespace redress::storage::postgres
