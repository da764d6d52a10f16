#pragma once

// The report projection (report/records.hpp) read from the tables every engine shares, written
// once: a ReportReader merges scans that are all in complaint id order (the complaints, then the
// stage tables by their primary keys), so each row is read once, nothing is sorted and nothing
// is kept per complaint.
//
// An engine supplies the rows (`Engine`):
//   using Source = ...;  // Result<bool> Step(); a reader of the current row from Columns(),
//                        // with the SQLite ColumnReader's interface (Int64, View, Date, ...)
//   Result<Source> Open(std::string_view sql);      // a scan with no parameters
//   Result<Source> OpenComplaints(core::Date to);   // id, regime, service_area, category,
//                                                   // received_on, status, refusal_decided_on,
//                                                   // refusal_reason, withdrawn_on of every
//                                                   // complaint received on or before `to`, by id
//   Result<Source> OpenServiceRequests(core::Date from, core::Date to);  // received_on,
//                                                   // service_area ('' when none), converted
// The scans' SQL is the same on every engine: each engine's own statements are those three.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "report/records.hpp"

namespace redress::storage::common {

using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;

inline tl::unexpected<core::Error> Unexpected(core::Error error) {
  return tl::unexpected<core::Error>(std::move(error));
}

// The JSON lists of a superseded response (stage_earlier_responses' root_causes, remedies and
// actions), appended to the buffers; kStorage for an unknown remedy type.
Status ParseResponseLists(std::string_view causes, std::string_view remedies,
                          std::string_view actions, std::vector<std::string>& cause_texts,
                          std::vector<report::RemedyRecord>& remedy_buffer,
                          std::vector<report::ActionRecord>& action_buffer);

// A scan of rows keyed by complaint id, or by (complaint id, stage number), one row ahead: the
// reader takes the rows of a key while the scan is at it.
enum class ScanKey { kComplaint, kComplaintAndStage };

template <typename Source>
class KeyedScan {
 public:
  using Key = ScanKey;
  using Reader = decltype(std::declval<const Source&>().Columns());

  KeyedScan(Source statement, Key key) : statement_(std::move(statement)), key_(key) {}

  Status Advance() {
    Result<bool> row = statement_.Step();
    if (!row) return Unexpected(row.error());
    has_row_ = *row;
    if (has_row_) {
      Reader r = statement_.Columns();
      id_ = r.Int64();
      stage_ = key_ == Key::kComplaintAndStage ? r.Int() : 0;
    }
    return {};
  }

  // Whether the scan is at a row of complaint `id` (and stage `stage`, for a stage key). Rows of
  // earlier keys are skipped first: rows of no complaint, which the foreign keys prevent.
  Result<bool> At(std::int64_t id, int stage = 0) {
    while (has_row_ && std::pair(id_, stage_) < std::pair(id, stage)) {
      if (Status advanced = Advance(); !advanced) return Unexpected(advanced.error());
    }
    return has_row_ && id_ == id && (key_ == Key::kComplaint || stage_ == stage);
  }
  // Whether the scan is at any row of complaint `id` (a stage scan's next stage of it).
  Result<bool> AtComplaint(std::int64_t id) {
    while (has_row_ && id_ < id) {
      if (Status advanced = Advance(); !advanced) return Unexpected(advanced.error());
    }
    return has_row_ && id_ == id;
  }

  int stage() const { return stage_; }

  // The columns of the current row after its key.
  Reader Columns() const {
    Reader r = statement_.Columns();
    r.Skip(key_ == Key::kComplaintAndStage ? 2 : 1);
    return r;
  }

 private:
  Source statement_;
  Key key_;
  bool has_row_ = false;
  std::int64_t id_ = 0;
  int stage_ = 0;
};

// An enum read from its text without copying it; an unknown name is a malformed value.
template <typename Enum>
Result<Enum> ParseColumn(std::string_view text, std::optional<Enum> (*parse)(std::string_view),
                         std::string_view column) {
  std::optional<Enum> value = parse(text);
  if (!value) {
    return Fail(ErrorCode::kStorage,
                "malformed value '" + std::string(text) + "' in column " + std::string(column));
  }
  return *value;
}

template <typename Engine>
class ReportReader {
 public:
  using Source = typename Engine::Source;
  using Reader = typename KeyedScan<Source>::Reader;

