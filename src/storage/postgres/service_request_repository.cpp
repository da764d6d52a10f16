#include "storage/postgres/service_request_repository.hpp"

#include <string>

#include "storage/common/service_request_rows.hpp"
#include "storage/postgres/references.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {

namespace {

using common::BindServiceRequest;

constexpr std::string_view kServiceRequestPrefix = common::kServiceRequestPrefix;

// The columns after "id, reference" (storage/common's service request row), for the statements
// below.
std::string Columns() { return JoinColumns(common::kServiceRequestColumns); }

}  // namespace

Result<core::ServiceRequest> PostgresServiceRequestRepository::Load(std::string_view reference) {
  static const std::string sql =
      "SELECT id, reference, " + Columns() + " FROM service_requests WHERE reference = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(common::ReadServiceRequest<RowReader>,
                       "no service request " + std::string(reference));
}

Result<core::ServiceRequest> PostgresServiceRequestRepository::Insert(
    core::ServiceRequest request, const core::CaseEvent& event) {
  Result<std::string> reference =
      NextReference(connection_, kServiceRequestPrefix, request.received_on.year());
  if (!reference) return Unexpected(reference.error());
  request.reference = std::move(*reference);
  request.version = kFirstVersion;
  static const std::string sql =
      "INSERT INTO service_requests (reference, " + Columns() +
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
      "$18) RETURNING id";
  Params params;
  params.Bind(request.reference);
  BindServiceRequest(params, request);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  request.id = *id;
  if (Status appended = events_.Append(app::EntityType::kServiceRequest, request.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return request;
}

Result<core::ServiceRequest> PostgresServiceRequestRepository::Update(
    const core::ServiceRequest& request, std::int64_t expected_version,
    const core::CaseEvent& event) {
  core::ServiceRequest stored = request;
  stored.version = expected_version + 1;
  static const std::string sql =
      "UPDATE service_requests SET (" + Columns() +
      ") = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
      "WHERE reference = $18 AND version = $19 RETURNING id";
  Params params;
  BindServiceRequest(params, stored);
  params.BindAll(stored.reference, expected_version);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    Result<Rows> exists = connection_.Query("SELECT 1 FROM service_requests WHERE reference = $1",
                                            Params().Bind(stored.reference));
    if (!exists) return Unexpected(exists.error());
    if (exists->empty()) {
      return Fail(ErrorCode::kNotFound, "no service request " + stored.reference);
    }
    return Fail(ErrorCode::kStaleVersion, "the service request changed since you loaded it");
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  stored.id = *id;
  if (Status appended = events_.Append(app::EntityType::kServiceRequest, stored.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return stored;
}

}  // namespace redress::storage::postgres
