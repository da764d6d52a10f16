#pragma once

// The repositories not yet written for PostgreSQL: each method answers kUnavailable, naming
// itself, so that a command or request that needs one fails clearly rather than wrongly. Each
// class goes when its real repository (<aggregate>_repository.cpp here) replaces it.

#include "app/annual_submission_repository.hpp"
#include "app/attachment_repository.hpp"
#include "app/contact_preferences_repository.hpp"
#include "app/identity_repository.hpp"
#include "app/learning_repository.hpp"
#include "app/letter_repository.hpp"
#include "app/letter_template_repository.hpp"
#include "app/ombudsman_repository.hpp"
#include "app/outbox_repository.hpp"
#include "app/reminder_repository.hpp"
#include "app/report_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline tl::unexpected<Error> NotYetOnPostgres(std::string_view what) {
  return Fail(ErrorCode::kUnavailable, std::string(what) + " is not yet available on PostgreSQL");
}

class PendingOmbudsmanRepository final : public app::OmbudsmanRepository {
 public:
  Result<core::OmbudsmanCase> InsertCase(core::OmbudsmanCase /*ombudsman_case*/,
                                         int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::InsertCase");
  }
  Result<core::OmbudsmanCase> UpdateCase(core::OmbudsmanCase /*ombudsman_case*/,
                                         std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::UpdateCase");
  }
  Result<core::OmbudsmanCase> LoadCase(std::string_view /*reference*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadCase");
  }
  Result<std::vector<core::OmbudsmanCase>> ListCases(std::string_view /*complaint*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::ListCases");
  }
  Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder /*order*/,
                                                int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::InsertFailureOrder");
  }
  Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder /*order*/,
                                                std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::UpdateFailureOrder");
  }
  Result<core::FailureOrder> LoadFailureOrder(std::string_view /*reference*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadFailureOrder");
  }
  Result<std::vector<core::FailureOrder>> ListFailureOrders() override {
    return NotYetOnPostgres("OmbudsmanRepository::ListFailureOrders");
  }
  Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadLgscoLetter");
  }
  Status SaveLgscoLetter(const core::LgscoLetter& /*letter*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::SaveLgscoLetter");
  }
};

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

class PendingLearningRepository final : public app::LearningRepository {
 public:
  Result<core::LearningAction> InsertAction(core::LearningAction /*action*/,
                                            int /*year*/) override {
    return NotYetOnPostgres("LearningRepository::InsertAction");
  }
  Result<core::LearningAction> UpdateAction(core::LearningAction /*action*/,
                                            std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("LearningRepository::UpdateAction");
  }
  Result<core::LearningAction> LoadAction(std::string_view /*reference*/) override {
    return NotYetOnPostgres("LearningRepository::LoadAction");
  }
  Result<std::vector<core::LearningAction>> ListActions() override {
    return NotYetOnPostgres("LearningRepository::ListActions");
  }
  Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int /*year*/) override {
    return NotYetOnPostgres("LearningRepository::LoadSelfAssessment");
  }
  Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment /*assessment*/,
      std::optional<std::int64_t> /*expected_version*/) override {
    return NotYetOnPostgres("LearningRepository::SaveSelfAssessment");
  }
};

class PendingReportRepository final : public app::ReportRepository {
 public:
  Status ReadRecords(const report::RecordWindow& /*window*/,
                     report::RecordSink& /*sink*/) override {
    return NotYetOnPostgres("ReportRepository::ReadRecords");
  }
  Result<std::map<int, std::int64_t>> ListHomesOwned() override {
    return NotYetOnPostgres("ReportRepository::ListHomesOwned");
  }
  Status SaveHomesOwned(int /*financial_year*/, std::int64_t /*homes*/) override {
    return NotYetOnPostgres("ReportRepository::SaveHomesOwned");
  }
  Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() override {
    return NotYetOnPostgres("ReportRepository::ListTenantSatisfaction");
  }
  Status SaveTenantSatisfaction(int /*financial_year*/,
                                const report::TenantSatisfaction& /*survey*/) override {
    return NotYetOnPostgres("ReportRepository::SaveTenantSatisfaction");
  }
  Result<app::StoreSummary> Summarise() override {
    return NotYetOnPostgres("ReportRepository::Summarise");
  }
};

// The app values the correspondence and attachment repositories take and give.
using app::Attachment;
using app::AttachmentRemoval;
using app::IssuedLetter;
using app::LetterTemplate;
using app::OutboxCounts;
using app::OutboxMessage;

