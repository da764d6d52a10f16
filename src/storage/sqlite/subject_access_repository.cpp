#include "storage/sqlite/subject_access_repository.hpp"

#include <utility>

#include "storage/sqlite/versioned_tables.hpp"

namespace redress::storage::sqlite {

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Insert(
    core::SubjectAccessRequest request, int year) {
  return InsertVersioned(connection_, std::move(request), year);
}

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Update(
    core::SubjectAccessRequest request, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(request), expected_version);
}

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Load(std::string_view reference) {
  return LoadVersioned<core::SubjectAccessRequest>(connection_, reference);
}

Result<std::vector<core::SubjectAccessRequest>> SqliteSubjectAccessRepository::List() {
  return ListVersioned<core::SubjectAccessRequest>(connection_);
}

}  // namespace redress::storage::sqlite
