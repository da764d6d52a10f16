#include "storage/postgres/case_note_repository.hpp"

#include <string>

namespace redress::storage::postgres {

namespace {

// The columns ReadLink reads, from complaint_links "l" joined to both complaints.
constexpr std::string_view kSelectLinksSql =
    "SELECT f.reference, t.reference, l.relation, l.created_by, l.created_at "
    "FROM complaint_links l JOIN complaints f ON f.id = l.from_id "
    "JOIN complaints t ON t.id = l.to_id";

app::CaseLink ReadLink(RowReader& r) {
  app::CaseLink link;
  link.from = r.Text();
  link.to = r.Text();
  link.relation = r.Enumerator(app::ParseLinkRelation);
  link.created_by = r.Text();
  link.created_at = r.Text();
  return link;
}

}  // namespace

Result<std::int64_t> PostgresCaseNoteRepository::ComplaintIdOf(std::string_view reference) {
  Result<Rows> rows =
      connection_.Query("SELECT id FROM complaints WHERE reference = $1", Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); },
                       "no complaint " + std::string(reference));
}

Result<app::CaseNote> PostgresCaseNoteRepository::InsertNote(std::string_view reference,
                                                             app::CaseNote note) {
  Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Rows> rows = connection_.Query(
      "INSERT INTO complaint_notes (complaint_id, author, created_at, text) "
      "VALUES ($1, $2, $3, $4) RETURNING id",
      Params().BindAll(*complaint_id, note.author, note.created_at, note.text));
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  note.id = *id;
  return note;
}

Result<std::vector<app::CaseNote>> PostgresCaseNoteRepository::NotesOf(std::string_view reference) {
  Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Rows> rows = connection_.Query(
      "SELECT id, author, created_at, text FROM complaint_notes WHERE complaint_id = $1 "
      "ORDER BY id",
      Params().Bind(*complaint_id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) {
    return app::CaseNote{r.Int64(), r.Text(), r.Text(), r.Text()};
  });
}

Status PostgresCaseNoteRepository::InsertLink(const app::CaseLink& link) {
  Result<std::int64_t> from_id = ComplaintIdOf(link.from);
  if (!from_id) return Unexpected(from_id.error());
  Result<std::int64_t> to_id = ComplaintIdOf(link.to);
  if (!to_id) return Unexpected(to_id.error());
  // ON CONFLICT DO NOTHING (either unique index: the pair, whichever way round): a link made
  // twice is an answer, not a failed transaction.
  Result<Rows> rows = connection_.Query(
      "INSERT INTO complaint_links (from_id, to_id, relation, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
      Params().BindAll(*from_id, *to_id, link.relation, link.created_by, link.created_at));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kConflict, link.from + " and " + link.to + " are already linked");
  }
  return {};
}

Result<app::CaseLink> PostgresCaseNoteRepository::DeleteLink(std::string_view a,
                                                             std::string_view b) {
  constexpr std::string_view kBetween =
      " WHERE (l.from_id = $1 AND l.to_id = $2) OR (l.from_id = $2 AND l.to_id = $1)";
  Result<std::int64_t> a_id = ComplaintIdOf(a);
  if (!a_id) return Unexpected(a_id.error());
  Result<std::int64_t> b_id = ComplaintIdOf(b);
  if (!b_id) return Unexpected(b_id.error());
  Result<Rows> rows = connection_.Query(std::string(kSelectLinksSql) + std::string(kBetween),
                                        Params().BindAll(*a_id, *b_id));
  if (!rows) return Unexpected(rows.error());
  Result<app::CaseLink> link =
      rows->ReadOne(ReadLink, std::string(a) + " and " + std::string(b) + " are not linked");
  if (!link) return link;
  if (Status removed = connection_.Run("DELETE FROM complaint_links AS l" + std::string(kBetween),
                                       Params().BindAll(*a_id, *b_id));
      !removed) {
    return Unexpected(removed.error());
  }
  return link;
}

Result<std::vector<app::CaseLink>> PostgresCaseNoteRepository::LinksOf(std::string_view reference) {
  Result<std::int64_t> complaint_id = ComplaintIdOf(reference);
  if (!complaint_id) return Unexpected(complaint_id.error());
  Result<Rows> rows = connection_.Query(
      std::string(kSelectLinksSql) +
          " WHERE l.from_id = $1 OR l.to_id = $1 ORDER BY l.created_at, f.reference, t.reference",
      Params().Bind(*complaint_id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadLink);
}

}  // namespace redress::storage::postgres
