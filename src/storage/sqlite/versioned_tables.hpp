#pragma once

// The versioned records with a reference (Ombudsman cases, failure orders, learning actions) and
// the child lists of those and of the self-assessment: their tables, and insert, update, load and
// list written once for all of them. Internal to the SQLite adapter.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "storage/common/record_references.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

// ---------------------------------------------------------------------------------------------
// Ombudsman cases, failure orders and learning actions: versioned records with a reference.
// kColumns are those after id, reference and version, which Read reads first.

template <typename Record>
struct Versioned;

template <>
struct Versioned<core::OmbudsmanCase> {
  static constexpr std::string_view kName = "ombudsman_cases";
  static constexpr std::string_view kWhat = "Ombudsman case";
  static constexpr std::string_view kPrefix = common::kOmbudsmanCasePrefix;
  static constexpr std::array<std::string_view, 11> kColumns = {"ombudsman",
                                                                "ombudsman_reference",
                                                                "summary",
                                                                "referred_on",
                                                                "enquiry_received_on",
                                                                "information_due_on",
                                                                "information_sent_on",
                                                                "draft_decision_on",
                                                                "final_decision_on",
                                                                "lgsco_decision",
                                                                "satisfactory_remedy_by_council"};
  static void Bind(Statement& s, const core::OmbudsmanCase& c) {
    s.BindAll(c.ombudsman, c.ombudsman_reference, c.summary, c.referred_on, c.enquiry_received_on,
              c.information_due_on, c.information_sent_on, c.draft_decision_on, c.final_decision_on,
              c.lgsco_decision, c.satisfactory_remedy_by_council);
  }
  static core::OmbudsmanCase Read(ColumnReader& r) {
    core::OmbudsmanCase c;
    c.id = r.Int64();
    c.reference = r.Text();
    c.version = r.Int64();
    c.ombudsman = r.Enumerator(core::ParseOmbudsman);
    c.ombudsman_reference = r.Text();
    c.summary = r.Text();
    c.referred_on = r.OptionalDate();
    c.enquiry_received_on = r.OptionalDate();
    c.information_due_on = r.OptionalDate();
    c.information_sent_on = r.OptionalDate();
    c.draft_decision_on = r.OptionalDate();
    c.final_decision_on = r.OptionalDate();
    if (!r.NextIsNull()) {
      c.lgsco_decision = r.Enumerator(core::ParseLgscoDecision);
    } else {
      r.Skip(1);
    }
    c.satisfactory_remedy_by_council = r.Bool();
    return c;
  }
  static std::vector<Reference> References(const core::OmbudsmanCase& record) {
    return common::OmbudsmanCaseReferences(record);
  }
};

template <>
struct Versioned<core::FailureOrder> {
  static constexpr std::string_view kName = "failure_orders";
  static constexpr std::string_view kWhat = "failure order";
  static constexpr std::string_view kPrefix = common::kFailureOrderPrefix;
  static constexpr std::array<std::string_view, 9> kColumns = {
      "ombudsman_case", "ombudsman_reference", "type",   "ground",
      "description",    "issued_on",           "due_on", "outcome",
      "complied_on"};
  static void Bind(Statement& s, const core::FailureOrder& o) {
    s.BindAll(Code{o.ombudsman_case}, o.ombudsman_reference, o.type, o.ground, o.description,
              o.issued_on, o.due_on, o.outcome, o.complied_on);
  }
  static core::FailureOrder Read(ColumnReader& r) {
    core::FailureOrder o;
    o.id = r.Int64();
    o.reference = r.Text();
    o.version = r.Int64();
    o.ombudsman_case = r.Text();
    o.ombudsman_reference = r.Text();
    o.type = r.Enumerator(core::ParseChfoType);
    o.ground = r.Enumerator(core::ParseChfoGround);
    o.description = r.Text();
    o.issued_on = r.Date();
    o.due_on = r.Date();
    o.outcome = r.Enumerator(core::ParseChfoOutcome);
    o.complied_on = r.OptionalDate();
    return o;
  }
  static std::vector<Reference> References(const core::FailureOrder& record) {
    return common::FailureOrderReferences(record);
  }
};

template <>
struct Versioned<core::LearningAction> {
  static constexpr std::string_view kName = "learning_actions";
  static constexpr std::string_view kWhat = "learning action";
  static constexpr std::string_view kPrefix = common::kLearningActionPrefix;
  static constexpr std::array<std::string_view, 12> kColumns = {
      "source", "ombudsman_case", "category", "root_cause", "lesson",   "action",
      "owner",  "raised_on",      "due_on",   "status",     "evidence", "completed_on"};
  static void Bind(Statement& s, const core::LearningAction& a) {
    s.BindAll(a.source, Code{a.ombudsman_case}, Code{a.category}, Code{a.root_cause}, a.lesson,
              a.action, a.owner, a.raised_on, a.due_on, a.status, a.evidence, a.completed_on);
  }
  static core::LearningAction Read(ColumnReader& r) {
    core::LearningAction a;
    a.id = r.Int64();
    a.reference = r.Text();
    a.version = r.Int64();
    a.source = r.Enumerator(core::ParseLearningSource);
    a.ombudsman_case = r.Text();
    a.category = r.Text();
    a.root_cause = r.Text();
    a.lesson = r.Text();
    a.action = r.Text();
    a.owner = r.Text();
    a.raised_on = r.Date();
    a.due_on = r.Date();
    a.status = r.Enumerator(core::ParseLearningStatus);
    a.evidence = r.Text();
    a.completed_on = r.OptionalDate();
    return a;
  }
  static std::vector<Reference> References(const core::LearningAction& record) {
    return common::LearningActionReferences(record);
  }
};

