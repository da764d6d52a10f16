#pragma once

// The versioned records with a reference (Ombudsman cases, failure orders, learning actions) and
// the child lists of those and of the self-assessment, as every engine stores them: the table, the
// columns, the prefix of the reference, the references each record holds, and the binding and
// reading of a row, written once as templates over an engine's binder (`BindAll`) and row reader
// (the SQLite ColumnReader's interface). `Code` is the engine's wrapper of an optional code
// (bound as NULL when empty). Each engine runs the SQL itself (its versioned_tables.hpp).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "core/result.hpp"
#include "storage/common/record_references.hpp"
#include "storage/common/references.hpp"

namespace redress::storage::common {

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
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::OmbudsmanCase& c) {
    s.BindAll(c.ombudsman, c.ombudsman_reference, c.summary, c.referred_on, c.enquiry_received_on,
              c.information_due_on, c.information_sent_on, c.draft_decision_on, c.final_decision_on,
              c.lgsco_decision, c.satisfactory_remedy_by_council);
  }
  template <typename Reader>
  static core::OmbudsmanCase Read(Reader& r) {
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
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::FailureOrder& o) {
    s.BindAll(Code{o.ombudsman_case}, o.ombudsman_reference, o.type, o.ground, o.description,
              o.issued_on, o.due_on, o.outcome, o.complied_on);
  }
  template <typename Reader>
  static core::FailureOrder Read(Reader& r) {
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
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::LearningAction& a) {
    s.BindAll(a.source, Code{a.ombudsman_case}, Code{a.category}, Code{a.root_cause}, a.lesson,
              a.action, a.owner, a.raised_on, a.due_on, a.status, a.evidence, a.completed_on);
  }
  template <typename Reader>
  static core::LearningAction Read(Reader& r) {
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

// Calls `visit(table, items)` for each child list `record` holds (none for a failure order), in
// the order they are saved and loaded, stopping at the first failure; so that an engine names a
// record's lists once. `Record` may be const, for saving.
template <typename Record, typename Visit>
core::Status ForEachChildList(Record& record, Visit&& visit) {
  using Plain = std::remove_const_t<Record>;
  if constexpr (std::is_same_v<Plain, core::OmbudsmanCase>) {
    if (core::Status s = visit(kCaseComplaints, record.complaints); !s) return s;
    if (core::Status s = visit(kCaseFindings, record.findings); !s) return s;
    return visit(kCaseRemedies, record.remedies);
  } else if constexpr (std::is_same_v<Plain, core::LearningAction>) {
    return visit(kActionComplaints, record.complaints);
  } else {
    return {};
  }
}
// Rewrites and reads every child list of `record` with the engine's ReplaceChildren and
// LoadChildren, which are found beside the engine's `Connection` (argument-dependent lookup).
template <typename Connection, typename Record>
core::Status SaveChildrenOf(Connection& connection, const Record& record) {
  return ForEachChildList(record, [&](const ChildTable& table, const auto& items) {
    return ReplaceChildren(connection, table, record.id, items);
  });
}
template <typename Connection, typename Record>
core::Status LoadChildrenOf(Connection& connection, Record& record) {
  return ForEachChildList(record, [&](const ChildTable& table, auto& items) {
    return LoadChildren(connection, table, record.id, items);
  });
}
inline constexpr ChildTable kAssessmentProvisions{"self_assessment_provisions", "financial_year"};

template <typename Item>
struct ChildColumns;

// A complaint named by its reference.
template <>
struct ChildColumns<std::string> {
  static constexpr std::array<std::string_view, 1> kColumns = {"complaint"};
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const std::string& reference) {
    s.Bind(reference);
  }
  template <typename Reader>
  static std::string Read(Reader& r) {
    return r.Text();
  }
};

template <>
struct ChildColumns<core::ElementFinding> {
  static constexpr std::array<std::string_view, 2> kColumns = {"element", "finding"};
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::ElementFinding& f) {
    s.BindAll(f.element, f.finding);
  }
  template <typename Reader>
  static core::ElementFinding Read(Reader& r) {
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
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::OmbudsmanRemedy& m) {
    s.BindAll(m.kind, m.type, m.description, m.due_on, m.completed_on, m.evidence);
  }
  template <typename Reader>
  static core::OmbudsmanRemedy Read(Reader& r) {
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
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::ProvisionAssessment& p) {
    s.BindAll(p.provision, p.section, p.requirement, p.compliance, p.evidence, p.commentary,
              p.action, p.action_due_on);
  }
  template <typename Reader>
  static core::ProvisionAssessment Read(Reader& r) {
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

// The SQL text of the versioned tables and their child lists, written once for both engines;
// `marker(n)` is the engine's n-th parameter ("?" on SQLite, "$n" on PostgreSQL).

// `columns` as "a, b, c".
inline std::string ColumnList(std::span<const std::string_view> columns) {
  std::string text;
  for (std::string_view column : columns) {
    if (!text.empty()) text += ", ";
    text += column;
  }
  return text;
}

// An UPDATE's SET list of `columns`, "a = m(first), b = m(first+1), ...".
template <typename Marker>
std::string AssignmentList(std::span<const std::string_view> columns, Marker marker, int first) {
  std::string text;
  for (std::string_view column : columns) {
    if (!text.empty()) text += ", ";
    text += std::string(column) + " = " + marker(first++);
  }
  return text;
}

// "m(first), m(first+1), ..." for `count` parameters.
template <typename Marker>
std::string MarkerList(Marker marker, int count, int first = 1) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i > 0) text += ", ";
    text += marker(first + i);
  }
  return text;
}

