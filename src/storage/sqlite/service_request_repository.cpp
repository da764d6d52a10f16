#include "storage/sqlite/service_request_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/common/service_request_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

namespace {

using common::BindServiceRequest;
using common::kServiceRequestColumns;

// ---------------------------------------------------------------------------------------------
// Service requests.

std::vector<Reference> ServiceRequestReferences(const core::ServiceRequest& r) {
  return {{"service_area", "service area", "service_areas", "code", r.service_area},
          {"category", "category", "categories", "code", r.category},
          {"team", "team", "teams", "code", r.team},
          {"complaint_reference", "complaint", "complaints", "reference", r.complaint_reference}};
}

template <typename BindAll>
Result<std::int64_t> SaveServiceRequest(Connection& connection, const std::string& sql,
                                        const core::ServiceRequest& request, RowChange change,
                                        BindAll bind_all) {
  Result<std::int64_t> id = [&]() -> Result<std::int64_t> {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    bind_all(*statement);
    return SavedRowId(connection, *statement, change, "service_requests", request.reference,
                      "service request");
  }();
  if (id) return id;
  Status named = NameUnknownReference(connection, Unexpected(id.error()),
                                      [&] { return ServiceRequestReferences(request); });
  return Unexpected(named.error());
}

}  // namespace

Result<core::ServiceRequest> SqliteServiceRequestRepository::Load(std::string_view reference) {
  static const std::string sql = "SELECT id, reference, " + Join(kServiceRequestColumns) +
                                 " FROM service_requests WHERE reference = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  return ReadOne(*statement, common::ReadServiceRequest<ColumnReader>,
                 "no service request " + std::string(reference));
}

Result<core::ServiceRequest> SqliteServiceRequestRepository::Insert(core::ServiceRequest request,
                                                                    const core::CaseEvent& event) {
  Result<std::string> reference =
      NextReference(connection_, common::kServiceRequestPrefix, request.received_on.year());
  if (!reference) return Unexpected(reference.error());
  request.reference = std::move(*reference);
  request.version = kFirstVersion;
  constexpr std::size_t kReference = 1;
  static const std::string sql = "INSERT INTO service_requests (reference, " +
                                 Join(kServiceRequestColumns) + ") VALUES (" +
                                 Placeholders(kReference + kServiceRequestColumns.size()) + ")";
  Result<std::int64_t> id =
      SaveServiceRequest(connection_, sql, request, RowChange::kInsert, [&](Statement& s) {
        s.Bind(request.reference);
        BindServiceRequest(s, request);
      });
  if (!id) return Unexpected(id.error());
  request.id = *id;
  if (Status appended = events_.Append(EntityType::kServiceRequest, request.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return request;
}

Result<core::ServiceRequest> SqliteServiceRequestRepository::Update(
    const core::ServiceRequest& request, std::int64_t expected_version,
    const core::CaseEvent& event) {
  core::ServiceRequest stored = request;
  stored.version = expected_version + 1;
  static const std::string sql = "UPDATE service_requests SET (" + Join(kServiceRequestColumns) +
                                 ") = (" + Placeholders(kServiceRequestColumns.size()) +
                                 ") WHERE reference = ? AND version = ?";
  Result<std::int64_t> id =
      SaveServiceRequest(connection_, sql, stored, RowChange::kUpdate, [&](Statement& s) {
        BindServiceRequest(s, stored);
        s.BindAll(stored.reference, expected_version);
      });
  if (!id) return Unexpected(id.error());
  stored.id = *id;
  if (Status appended = events_.Append(EntityType::kServiceRequest, stored.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return stored;
}

}  // namespace redress::storage::sqlite
