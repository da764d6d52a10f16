#include "app/letters.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>

#include "app/case_use_cases.hpp"
#include "app/correspondence_settings.hpp"
#include "app/sha256.hpp"
#include "core/enum_names.hpp"
#include "core/transitions.hpp"
#include "letters/default_templates.hpp"
#include "letters/email_body.hpp"
#include "letters/letter_pdf.hpp"
#include "letters/letter_template.hpp"

namespace redress::app {
namespace {

constexpr core::EnumNames<OutboxState, 4> kOutboxStateNames{{
    {OutboxState::kQueued, "queued"},
    {OutboxState::kSending, "sending"},
    {OutboxState::kSent, "sent"},
    {OutboxState::kFailed, "failed"},
}};

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The address block: the name, then the address's lines, then the postcode.
std::string AddressOf(const core::Person& person) {
  std::string address = person.name;
  if (!IsBlank(person.address)) address += "\n" + person.address;
  if (!IsBlank(person.postcode)) address += "\n" + person.postcode;
  return address;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(std::move(line));
      line.clear();
    } else {
      line += c;
    }
  }
  lines.push_back(std::move(line));
  return lines;
}

core::CaseContext ContextOf(const Organisation& organisation, const Actor& actor,
                            core::Date today) {
  return {organisation.calendar.get(), today, actor.username, &organisation.root_causes};
}

// The letter as it would be issued from `complaint` (already acknowledged when the issue records
// the acknowledgement), with the parts the case knows filled in. `draft_template` renders an
// administrator's unsaved template instead of the one in use (PreviewLetterTemplate).
Result<LetterDraft> Build(Tx& tx, const Organisation& organisation, const Actor& actor,
                          const core::Complaint& complaint, const LetterRequest& request,
                          core::Date issued_on, const LetterTemplate* draft_template = nullptr) {
  const core::Stage& stage = complaint.current_stage();
  core::LetterContext context{request.type, complaint.regime, stage.number};
  core::LetterParts parts = request.parts;
  switch (request.type) {
    case core::LetterType::kAcknowledgement:
      parts.response_date = stage.respond_by;
      break;
    case core::LetterType::kExtensionNotice:
      parts.new_date = stage.respond_by;
      break;
    default:
      break;
  }
  if (IsBlank(parts.outcome_sought) &&
      core::AllowsPart(context, core::LetterPart::kOutcomeSought)) {
    parts.outcome_sought = complaint.desired_outcome;
  }
  core::DropInapplicableParts(context, parts);
  // The Ombudsman block wherever the letter type requires it: never typed, always current.
  std::vector<core::LetterPart> required = core::RequiredParts(context);
  parts.ombudsman =
      std::find(required.begin(), required.end(), core::LetterPart::kOmbudsman) != required.end();

  auto recorded = tx.ContactPreferences().Load(complaint.reference);
  if (!recorded) return tl::unexpected(recorded.error());
  core::ContactPreferences preferences =
      recorded->value_or(core::DefaultContactPreferences(complaint.complainant));
  if (request.channel) preferences.channel = *request.channel;
  if (request.format) preferences.format = *request.format;
  if (Status reachable = core::CheckContactPreferences(preferences, complaint.complainant);
      !reachable) {
    return tl::unexpected(reachable.error());
  }

  Result<LetterTemplate> letter_template = draft_template
                                               ? Result<LetterTemplate>(*draft_template)
                                               : TemplateFor(tx, request.type, complaint.regime);
  if (!letter_template) return tl::unexpected(letter_template.error());

  letters::LetterModel model;
  model.organisation = organisation.settings.name;
  model.reference = complaint.reference;
  model.complainant_name = complaint.complainant.name;
  model.stage_name =
      std::string(core::RulesFor(complaint.regime, complaint.received_on).stage(stage.number).name);
  model.stage = stage.number;
  model.received_on = complaint.received_on;
  model.issued_on = issued_on;
  model.parts = parts;
  if (parts.ombudsman) {
    // The organisation's dated blocks: the one in force on the issue date (core's one rule).
    auto contacts = OmbudsmanContactsIn(tx);
    if (!contacts) return tl::unexpected(contacts.error());
    model.ombudsman =
        core::OmbudsmanContactOn(*contacts, core::OmbudsmanFor(complaint.regime), issued_on);
  }
  Result<std::string> text = letters::RenderLetterText(letter_template->text, model);
  if (!text) return tl::unexpected(text.error());

  IssuedLetter letter;
  letter.complaint_reference = complaint.reference;
  letter.type = request.type;
  letter.stage = stage.number;
  letter.issued_on = issued_on;
  letter.issued_by = actor.username;
  letter.channel = preferences.channel;
  letter.format = preferences.format;
  letter.recipient_name = complaint.complainant.name;
  if (preferences.channel != core::PreferredChannel::kPost) {
    letter.recipient_email = complaint.complainant.email;
  }
  std::string address = AddressOf(complaint.complainant);
  if (preferences.channel != core::PreferredChannel::kEmail) letter.recipient_address = address;
  letter.template_version = letter_template->version;
  letter.text = letters::EmailText(*text);
  letter.html = letters::EmailHtml(*text);
  letters::LetterDocument document{
      organisation.settings.name, Lines(address), complaint.reference, issued_on, *text,
      preferences.format};
  Result<letters::RenderedPdf> pdf = letters::RenderLetterPdf(document);
  if (!pdf) return tl::unexpected(pdf.error());
  letter.pdf = std::move(pdf->bytes);
  letter.pages = pdf->pages;
  letter.sha256 = Sha256Hex(letter.pdf);
  letter.corrects = request.corrects;

  LetterDraft draft;
  draft.letter = std::move(letter);
  draft.required = required;
  for (core::LetterPart part : required) {
    if (!core::HasPart(parts, part)) draft.missing.push_back(part);
  }
  draft.parts = std::move(parts);
  if (preferences.channel != core::PreferredChannel::kEmail) {
    draft.posting_warning = core::CheckPostingDeadline(*organisation.calendar, issued_on,
                                                       core::LetterDeadline(request.type, stage));
  }
  return draft;
}

