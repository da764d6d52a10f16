#pragma once

// The SQLite ComplaintRepository (app/complaint_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The complaints of a transaction: the case row, its stages with their lists, its kept history
// and the projection the list reads (current stage, team, handler, due_on, repeat keys). Insert
// and Update append their event through the transaction's event repository.
class SqliteComplaintRepository final : public app::ComplaintRepository {
 public:
  SqliteComplaintRepository(Connection& connection, app::EventRepository& events)
      : connection_(connection), events_(events) {}

  core::Result<core::Complaint> Load(std::string_view reference) override;
  core::Result<core::Complaint> Insert(core::Complaint complaint,
                                       const core::CaseEvent& event) override;
  core::Result<core::Complaint> Update(const core::Complaint& complaint,
                                       std::int64_t expected_version,
                                       const core::CaseEvent& event) override;
  core::Result<std::vector<app::ComplaintRow>> List(const app::ComplaintQuery& query) override;
  core::Result<app::StatusCounts> CountByStatus(const app::ComplaintQuery& query) override;
  core::Result<std::vector<core::RepeatCandidate>> RepeatCandidates(const core::RepeatKey& key,
                                                                    core::Date from, core::Date to,
                                                                    std::size_t limit) override;

  core::Result<std::vector<app::ComplaintRow>> ListByPerson(
      const core::PersonKey& key, const std::optional<std::string>& visible_to_team,
      std::size_t limit) override;

 private:
  Connection& connection_;
  app::EventRepository& events_;
};

}  // namespace redress::storage::sqlite