// The rows of a list that belongs to one parent row, kept in the list's order by `position`.
struct ChildTable {
  std::string_view name;
  std::string_view parent;  // the column holding the parent's key
};
inline constexpr ChildTable kCaseComplaints{"ombudsman_case_complaints", "case_id"};
inline constexpr ChildTable kCaseFindings{"ombudsman_findings", "case_id"};
inline constexpr ChildTable kCaseRemedies{"ombudsman_remedies", "case_id"};
inline constexpr ChildTable kActionComplaints{"learning_action_complaints", "action_id"};
inline constexpr ChildTable kAssessmentProvisions{"self_assessment_provisions", "financial_year"};

template <typename Item>
struct ChildColumns;

// A complaint named by its reference.
template <>
struct ChildColumns<std::string> {
  static constexpr std::array<std::string_view, 1> kColumns = {"complaint"};
  static void Bind(Statement& s, const std::string& reference) { s.Bind(reference); }
  static std::string Read(ColumnReader& r) { return r.Text(); }
};

template <>
struct ChildColumns<core::ElementFinding> {
  static constexpr std::array<std::string_view, 2> kColumns = {"element", "finding"};
  static void Bind(Statement& s, const core::ElementFinding& f) { s.BindAll(f.element, f.finding); }
  static core::ElementFinding Read(ColumnReader& r) {
    return {r.Text(), r.Enumerator(core::ParseHoFinding)};
  }
};

template <>
struct ChildColumns<core::OmbudsmanRemedy> {
  static constexpr std::array<std::string_view, 6> kColumns = {
      "kind", "type", "description", "due_on", "completed_on", "evidence"};
  static void Bind(Statement& s, const core::OmbudsmanRemedy& m) {
    s.BindAll(m.kind, m.type, m.description, m.due_on, m.completed_on, m.evidence);
  }
  static core::OmbudsmanRemedy Read(ColumnReader& r) {
    return {r.Enumerator(core::ParseRemedyKind),
            r.Enumerator(core::ParseOmbudsmanRemedyType),
            r.Text(),
            r.Date(),
            r.OptionalDate(),
            r.Text()};
  }
};

template <>
struct ChildColumns<core::ProvisionAssessment> {
  static constexpr std::array<std::string_view, 8> kColumns = {
      "provision", "section",    "requirement", "compliance",
      "evidence",  "commentary", "action",      "action_due_on"};
  static void Bind(Statement& s, const core::ProvisionAssessment& p) {
    s.BindAll(p.provision, p.section, p.requirement, p.compliance, p.evidence, p.commentary,
              p.action, p.action_due_on);
  }
  static core::ProvisionAssessment Read(ColumnReader& r) {
    core::ProvisionAssessment p;
    p.provision = r.Text();
    p.section = r.Text();
    p.requirement = r.Text();
    if (!r.NextIsNull()) {
      p.compliance = r.Enumerator(core::ParseCodeCompliance);
    } else {
      r.Skip(1);
    }
    p.evidence = r.Text();
    p.commentary = r.Text();
    p.action = r.Text();
    p.action_due_on = r.OptionalDate();
    return p;
  }
};

// Replaces the parent's rows of `table` with `items`, in order.
template <typename Item>
Status ReplaceChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                       const std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string remove_sql =
      "DELETE FROM " + std::string(table.name) + " WHERE " + std::string(table.parent) + " = ?";
  Result<Statement> remove = connection.Prepare(remove_sql);
  if (!remove) return Unexpected(remove.error());
  remove->Bind(parent);
  if (Status removed = remove->Run(); !removed) return removed;
  const std::string insert_sql = "INSERT INTO " + std::string(table.name) + " (" +
                                 std::string(table.parent) + ", position, " + Join(C::kColumns) +
                                 ") VALUES (" + Placeholders(C::kColumns.size() + 2) + ")";
  for (std::size_t i = 0; i < items.size(); ++i) {
    Result<Statement> insert = connection.Prepare(insert_sql);
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(parent, static_cast<std::int64_t>(i));
    C::Bind(*insert, items[i]);
    if (Status inserted = insert->Run(); !inserted) return inserted;
  }
  return {};
}

template <typename Item>
Status LoadChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                    std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string sql = "SELECT " + Join(C::kColumns) + " FROM " + std::string(table.name) +
                          " WHERE " + std::string(table.parent) + " = ? ORDER BY position";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(parent);
  Result<std::vector<Item>> rows = ReadAll(*statement, C::Read);
  if (!rows) return Unexpected(rows.error());
  items = std::move(*rows);
  return {};
}

