#pragma once

// The rows of a complaint on PostgreSQL (see complaint_rows.cpp): column lists, and the binding
// and reading of the case row, its stages, their lists and procedures, and the superseded
// responses kept as JSON.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/complaint.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

extern const std::array<std::string_view, 30> kComplaintColumns;
// Derived from the case on every save, for filtering; never read back into a Complaint.
extern const std::array<std::string_view, 9> kComplaintProjectionColumns;
extern const std::array<std::string_view, 17> kStageColumns;
extern const std::array<std::string_view, 22> kProcedureColumns;
extern const std::array<std::string_view, 3> kStageListKeyColumns;

// A person's five columns (name, email, phone, address, postcode); shared with service requests.
void BindPerson(Params& s, const core::Person& person);
core::Person ReadPerson(RowReader& r);

// Binds kComplaintColumns then kComplaintProjectionColumns.
void BindComplaint(Params& s, const core::Complaint& c);
// Reads the columns "id, reference, version" and then kComplaintColumns.
core::Complaint ReadComplaint(RowReader& r);
void BindStage(Params& s, std::int64_t complaint_id, const core::Stage& stage);
core::Stage ReadStage(RowReader& r);
void BindProcedure(Params& s, std::int64_t complaint_id, int stage, const core::StageProcedure& p);
// The stage number and its procedure.
std::pair<int, core::StageProcedure> ReadProcedure(RowReader& r);

// A list held by a stage, stored in its own table keyed by (complaint_id, stage, position).
// Item columns follow the key columns; `Target` finds the list in a stage (null when the stage
// cannot hold it, e.g. root causes of a stage without a response).
template <typename Item>
struct StageList {
  std::string_view table;
  std::span<const std::string_view> item_columns;
  void (*bind)(Params&, const Item&);
  Item (*read)(RowReader&);
  std::vector<Item>* (*target)(core::Stage&);
  const std::vector<Item>* (*source)(const core::Stage&);
};

// The list `member` of a stage's response; null when the stage has no response.
template <typename Item, typename StageType>
auto ResponseList(StageType& stage, std::vector<Item> core::Response::*member) {
  return stage.response ? &((*stage.response).*member) : nullptr;
}

template <typename Item>
std::vector<std::string_view> StageListColumns(const StageList<Item>& list) {
  std::vector<std::string_view> columns(kStageListKeyColumns.begin(), kStageListKeyColumns.end());
  columns.insert(columns.end(), list.item_columns.begin(), list.item_columns.end());
  return columns;
}

extern const StageList<core::Extension> kExtensions;
extern const StageList<std::string> kRootCauses;
extern const StageList<core::Remedy> kRemedies;
extern const StageList<core::Action> kActions;
extern const StageList<core::Response> kEarlierResponses;
extern const StageList<core::Date> kReopenings;

}  // namespace redress::storage::postgres
