#include "storage/transfer/tables.hpp"

#include <array>

namespace redress::storage::transfer {
namespace {

constexpr std::array kCopied = {
    CopiedTable{"teams"},
    CopiedTable{"settings", Seeded::kYes},
    CopiedTable{"service_areas"},
    CopiedTable{"categories"},
    CopiedTable{"root_causes"},
    CopiedTable{"closure_days"},
    CopiedTable{"designations"},
    CopiedTable{"users"},
    CopiedTable{"api_tokens"},
    CopiedTable{"sessions"},
    CopiedTable{"sign_in_attempts"},
    CopiedTable{"reference_sequences"},
    CopiedTable{"service_requests", Seeded::kNo, "complaint_reference"},
    CopiedTable{"complaints"},
    CopiedTable{"complaint_stages"},
    CopiedTable{"stage_extensions"},
    CopiedTable{"stage_root_causes"},
    CopiedTable{"stage_remedies"},
    CopiedTable{"stage_actions"},
    CopiedTable{"stage_earlier_responses"},
    CopiedTable{"stage_reopenings"},
    CopiedTable{"stage_procedures"},
    CopiedTable{"complaint_repeats"},
    CopiedTable{"complaint_earlier_refusals"},
    CopiedTable{"complaint_earlier_withdrawals"},
    CopiedTable{"complaint_notes"},
    CopiedTable{"complaint_links"},
    CopiedTable{"complaint_contact_preferences"},
    CopiedTable{"events"},
    CopiedTable{"homes_owned"},
    CopiedTable{"tenant_satisfaction"},
    CopiedTable{"ombudsman_cases"},
    CopiedTable{"ombudsman_case_complaints"},
    CopiedTable{"ombudsman_findings"},
    CopiedTable{"ombudsman_remedies"},
    CopiedTable{"failure_orders"},
    CopiedTable{"lgsco_letters"},
    CopiedTable{"learning_actions"},
    CopiedTable{"learning_action_complaints"},
    CopiedTable{"self_assessments"},
    CopiedTable{"self_assessment_provisions"},
    CopiedTable{"letters"},
    CopiedTable{"letter_templates"},
    CopiedTable{"attachments"},
    CopiedTable{"attachment_policy"},
    CopiedTable{"reminder_digests"},
    CopiedTable{"outbox"},
    CopiedTable{"annual_submissions"},
    CopiedTable{"annual_submission_steps"},
    CopiedTable{"oidc_settings"},
    CopiedTable{"oidc_role_mappings"},
    CopiedTable{"identity_links"},
    CopiedTable{"oidc_pending_sign_ins"},
    CopiedTable{"resident_sessions"},
    CopiedTable{"resident_codes"},
    CopiedTable{"legacy_references"},
    CopiedTable{"subject_access_requests"},
    CopiedTable{"letter_printings"},
    CopiedTable{"saved_views"},
    CopiedTable{"subject_access_withholdings"},
    CopiedTable{"ombudsman_contacts"},
    CopiedTable{"office_hours"},
    CopiedTable{"retention_rules"},
    CopiedTable{"retention_holds"},
    CopiedTable{"disposal_runs"},
    CopiedTable{"disposal_run_items"},
    CopiedTable{"disposed_complaints"},
    CopiedTable{"disposed_service_requests"},
    CopiedTable{"disposed_subject_access_requests"},
    CopiedTable{"person_records"},
};

constexpr std::array<std::string_view, 5> kEngine = {
    "schema_migrations",  // each engine's own migrations (both record the version)
    "sqlite_*",           // SQLite's own: AUTOINCREMENT counters (kept by its inserts), statistics
    "complaints_fts*",    // SQLite's FTS5 index of complaints, kept by its triggers
    "audit_chain_head",   // PostgreSQL's chain head, set from the copied events
    "readiness_probe",    // written by /readyz to prove the database writable; not data
};

}  // namespace

std::span<const CopiedTable> CopiedTables() { return kCopied; }

std::span<const std::string_view> EngineTables() { return kEngine; }

bool IsEngineTable(std::string_view table) {
  for (std::string_view name : kEngine) {
    if (name.ends_with('*') ? table.starts_with(name.substr(0, name.size() - 1)) : table == name) {
      return true;
    }
  }
  return false;
}

}  // namespace redress::storage::transfer
