#pragma once

// The Sqlite SubjectAccessRepository (app/subject_access_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqliteSubjectAccessRepository final : public app::SubjectAccessRepository {
 public:
  explicit SqliteSubjectAccessRepository(Connection& connection) : connection_(connection) {}

  core::Result<core::SubjectAccessRequest> Insert(core::SubjectAccessRequest request,
                                                  int year) override;
  core::Result<core::SubjectAccessRequest> Update(core::SubjectAccessRequest request,
                                                  std::int64_t expected_version) override;
  core::Result<core::SubjectAccessRequest> Load(std::string_view reference) override;
  core::Result<std::vector<core::SubjectAccessRequest>> List() override;
  core::Status AddWithholding(std::string_view reference,
                              const app::Withholding& withholding) override;
  core::Result<std::vector<app::Withholding>> WithholdingsOf(std::string_view reference) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
