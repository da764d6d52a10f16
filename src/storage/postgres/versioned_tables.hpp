#pragma once

// The versioned records with a reference (Ombudsman cases, failure orders, learning actions) and
// the child lists of those and of the self-assessment, on PostgreSQL: their tables, and insert,
// update, load and list written once for all of them. Internal to the PostgreSQL adapter; the
// tables and columns are the SQLite adapter's (sqlite/versioned_tables.hpp).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "storage/common/record_references.hpp"
#include "storage/common/references.hpp"
#include "storage/postgres/references.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {

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
  static void Bind(Params& s, const core::OmbudsmanCase& c) {
    s.BindAll(c.ombudsman, c.ombudsman_reference, c.summary, c.referred_on, c.enquiry_received_on,
              c.information_due_on, c.information_sent_on, c.draft_decision_on, c.final_decision_on,
              c.lgsco_decision, c.satisfactory_remedy_by_council);
  }
  static core::OmbudsmanCase Read(RowReader& r) {
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
  static void Bind(Params& s, const core::FailureOrder& o) {
    s.BindAll(Code{o.ombudsman_case}, o.ombudsman_reference, o.type, o.ground, o.description,
              o.issued_on, o.due_on, o.outcome, o.complied_on);
  }
  static core::FailureOrder Read(RowReader& r) {
    core::FailureOrder o;
    o.id = r.Int64();
    o.reference = r.Text();
    o.version = r.Int64();
    o.ombudsman_case = r.Text();  // "" from NULL
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
  static void Bind(Params& s, const core::LearningAction& a) {
    s.BindAll(a.source, Code{a.ombudsman_case}, Code{a.category}, Code{a.root_cause}, a.lesson,
              a.action, a.owner, a.raised_on, a.due_on, a.status, a.evidence, a.completed_on);
  }
  static core::LearningAction Read(RowReader& r) {
    core::LearningAction a;
    a.id = r.Int64();
    a.reference = r.Text();
    a.version = r.Int64();
    a.source = r.Enumerator(core::ParseLearningSource);
    a.ombudsman_case = r.Text();  // "" from NULL
    a.category = r.Text();        // "" from NULL
    a.root_cause = r.Text();      // "" from NULL
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
  static void Bind(Params& s, const std::string& reference) { s.Bind(reference); }
  static std::string Read(RowReader& r) { return r.Text(); }
};

template <>
struct ChildColumns<core::ElementFinding> {
  static constexpr std::array<std::string_view, 2> kColumns = {"element", "finding"};
  static void Bind(Params& s, const core::ElementFinding& f) { s.BindAll(f.element, f.finding); }
  static core::ElementFinding Read(RowReader& r) {
    core::ElementFinding f;
    f.element = r.Text();
    f.finding = r.Enumerator(core::ParseHoFinding);
    return f;
  }
};

template <>
struct ChildColumns<core::OmbudsmanRemedy> {
  static constexpr std::array<std::string_view, 6> kColumns = {
      "kind", "type", "description", "due_on", "completed_on", "evidence"};
  static void Bind(Params& s, const core::OmbudsmanRemedy& m) {
    s.BindAll(m.kind, m.type, m.description, m.due_on, m.completed_on, m.evidence);
  }
  static core::OmbudsmanRemedy Read(RowReader& r) {
    core::OmbudsmanRemedy m;
    m.kind = r.Enumerator(core::ParseRemedyKind);
    m.type = r.Enumerator(core::ParseOmbudsmanRemedyType);
    m.description = r.Text();
    m.due_on = r.Date();
    m.completed_on = r.OptionalDate();
    m.evidence = r.Text();
    return m;
  }
};

template <>
struct ChildColumns<core::ProvisionAssessment> {
  static constexpr std::array<std::string_view, 8> kColumns = {
      "provision", "section",    "requirement", "compliance",
      "evidence",  "commentary", "action",      "action_due_on"};
  static void Bind(Params& s, const core::ProvisionAssessment& p) {
    s.BindAll(p.provision, p.section, p.requirement, p.compliance, p.evidence, p.commentary,
              p.action, p.action_due_on);
  }
  static core::ProvisionAssessment Read(RowReader& r) {
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

// Replaces the parent's rows of `table` with `items`, in order: one DELETE and one INSERT of
// every row.
template <typename Item>
Status ReplaceChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                       const std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  if (Status removed = connection.Run("DELETE FROM " + std::string(table.name) + " WHERE " +
                                          std::string(table.parent) + " = $1",
                                      Params().Bind(parent));
      !removed) {
    return removed;
  }
  if (items.empty()) return {};
  constexpr std::size_t kWidth = C::kColumns.size() + 2;
  std::string sql = "INSERT INTO " + std::string(table.name) + " (" + std::string(table.parent) +
                    ", position, " + JoinColumns(C::kColumns) + ") VALUES ";
  Params params;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += "(" + ParameterList(kWidth, i * kWidth + 1) + ")";
    params.BindAll(parent, static_cast<std::int64_t>(i));
    C::Bind(params, items[i]);
  }
  return connection.Run(sql, params);
}

template <typename Item>
Status LoadChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                    std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string sql = "SELECT " + JoinColumns(C::kColumns) + " FROM " +
                          std::string(table.name) + " WHERE " + std::string(table.parent) +
                          " = $1 ORDER BY position";
  Result<Rows> rows = connection.Query(sql, Params().Bind(parent));
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<Item>> read = rows->ReadAll(C::Read);
  if (!read) return Unexpected(read.error());
  items = std::move(*read);
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

template <typename Record>
Result<Record> InsertVersioned(Connection& connection, Record record, int year) {
  using V = Versioned<Record>;
  static const std::string sql = "INSERT INTO " + std::string(V::kName) + " (reference, version, " +
                                 JoinColumns(V::kColumns) + ") VALUES (" +
                                 ParameterList(V::kColumns.size() + 2) + ") RETURNING id";
  if (Status known = CheckReferences(connection, V::References(record)); !known) {
    return Unexpected(known.error());
  }
  Result<std::string> reference = NextReference(connection, V::kPrefix, year);
  if (!reference) return Unexpected(reference.error());
  record.reference = std::move(*reference);
  record.version = kFirstVersion;
  Params params;
  params.BindAll(record.reference, record.version);
  V::Bind(params, record);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  record.id = *id;
  if (Status saved = SaveChildrenOf(connection, record); !saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
Result<Record> UpdateVersioned(Connection& connection, Record record,
                               std::int64_t expected_version) {
  using V = Versioned<Record>;
  static const std::string sql = [] {
    std::string text = "UPDATE " + std::string(V::kName) + " SET version = $1";
    std::size_t next = 2;
    for (std::string_view column : V::kColumns) {
      text += ", " + std::string(column) + " = $" + std::to_string(next++);
    }
    return text + " WHERE reference = $" + std::to_string(next) + " AND version = $" +
           std::to_string(next + 1) + " RETURNING id";
  }();
  if (Status known = CheckReferences(connection, V::References(record)); !known) {
    return Unexpected(known.error());
  }
  record.version = expected_version + 1;
  Params params;
  params.Bind(record.version);
  V::Bind(params, record);
  params.BindAll(record.reference, expected_version);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    Status mismatch = VersionMismatch(connection, V::kName, record.reference, V::kWhat);
    return Unexpected(mismatch.error());
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  record.id = *id;
  if (Status saved = SaveChildrenOf(connection, record); !saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
const std::string& SelectVersionedSql() {
  using V = Versioned<Record>;
  static const std::string sql = "SELECT id, reference, version, " + JoinColumns(V::kColumns) +
                                 " FROM " + std::string(V::kName);
  return sql;
}

template <typename Record>
Result<Record> LoadVersioned(Connection& connection, std::string_view reference) {
  using V = Versioned<Record>;
  static const std::string sql = SelectVersionedSql<Record>() + " WHERE reference = $1";
  Result<Rows> rows = connection.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  Result<Record> record =
      rows->ReadOne(V::Read, "no " + std::string(V::kWhat) + " " + std::string(reference));
  if (!record) return record;
  if (Status loaded = LoadChildrenOf(connection, *record); !loaded)
    return Unexpected(loaded.error());
  return record;
}

// Every record, oldest first, or those whose id `filter_sql` (a "WHERE ..." with the one
// parameter $1, bound to `value`) selects.
template <typename Record>
Result<std::vector<Record>> ListVersioned(Connection& connection,
                                          const std::string& filter_sql = "",
                                          std::string_view value = {}) {
  const std::string sql = SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
  Params params;
  if (!filter_sql.empty()) params.Bind(value);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<Record>> records = rows->ReadAll(Versioned<Record>::Read);
  if (!records) return records;
  for (Record& record : *records) {
    if (Status loaded = LoadChildrenOf(connection, record); !loaded)
      return Unexpected(loaded.error());
  }
  return records;
}

}  // namespace redress::storage::postgres
