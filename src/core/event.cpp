#include "core/event.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<EventType, 83> kEventTypeNames{{
    {EventType::kLogged, "logged"},
    {EventType::kAcknowledged, "acknowledged"},
    {EventType::kExtended, "extended"},
    {EventType::kResponded, "responded"},
    {EventType::kEscalated, "escalated"},
    {EventType::kRefused, "refused"},
    {EventType::kWithdrawn, "withdrawn"},
    {EventType::kReopened, "reopened"},
    {EventType::kClosed, "closed"},
    {EventType::kReassigned, "reassigned"},
    {EventType::kNoteAdded, "note_added"},
    {EventType::kLinked, "linked"},
    {EventType::kUnlinked, "unlinked"},
    {EventType::kActionUpdated, "action_updated"},
    {EventType::kServiceRequestLogged, "service_request_logged"},
    {EventType::kServiceRequestResolved, "service_request_resolved"},
    {EventType::kServiceRequestConverted, "service_request_converted"},
    {EventType::kConfigured, "configured"},
    {EventType::kUserCreated, "user_created"},
    {EventType::kUserUpdated, "user_updated"},
    {EventType::kTokenCreated, "token_created"},
    {EventType::kTokenRevoked, "token_revoked"},
    {EventType::kSignedIn, "signed_in"},
    {EventType::kSignInFailed, "sign_in_failed"},
    {EventType::kLockedOut, "locked_out"},
    {EventType::kSignedOut, "signed_out"},
    {EventType::kOmbudsmanCaseRecorded, "ombudsman_case_recorded"},
    {EventType::kOmbudsmanCaseUpdated, "ombudsman_case_updated"},
    {EventType::kOmbudsmanCaseLinked, "ombudsman_case_linked"},
    {EventType::kOmbudsmanCaseUnlinked, "ombudsman_case_unlinked"},
    {EventType::kFailureOrderRecorded, "failure_order_recorded"},
    {EventType::kFailureOrderUpdated, "failure_order_updated"},
    {EventType::kAnnualLetterRecorded, "annual_letter_recorded"},
    {EventType::kLearningActionRaised, "learning_action_raised"},
    {EventType::kLearningActionUpdated, "learning_action_updated"},
    {EventType::kSelfAssessmentStarted, "self_assessment_started"},
    {EventType::kSelfAssessmentUpdated, "self_assessment_updated"},
    {EventType::kSelfAssessmentApproved, "self_assessment_approved"},
    {EventType::kAnnualSubmissionCreated, "annual_submission_created"},
    {EventType::kAnnualSubmissionUpdated, "annual_submission_updated"},
    {EventType::kAnnualSubmissionApproved, "annual_submission_approved"},
    {EventType::kAnnualSubmissionPublished, "annual_submission_published"},
    {EventType::kAnnualSubmissionSubmitted, "annual_submission_submitted"},
    {EventType::kDeadlinesRecalculated, "deadlines_recalculated"},
    {EventType::kProcedureRecorded, "procedure_recorded"},
    {EventType::kAttachmentAdded, "attachment_added"},
    {EventType::kAttachmentRemoved, "attachment_removed"},
    {EventType::kLetterIssued, "letter_issued"},
    {EventType::kLetterTemplateSaved, "letter_template_saved"},
    {EventType::kContactPreferencesChanged, "contact_preferences_changed"},
    {EventType::kIdentityLinked, "identity_linked"},
    {EventType::kSignInRefused, "sign_in_refused"},
    {EventType::kReminderDigestQueued, "reminder_digest_queued"},
    {EventType::kResidentCodeSent, "resident_code_sent"},
    {EventType::kResidentCaseOpened, "resident_case_opened"},
    {EventType::kResidentInformationAdded, "resident_information_added"},
    {EventType::kLetterResent, "letter_resent"},
    {EventType::kResponseCorrected, "response_corrected"},
    {EventType::kListExported, "list_exported"},
    {EventType::kImported, "imported"},
    {EventType::kSubjectAccessReceived, "subject_access_received"},
    {EventType::kSubjectAccessExtended, "subject_access_extended"},
    {EventType::kSubjectAccessCompleted, "subject_access_completed"},
    {EventType::kSubjectAccessWithdrawn, "subject_access_withdrawn"},
    {EventType::kLetterPrinted, "letter_printed"},
    {EventType::kSavedViewChanged, "saved_view_changed"},
    {EventType::kSubjectAccessItemWithheld, "subject_access_item_withheld"},
    {EventType::kSubjectAccessExported, "subject_access_exported"},
    {EventType::kTestEmailSent, "test_email_sent"},
    {EventType::kRetentionRuleChanged, "retention_rule_changed"},
    {EventType::kRetentionHoldPlaced, "retention_hold_placed"},
    {EventType::kRetentionHoldReleased, "retention_hold_released"},
    {EventType::kDisposalDryRun, "disposal_dry_run"},
    {EventType::kDisposalApproved, "disposal_approved"},
    {EventType::kDisposalCancelled, "disposal_cancelled"},
    {EventType::kDisposalCompleted, "disposal_completed"},
    {EventType::kComplaintDisposed, "complaint_disposed"},
    {EventType::kRedacted, "redacted"},
    {EventType::kPersonMatchConfirmed, "person_match_confirmed"},
    {EventType::kPersonMatchRejected, "person_match_rejected"},
    {EventType::kPersonMatchUndone, "person_match_undone"},
    {EventType::kServiceRequestDisposed, "service_request_disposed"},
    {EventType::kSubjectAccessDisposed, "subject_access_disposed"},
}};

}  // namespace

std::string_view ToString(EventType value) { return NameOf(kEventTypeNames, value); }

std::vector<EventType> AllEventTypes() {
  std::vector<EventType> all;
  all.reserve(kEventTypeNames.size());
  for (const auto& [type, name] : kEventTypeNames) all.push_back(type);
  return all;
}
std::optional<EventType> ParseEventType(std::string_view name) {
  return ParseName(kEventTypeNames, name);
}

}  // namespace redress::core
