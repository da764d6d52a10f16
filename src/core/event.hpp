#pragma once

// What happened to a record: the unit of the timeline and of the audit trail. The core describes
// changes as field/before/after text; the store serialises and hash-chains them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace redress::core {

enum class EventType {
  kLogged,
  kAcknowledged,
  kExtended,
  kResponded,
  kEscalated,
  kRefused,
  kWithdrawn,
  kReopened,
  kClosed,
  kReassigned,
  kNoteAdded,
  kLinked,
  kUnlinked,
  kActionUpdated,
  kServiceRequestLogged,
  kServiceRequestResolved,
  kServiceRequestConverted,
  kConfigured,  // reference data or settings changed
  kUserCreated,
  kUserUpdated,  // role, team, name, password or active changed
  kTokenCreated,
  kTokenRevoked,
  kSignedIn,
  kSignInFailed,  // a wrong password, or a username nobody has
  kLockedOut,     // the failure that locked the username (sign_in_throttle.hpp)
  kSignedOut,
  kOmbudsmanCaseRecorded,
  kOmbudsmanCaseUpdated,
  kOmbudsmanCaseLinked,    // on a complaint: an Ombudsman case now concerns it
  kOmbudsmanCaseUnlinked,  // on a complaint: an Ombudsman case no longer concerns it
  kFailureOrderRecorded,
  kFailureOrderUpdated,
  kAnnualLetterRecorded,  // the LGSCO annual letter's figures entered or corrected
  kLearningActionRaised,
  kLearningActionUpdated,
  kSelfAssessmentStarted,
  kSelfAssessmentUpdated,  // a provision assessed or edited
  kSelfAssessmentApproved,
  kAnnualSubmissionCreated,    // the Housing Ombudsman annual submission of a year, as a draft
  kAnnualSubmissionUpdated,    // its form details (Section 1) changed
  kAnnualSubmissionApproved,   // approved by the governing body, with its response
  kAnnualSubmissionPublished,  // published on the landlord's website
  kAnnualSubmissionSubmitted,  // submitted to the Ombudsman; its report's figures frozen
  kDeadlinesRecalculated,      // a running clock moved because the calendar it counts on changed
  kProcedureRecorded,          // a statutory procedure's step (procedure_transitions.hpp)
  kAttachmentAdded,            // a file attached to the record (its name, type, size and SHA-256)
  kAttachmentRemoved,          // an attachment removed, with the reason
  kLetterIssued,               // on a complaint: a letter issued, its SHA-256 in the changes
  kLetterTemplateSaved,        // on the configuration: a new version of a letter template
  kContactPreferencesChanged,  // on a complaint: how the complainant wants letters
  kIdentityLinked,             // on a user: a provider's account linked (issuer and subject)
  kSignInRefused,              // on a user: a provider's sign-in refused, with the reason
  kReminderDigestQueued,       // on a user: their daily digest queued, with the cases it names
  kResidentCodeSent,    // on a complaint: a one-time code to follow it sent (app/resident_portal)
  kResidentCaseOpened,  // on a complaint: the resident opened it with a one-time code
  kResidentInformationAdded,  // on a complaint: information the resident added online
  kLetterResent,  // on a complaint: an issued letter emailed again (a new message, the same letter)
  kResponseCorrected,  // on a complaint: a response recorded in error corrected (each field's
                       // before and after, and why)
  kListExported,  // on a user: a list they downloaded (which, its format, filters and row count)
  kImported,      // on a complaint: imported from a legacy system (its system, reference and file)
  kSubjectAccessReceived,   // a subject access request recorded (core/subject_access_request.hpp)
  kSubjectAccessExtended,   // extended, with the months, the reason and when the requester was told
  kSubjectAccessCompleted,  // answered
  kSubjectAccessWithdrawn,  // withdrawn by the requester, with the reason
  kLetterPrinted,     // on a complaint: a posted letter printed in the post room's print batch
  kSavedViewChanged,  // on a user: a named view of the case list they saved, changed or deleted
  kSubjectAccessItemWithheld,  // on a subject access request: an item withheld from its bundle,
                               // with the reason (core/subject_access_bundle.hpp)
  kSubjectAccessExported,      // on a subject access request: its bundle exported (the SHA-256)
  kTestEmailSent,  // on a user: an administrator's test email through the relay, and its answer
  kRetentionRuleChanged,   // on the configuration: a retention period changed (core/retention.hpp)
  kRetentionHoldPlaced,    // on a complaint: a hold that stops its disposal, with the reason
  kRetentionHoldReleased,  // on a complaint: a hold released, with the reason
  kDisposalDryRun,         // on a disposal run: what would be disposed of, and what kept
  kDisposalApproved,       // on a disposal run: approved by a second person
  kDisposalCancelled,      // on a disposal run: cancelled before it ran
  kDisposalCompleted,      // on a disposal run: run, with the counts disposed of and kept
  kComplaintDisposed,      // on a complaint: its personal data disposed of under a run
  kRedacted,  // on a complaint: one field or attachment redacted, by whom and why, not what
  // On a complaint or service request: staff said it names, or does not name, a person of the
  // people index, or undid that decision, with the reason (core/people_index.hpp).
  kPersonMatchConfirmed,
  kPersonMatchRejected,
  kPersonMatchUndone,
  // On a service request that never became a complaint: its personal data disposed of under a
  // run (a converted one goes with its complaint, kComplaintDisposed).
  kServiceRequestDisposed,
  // On a subject access request: its personal data disposed of under a run.
  kSubjectAccessDisposed,
};
std::string_view ToString(EventType type);  // "logged", "acknowledged", ... snake_case
std::optional<EventType> ParseEventType(std::string_view name);
// Every event type, in the enum's order: what the API's EventType names and the web app words.
std::vector<EventType> AllEventTypes();

struct Change {
  std::string field;
  std::string before;
  std::string after;
  friend bool operator==(const Change&, const Change&) = default;
};

struct CaseEvent {
  EventType type;
  Date occurred_on;     // the business date (e.g. the acknowledgement date), not the wall clock
  std::string actor;    // username
  int stage = 0;        // the stage it concerns; 0 when none
  std::string summary;  // one human sentence for the timeline
  std::vector<Change> changes;
};

}  // namespace redress::core
