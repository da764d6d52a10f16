// The timeline as sentences for people: "Amira Khan acknowledged the complaint; the response is
// due on 17 December 2026". One sentence per event type (core::EventType, the API's EventType):
// the Record below does not compile without one for every type, and timeline.test.ts checks the
// list against the document. The event's own summary and its field-by-field changes stay behind
// a details disclosure (CaseExtras' Timeline).
import { formatDate, OUTCOME_LABELS } from './format';
import type { Event, EventType } from './types';

// What a sentence is made from: who did it, the facts of the event by field, its stage.
interface Facts {
  who: string;
  stage: string; // "stage 2", or "the case" when the event concerns no stage
  after: (field: string) => string;
  date: (field: string) => string; // the field's new value as a date for people, or ''
  changed: (field: string) => boolean; // whether the event lists the field among its changes
}

// The complainant's needs, recorded with the contact preferences (core::ContactPreferences).
const NEEDS_FIELDS = ['adjustments', 'vulnerabilities', 'vulnerability_note'];

// "; the response is due on 17 December 2026", or nothing when the field did not change.
function clause(text: string, value: string): string {
  return value ? `; ${text} ${value}` : '';
}

function outcomeWords(code: string): string {
  return (OUTCOME_LABELS as Record<string, string>)[code]?.toLowerCase() ?? code.replace(/_/g, ' ');
}

