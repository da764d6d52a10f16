#include "storage/postgres/service_request_repository.hpp"

#include <string>

#include "storage/postgres/complaint_rows.hpp"
#include "storage/postgres/references.hpp"

namespace redress::storage::postgres {

namespace {

constexpr std::string_view kServiceRequestPrefix = common::kServiceRequestPrefix;
constexpr std::int64_t kFirstVersion = 1;

// The columns after "id, reference", in binding and reading order (as the SQLite adapter's).
constexpr std::string_view kColumns =
    "channel, received_on, service_area, category, summary, description, requester_name, "
    "requester_email, requester_phone, requester_address, requester_postcode, team, status, "
    "resolved_on, resolution, complaint_reference, version";

void BindServiceRequest(Params& s, const core::ServiceRequest& r) {
  s.BindAll(r.channel, r.received_on, Code{r.service_area}, Code{r.category}, r.summary,
            r.description);
  BindPerson(s, r.requester);
  s.BindAll(Code{r.team}, r.status, r.resolved_on, r.resolution, Code{r.complaint_reference},
            r.version);
}

core::ServiceRequest ReadServiceRequest(RowReader& r) {
  core::ServiceRequest request;
  request.id = r.Int64();
  request.reference = r.Text();
  request.channel = r.Enumerator(core::ParseChannel);
  request.received_on = r.Date();
  request.service_area = r.Text();
  request.category = r.Text();
  request.summary = r.Text();
  request.description = r.Text();
  request.requester = ReadPerson(r);
  request.team = r.Text();
  request.status = r.Enumerator(core::ParseServiceRequestStatus);
  request.resolved_on = r.OptionalDate();
  request.resolution = r.Text();
  request.complaint_reference = r.Text();
  request.version = r.Int64();
  return request;
}

}  // namespace

Result<core::ServiceRequest> PostgresServiceRequestRepository::Load(std::string_view reference) {
  static const std::string sql = "SELECT id, reference, " + std::string(kColumns) +
                                 " FROM service_requests WHERE reference = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(ReadServiceRequest, "no service request " + std::string(reference));
}

Result<core::ServiceRequest> PostgresServiceRequestRepository::Insert(
    core::ServiceRequest request, const core::CaseEvent& event) {
  Result<std::string> reference =
      NextReference(connection_, kServiceRequestPrefix, request.received_on.year());
  if (!reference) return Unexpected(reference.error());
  request.reference = std::move(*reference);
  request.version = kFirstVersion;
  static const std::string sql =
      "INSERT INTO service_requests (reference, " + std::string(kColumns) +
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
      "UPDATE service_requests SET (" + std::string(kColumns) +
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
