#include "storage/sqlite/people_repository.hpp"

#include "storage/common/person_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<std::vector<app::PersonMatchRecord>> SqlitePeopleRepository::DecisionsOf(
    std::string_view person_id) {
  static const std::string sql = common::DecisionsOfSql(ParameterMarker);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(person_id);
  return ReadAll(*statement, common::ReadDecision<ColumnReader>);
}

Status SqlitePeopleRepository::SaveDecision(const app::PersonMatchRecord& r) {
  static const std::string sql = common::SaveDecisionSql(ParameterMarker);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(r.person_id, core::ToString(r.record_type), r.reference,
                     core::ToString(r.role), core::ToString(r.state), r.reason, r.decided_by,
                     r.decided_at);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  return {};
}

Result<std::vector<core::ServiceRequest>> SqlitePeopleRepository::ServiceRequests() {
  static const std::string sql = common::AllServiceRequestsSql();
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, common::ReadServiceRequest<ColumnReader>);
}

}  // namespace redress::storage::sqlite
