#include "storage/sqlite/case_note_repository.hpp"

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

#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

namespace {

// The row id of the complaint `reference`; kNotFound when there is none.
Result<std::int64_t> ComplaintIdOf(Connection& connection, std::string_view reference) {
  Result<Statement> statement = connection.Prepare("SELECT id FROM complaints WHERE reference = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  return ReadOne(
      *statement, [](ColumnReader& r) { return r.Int64(); },
      "no complaint " + std::string(reference));
}

// The columns ReadLink reads, from complaint_links "l" joined to both complaints.
const std::string kSelectLinksSql =
    "SELECT f.reference, t.reference, l.relation, l.created_by, l.created_at "
    "FROM complaint_links l JOIN complaints f ON f.id = l.from_id "
    "JOIN complaints t ON t.id = l.to_id";

app::CaseLink ReadLink(ColumnReader& r) {
  return app::CaseLink{r.Text(), r.Text(), r.Enumerator(app::ParseLinkRelation), r.Text(),
                       r.Text()};
}

}  // namespace

Result<app::CaseNote> SqliteCaseNoteRepository::InsertNote(std::string_view reference,
                                                           app::CaseNote note) {
  Result<std::int64_t> complaint_id = ComplaintIdOf(connection_, reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO complaint_notes (complaint_id, author, created_at, text) VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(*complaint_id, note.author, note.created_at, note.text);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  note.id = statement->LastInsertRowid();
  return note;
}

Result<std::vector<app::CaseNote>> SqliteCaseNoteRepository::NotesOf(std::string_view reference) {
  Result<std::int64_t> complaint_id = ComplaintIdOf(connection_, reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Statement> statement = connection_.Prepare(
      "SELECT id, author, created_at, text FROM complaint_notes WHERE complaint_id = ? "
      "ORDER BY id");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(*complaint_id);
  return ReadAll(*statement, [](ColumnReader& r) {
    return app::CaseNote{r.Int64(), r.Text(), r.Text(), r.Text()};
  });
}

Status SqliteCaseNoteRepository::InsertLink(const app::CaseLink& link) {
  Result<std::int64_t> from_id = ComplaintIdOf(connection_, link.from);
  if (!from_id) return Unexpected(from_id.error());
  Result<std::int64_t> to_id = ComplaintIdOf(connection_, link.to);
  if (!to_id) return Unexpected(to_id.error());
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO complaint_links (from_id, to_id, relation, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(*from_id, *to_id, link.relation, link.created_by, link.created_at);
  Status inserted = statement->Run();
  if (!inserted && inserted.error().code == ErrorCode::kConflict) {
    return Fail(ErrorCode::kConflict, link.from + " and " + link.to + " are already linked");
  }
  return inserted;
}

Result<app::CaseLink> SqliteCaseNoteRepository::DeleteLink(std::string_view a, std::string_view b) {
  static const std::string kBetween =
      " WHERE (l.from_id = ?1 AND l.to_id = ?2) OR (l.from_id = ?2 AND l.to_id = ?1)";
  Result<std::int64_t> a_id = ComplaintIdOf(connection_, a);
  if (!a_id) return Unexpected(a_id.error());
  Result<std::int64_t> b_id = ComplaintIdOf(connection_, b);
  if (!b_id) return Unexpected(b_id.error());
  Result<Statement> select = connection_.Prepare(kSelectLinksSql + kBetween);
  if (!select) return Unexpected(select.error());
  select->BindAll(*a_id, *b_id);
  Result<app::CaseLink> link =
      ReadOne(*select, ReadLink, std::string(a) + " and " + std::string(b) + " are not linked");
  if (!link) return link;
  Result<Statement> remove = connection_.Prepare("DELETE FROM complaint_links AS l" + kBetween);
  if (!remove) return Unexpected(remove.error());
  remove->BindAll(*a_id, *b_id);
  if (Status run = remove->Run(); !run) return Unexpected(run.error());
  return link;
}

Result<std::vector<app::CaseLink>> SqliteCaseNoteRepository::LinksOf(std::string_view reference) {
  static const std::string sql = kSelectLinksSql +
                                 " WHERE l.from_id = ?1 OR l.to_id = ?1 "
                                 "ORDER BY l.created_at, f.reference, t.reference";
  Result<std::int64_t> complaint_id = ComplaintIdOf(connection_, reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(*complaint_id);
  return ReadAll(*statement, ReadLink);
}

}  // namespace redress::storage::sqlite