  ReportReader(Engine& engine, const report::RecordWindow& window, report::RecordSink& sink)
      : engine_(engine), window_(window), sink_(sink) {}

  Status Run() {
    if (Status opened = OpenScans(); !opened) return opened;
    Result<Source> complaints = engine_.OpenComplaints(window_.to);
    if (!complaints) return Unexpected(complaints.error());
    for (;;) {
      Result<bool> row = complaints->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) break;
      if (Status added = AddComplaint(complaints->Columns()); !added) return added;
    }
    return AddServiceRequests();
  }

 private:
  // Where a stage's lists lie in the reader's buffers.
  struct StageLists {
    std::size_t extensions_begin, extensions_end;
    std::size_t causes_begin, causes_end;
    std::size_t remedies_begin, remedies_end;
    std::size_t actions_begin, actions_end;
    std::size_t earlier_begin, earlier_end;
    std::size_t reopenings_begin, reopenings_end;
  };
  // Where a superseded response's lists lie in the buffers.
  struct ResponseLists {
    std::size_t causes_begin, causes_end;
    std::size_t remedies_begin, remedies_end;
    std::size_t actions_begin, actions_end;
  };

  Status OpenScans() {
    using Key = ScanKey;
    struct ScanSql {
      std::string_view sql;
      Key key;
      std::optional<KeyedScan<Source>>* scan;
    };
    const ScanSql scans[] = {
        {"SELECT s.complaint_id, s.number, s.started_on, s.acknowledged_on, "
         "coalesce(s.first_responded_on, s.responded_on), s.responded_on, s.outcome, "
         "s.reopened_on, coalesce(trim(s.learning), '') <> '', p.panel_met_on, p.panel_report_on, "
         "p.period_agreed_on, p.agreed_respond_by FROM complaint_stages s "
         "LEFT JOIN stage_procedures p ON p.complaint_id = s.complaint_id AND p.stage = s.number "
         "ORDER BY s.complaint_id, s.number",
         Key::kComplaintAndStage, &stages_},
        {"SELECT complaint_id, stage, decided_on, working_days, within_code "
         "FROM stage_extensions ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &extensions_},
        {"SELECT complaint_id, stage, root_cause FROM stage_root_causes "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &causes_},
        {"SELECT complaint_id, stage, type, amount_pence FROM stage_remedies "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &remedies_},
        {"SELECT complaint_id, stage, status, due_on, completed_on FROM stage_actions "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &actions_},
        {"SELECT complaint_id, stage, responded_on, outcome, trim(learning) <> '', root_causes, "
         "remedies, actions FROM stage_earlier_responses ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &earlier_responses_},
        {"SELECT complaint_id, stage, reopened_on FROM stage_reopenings "
         "ORDER BY complaint_id, stage, position",
         Key::kComplaintAndStage, &reopenings_},
        {"SELECT complaint_id, decided_on, reason FROM complaint_earlier_refusals "
         "ORDER BY complaint_id, position",
         Key::kComplaint, &earlier_refusals_},
        {"SELECT complaint_id, withdrawn_on FROM complaint_earlier_withdrawals "
         "ORDER BY complaint_id, position",
         Key::kComplaint, &earlier_withdrawals_},
        {"SELECT DISTINCT complaint_id FROM complaint_repeats ORDER BY complaint_id",
         Key::kComplaint, &repeats_},
    };
    for (const ScanSql& scan : scans) {
      Result<Source> statement = engine_.Open(scan.sql);
      if (!statement) return Unexpected(statement.error());
      scan.scan->emplace(std::move(*statement), scan.key);
      if (Status started = (*scan.scan)->Advance(); !started) return started;
    }
    return {};
  }

  Status AddComplaint(Reader r) {
    const std::int64_t id = r.Int64();
    report::ComplaintRecord record;
    Result<core::Regime> regime = ParseColumn(r.View(), core::ParseRegime, "regime");
    if (!regime) return Unexpected(regime.error());
    record.regime = *regime;
    record.service_area = r.View();
    record.category = r.View();
    record.received_on = r.Date();
    Result<core::CaseStatus> status = ParseColumn(r.View(), core::ParseCaseStatus, "status");
    if (!status) return Unexpected(status.error());
    record.status = *status;
    record.refused_on = r.OptionalDate();
    if (r.NextIsNull()) {
      r.Skip(1);
    } else {
      Result<core::RefusalReason> reason =
          ParseColumn(r.View(), core::ParseRefusalReason, "refusal_reason");
      if (!reason) return Unexpected(reason.error());
      record.refusal_reason = *reason;
    }
    record.withdrawn_on = r.OptionalDate();
    if (!r.status()) return r.status();

    if (Status read = ReadStages(id); !read) return read;
    if (Status read = ReadEarlierDecisions(id); !read) return read;
    record.earlier_refusals = refusal_buffer_;
    record.earlier_withdrawals = withdrawal_buffer_;
    Result<bool> repeat = repeats_->At(id);
    if (!repeat) return Unexpected(repeat.error());
    record.possible_repeat = *repeat;
    record.stages = stage_records_;
    sink_.Add(record);
    return {};
  }

  // The refusals and withdrawals a reopening undid, of complaint `id`.
  Status ReadEarlierDecisions(std::int64_t id) {
    refusal_buffer_.clear();
    withdrawal_buffer_.clear();
    Status read = ReadComplaintList(*earlier_refusals_, id, [this](Reader& row) -> Status {
      const core::Date decided_on = row.Date();
      Result<core::RefusalReason> reason =
          ParseColumn(row.View(), core::ParseRefusalReason, "reason");
      if (!reason) return Unexpected(reason.error());
      refusal_buffer_.push_back({decided_on, *reason});
      return {};
    });
    if (!read) return read;
    return ReadComplaintList(*earlier_withdrawals_, id, [this](Reader& row) {
      withdrawal_buffer_.push_back(row.Date());
      return Status{};
    });
  }

  // Reads every row of a complaint-keyed `scan` at `id` with `read`.
  template <typename Read>
  Status ReadComplaintList(KeyedScan<Source>& scan, std::int64_t id, Read read) {
    for (;;) {
      Result<bool> at = scan.At(id);
      if (!at) return Unexpected(at.error());
      if (!*at) return {};
      Reader row = scan.Columns();
      if (Status added = read(row); !added) return added;
      if (!row.status()) return row.status();
      if (Status advanced = scan.Advance(); !advanced) return advanced;
    }
  }

  // A superseded response's JSON lists, parsed into the buffers (ResponseLists says where).
  Status ReadEarlierResponse(Reader& row) {
    report::ResponseRecord response;
    response.responded_on = row.Date();
    Result<core::Outcome> outcome = ParseColumn(row.View(), core::ParseOutcome, "outcome");
    if (!outcome) return Unexpected(outcome.error());
    response.outcome = *outcome;
    response.learning_recorded = row.Bool();
    const std::string causes = row.Text();
    const std::string remedies = row.Text();
    const std::string actions = row.Text();
    ResponseLists lists{};
    lists.causes_begin = cause_texts_.size();
    lists.remedies_begin = remedy_buffer_.size();
    lists.actions_begin = action_buffer_.size();
    if (Status parsed = ParseResponseLists(causes, remedies, actions, cause_texts_, remedy_buffer_,
                                           action_buffer_);
        !parsed) {
      return parsed;
    }
    lists.causes_end = cause_texts_.size();
    lists.remedies_end = remedy_buffer_.size();
    lists.actions_end = action_buffer_.size();
    earlier_buffer_.push_back(response);
    earlier_lists_.push_back(lists);
    return {};
  }

  // Reads the stages of complaint `id` and their lists into the buffers, then points the stage
  // records into them (only once every buffer has stopped growing).
  Status ReadStages(std::int64_t id) {
    stage_records_.clear();
    stage_lists_.clear();
    extension_buffer_.clear();
    cause_texts_.clear();
    remedy_buffer_.clear();
    action_buffer_.clear();
    earlier_buffer_.clear();
    earlier_lists_.clear();
    reopening_buffer_.clear();
    for (;;) {
      Result<bool> at = stages_->AtComplaint(id);
      if (!at) return Unexpected(at.error());
      if (!*at) break;
      if (Status read = ReadStage(id); !read) return read;
      if (Status advanced = stages_->Advance(); !advanced) return advanced;
    }
    cause_views_.assign(cause_texts_.begin(), cause_texts_.end());
    const auto slice = [](const auto& buffer, std::size_t begin, std::size_t end) {
      return std::span(buffer).subspan(begin, end - begin);
    };
    for (std::size_t i = 0; i < stage_records_.size(); ++i) {
      const StageLists& lists = stage_lists_[i];
      report::StageRecord& stage = stage_records_[i];
      stage.extensions = slice(extension_buffer_, lists.extensions_begin, lists.extensions_end);
      stage.root_causes = slice(cause_views_, lists.causes_begin, lists.causes_end);
      stage.remedies = slice(remedy_buffer_, lists.remedies_begin, lists.remedies_end);
      stage.actions = slice(action_buffer_, lists.actions_begin, lists.actions_end);
      stage.earlier_responses = slice(earlier_buffer_, lists.earlier_begin, lists.earlier_end);
      stage.reopenings = slice(reopening_buffer_, lists.reopenings_begin, lists.reopenings_end);
    }
    for (std::size_t i = 0; i < earlier_buffer_.size(); ++i) {
      const ResponseLists& lists = earlier_lists_[i];
      report::ResponseRecord& response = earlier_buffer_[i];
      response.root_causes = slice(cause_views_, lists.causes_begin, lists.causes_end);
      response.remedies = slice(remedy_buffer_, lists.remedies_begin, lists.remedies_end);
      response.actions = slice(action_buffer_, lists.actions_begin, lists.actions_end);
    }
    return {};
  }

  Status ReadStage(std::int64_t id) {
    report::StageRecord stage;
    Reader r = stages_->Columns();
    stage.number = stages_->stage();
    stage.started_on = r.Date();
    stage.acknowledged_on = r.OptionalDate();
    stage.first_responded_on = r.OptionalDate();
    stage.responded_on = r.OptionalDate();
    if (r.NextIsNull()) {
      r.Skip(1);
    } else {
      Result<core::Outcome> outcome = ParseColumn(r.View(), core::ParseOutcome, "outcome");
      if (!outcome) return Unexpected(outcome.error());
      stage.outcome = *outcome;
    }
    stage.reopened_on = r.OptionalDate();
    stage.learning_recorded = r.Bool();
    stage.panel_met_on = r.OptionalDate();
    stage.panel_report_on = r.OptionalDate();
    stage.period_agreed_on = r.OptionalDate();
    stage.agreed_respond_by = r.OptionalDate();
    if (!r.status()) return r.status();

    StageLists lists{};
    lists.extensions_begin = extension_buffer_.size();
    Status read = ReadList(*extensions_, id, stage.number, [this](Reader& row) {
      report::ExtensionRecord extension;
      extension.decided_on = row.Date();
      extension.working_days = row.Int();
      extension.within_code = row.Bool();
      extension_buffer_.push_back(extension);
      return Status{};
    });
    lists.extensions_end = extension_buffer_.size();
    lists.causes_begin = cause_texts_.size();
    if (read) {
      read = ReadList(*causes_, id, stage.number, [this](Reader& row) {
        cause_texts_.push_back(row.Text());
        return Status{};
      });
    }
    lists.causes_end = cause_texts_.size();
    lists.remedies_begin = remedy_buffer_.size();
    if (read) {
      read = ReadList(*remedies_, id, stage.number, [this](Reader& row) -> Status {
        Result<core::RemedyType> type = ParseColumn(row.View(), core::ParseRemedyType, "type");
        if (!type) return Unexpected(type.error());
        remedy_buffer_.push_back({*type, row.Int64()});
        return {};
      });
    }
    lists.remedies_end = remedy_buffer_.size();
    lists.actions_begin = action_buffer_.size();
    if (read) {
      read = ReadList(*actions_, id, stage.number, [this](Reader& row) -> Status {
        Result<core::ActionStatus> status =
            ParseColumn(row.View(), core::ParseActionStatus, "status");
        if (!status) return Unexpected(status.error());
        const std::optional<core::Date> due_on = row.OptionalDate();
        action_buffer_.push_back(
            {*status == core::ActionStatus::kDone, due_on, row.OptionalDate()});
        return {};
      });
    }
    lists.actions_end = action_buffer_.size();
    lists.earlier_begin = earlier_buffer_.size();
    if (read) {
      read = ReadList(*earlier_responses_, id, stage.number,
                      [this](Reader& row) { return ReadEarlierResponse(row); });
    }
    lists.earlier_end = earlier_buffer_.size();
    lists.reopenings_begin = reopening_buffer_.size();
    if (read) {
      read = ReadList(*reopenings_, id, stage.number, [this](Reader& row) {
        reopening_buffer_.push_back(row.Date());
        return Status{};
      });
    }
    lists.reopenings_end = reopening_buffer_.size();
    if (!read) return read;
    stage_records_.push_back(stage);
    stage_lists_.push_back(lists);
    return {};
  }

  // Reads every row of `scan` at (id, stage) with `read`.
  template <typename Read>
  Status ReadList(KeyedScan<Source>& scan, std::int64_t id, int stage, Read read) {
    for (;;) {
      Result<bool> at = scan.At(id, stage);
      if (!at) return Unexpected(at.error());
      if (!*at) return {};
      Reader row = scan.Columns();
      if (Status added = read(row); !added) return added;
      if (!row.status()) return row.status();
      if (Status advanced = scan.Advance(); !advanced) return advanced;
    }
  }

  Status AddServiceRequests() {
    Result<Source> requests = engine_.OpenServiceRequests(window_.from, window_.to);
    if (!requests) return Unexpected(requests.error());
    for (;;) {
      Result<bool> row = requests->Step();
      if (!row) return Unexpected(row.error());
      if (!*row) return {};
      Reader r = requests->Columns();
      report::ServiceRequestRecord request;
      request.received_on = r.Date();
      request.service_area = r.View();
      request.converted = r.Bool();
      if (!r.status()) return r.status();
      sink_.Add(request);
    }
  }

  Engine& engine_;
  const report::RecordWindow window_;
  report::RecordSink& sink_;
  std::optional<KeyedScan<Source>> stages_;
  std::optional<KeyedScan<Source>> extensions_;
  std::optional<KeyedScan<Source>> causes_;
  std::optional<KeyedScan<Source>> remedies_;
  std::optional<KeyedScan<Source>> actions_;
  std::optional<KeyedScan<Source>> repeats_;
  std::optional<KeyedScan<Source>> earlier_responses_;
  std::optional<KeyedScan<Source>> reopenings_;
  std::optional<KeyedScan<Source>> earlier_refusals_;
  std::optional<KeyedScan<Source>> earlier_withdrawals_;
  // Reused from complaint to complaint: a complaint allocates nothing once they have grown.
  std::vector<report::StageRecord> stage_records_;
  std::vector<StageLists> stage_lists_;
  std::vector<report::ExtensionRecord> extension_buffer_;
  std::vector<std::string> cause_texts_;
  std::vector<std::string_view> cause_views_;
  std::vector<report::RemedyRecord> remedy_buffer_;
  std::vector<report::ActionRecord> action_buffer_;
  std::vector<report::ResponseRecord> earlier_buffer_;
  std::vector<ResponseLists> earlier_lists_;
  std::vector<core::Date> reopening_buffer_;
  std::vector<report::RefusalRecord> refusal_buffer_;
  std::vector<core::Date> withdrawal_buffer_;
};

}  // namespace redress::storage::common
