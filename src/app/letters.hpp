#pragma once

// Correspondence use cases (issue 15): preview and issue a complaint's letter, list and read its
// letters and their outbox state, and the letter templates. A letter is checked against the Code
// (core::CheckLetter: a required part missing is refused, naming it), rendered from the
// organisation's template for its type (and regime, where it has one) or the shipped default,
// frozen when issued (PDF, text, HTML, recipient, channel, date, template version and SHA-256, the
// hash in the audit event), and queued for email in the same transaction when it goes by email.
// Issuing an acknowledgement may record the acknowledgement itself on the issue date, so that the
// clock counts from the letter: one use case, one transaction.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/letter.hpp"
#include "core/postal.hpp"

namespace redress::app {

// Whether issuing also records the case event the letter reports (only an acknowledgement can:
// its date is the issue date).
enum class RecordEvent { kNo, kYes };

struct LetterRequest {
  core::LetterType type = core::LetterType::kFreeLetter;
  // The handler's parts; those the case knows (the response and new dates, the Ombudsman block)
  // are filled by the use case, and the outcome sought defaults to the case's desired outcome.
  core::LetterParts parts;
  std::optional<core::Date> issued_on;  // default: today
  RecordEvent record_event = RecordEvent::kNo;
  // Default: the complainant's preferences as recorded (Preferences).
  std::optional<core::PreferredChannel> channel;
  std::optional<core::LetterFormat> format;
  std::optional<int> corrects;  // the number of an earlier letter this one corrects
};

// A letter as it would be issued, not stored; `missing` names the required parts not yet given
// (an issue would be refused naming them).
struct LetterDraft {
  IssuedLetter letter;      // id, number and issued_at unset
  core::LetterParts parts;  // as the letter says them: the handler's, completed from the case
  std::vector<core::LetterPart> required;
  std::vector<core::LetterPart> missing;
  // For a letter that goes by post: set when it would arrive after the deadline it answers
  // (core::CheckPostingDeadline, on the organisation's calendar).
  std::optional<core::PostingWarning> posting_warning;
};

// The template a letter of this type and regime is rendered from: the organisation's latest for
// the regime, else its latest for every regime, else the shipped default (version 0).
Result<LetterTemplate> TemplateFor(Tx& tx, core::LetterType type, core::Regime regime);

// Issues inside the caller's transaction (see IssueLetter).
Result<IssuedLetter> IssueLetterIn(Tx& tx, const Organisation& organisation, const Actor& actor,
                                   core::Date today, std::string_view now_rfc3339,
                                   std::int64_t now_unix, std::string_view mail_domain,
                                   std::string_view reference, const LetterRequest& request);

// Queues an email of the stored `letter` to `recipient` inside the caller's transaction. The
// letter's first message has the Message-ID "<letter-<reference>-<number>@<domain>>", each later
// one (a copy to the representative, a resend) "<letter-<reference>-<number>.<k>@<domain>>", k its
// place among the letter's messages: fixed when queued, so every attempt of one message carries
// the same Message-ID and a crash between send and record never makes two different messages.
Result<OutboxMessage> QueueLetterEmailIn(Tx& tx, const IssuedLetter& letter,
                                         std::string_view recipient, std::string_view mail_domain,
                                         std::int64_t now_unix);

// What the correspondence use cases need: the store, the clock and the mail domain, the
// right-hand side of the Message-IDs the outbox derives from letters.
struct LetterContext {
  Store& store;
  const Clock& clock;
  std::string mail_domain;
};

// kNotFound when the actor may not see the case (LoadVisibleComplaint); kInvalidInput for an
// issue date in the future or before the complaint was received, or preferences the case
// cannot follow. Renders even with parts missing (listed in `missing`).
Result<LetterDraft> PreviewLetter(const LetterContext& context, const Actor& actor,
                                  std::string_view reference, const LetterRequest& request);
// As PreviewLetter, and refuses (kInvalidInput naming each `parts.<name>`) a letter with a
// required part missing; with RecordEvent::kYes on an acknowledgement, acknowledges the stage on
// the issue date first (refused as the acknowledgement would be).
Result<IssuedLetter> IssueLetter(const LetterContext& context, const Actor& actor,
                                 std::string_view reference, const LetterRequest& request);
Result<std::vector<IssuedLetter>> ListLetters(const LetterContext& context, const Actor& actor,
                                              std::string_view reference);
Result<IssuedLetter> GetLetter(const LetterContext& context, const Actor& actor,
                               std::string_view reference, int number);
// Queues the issued letter `number` again for email to its recipient: the same frozen letter, a
// new outbox message with its own Message-ID (QueueLetterEmailIn), and a letter_issued event
// whose `resent` change names the message, in one transaction. kNotFound as LoadVisibleComplaint or
// for no such letter; kTransitionNotAllowed for a letter that went by post only (it has no email to
// resend).
Result<OutboxMessage> ResendLetter(const LetterContext& context, const Actor& actor,
                                   std::string_view reference, int number);
// The outbox messages of the complaint's letters. kNotFound as LoadVisibleComplaint.
Result<std::vector<OutboxMessage>> OutboxOfComplaint(const LetterContext& context,
                                                     const Actor& actor,
                                                     std::string_view reference);
Result<OutboxCounts> CountOutbox(const LetterContext& context);

// The complainant's contact preferences: those recorded, else the defaults
// (core::DefaultContactPreferences). kNotFound as LoadVisibleComplaint.
Result<core::ContactPreferences> ContactPreferencesOf(const LetterContext& context,
                                                      const Actor& actor,
                                                      std::string_view reference);
// Records them after core::CheckContactPreferences, with a contact_preferences_changed event
// whose changes name each needs field that changed (adjustments, vulnerabilities,
// vulnerability_note): the history of the complainant's needs.
Result<core::ContactPreferences> SaveContactPreferences(
    const LetterContext& context, const Actor& actor, std::string_view reference,
    const core::ContactPreferences& preferences);
// The same within `tx`, for a complaint already loaded (and seen by the actor).
Status SaveContactPreferencesIn(Tx& tx, const Actor& actor, core::Date today,
                                const core::Complaint& complaint,
                                const core::ContactPreferences& preferences);
// Which of `references` carry needs (core::HasNeeds), in one query: the flag of a list's rows.
// The caller lists only cases the actor sees (the list's own visibility filter).
Result<std::set<std::string>> ComplaintsWithNeeds(Store& store,
                                                  std::span<const std::string> references);

// Every letter type and regime's template in use: the saved ones and the defaults.
Result<std::vector<LetterTemplate>> ListLetterTemplates(const LetterContext& context);
// Saves the next version after CheckTemplate (kInvalidInput naming `text`, or `type`); appends
// the configuration event.
Result<LetterTemplate> SaveLetterTemplate(const LetterContext& context, const Actor& actor,
                                          LetterTemplate letter_template);

// An administrator's unsaved template and what to render it against: the case `reference` (one
// the actor can see), else the built-in sample case of the template's regime (`regime` when the
// template serves every regime) at `stage`.
struct TemplatePreview {
  LetterTemplate draft;  // type, regime, text
  std::optional<std::string> reference;
  core::Regime regime = core::Regime::kHousing;
  int stage = 1;
};
// Renders the draft as a letter issued today would be, through the same rendering as real
// letters (PDF and email text), sample words standing in for the handler's parts; stores nothing.
// Refused as SaveLetterTemplate would refuse the text (kInvalidInput naming `text`), and a case
// the actor cannot see as `reference` (kUnknownReference).
Result<LetterDraft> PreviewLetterTemplate(const LetterContext& context, const Actor& actor,
                                          const TemplatePreview& preview);
// Every saved version of the (type, regime) template, newest first; for every regime the
// shipped default comes last as version 0.
Result<std::vector<LetterTemplate>> LetterTemplateHistory(const LetterContext& context,
                                                          core::LetterType type,
                                                          std::optional<core::Regime> regime);

}  // namespace redress::app