class PendingAttachmentRepository final : public app::AttachmentRepository {
 public:
  Result<Attachment> Insert(Attachment /*attachment*/) override {
    return NotYetOnPostgres("AttachmentRepository::Insert");
  }
  Result<Attachment> Find(core::AttachedTo /*attached_to*/, std::string_view /*reference*/,
                          std::int64_t /*id*/) override {
    return NotYetOnPostgres("AttachmentRepository::Find");
  }
  Result<std::vector<Attachment>> ListOf(core::AttachedTo /*attached_to*/,
                                         std::string_view /*reference*/) override {
    return NotYetOnPostgres("AttachmentRepository::ListOf");
  }
  Result<std::int64_t> BytesHeldBy(core::AttachedTo /*attached_to*/,
                                   std::string_view /*reference*/) override {
    return NotYetOnPostgres("AttachmentRepository::BytesHeldBy");
  }
  Status MarkRemoved(std::int64_t /*id*/, const AttachmentRemoval& /*removal*/) override {
    return NotYetOnPostgres("AttachmentRepository::MarkRemoved");
  }
  Status SetScanState(std::string_view /*sha256*/, core::ScanState /*state*/) override {
    return NotYetOnPostgres("AttachmentRepository::SetScanState");
  }
  Result<std::int64_t> CountReferring(std::string_view /*sha256*/) override {
    return NotYetOnPostgres("AttachmentRepository::CountReferring");
  }
  Result<std::vector<std::string>> ReferencedContent() override {
    return NotYetOnPostgres("AttachmentRepository::ReferencedContent");
  }
  Result<core::AttachmentPolicy> LoadPolicy() override {
    return NotYetOnPostgres("AttachmentRepository::LoadPolicy");
  }
  Status SavePolicy(const core::AttachmentPolicy& /*policy*/) override {
    return NotYetOnPostgres("AttachmentRepository::SavePolicy");
  }
};

class PendingLetterRepository final : public app::LetterRepository {
 public:
  Result<IssuedLetter> Insert(IssuedLetter /*letter*/) override {
    return NotYetOnPostgres("LetterRepository::Insert");
  }
  Result<std::vector<IssuedLetter>> ListOf(std::string_view /*complaint_reference*/) override {
    return NotYetOnPostgres("LetterRepository::ListOf");
  }
  Result<IssuedLetter> Load(std::string_view /*complaint_reference*/, int /*number*/) override {
    return NotYetOnPostgres("LetterRepository::Load");
  }
};

class PendingLetterTemplateRepository final : public app::LetterTemplateRepository {
 public:
  Result<LetterTemplate> Insert(LetterTemplate /*letter_template*/) override {
    return NotYetOnPostgres("LetterTemplateRepository::Insert");
  }
  Result<std::optional<LetterTemplate>> Latest(core::LetterType /*type*/,
                                               std::optional<core::Regime> /*regime*/) override {
    return NotYetOnPostgres("LetterTemplateRepository::Latest");
  }
  Result<std::vector<LetterTemplate>> ListLatest() override {
    return NotYetOnPostgres("LetterTemplateRepository::ListLatest");
  }
};

class PendingOutboxRepository final : public app::OutboxRepository {
 public:
  Result<OutboxMessage> Enqueue(OutboxMessage /*message*/) override {
    return NotYetOnPostgres("OutboxRepository::Enqueue");
  }
  Result<std::vector<OutboxMessage>> Claim(std::string_view /*token*/, std::int64_t /*now*/,
                                           std::int64_t /*lease_until*/, int /*limit*/) override {
    return NotYetOnPostgres("OutboxRepository::Claim");
  }
  Status MarkSent(std::int64_t /*id*/, std::string_view /*token*/, std::int64_t /*now*/) override {
    return NotYetOnPostgres("OutboxRepository::MarkSent");
  }
  Status MarkRetry(std::int64_t /*id*/, std::string_view /*token*/,
                   std::int64_t /*next_attempt_at*/, std::string_view /*error*/) override {
    return NotYetOnPostgres("OutboxRepository::MarkRetry");
  }
  Status MarkFailed(std::int64_t /*id*/, std::string_view /*token*/,
                    std::string_view /*error*/) override {
    return NotYetOnPostgres("OutboxRepository::MarkFailed");
  }
  Result<OutboxCounts> Counts() override { return NotYetOnPostgres("OutboxRepository::Counts"); }
  Result<std::vector<OutboxMessage>> OfComplaint(
      std::string_view /*complaint_reference*/) override {
    return NotYetOnPostgres("OutboxRepository::OfComplaint");
  }
};

class PendingContactPreferencesRepository final : public app::ContactPreferencesRepository {
 public:
  Result<std::optional<core::ContactPreferences>> Load(
      std::string_view /*complaint_reference*/) override {
    return NotYetOnPostgres("ContactPreferencesRepository::Load");
  }
  Status Save(std::string_view /*complaint_reference*/,
              const core::ContactPreferences& /*preferences*/) override {
    return NotYetOnPostgres("ContactPreferencesRepository::Save");
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
