#include "storage/postgres/retention_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/retention_rows.hpp"

namespace redress::storage::postgres {
namespace {

using common::kHoldColumns;
constexpr auto ReadHold = common::ReadHold<RowReader>;
constexpr auto ReadRun = common::ReadRun<RowReader>;

template <typename Read>
auto QueryAll(Connection& connection, std::string_view sql, Read read, const Params& params = {})
    -> Result<std::vector<decltype(read(std::declval<RowReader&>()))>> {
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(read);
}

Status Exec(Connection& connection, std::string_view sql, const Params& params) {
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return {};
}

}  // namespace

Result<std::vector<core::RetentionRule>> PostgresRetentionRepository::Rules() {
  return QueryAll(connection_, common::kRetentionRulesSql, common::ReadRetentionRule<RowReader>);
}

Status PostgresRetentionRepository::SaveRule(const core::RetentionRule& rule,
                                             std::string_view changed_by,
                                             std::string_view changed_at) {
  return Exec(connection_,
              "INSERT INTO retention_rules (record_type, regime, years, changed_by, changed_at) "
              "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_type, regime) DO UPDATE SET "
              "years = excluded.years, changed_by = excluded.changed_by, "
              "changed_at = excluded.changed_at",
              Params().BindAll(core::ToString(rule.record), common::StoredRuleRegime(rule),
                               rule.years_after_closure, changed_by, changed_at));
}

Result<std::vector<app::RetentionHoldRecord>> PostgresRetentionRepository::HoldsOf(
    std::string_view reference) {
  static const std::string sql = "SELECT " + std::string(kHoldColumns) +
                                 " FROM retention_holds WHERE reference = $1 ORDER BY id";
  return QueryAll(connection_, sql, ReadHold, Params().Bind(reference));
}

Result<std::optional<app::RetentionHoldRecord>> PostgresRetentionRepository::Hold(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(kHoldColumns) + " FROM retention_holds WHERE id = $1";
  auto rows = QueryAll(connection_, sql, ReadHold, Params().Bind(id));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::RetentionHoldRecord>();
  return std::optional<app::RetentionHoldRecord>(std::move(rows->front()));
}

Result<std::int64_t> PostgresRetentionRepository::AddHold(const app::RetentionHoldRecord& hold) {
  Result<Rows> rows = connection_.Query(
      "INSERT INTO retention_holds (reference, kind, reason, placed_by, placed_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      Params().BindAll(hold.reference, core::ToString(hold.kind), hold.reason, hold.placed_by,
                       hold.placed_at));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
}

Status PostgresRetentionRepository::ReleaseHold(const app::RetentionHoldRecord& hold) {
  Result<Rows> rows = connection_.Query(
      "UPDATE retention_holds SET released_by = $1, released_at = $2, release_reason = $3 "
      "WHERE id = $4 AND released_at = ''",
      Params().BindAll(hold.released_by, hold.released_at, hold.release_reason, hold.id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kNotFound, "hold " + std::to_string(hold.id) + " is not in force");
  }
  return {};
}

Result<app::RetentionSnapshot> PostgresRetentionRepository::Snapshot() {
  return common::ReadRetentionSnapshot<RowReader>(
      [this](std::string_view sql, auto read) { return QueryAll(connection_, sql, read); });
}

Result<std::int64_t> PostgresRetentionRepository::AddRun(
    const app::DisposalRunRecord& run, const std::vector<app::DisposalRunItem>& items) {
  Result<Rows> rows = connection_.Query(
      "INSERT INTO disposal_runs (version, state, as_of, created_by, created_at, to_dispose, "
      "kept) VALUES (1, $1, $2, $3, $4, $5, $6) RETURNING id",
      Params().BindAll(core::ToString(run.state), run.as_of, run.created_by, run.created_at,
                       run.to_dispose, run.kept));
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return id;
  for (const app::DisposalRunItem& item : items) {
    if (Status done = Exec(
            connection_,
            "INSERT INTO disposal_run_items (run_id, record_type, reference, verdict, "
            "disposable_from, kept_because) VALUES ($1, $2, $3, $4, $5, $6)",
            Params().BindAll(*id, core::ToString(item.decision.record), item.decision.reference,
                             core::ToString(item.decision.verdict), item.decision.disposable_from,
                             common::KeptBecauseJson(item.decision.kept_because)));
        !done) {
      return Unexpected(done.error());
    }
  }
  return id;
}

Result<std::optional<app::DisposalRunRecord>> PostgresRetentionRepository::Run(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(common::kDisposalRunColumns) + " FROM disposal_runs WHERE id = $1";
  auto rows = QueryAll(connection_, sql, ReadRun, Params().Bind(id));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::DisposalRunRecord>();
  return std::optional<app::DisposalRunRecord>(std::move(rows->front()));
}