// Every row of the record's table; callers append their WHERE and ORDER BY.
template <typename Record>
std::string SelectVersionedSql() {
  using V = Versioned<Record>;
  return "SELECT id, reference, version, " + ColumnList(V::kColumns) + " FROM " +
         std::string(V::kName);
}

// The first version of a record: reference, version, then kColumns.
template <typename Record, typename Marker>
std::string InsertVersionedSql(Marker marker) {
  using V = Versioned<Record>;
  return "INSERT INTO " + std::string(V::kName) + " (reference, version, " +
         ColumnList(V::kColumns) + ") VALUES (" +
         MarkerList(marker, static_cast<int>(V::kColumns.size()) + 2) + ")";
}

// A record's next version, guarded by the version the caller loaded: the new version, kColumns,
// then the reference and the expected version.
template <typename Record, typename Marker>
std::string UpdateVersionedSql(Marker marker) {
  using V = Versioned<Record>;
  const int next = static_cast<int>(V::kColumns.size()) + 2;
  return "UPDATE " + std::string(V::kName) + " SET version = " + marker(1) + ", " +
         AssignmentList(V::kColumns, marker, 2) + " WHERE reference = " + marker(next) +
         " AND version = " + marker(next + 1);
}

template <typename Marker>
std::string DeleteChildrenSql(const ChildTable& table, Marker marker) {
  return "DELETE FROM " + std::string(table.name) + " WHERE " + std::string(table.parent) + " = " +
         marker(1);
}

// The INSERT of `rows` child rows at once, each the parent, its position, then kColumns.
template <typename Item, typename Marker>
std::string InsertChildrenSql(const ChildTable& table, std::size_t rows, Marker marker) {
  using C = ChildColumns<Item>;
  constexpr int kWidth = static_cast<int>(C::kColumns.size()) + 2;
  std::string sql = "INSERT INTO " + std::string(table.name) + " (" + std::string(table.parent) +
                    ", position, " + ColumnList(C::kColumns) + ") VALUES ";
  for (std::size_t i = 0; i < rows; ++i) {
    if (i > 0) sql += ", ";
    sql += "(" + MarkerList(marker, kWidth, static_cast<int>(i) * kWidth + 1) + ")";
  }
  return sql;
}

template <typename Item, typename Marker>
std::string SelectChildrenSql(const ChildTable& table, Marker marker) {
  return "SELECT " + ColumnList(ChildColumns<Item>::kColumns) + " FROM " + std::string(table.name) +
         " WHERE " + std::string(table.parent) + " = " + marker(1) + " ORDER BY position";
}

// The self-assessment of a financial year: one versioned row a year, its provisions the child list
// kAssessmentProvisions. Callers append the year's parameter marker to the select.
inline constexpr std::string_view kSelfAssessmentSelect =
    "SELECT version, approved_on, meeting, minute_reference, response FROM self_assessments "
    "WHERE financial_year = ";

// Reads kSelfAssessmentSelect's columns; an approval is known by its date.
template <typename Reader>
core::SelfAssessment ReadSelfAssessment(Reader& r, int year) {
  core::SelfAssessment assessment;
  assessment.year = year;
  assessment.version = r.Int64();
  std::optional<core::Date> approved_on = r.OptionalDate();
  std::string meeting = r.Text();
  std::string minute_reference = r.Text();
  std::string response = r.Text();
  if (approved_on) {
    assessment.approval = core::GoverningBodyApproval{
        *approved_on, std::move(meeting), std::move(minute_reference), std::move(response)};
  }
  return assessment;
}

// The save of a self-assessment: the UPDATE guarded by the version the caller loaded, or the first
// INSERT. `marker(n)` is the engine's n-th parameter; BindSelfAssessment binds the first six.
template <typename Marker>
std::string SelfAssessmentSaveSql(bool updating, Marker marker) {
  if (updating) {
    return "UPDATE self_assessments SET version = " + marker(1) + ", approved_on = " + marker(2) +
           ", meeting = " + marker(3) + ", minute_reference = " + marker(4) +
           ", response = " + marker(5) + " WHERE financial_year = " + marker(6) +
           " AND version = " + marker(7);
  }
  return "INSERT INTO self_assessments (version, approved_on, meeting, minute_reference, "
         "response, financial_year) VALUES (" +
         marker(1) + ", " + marker(2) + ", " + marker(3) + ", " + marker(4) + ", " + marker(5) +
         ", " + marker(6) + ")";
}

// Binds the version, the approval (null when the governing body has not approved) and the year.
template <typename Binder>
void BindSelfAssessment(Binder& b, const core::SelfAssessment& assessment) {
  b.Bind(assessment.version);
  if (const std::optional<core::GoverningBodyApproval>& approval = assessment.approval) {
    b.BindAll(approval->approved_on, approval->meeting, approval->minute_reference,
              approval->response);
  } else {
    b.BindNulls(4);
  }
  b.Bind(assessment.year);
}

// The answer when the guarded UPDATE touched no row: someone saved the year's assessment since.
inline tl::unexpected<core::Error> StaleSelfAssessment(int year) {
  return core::Fail(
      core::ErrorCode::kStaleVersion,
      "the self-assessment of " + std::to_string(year) + " changed since you loaded it");
}

}  // namespace redress::storage::common