// The issue date: today by default; never in the future nor before the complaint was received.
Result<core::Date> IssueDate(const core::Complaint& complaint, const LetterRequest& request,
                             core::Date today) {
  core::Date issued_on = request.issued_on.value_or(today);
  if (issued_on > today) {
    return core::FailField("issued_on", "must not be in the future",
                           core::FieldErrorCode::kDateInFuture);
  }
  if (issued_on < complaint.received_on) {
    return core::FailField("issued_on", "must not be before the complaint was received",
                           core::FieldErrorCode::kDateTooEarly);
  }
  return issued_on;
}

Status RequireRecordableEvent(const LetterRequest& request) {
  if (request.record_event == RecordEvent::kYes &&
      request.type != core::LetterType::kAcknowledgement) {
    return core::FailField("record_event", "only an acknowledgement records its event on issue",
                           core::FieldErrorCode::kInvalid);
  }
  return {};
}

// Where a copy of the complainant's letters goes: the representative's email when the recorded
// contact preferences ask for a copy and the case has a representative with an email; "" for
// none. A representative without an email gets no copy here (a postal copy is not made).
Result<std::string> RepresentativeCopyTo(Tx& tx, const core::Complaint& complaint) {
  auto recorded = tx.ContactPreferences().Load(complaint.reference);
  if (!recorded) return tl::unexpected(recorded.error());
  if (!*recorded ||
      (*recorded)->copy_representative != core::ContactPreferences::CopyRepresentative::kYes) {
    return std::string();
  }
  if (!complaint.representative || IsBlank(complaint.representative->email)) {
    return std::string();
  }
  return complaint.representative->email;
}

