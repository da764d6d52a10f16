#include "storage/postgres/subject_access_repository.hpp"

#include <utility>

#include "storage/postgres/versioned_tables.hpp"

namespace redress::storage::postgres {

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Insert(
    core::SubjectAccessRequest request, int year) {
  return InsertVersioned(connection_, std::move(request), year);
}

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Update(
    core::SubjectAccessRequest request, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(request), expected_version);
}

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Load(
    std::string_view reference) {
  return LoadVersioned<core::SubjectAccessRequest>(connection_, reference);
}

Result<std::vector<core::SubjectAccessRequest>> PostgresSubjectAccessRepository::List() {
  return ListVersioned<core::SubjectAccessRequest>(connection_);
}

}  // namespace redress::storage::postgres
