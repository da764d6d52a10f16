#pragma once

// Internal notes on complaints and the links between complaints, on PostgreSQL
// (app::CaseNoteRepository).

#include "app/case_note_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresCaseNoteRepository final : public app::CaseNoteRepository {
 public:
  explicit PostgresCaseNoteRepository(Connection& connection) : connection_(connection) {}

  Result<app::CaseNote> InsertNote(std::string_view reference, app::CaseNote note) override;
  Result<std::vector<app::CaseNote>> NotesOf(std::string_view reference) override;
  Status InsertLink(const app::CaseLink& link) override;
  Result<app::CaseLink> DeleteLink(std::string_view a, std::string_view b) override;
  Result<std::vector<app::CaseLink>> LinksOf(std::string_view reference) override;

 private:
  // The complaint's id; kNotFound for an unknown reference.
  Result<std::int64_t> ComplaintIdOf(std::string_view reference);

  Connection& connection_;
};

}  // namespace redress::storage::postgres
