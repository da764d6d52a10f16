#pragma once

// The repositories not yet written for PostgreSQL: each method answers kUnavailable, naming
// itself (NotYetOnPostgres), so that a command or request that needs one fails clearly rather
// than wrongly. Each class goes when its real repository (<aggregate>_repository.cpp here)
// replaces it.

#include "app/annual_submission_repository.hpp"
#include "app/identity_repository.hpp"
#include "app/reminder_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline tl::unexpected<Error> NotYetOnPostgres(std::string_view what) {
  return Fail(ErrorCode::kUnavailable, std::string(what) + " is not yet available on PostgreSQL");
}

class PendingAnnualSubmissionRepository final : public app::AnnualSubmissionRepository {
 public:
  Result<std::optional<core::AnnualSubmission>> Load(int /*year*/) override {
    return NotYetOnPostgres("AnnualSubmissionRepository::Load");
  }
  Result<std::vector<core::AnnualSubmission>> List() override {
    return NotYetOnPostgres("AnnualSubmissionRepository::List");
  }
  Result<core::AnnualSubmission> Save(core::AnnualSubmission /*submission*/,
                                      std::optional<std::int64_t> /*expected_version*/) override {
    return NotYetOnPostgres("AnnualSubmissionRepository::Save");
  }
  Status SaveSubmittedReport(int /*year*/, std::string_view /*report_json*/) override {
    return NotYetOnPostgres("AnnualSubmissionRepository::SaveSubmittedReport");
  }
  Result<std::optional<std::string>> LoadSubmittedReport(int /*year*/) override {
    return NotYetOnPostgres("AnnualSubmissionRepository::LoadSubmittedReport");
  }
};

// Loading the configuration answers "none saved" rather than kUnavailable: a password sign-in
// asks for it (core::MayUsePassword), and saving one fails here, so none can exist.
class PendingIdentityRepository final : public app::IdentityRepository {
 public:
  Result<std::optional<app::OidcSettings>> LoadOidcSettings() override {
    return std::optional<app::OidcSettings>();
  }
  Status SaveOidcSettings(const app::OidcSettings& /*settings*/) override {
    return NotYetOnPostgres("IdentityRepository::SaveOidcSettings");
  }
  Result<std::optional<app::IdentityLink>> FindLink(std::string_view /*issuer*/,
                                                    std::string_view /*subject*/) override {
    return NotYetOnPostgres("IdentityRepository::FindLink");
  }
  Result<std::vector<app::IdentityLink>> LinksOf(std::int64_t /*user_id*/) override {
    return NotYetOnPostgres("IdentityRepository::LinksOf");
  }
  Result<app::IdentityLink> InsertLink(app::IdentityLink /*link*/) override {
    return NotYetOnPostgres("IdentityRepository::InsertLink");
  }
  Status TouchLink(std::int64_t /*id*/, std::string_view /*email*/,
                   std::string_view /*signed_in_at*/) override {
    return NotYetOnPostgres("IdentityRepository::TouchLink");
  }
  Status InsertPendingSignIn(const app::PendingSignIn& /*pending*/) override {
    return NotYetOnPostgres("IdentityRepository::InsertPendingSignIn");
  }
  Result<std::optional<app::PendingSignIn>> TakePendingSignIn(std::string_view /*state_hash*/,
                                                              std::int64_t /*now*/) override {
    return NotYetOnPostgres("IdentityRepository::TakePendingSignIn");
  }
};

class PendingReminderRepository final : public app::ReminderRepository {
 public:
  Result<app::ReminderDigestRecord> Insert(app::ReminderDigestRecord /*digest*/) override {
    return NotYetOnPostgres("ReminderRepository::Insert");
  }
  Result<app::ReminderDigestRecord> Load(std::int64_t /*id*/) override {
    return NotYetOnPostgres("ReminderRepository::Load");
  }
  Result<std::vector<app::ReminderDigestRecord>> SentOn(core::Date /*day*/) override {
    return NotYetOnPostgres("ReminderRepository::SentOn");
  }
};

}  // namespace redress::storage::postgres
