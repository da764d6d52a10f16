#pragma once

// Complaints on PostgreSQL (app::ComplaintRepository): the case and everything it holds, the
// list and its counts (filters, free-text search on the stored tsvector, keyset pages in every
// sort order), and the possible repeats.

#include "app/complaint_repository.hpp"
#include "app/event_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresComplaintRepository final : public app::ComplaintRepository {
 public:
  // `events` appends the event of an Insert or Update in the same transaction.
  PostgresComplaintRepository(Connection& connection, app::EventRepository& events)
      : connection_(connection), events_(events) {}

  Result<core::Complaint> Load(std::string_view reference) override;
  Result<core::Complaint> Insert(core::Complaint complaint, const core::CaseEvent& event) override;
  Result<core::Complaint> Update(const core::Complaint& complaint, std::int64_t expected_version,
                                 const core::CaseEvent& event) override;
  Result<std::vector<app::ComplaintRow>> List(const app::ComplaintQuery& query) override;
  Result<app::StatusCounts> CountByStatus(const app::ComplaintQuery& query) override;
  Result<std::vector<core::RepeatCandidate>> RepeatCandidates(const core::RepeatKey& key,
                                                              core::Date from, core::Date to,
                                                              std::size_t limit) override;

  Result<std::vector<app::ComplaintRow>> ListByPerson(
      const core::PersonKey& key, const std::optional<std::string>& visible_to_team,
      std::size_t limit) override;

 private:
  Status SaveChildren(const core::Complaint& complaint);
  Status LoadChildren(core::Complaint& complaint);

  Connection& connection_;
  app::EventRepository& events_;
};

}  // namespace redress::storage::postgres
