#pragma once

// The SQLite CaseNoteRepository (app/case_note_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The notes and links of a transaction.
class SqliteCaseNoteRepository final : public app::CaseNoteRepository {
 public:
  explicit SqliteCaseNoteRepository(Connection& connection) : connection_(connection) {}

  core::Result<app::CaseNote> InsertNote(std::string_view reference, app::CaseNote note) override;
  core::Result<std::vector<app::CaseNote>> NotesOf(std::string_view reference) override;
  core::Status InsertLink(const app::CaseLink& link) override;
  core::Result<app::CaseLink> DeleteLink(std::string_view a, std::string_view b) override;
  core::Result<std::vector<app::CaseLink>> LinksOf(std::string_view reference) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