inline Status SaveChildrenOf(Connection& connection, const core::OmbudsmanCase& c) {
  if (Status saved = ReplaceChildren(connection, kCaseComplaints, c.id, c.complaints); !saved)
    return saved;
  if (Status saved = ReplaceChildren(connection, kCaseFindings, c.id, c.findings); !saved)
    return saved;
  return ReplaceChildren(connection, kCaseRemedies, c.id, c.remedies);
}

inline Status SaveChildrenOf(Connection& /*connection*/, const core::FailureOrder&) { return {}; }

inline Status SaveChildrenOf(Connection& connection, const core::LearningAction& a) {
  return ReplaceChildren(connection, kActionComplaints, a.id, a.complaints);
}

inline Status LoadChildrenOf(Connection& connection, core::OmbudsmanCase& c) {
  if (Status loaded = LoadChildren(connection, kCaseComplaints, c.id, c.complaints); !loaded)
    return loaded;
  if (Status loaded = LoadChildren(connection, kCaseFindings, c.id, c.findings); !loaded)
    return loaded;
  return LoadChildren(connection, kCaseRemedies, c.id, c.remedies);
}

inline Status LoadChildrenOf(Connection& /*connection*/, core::FailureOrder&) { return {}; }

inline Status LoadChildrenOf(Connection& connection, core::LearningAction& a) {
  return LoadChildren(connection, kActionComplaints, a.id, a.complaints);
}

// Runs the INSERT or UPDATE `sql` bound by `bind`, sets the record's id, rewrites its children,
// and names an unknown reference when a foreign key fails.
template <typename Record, typename BindRow>
Status SaveVersioned(Connection& connection, const std::string& sql, Record& record,
                     RowChange change, BindRow bind) {
  using V = Versioned<Record>;
  Status saved = [&]() -> Status {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    bind(*statement);
    Result<std::int64_t> id =
        SavedRowId(connection, *statement, change, V::kName, record.reference, V::kWhat);
    if (!id) return Unexpected(id.error());
    record.id = *id;
    return SaveChildrenOf(connection, record);
  }();
  return NameUnknownReference(connection, std::move(saved), [&] { return V::References(record); });
}

template <typename Record>
Result<Record> InsertVersioned(Connection& connection, Record record, int year) {
  using V = Versioned<Record>;
  static const std::string sql = "INSERT INTO " + std::string(V::kName) + " (reference, version, " +
                                 Join(V::kColumns) + ") VALUES (" +
                                 Placeholders(V::kColumns.size() + 2) + ")";
  Result<std::string> reference = NextReference(connection, V::kPrefix, year);
  if (!reference) return Unexpected(reference.error());
  record.reference = std::move(*reference);
  record.version = kFirstVersion;
  Status saved =
      SaveVersioned(connection, sql, record, RowChange::kInsert, [&](Statement& statement) {
        statement.BindAll(record.reference, record.version);
        V::Bind(statement, record);
      });
  if (!saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
Result<Record> UpdateVersioned(Connection& connection, Record record,
                               std::int64_t expected_version) {
  using V = Versioned<Record>;
  static const std::string sql = [] {
    std::string text = "UPDATE " + std::string(V::kName) + " SET version = ?";
    for (std::string_view column : V::kColumns) text += ", " + std::string(column) + " = ?";
    return text + " WHERE reference = ? AND version = ?";
  }();
  record.version = expected_version + 1;
  Status saved =
      SaveVersioned(connection, sql, record, RowChange::kUpdate, [&](Statement& statement) {
        statement.Bind(record.version);
        V::Bind(statement, record);
        statement.BindAll(record.reference, expected_version);
      });
  if (!saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
const std::string& SelectVersionedSql() {
  using V = Versioned<Record>;
  static const std::string sql =
      "SELECT id, reference, version, " + Join(V::kColumns) + " FROM " + std::string(V::kName);
  return sql;
}

template <typename Record>
Result<Record> LoadVersioned(Connection& connection, std::string_view reference) {
  using V = Versioned<Record>;
  static const std::string sql = SelectVersionedSql<Record>() + " WHERE reference = ?";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  Result<Record> record =
      ReadOne(*statement, V::Read, "no " + std::string(V::kWhat) + " " + std::string(reference));
  if (!record) return record;
  if (Status loaded = LoadChildrenOf(connection, *record); !loaded)
    return Unexpected(loaded.error());
  return record;
}

// Every record, oldest first, or those whose id `filter_sql` (a "WHERE ..." with one parameter,
// bound to `value`) selects.
template <typename Record>
Result<std::vector<Record>> ListVersioned(Connection& connection,
                                          const std::string& filter_sql = "",
                                          std::string_view value = {}) {
  const std::string sql = SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  if (!filter_sql.empty()) statement->Bind(value);
  Result<std::vector<Record>> records = ReadAll(*statement, Versioned<Record>::Read);
  if (!records) return records;
  for (Record& record : *records) {
    if (Status loaded = LoadChildrenOf(connection, record); !loaded)
      return Unexpected(loaded.error());
  }
  return records;
}

}  // namespace redress::storage::sqlite