// Checked against every stage of the regimes it serves: one template serves them all.
Status CheckTemplateForEveryStage(const LetterTemplate& letter_template) {
  core::FieldErrors errors;
  for (core::Regime regime : core::kAllRegimes) {
    if (letter_template.regime && *letter_template.regime != regime) continue;
    for (int stage = 1; stage <= core::RulesFor(regime).stage_count(); ++stage) {
      Status checked =
          letters::CheckTemplate({letter_template.type, regime, stage}, letter_template.text);
      if (!checked) {
        for (const core::FieldError& field : checked.error().fields) {
          errors.Add(field.field, field.message, field.code);
        }
        break;
      }
    }
    if (!errors.empty()) break;
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

// The built-in sample case an administrator previews a template against when they name none:
// every fact a letter reads from the case, in the regime and at the stage asked.
core::Complaint SampleComplaint(core::Regime regime, int stage, core::Date today) {
  core::Complaint complaint;
  complaint.reference = "CMP-SAMPLE-000001";
  complaint.regime = regime;
  complaint.received_on = today;
  complaint.summary = "Sample complaint";
  complaint.desired_outcome = "The repair done and an apology";
  complaint.complainant.name = "Sam Sample";
  complaint.complainant.email = "sam.sample@example.org";
  complaint.complainant.address = "1 Sample Street\nExampleton";
  complaint.complainant.postcode = "EX1 1AA";
  for (int number = 1; number <= stage; ++number) {
    core::Stage s;
    s.number = number;
    s.started_on = today;
    s.acknowledge_by = today;
    s.acknowledged_on = today;
    s.respond_by = today;
    complaint.stages.push_back(std::move(s));
  }
  return complaint;
}

// Sample words for every part a handler types, so that a preview shows where each goes.
core::LetterParts SampleParts(core::Date today) {
  core::LetterParts p;
  p.complaint_definition = "[Sample] The complaint as we understand it.";
  p.not_responsible_for = "[Sample] What we are not responsible for.";
  p.extension_reason = "[Sample] Why we need more time.";
  p.decisions = "[Sample] Our decision on each part of the complaint.";
  p.reasons = "[Sample] Our reasons, citing the policy that applies.";
  p.remedies = "[Sample] What we will do to put things right, and by when.";
  p.outstanding_actions = {{"[Sample] An action still to do", today}};
  p.escalation = "[Sample] How to ask for the next stage.";
  p.refusal_explanation = "[Sample] Why the matter is not for the complaints process.";
  p.progress = "[Sample] What we have done since our response.";
  p.resolution = "[Sample] What we agreed on the phone.";
  p.body = "[Sample] The text of the letter.";
  return p;
}

}  // namespace

std::string_view ToString(OutboxState state) { return core::NameOf(kOutboxStateNames, state); }
std::optional<OutboxState> ParseOutboxState(std::string_view name) {
  return core::ParseName(kOutboxStateNames, name);
}

Result<LetterTemplate> TemplateFor(Tx& tx, core::LetterType type, core::Regime regime) {
  for (std::optional<core::Regime> key :
       {std::optional<core::Regime>(regime), std::optional<core::Regime>()}) {
    auto saved = tx.LetterTemplates().Latest(type, key);
    if (!saved) return tl::unexpected(saved.error());
    if (*saved) return std::move(**saved);
  }
  LetterTemplate shipped;
  shipped.type = type;
  shipped.version = 0;
  shipped.text = std::string(letters::DefaultTemplate(type));
  return shipped;
}

Result<IssuedLetter> IssueLetterIn(Tx& tx, const Organisation& organisation, const Actor& actor,
                                   core::Date today, std::string_view now_rfc3339,
                                   std::int64_t now_unix, std::string_view mail_domain,
                                   std::string_view reference, const LetterRequest& request) {
  if (Status recordable = RequireRecordableEvent(request); !recordable) {
    return tl::unexpected(recordable.error());
  }
  auto complaint = LoadVisibleComplaint(tx, actor, reference);
  if (!complaint) return tl::unexpected(complaint.error());
  auto issued_on = IssueDate(*complaint, request, today);
  if (!issued_on) return tl::unexpected(issued_on.error());
  if (request.record_event == RecordEvent::kYes) {
    auto acknowledged = ApplyCaseActionIn(tx, organisation, actor, today, reference, std::nullopt,
                                          core::AcknowledgeInput{*issued_on});
    if (!acknowledged) return tl::unexpected(acknowledged.error());
    complaint = std::move(acknowledged);
  }
  const core::Complaint& current = *complaint;
  core::LetterContext context{request.type, current.regime, current.current_stage().number};
  auto draft = Build(tx, organisation, actor, current, request, *issued_on);
  if (!draft) return tl::unexpected(draft.error());
  // The parts as Build completed them: a required part still missing refuses the issue.
  if (Status checked = core::CheckLetter(context, draft->parts); !checked) {
    return tl::unexpected(checked.error());
  }
  IssuedLetter letter = std::move(draft->letter);
  letter.issued_at = std::string(now_rfc3339);
  auto stored = tx.Letters().Insert(std::move(letter));
  if (!stored) return stored;

  core::CaseEvent event;
  event.type = core::EventType::kLetterIssued;
  event.occurred_on = stored->issued_on;
  event.actor = actor.username;
  event.stage = stored->stage;
  event.summary = "Letter " + std::to_string(stored->number) +
                  " issued: " + std::string(core::ToString(stored->type)) + " by " +
                  std::string(core::ToString(stored->channel));
  event.changes = {{"letter", "", std::to_string(stored->number)},
                   {"type", "", std::string(core::ToString(stored->type))},
                   {"channel", "", std::string(core::ToString(stored->channel))},
                   {"template_version", "", std::to_string(stored->template_version)},
                   {"sha256", "", stored->sha256}};
  if (stored->corrects)
    event.changes.push_back({"corrects", "", std::to_string(*stored->corrects)});
  Result<std::string> copy_to = RepresentativeCopyTo(tx, current);
  if (!copy_to) return tl::unexpected(copy_to.error());
  if (!copy_to->empty()) event.changes.push_back({"copied_to", "", *copy_to});
  if (Status appended = tx.Events().Append(EntityType::kComplaint, reference, event); !appended) {
    return tl::unexpected(appended.error());
  }
  if (stored->channel != core::PreferredChannel::kPost) {
    auto queued = QueueLetterEmailIn(tx, *stored, stored->recipient_email, mail_domain, now_unix);
    if (!queued) return tl::unexpected(queued.error());
  }
  if (!copy_to->empty()) {
    auto queued = QueueLetterEmailIn(tx, *stored, *copy_to, mail_domain, now_unix);
    if (!queued) return tl::unexpected(queued.error());
  }
  return stored;
}

Result<OutboxMessage> QueueLetterEmailIn(Tx& tx, const IssuedLetter& letter,
                                         std::string_view recipient, std::string_view mail_domain,
                                         std::int64_t now_unix) {
  auto messages = tx.Outbox().OfComplaint(letter.complaint_reference);
  if (!messages) return tl::unexpected(messages.error());
  auto earlier = std::count_if(messages->begin(), messages->end(), [&](const OutboxMessage& m) {
    return m.letter_number == letter.number;
  });
  std::string local = "letter-" + letter.complaint_reference + "-" + std::to_string(letter.number);
  if (earlier > 0) local += "." + std::to_string(earlier + 1);
  OutboxMessage message;
  message.letter_id = letter.id;
  message.complaint_reference = letter.complaint_reference;
  message.letter_number = letter.number;
  message.message_id = "<" + local + "@" + std::string(mail_domain) + ">";
  message.recipient = std::string(recipient);
  message.created_at = now_unix;
  message.next_attempt_at = now_unix;
  return tx.Outbox().Enqueue(std::move(message));
}

Result<OutboxMessage> ResendLetter(const LetterContext& context, const Actor& actor,
                                   std::string_view reference, int number) {
  core::Date today = context.clock.Today();
  std::int64_t now_unix = context.clock.NowUnixSeconds();
  std::optional<OutboxMessage> result;
  Status status = context.store.Write([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto letter = tx.Letters().Load(reference, number);
    if (!letter) return tl::unexpected(letter.error());
    if (IsBlank(letter->recipient_email)) {
      return core::Fail(
          core::ErrorCode::kTransitionNotAllowed,
          "letter " + std::to_string(number) + " went by post only: there is no email to resend");
    }
    auto queued =
        QueueLetterEmailIn(tx, *letter, letter->recipient_email, context.mail_domain, now_unix);
    if (!queued) return tl::unexpected(queued.error());
    // Its own event type, so that counting letter_issued events counts letters: the letter is
    // the same frozen one (its sha256 unchanged), and `resent` names the new message.
    core::CaseEvent event;
    event.type = core::EventType::kLetterResent;
    event.occurred_on = today;
    event.actor = actor.username;
    event.stage = complaint->current_stage().number;
    event.summary = "Letter " + std::to_string(number) + " sent again to " + queued->recipient;
    event.changes = {{"letter", "", std::to_string(number)},
                     {"resent", "", queued->message_id},
                     {"recipient", "", queued->recipient},
                     {"sha256", "", letter->sha256}};
    if (Status appended = tx.Events().Append(EntityType::kComplaint, reference, event); !appended) {
      return appended;
    }
    result = std::move(*queued);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<LetterDraft> PreviewLetter(const LetterContext& context, const Actor& actor,
                                  std::string_view reference, const LetterRequest& request) {
  if (Status recordable = RequireRecordableEvent(request); !recordable) {
    return tl::unexpected(recordable.error());
  }
  std::optional<LetterDraft> result;
  core::Date today = context.clock.Today();
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto issued_on = IssueDate(*complaint, request, today);
    if (!issued_on) return tl::unexpected(issued_on.error());
    core::Complaint subject = *complaint;
    if (request.record_event == RecordEvent::kYes) {
      // The acknowledgement as the issue would record it, in memory only.
      auto acknowledged = core::Acknowledge(subject, core::AcknowledgeInput{*issued_on},
                                            ContextOf(*organisation, actor, today));
      if (!acknowledged) return tl::unexpected(acknowledged.error());
      subject = std::move(acknowledged->complaint);
    }
    auto draft = Build(tx, *organisation, actor, subject, request, *issued_on);
    if (!draft) return tl::unexpected(draft.error());
    result = std::move(*draft);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<IssuedLetter> IssueLetter(const LetterContext& context, const Actor& actor,
                                 std::string_view reference, const LetterRequest& request) {
  std::optional<IssuedLetter> result;
  core::Date today = context.clock.Today();
  std::string now = context.clock.NowRfc3339();
  std::int64_t now_unix = context.clock.NowUnixSeconds();
  Status status = context.store.Write([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    auto issued = IssueLetterIn(tx, *organisation, actor, today, now, now_unix, context.mail_domain,
                                reference, request);
    if (!issued) return tl::unexpected(issued.error());
    result = std::move(*issued);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<std::vector<IssuedLetter>> ListLetters(const LetterContext& context, const Actor& actor,
                                              std::string_view reference) {
  std::optional<std::vector<IssuedLetter>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto letters = tx.Letters().ListOf(reference);
    if (!letters) return tl::unexpected(letters.error());
    result = std::move(*letters);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<IssuedLetter> GetLetter(const LetterContext& context, const Actor& actor,
                               std::string_view reference, int number) {
  std::optional<IssuedLetter> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto letter = tx.Letters().Load(reference, number);
    if (!letter) return tl::unexpected(letter.error());
    result = std::move(*letter);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<std::vector<OutboxMessage>> OutboxOfComplaint(const LetterContext& context,
                                                     const Actor& actor,
                                                     std::string_view reference) {
  std::optional<std::vector<OutboxMessage>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto messages = tx.Outbox().OfComplaint(reference);
    if (!messages) return tl::unexpected(messages.error());
    result = std::move(*messages);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<OutboxCounts> CountOutbox(const LetterContext& context) {
  std::optional<OutboxCounts> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto counts = tx.Outbox().Counts();
    if (!counts) return tl::unexpected(counts.error());
    result = *counts;
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return *result;
}

Result<core::ContactPreferences> ContactPreferencesOf(const LetterContext& context,
                                                      const Actor& actor,
                                                      std::string_view reference) {
  std::optional<core::ContactPreferences> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto recorded = tx.ContactPreferences().Load(reference);
    if (!recorded) return tl::unexpected(recorded.error());
    result = recorded->value_or(core::DefaultContactPreferences(complaint->complainant));
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return *result;
}

Status SaveContactPreferencesIn(Tx& tx, const Actor& actor, core::Date today,
                                const core::Complaint& complaint,
                                const core::ContactPreferences& preferences) {
  if (Status reachable = core::CheckContactPreferences(preferences, complaint.complainant);
      !reachable) {
    return reachable;
  }
  auto recorded = tx.ContactPreferences().Load(complaint.reference);
  if (!recorded) return tl::unexpected(recorded.error());
  core::ContactPreferences before =
      recorded->value_or(core::DefaultContactPreferences(complaint.complainant));
  if (Status saved = tx.ContactPreferences().Save(complaint.reference, preferences); !saved) {
    return saved;
  }
  auto copy = [](const core::ContactPreferences& p) {
    return std::string(
        p.copy_representative == core::ContactPreferences::CopyRepresentative::kYes ? "yes" : "no");
  };
  core::CaseEvent event;
  event.type = core::EventType::kContactPreferencesChanged;
  event.occurred_on = today;
  event.actor = actor.username;
  event.stage = complaint.current_stage().number;
  event.summary = "Contact preferences: " + std::string(core::ToString(preferences.channel)) +
                  ", " + std::string(core::ToString(preferences.format)) + ", " +
                  preferences.language;
  if (core::HasNeeds(preferences)) event.summary += "; needs recorded";
  event.changes = {{"channel", std::string(core::ToString(before.channel)),
                    std::string(core::ToString(preferences.channel))},
                   {"format", std::string(core::ToString(before.format)),
                    std::string(core::ToString(preferences.format))},
                   {"language", before.language, preferences.language},
                   {"copy_representative", copy(before), copy(preferences)}};
  // The needs appear in the history only when they change: each version is kept there.
  const auto changed = [&event](std::string field, std::string was, std::string now) {
    if (was != now) event.changes.push_back({std::move(field), std::move(was), std::move(now)});
  };
  changed("adjustments", before.adjustments, preferences.adjustments);
  changed("vulnerabilities", core::JoinVulnerabilities(before.vulnerabilities),
          core::JoinVulnerabilities(preferences.vulnerabilities));
  changed("vulnerability_note", before.vulnerability_note, preferences.vulnerability_note);
  return tx.Events().Append(EntityType::kComplaint, complaint.reference, event);
}

Result<core::ContactPreferences> SaveContactPreferences(
    const LetterContext& context, const Actor& actor, std::string_view reference,
    const core::ContactPreferences& preferences) {
  core::Date today = context.clock.Today();
  Status status = context.store.Write([&](Tx& tx) -> Status {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    return SaveContactPreferencesIn(tx, actor, today, *complaint, preferences);
  });
  if (!status) return tl::unexpected(status.error());
  return preferences;
}

Result<std::set<std::string>> ComplaintsWithNeeds(Store& store,
                                                  std::span<const std::string> references) {
  std::set<std::string> flagged;
  Status status = store.Read([&](Tx& tx) -> Status {
    auto recorded = tx.ContactPreferences().LoadMany(references);
    if (!recorded) return tl::unexpected(recorded.error());
    for (const auto& [reference, preferences] : *recorded) {
      if (core::HasNeeds(preferences)) flagged.insert(reference);
    }
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return flagged;
}

Result<std::vector<LetterTemplate>> ListLetterTemplates(const LetterContext& context) {
  std::optional<std::vector<LetterTemplate>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto saved = tx.LetterTemplates().ListLatest();
    if (!saved) return tl::unexpected(saved.error());
    std::vector<LetterTemplate> templates;
    for (core::LetterType type : core::kAllLetterTypes) {
      bool has_general = std::any_of(saved->begin(), saved->end(), [&](const LetterTemplate& t) {
        return t.type == type && !t.regime;
      });
      if (!has_general) {
        LetterTemplate shipped;
        shipped.type = type;
        shipped.text = std::string(letters::DefaultTemplate(type));
        templates.push_back(std::move(shipped));
      }
      for (const LetterTemplate& t : *saved) {
        if (t.type == type) templates.push_back(t);
      }
    }
    result = std::move(templates);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<LetterTemplate> SaveLetterTemplate(const LetterContext& context, const Actor& actor,
                                          LetterTemplate letter_template) {
  if (Status checked = CheckTemplateForEveryStage(letter_template); !checked) {
    return tl::unexpected(checked.error());
  }
  letter_template.saved_by = actor.username;
  letter_template.saved_at = context.clock.NowRfc3339();
  core::Date today = context.clock.Today();
  std::optional<LetterTemplate> result;
  Status status = context.store.Write([&](Tx& tx) -> Status {
    auto saved = tx.LetterTemplates().Insert(letter_template);
    if (!saved) return tl::unexpected(saved.error());
    core::CaseEvent event;
    event.type = core::EventType::kLetterTemplateSaved;
    event.occurred_on = today;
    event.actor = actor.username;
    std::string regime =
        saved->regime ? std::string(core::ToString(*saved->regime)) : std::string("every regime");
    event.summary = "Letter template " + std::string(core::ToString(saved->type)) + " (" + regime +
                    ") saved as version " + std::to_string(saved->version);
    event.changes = {
        {"version", std::to_string(saved->version - 1), std::to_string(saved->version)}};
    if (Status appended = tx.Events().Append(
            EntityType::kConfiguration,
            "letter_template/" + std::string(core::ToString(saved->type)), event);
        !appended) {
      return tl::unexpected(appended.error());
    }
    result = std::move(*saved);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

}  // namespace redress::app

namespace redress::app {

Result<LetterDraft> PreviewLetterTemplate(const LetterContext& context, const Actor& actor,
                                          const TemplatePreview& preview) {
  if (Status checked = CheckTemplateForEveryStage(preview.draft); !checked) {
    return tl::unexpected(checked.error());
  }
  core::Date today = context.clock.Today();
  std::optional<LetterDraft> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    core::Complaint subject;
    if (preview.reference) {
      auto complaint = LoadVisibleComplaint(tx, actor, *preview.reference);
      if (!complaint) {
        if (complaint.error().code == core::ErrorCode::kNotFound) {
          return core::FailField("reference", "no case " + *preview.reference + " you can see",
                                 core::FieldErrorCode::kUnknownReference);
        }
        return tl::unexpected(complaint.error());
      }
      subject = std::move(*complaint);
    } else {
      core::Regime regime = preview.draft.regime.value_or(preview.regime);
      int stages = core::RulesFor(regime).stage_count();
      subject = SampleComplaint(regime, std::clamp(preview.stage, 1, stages), today);
    }
    LetterRequest request;
    request.type = preview.draft.type;
    request.parts = SampleParts(today);
    core::Date issued_on = std::max(today, subject.received_on);
    auto draft = Build(tx, *organisation, actor, subject, request, issued_on, &preview.draft);
    if (!draft) return tl::unexpected(draft.error());
    result = std::move(*draft);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<std::vector<LetterTemplate>> LetterTemplateHistory(const LetterContext& context,
                                                          core::LetterType type,
                                                          std::optional<core::Regime> regime) {
  std::optional<std::vector<LetterTemplate>> result;
  Status status = context.store.Read([&](Tx& tx) -> Status {
    auto versions = tx.LetterTemplates().History(type, regime);
    if (!versions) return tl::unexpected(versions.error());
    if (!regime) {
      // The shipped default is version 0 of every regime's template, always the oldest.
      LetterTemplate shipped;
      shipped.type = type;
      shipped.text = std::string(letters::DefaultTemplate(type));
      versions->push_back(std::move(shipped));
    }
    result = std::move(*versions);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

}  // namespace redress::app