Result<std::vector<app::DisposalRunRecord>> PostgresRetentionRepository::Runs() {
  static const std::string sql =
      "SELECT " + std::string(common::kDisposalRunColumns) + " FROM disposal_runs ORDER BY id DESC";
  return QueryAll(connection_, sql, ReadRun);
}

Result<std::vector<app::DisposalRunItem>> PostgresRetentionRepository::Items(std::int64_t run_id) {
  return QueryAll(
      connection_,
      "SELECT record_type, reference, verdict, disposable_from, kept_because, disposed_at, "
      "kept_at_run FROM disposal_run_items WHERE run_id = $1 ORDER BY reference",
      [](RowReader& r) {
        app::DisposalRunItem item;
        item.decision.record = r.Enumerator(core::ParseRetainedRecord);
        item.decision.reference = r.Text();
        item.decision.verdict =
            r.Text() == "dispose" ? core::DisposalVerdict::kDispose : core::DisposalVerdict::kKeep;
        item.decision.disposable_from = r.OptionalDate();
        item.decision.kept_because = common::ReadKeptBecause(r.Text());
        item.disposed_at = r.Text();
        item.kept_at_run = common::ReadKeptBecause(r.Text());
        return item;
      },
      Params().Bind(run_id));
}

Status PostgresRetentionRepository::UpdateRun(const app::DisposalRunRecord& run) {
  Result<Rows> rows = connection_.Query(
      "UPDATE disposal_runs SET version = version + 1, state = $1, approved_by = $2, "
      "approved_at = $3, finished_by = $4, finished_at = $5, disposed = $6, kept = $7 "
      "WHERE id = $8 AND version = $9",
      Params().BindAll(core::ToString(run.state), run.approved_by, run.approved_at, run.finished_by,
                       run.finished_at, run.disposed, run.kept, run.id, run.version));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kConflict,
                "disposal run " + std::to_string(run.id) + " was changed by someone else");
  }
  return {};
}

Status PostgresRetentionRepository::UpdateItem(std::int64_t run_id,
                                               const app::DisposalRunItem& item) {
  Result<Rows> rows = connection_.Query(
      "UPDATE disposal_run_items SET disposed_at = $1, kept_at_run = $2 "
      "WHERE run_id = $3 AND reference = $4",
      Params().BindAll(item.disposed_at, common::KeptBecauseJson(item.kept_at_run), run_id,
                       item.decision.reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) return Fail(ErrorCode::kNotFound, "no such item");
  return {};
}

Result<app::DisposedComplaint> PostgresRetentionRepository::DisposeOfComplaint(
    std::string_view reference, std::int64_t run_id, std::string_view at) {
  Result<Rows> found_rows = connection_.Query(
      "SELECT id, coalesce(service_request_reference, '') FROM complaints WHERE reference = $1",
      Params().Bind(reference));
  if (!found_rows) return Unexpected(found_rows.error());
  auto found = found_rows->ReadOne(
      [](RowReader& r) {
        const std::int64_t id = r.Int64();
        return std::pair{id, r.Text()};
      },
      "complaint " + std::string(reference) + " does not exist");
  if (!found) return Unexpected(found.error());
  const auto& [id, service_request] = *found;

  static const std::vector<std::string> statements = [] {
    std::vector<std::string> all =
        common::DisposalStatements([](int n) { return "$" + std::to_string(n); });
    // The superseded responses' lists keep their types, amounts and root causes.
    all.push_back(
        "UPDATE stage_earlier_responses SET " + common::DisposedLearning("learning") +
        ", "
        "remedies = (SELECT coalesce(json_agg(jsonb_set(value, '{description}', '\"\"')), "
        "'[]'::json)::text FROM jsonb_array_elements(remedies::jsonb)), "
        "actions = (SELECT coalesce(json_agg(jsonb_set(value, '{description}', '\"\"')), "
        "'[]'::json)::text FROM jsonb_array_elements(actions::jsonb)) WHERE complaint_id = $1");
    all.push_back(
        "UPDATE letters SET recipient_name = '', recipient_email = '', recipient_address = '', "
        "text = '', html = '', pdf = ''::bytea WHERE complaint_id = $1");
    return all;
  }();
  for (const std::string& sql : statements) {
    if (Status done = Exec(connection_, sql, Params().Bind(id)); !done) {
      return Unexpected(done.error());
    }
  }

  // The attached files of the case and of its service request.
  std::vector<std::string> files;
  for (const auto& [attached_to, owner] :
       {std::pair<std::string_view, std::string_view>{"complaint", reference},
        std::pair<std::string_view, std::string_view>{"service_request", service_request}}) {
    if (owner.empty()) continue;
    if (Status done = DisposeOfAttachments(attached_to, owner, at, files); !done) {
      return Unexpected(done.error());
    }
  }

  if (Status done = Exec(connection_,
                         "INSERT INTO disposed_complaints (reference, run_id, disposed_at) "
                         "VALUES ($1, $2, $3)",
                         Params().BindAll(reference, run_id, at));
      !done) {
    return Unexpected(done.error());
  }
  return app::DisposedComplaint{std::move(files), service_request};
}

Status PostgresRetentionRepository::DisposeOfAttachments(std::string_view attached_to,
                                                         std::string_view owner,
                                                         std::string_view at,
                                                         std::vector<std::string>& files) {
  static const auto statements =
      common::DisposedAttachmentStatements([](int n) { return "$" + std::to_string(n); });
  auto found = QueryAll(
      connection_, statements.first, [](RowReader& r) { return r.Text(); },
      Params().BindAll(attached_to, owner));
  if (!found) return Unexpected(found.error());
  files.insert(files.end(), found->begin(), found->end());
  return Exec(connection_, statements.second,
              Params().BindAll(common::kDisposedFileName, at, common::kDisposedRemovalReason,
                               attached_to, owner));
}

Status PostgresRetentionRepository::RunDisposal(const std::vector<std::string>& statements,
                                                std::string_view reference, std::int64_t run_id,
                                                std::string_view at, std::string_view missing) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Params params = i + 1 == statements.size() ? Params().BindAll(reference, run_id, at)
                                                     : Params().Bind(reference);
    Result<Rows> rows = connection_.Query(statements[i], params);
    if (!rows) return Unexpected(rows.error());
    if (i == 0 && rows->Affected() == 0) return Fail(ErrorCode::kNotFound, std::string(missing));
  }
  return {};
}