const SENTENCES: Record<EventType, (f: Facts) => string> = {
  logged: (f) =>
    `${f.who} logged the complaint${clause('it must be acknowledged by', f.date('acknowledge_by'))}`,
  acknowledged: (f) =>
    `${f.who} acknowledged the complaint${clause('the response is due on', f.date('respond_by'))}`,
  extended: (f) =>
    `${f.who} extended the response deadline${f.after('extension_working_days') ? ` by ${f.after('extension_working_days')} working days` : ''}${clause('the response is now due on', f.date('respond_by'))}`,
  responded: (f) =>
    `${f.who} responded at ${f.stage}${f.after('outcome') ? `: ${outcomeWords(f.after('outcome'))}` : ''}`,
  response_corrected: (f) =>
    `${f.who} corrected the response recorded at ${f.stage}${f.after('outcome') ? `: now ${outcomeWords(f.after('outcome'))}` : ''}`,
  escalated: (f) =>
    `${f.who} escalated the complaint to ${f.stage}${clause('it must be acknowledged by', f.date('acknowledge_by'))}`,
  refused: (f) => `${f.who} decided not to accept the complaint`,
  withdrawn: (f) => `${f.who} recorded that the complainant withdrew the complaint`,
  reopened: (f) =>
    `${f.who} reopened ${f.stage}${clause('the response is due on', f.date('respond_by'))}`,
  closed: (f) => `${f.who} closed the case`,
  reassigned: (f) =>
    `${f.who} reassigned ${f.stage}${f.after('handler') ? ` to ${f.after('handler')}` : f.after('team') ? ` to the team ${f.after('team')}` : ''}`,
  note_added: (f) => `${f.who} added an internal note`,
  linked: (f) => `${f.who} linked another complaint`,
  unlinked: (f) => `${f.who} removed a link to another complaint`,
  action_updated: (f) => `${f.who} updated an outstanding action`,
  service_request_logged: (f) => `${f.who} logged the service request`,
  service_request_resolved: (f) => `${f.who} resolved the service request`,
  service_request_converted: (f) => `${f.who} raised the service request as a complaint`,
  configured: (f) => `${f.who} changed the configuration`,
  user_created: (f) => `${f.who} created a user`,
  user_updated: (f) => `${f.who} changed a user`,
  token_created: (f) => `${f.who} created an API token`,
  token_revoked: (f) => `${f.who} revoked an API token`,
  signed_in: (f) => `${f.who} signed in`,
  sign_in_failed: () => 'A sign-in failed',
  locked_out: () => 'Sign-ins were locked after repeated failures',
  signed_out: (f) => `${f.who} signed out`,
  ombudsman_case_recorded: (f) => `${f.who} recorded an Ombudsman case`,
  ombudsman_case_updated: (f) => `${f.who} updated an Ombudsman case`,
  ombudsman_case_linked: (f) => `${f.who} recorded that an Ombudsman case concerns this complaint`,
  ombudsman_case_unlinked: (f) =>
    `${f.who} recorded that an Ombudsman case no longer concerns this complaint`,
  failure_order_recorded: (f) => `${f.who} recorded a Complaint Handling Failure Order`,
  failure_order_updated: (f) => `${f.who} updated a Complaint Handling Failure Order`,
  annual_letter_recorded: (f) => `${f.who} recorded the LGSCO annual letter`,
  learning_action_raised: (f) => `${f.who} raised a learning action`,
  learning_action_updated: (f) => `${f.who} updated a learning action`,
  self_assessment_started: (f) => `${f.who} started the Code self-assessment`,
  self_assessment_updated: (f) => `${f.who} updated the Code self-assessment`,
  self_assessment_approved: (f) => `${f.who} recorded the approval of the Code self-assessment`,
  annual_submission_created: (f) => `${f.who} started the annual submission`,
  annual_submission_updated: (f) => `${f.who} changed the annual submission`,
  annual_submission_approved: (f) => `${f.who} recorded the approval of the annual submission`,
  annual_submission_published: (f) => `${f.who} recorded that the annual submission was published`,
  annual_submission_submitted: (f) =>
    `${f.who} recorded that the annual submission was sent to the Ombudsman`,
  deadlines_recalculated: (f) =>
    `The deadlines moved because the calendar changed${clause('the response is now due on', f.date('respond_by'))}`,
  procedure_recorded: (f) => `${f.who} recorded a step of the statutory procedure at ${f.stage}`,
  attachment_added: (f) => `${f.who} attached a file`,
  attachment_removed: (f) => `${f.who} removed an attached file`,
  letter_issued: (f) => `${f.who} issued a letter`,
  letter_template_saved: (f) => `${f.who} saved a letter template`,
  contact_preferences_changed: (f) =>
    NEEDS_FIELDS.some(f.changed)
      ? `${f.who} recorded the complainant’s needs and reasonable adjustments`
      : `${f.who} changed how the complainant wants letters`,
  identity_linked: (f) => `${f.who} linked a sign-in from the organisation’s identity provider`,
  sign_in_refused: () => 'A sign-in through the identity provider was refused',
  reminder_digest_queued: (f) => `A reminder of due and overdue cases was queued for ${f.who}`,
  resident_code_sent: () => 'A code to follow the complaint online was sent to the complainant',
  resident_case_opened: () => 'The complainant opened the complaint online',
  resident_information_added: () => 'The complainant added information online',
  letter_resent: (f) => `${f.who} sent a letter again`,
  list_exported: (f) => `${f.who} downloaded a list`,
  imported: (f) => `${f.who} imported the case from a legacy system`,
  subject_access_received: (f) => `${f.who} recorded a subject access request`,
  subject_access_extended: (f) =>
    `${f.who} extended the subject access request${clause('the requester was told on', f.date('extension_told_on'))}`,
  subject_access_completed: (f) => `${f.who} recorded the subject access request answered`,
  subject_access_withdrawn: (f) => `${f.who} recorded the subject access request withdrawn`,
  letter_printed: (f) => `${f.who} printed a letter for the post`,
  saved_view_changed: (f) => `${f.who} changed a saved view of the case list`,
  subject_access_item_withheld: (f) => `${f.who} withheld an item from the subject access bundle`,
  subject_access_exported: (f) => `${f.who} exported the subject access bundle`,
  test_email_sent: (f) => `${f.who} sent a test email through the relay`,
  retention_rule_changed: (f) => `${f.who} changed a retention period`,
  retention_hold_placed: (f) => `${f.who} placed a hold that stops this case being disposed of`,
  retention_hold_released: (f) => `${f.who} released a hold on disposing of this case`,
  disposal_dry_run: (f) => `${f.who} made a disposal dry run`,
  disposal_approved: (f) => `${f.who} approved the disposal run`,
  disposal_cancelled: (f) => `${f.who} cancelled the disposal run`,
  disposal_completed: () => `The disposal run disposed of the personal data of the cases it listed`,
  complaint_disposed: () =>
    `The personal data of this case was disposed of under the retention schedule`,
  redacted: (f) => `${f.who} redacted information from this case`,
  person_match_confirmed: (f) =>
    `${f.who} confirmed that this record names a person of the people index`,
  person_match_rejected: (f) =>
    `${f.who} recorded that this record does not name a person of the people index`,
  person_match_undone: (f) => `${f.who} undid a decision of the people index on this record`,
  service_request_disposed: () =>
    `The personal data of this request was disposed of under the retention schedule`,
  subject_access_disposed: () =>
    `The personal data of this request was disposed of under the retention schedule`,
};

// Every event type the app has a sentence for: what timeline.test.ts compares with the API's.
export const WORDED_EVENT_TYPES = Object.keys(SENTENCES) as EventType[];

// The event as one sentence, ending with a full stop.
export function eventSentence(event: Event): string {
  const changed = new Map(event.changes.map((change) => [change.field, change.after]));
  const facts: Facts = {
    who: event.actor_name ?? event.actor,
    stage: event.stage ? `stage ${event.stage}` : 'the case',
    after: (field) => changed.get(field) ?? '',
    date: (field) => formatDate(changed.get(field) ?? ''),
    changed: (field) => changed.has(field),
  };
  return `${SENTENCES[event.type](facts)}.`;
}

// What the details of an event say it recorded: its summary, or, once its content was erased
// (the API's content_erased, issue 20), that it was removed, so that an empty line is not taken
// for an event that recorded nothing.
export const ERASED_DETAILS = '(details removed under the retention schedule or a redaction)';
export function eventDetails(event: Event): string {
  return event.content_erased || event.summary === '' ? ERASED_DETAILS : event.summary;
}
