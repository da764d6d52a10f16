#pragma once

// The PostgreSQL repositories of correspondence (issue 15): letters (migration 0002's
// `letters`), letter templates (`letter_templates`) and the email outbox (`outbox`, claimed with
// FOR UPDATE SKIP LOCKED), each working through the transaction's connection; and the
// complaints' contact preferences (`complaint_contact_preferences`).

#include "app/contact_preferences_repository.hpp"
#include "app/letter_printing_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/letter_template_repository.hpp"
#include "app/outbox_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresLetterRepository final : public app::LetterRepository {
 public:
  explicit PostgresLetterRepository(Connection& connection) : connection_(connection) {}
  Result<app::IssuedLetter> Insert(app::IssuedLetter letter) override;
  Result<std::vector<app::IssuedLetter>> ListOf(std::string_view complaint_reference) override;
  Result<app::IssuedLetter> Load(std::string_view complaint_reference, int number) override;

 private:
  Connection& connection_;
};

class PostgresLetterTemplateRepository final : public app::LetterTemplateRepository {
 public:
  explicit PostgresLetterTemplateRepository(Connection& connection) : connection_(connection) {}
  Result<app::LetterTemplate> Insert(app::LetterTemplate letter_template) override;
  Result<std::optional<app::LetterTemplate>> Latest(core::LetterType type,
                                                    std::optional<core::Regime> regime) override;
  Result<std::vector<app::LetterTemplate>> ListLatest() override;
  Result<std::vector<app::LetterTemplate>> History(core::LetterType type,
                                                   std::optional<core::Regime> regime) override;

 private:
  Connection& connection_;
};

class PostgresOutboxRepository final : public app::OutboxRepository {
 public:
  explicit PostgresOutboxRepository(Connection& connection) : connection_(connection) {}
  Result<app::OutboxMessage> Enqueue(app::OutboxMessage message) override;
  Result<std::vector<app::OutboxMessage>> Claim(std::string_view token, std::int64_t now,
                                                std::int64_t lease_until, int limit) override;
  Status MarkSent(std::int64_t id, std::string_view token, std::int64_t now) override;
  Status MarkRetry(std::int64_t id, std::string_view token, std::int64_t next_attempt_at,
                   std::string_view error) override;
  Status MarkFailed(std::int64_t id, std::string_view token, std::string_view error) override;
  Result<app::OutboxCounts> Counts() override;
  Result<std::vector<app::OutboxMessage>> OfComplaint(
      std::string_view complaint_reference) override;

 private:
  Connection& connection_;
};

class PostgresContactPreferencesRepository final : public app::ContactPreferencesRepository {
 public:
  explicit PostgresContactPreferencesRepository(Connection& connection) : connection_(connection) {}
  Result<std::optional<core::ContactPreferences>> Load(
      std::string_view complaint_reference) override;
  Result<std::vector<std::pair<std::string, core::ContactPreferences>>> LoadMany(
      std::span<const std::string> complaint_references) override;
  Status Save(std::string_view complaint_reference,
              const core::ContactPreferences& preferences) override;

 private:
  Connection& connection_;
};

// The post room's printings (migration 0011's `letter_printings`).
class PostgresLetterPrintingRepository final : public app::LetterPrintingRepository {
 public:
  explicit PostgresLetterPrintingRepository(Connection& connection) : connection_(connection) {}
  Result<std::vector<app::BatchLetter>> Batch(core::Date date) override;
  Status Record(const app::LetterPrinting& printing) override;
  Result<std::vector<app::LetterPrinting>> OfComplaint(
      std::string_view complaint_reference) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