Result<std::vector<std::string>> PostgresRetentionRepository::DisposeOfServiceRequest(
    std::string_view reference, std::int64_t run_id, std::string_view at) {
  static const std::vector<std::string> statements =
      common::ServiceRequestDisposalStatements([](int n) { return "$" + std::to_string(n); });
  if (Status done = RunDisposal(
          statements, reference, run_id, at,
          "service request " + std::string(reference) + " does not exist or became a complaint");
      !done) {
    return Unexpected(done.error());
  }
  std::vector<std::string> files;
  if (Status done = DisposeOfAttachments("service_request", reference, at, files); !done) {
    return Unexpected(done.error());
  }
  return files;
}

Status PostgresRetentionRepository::DisposeOfSubjectAccessRequest(std::string_view reference,
                                                                  std::int64_t run_id,
                                                                  std::string_view at) {
  static const std::vector<std::string> statements =
      common::SubjectAccessDisposalStatements([](int n) { return "$" + std::to_string(n); });
  return RunDisposal(statements, reference, run_id, at,
                     "subject access request " + std::string(reference) + " does not exist");
}

Status PostgresRetentionRepository::RedactNote(std::string_view reference, std::int64_t note_id,
                                               std::string_view text) {
  Result<Rows> rows = connection_.Query(
      "UPDATE complaint_notes SET text = $1 WHERE id = $2 AND complaint_id = "
      "(SELECT id FROM complaints WHERE reference = $3)",
      Params().BindAll(text, note_id, reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kNotFound,
                "complaint " + std::string(reference) + " has no note " + std::to_string(note_id));
  }
  return {};
}

Result<std::pair<std::string, std::string>> PostgresRetentionRepository::RedactAttachment(
    std::string_view reference, std::int64_t id, std::string_view name, std::string_view by,
    std::string_view at, std::string_view reason) {
  Result<Rows> found_rows = connection_.Query(
      "SELECT sha256, name FROM attachments WHERE id = $1 AND attached_to = 'complaint' "
      "AND reference = $2",
      Params().BindAll(id, reference));
  if (!found_rows) return Unexpected(found_rows.error());
  auto found = found_rows->ReadOne(
      [](RowReader& r) {
        std::string sha256 = r.Text();
        return std::pair{std::move(sha256), r.Text()};
      },
      "complaint " + std::string(reference) + " has no attachment " + std::to_string(id));
  if (!found) return found;
  if (Status done = Exec(connection_,
                         "UPDATE attachments SET name = $1, description = '', "
                         "removed_by = coalesce(removed_by, $2), "
                         "removed_at = coalesce(removed_at, $3), removal_reason = $4 WHERE id = $5",
                         Params().BindAll(name, by, at, reason, id));
      !done) {
    return Unexpected(done.error());
  }
  return found;
}

Result<std::optional<std::string>> PostgresRetentionRepository::DisposedAt(
    std::string_view reference) {
  auto rows = QueryAll(
      connection_, "SELECT disposed_at FROM disposed_complaints WHERE reference = $1",
      [](RowReader& r) { return r.Text(); }, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(rows->front()));
}

}  // namespace redress::storage::postgres
