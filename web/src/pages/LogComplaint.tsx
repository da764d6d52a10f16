// Log a complaint (or a service request) from any channel: a guided form in the order a call or
// letter is taken, then the reference and deadlines.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, request } from '../api';
import { ClientErrors, Form, useForm } from '../components/Form';
import {
  DateInput,
  datePartsOf,
  isoOf,
  Radios,
  Select,
  Textarea,
  TextInput,
  type DateParts,
  type Option,
} from '../components/fields';
import { PersonComplaints } from '../components/PersonComplaints';
import { DateText, LoadFailed, Loading, usePageTitle, WarningText } from '../components/ui';
import { useReference, type Reference } from '../data';
import { wordFormErrors, type FormWords } from '../fieldErrors';
import { CHANNEL_LABELS, REGIME_LABELS, todayIso } from '../format';
import type { Channel, Complaint, FieldError, Person, Regime, ServiceRequest } from '../types';

type Kind = 'complaint' | 'service_request';

// 'online' is not offered: only the public service logs complaints with it.
const LOGGED_CHANNELS: Channel[] = [
  'phone',
  'email',
  'letter',
  'in_person',
  'web_form',
  'social_media',
];
const HOUSING_SERVICE_AREA = 'housing';
const SUMMARY_MAX = 200;

const KIND_OPTIONS: Option[] = [
  {
    value: 'complaint',
    label: 'A complaint',
    hint: 'They are unhappy with a service, an action or a lack of action, or with how they were treated.',
  },
  {
    value: 'service_request',
    label: 'A service request',
    hint: 'A first request for something to be provided or put right, such as reporting a repair. It can become a complaint later.',
  },
];

const CONTACT_OPTIONS: Option[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'letter', label: 'Letter' },
  { value: 'none', label: 'No preference' },
];

const emptyPerson: Person = { name: '', email: '', phone: '', address: '', postcode: '' };

interface Draft {
  kind: Kind | '';
  channel: Channel | '';
  received: DateParts;
  matterArose: DateParts;
  regime: Regime | '';
  serviceArea: string;
  category: string;
  complainant: Person;
  hasRepresentative: 'yes' | 'no' | '';
  representative: Person;
  contactBy: string;
  contactNotes: string;
  adjustments: string;
  vulnerabilities: string;
  summary: string;
  description: string;
  desiredOutcome: string;
}

// What the API has no field for goes into an internal note on the new case, for staff only:
// contact preferences, reasonable adjustments and vulnerabilities.
function noteFor(draft: Draft): string {
  const parts: string[] = [];
  const preferred = CONTACT_OPTIONS.find((option) => option.value === draft.contactBy);
  if (preferred || draft.contactNotes.trim()) {
    parts.push(
      `Contact preferences: ${preferred?.label ?? 'not given'}${draft.contactNotes.trim() ? ` – ${draft.contactNotes.trim()}` : ''}`,
    );
  }
  if (draft.adjustments.trim()) parts.push(`Reasonable adjustments: ${draft.adjustments.trim()}`);
  if (draft.vulnerabilities.trim()) parts.push(`Vulnerabilities: ${draft.vulnerabilities.trim()}`);
  return parts.join('\n\n');
}

function personInput(person: Person): Partial<Person> {
  return Object.fromEntries(
    Object.entries(person)
      .map(([key, value]) => [key, value.trim()])
      .filter(([, value]) => value),
  );
}

// The checks the API cannot make because the browser never sends a half-typed date or a choice
// that was not made.
function clientErrors(draft: Draft): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.channel) errors.push({ field: 'channel', message: 'Select how they contacted us' });
  if (!isoOf(draft.received))
    errors.push({
      field: 'received_on',
      message: 'Enter the date it was received as a real date, for example 27 3 2026',
    });
  const aroseTyped =
    draft.matterArose.day.trim() || draft.matterArose.month.trim() || draft.matterArose.year.trim();
  if (draft.kind === 'complaint' && aroseTyped && !isoOf(draft.matterArose)) {
    errors.push({
      field: 'matter_arose_on',
      message:
        'Enter the date the matter arose as a real date, for example 27 3 2026, or leave it empty',
    });
  }
  if (!draft.kind)
    errors.push({
      field: 'kind',
      message: 'Select whether this is a complaint or a service request',
    });
  if (draft.kind === 'complaint' && !draft.regime)
    errors.push({ field: 'regime', message: 'Select which complaints procedure applies' });
  return errors;
}

// How the form names its fields in the API's errors ("Enter a summary of the complaint").
const PERSON_WORDS = (prefix: string, whose: string, who: string): FormWords => ({
  [prefix]: {
    words: `at least one way to reach ${who}: an email address, phone number or address`,
  },
  [`${prefix}.name`]: { words: `${whose} full name` },
  [`${prefix}.email`]: { words: `${whose} email address` },
  [`${prefix}.phone`]: { words: `${whose} phone number` },
  [`${prefix}.address`]: { words: `${whose} address` },
  [`${prefix}.postcode`]: { words: `${whose} postcode` },
});

const LOG_WORDS: FormWords = {
  channel: { words: 'how they contacted us', choice: true },
  received_on: { words: 'the date it was received' },
  regime: { words: 'which complaints procedure applies', choice: true },
  service_area: { words: 'the service area', choice: true },
  category: { words: 'the category', choice: true },
  summary: { words: 'a summary of what it is about' },
  description: { words: 'what happened, in the complainant’s words' },
  matter_arose_on: { words: 'the date the matter arose' },
  desired_outcome: { words: 'what the complainant wants to happen' },
  ...PERSON_WORDS('complainant', 'the complainant’s', 'them'),
  ...PERSON_WORDS('requester', 'the requester’s', 'them'),
  ...PERSON_WORDS('representative', 'the representative’s', 'the representative'),
};

// The form's fields in the order they are asked, so that the error summary follows the page.
const FIELD_ORDER = [
  'channel',
  'received_on',
  'kind',
  'service_area',
  'category',
  'regime',
  'summary',
  'description',
  'matter_arose_on',
  'desired_outcome',
  'complainant',
  'requester',
  'representative',
];

function positionOf(field: string): number {
  const found = FIELD_ORDER.findIndex((name) => field === name || field.startsWith(`${name}.`));
  return found < 0 ? FIELD_ORDER.length : found;
}

// The fields without which the API cannot log anything: when the form's own checks find one of
// them wrong, the request is sure to be refused, so sending it anyway gets every other field's
// error in the same round (channel '', received_on null and regime '' are answered "required").
const FIELDS_THE_API_REQUIRES = new Set(['channel', 'received_on', 'kind', 'regime']);

// Every error of the form in one round: the form's own (a half-typed date, a choice not made)
// with the API's for the rest. The form's own words win where both name a field.
async function allErrors(draft: Draft, own: FieldError[]): Promise<FieldError[]> {
  if (!own.some((error) => FIELDS_THE_API_REQUIRES.has(error.field))) return own;
  let answered: FieldError[] = [];
  try {
    await logDraft(draft);
    // Unreachable by the rule above; should the API accept it all the same, it is logged.
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    answered = wordFormErrors(error.fieldErrors(), LOG_WORDS);
  }
  // The procedure is asked only of a complaint: until then the kind's own error stands for it.
  const ownFields = new Set([
    ...own.map((error) => error.field),
    ...(draft.kind === 'complaint' ? [] : ['regime']),
  ]);
  return [...own, ...answered.filter((error) => !ownFields.has(error.field))].sort(
    (a, b) => positionOf(a.field) - positionOf(b.field),
  );
}

type Logged =
  | { kind: 'complaint'; complaint: Complaint; noteSaved: boolean }
  | { kind: 'service_request'; request: ServiceRequest };

async function logDraft(draft: Draft): Promise<Logged> {
  const common = {
    channel: draft.channel,
    received_on: isoOf(draft.received),
    service_area: draft.serviceArea,
    category: draft.category,
    summary: draft.summary.trim(),
    description: draft.description.trim(),
  };
  if (draft.kind === 'service_request') {
    const { body } = await request<ServiceRequest>('POST', '/service-requests', {
      body: { ...common, requester: personInput(draft.complainant) },
    });
    return { kind: 'service_request', request: body };
  }
  const { body } = await request<Complaint>('POST', '/complaints', {
    body: {
      ...common,
      // Not yet said to be a complaint: no procedure applies, whatever the service area suggests.
      regime: draft.kind === 'complaint' ? draft.regime : '',
      ...(isoOf(draft.matterArose) ? { matter_arose_on: isoOf(draft.matterArose) } : {}),
      desired_outcome: draft.desiredOutcome.trim(),
      complainant: personInput(draft.complainant),
      ...(draft.hasRepresentative === 'yes'
        ? { representative: personInput(draft.representative) }
        : {}),
    },
  });
  const note = noteFor(draft);
  let noteSaved = true;
  if (note) {
    noteSaved = await request('POST', `/complaints/${body.reference}/notes`, {
      body: { text: note },
    }).then(
      () => true,
      () => false,
    );
  }
  return { kind: 'complaint', complaint: body, noteSaved };
}

function PersonFields({
  prefix,
  person,
  onChange,
}: {
  prefix: string;
  person: Person;
  onChange: (person: Person) => void;
}) {
  const set = (key: keyof Person) => (value: string) => onChange({ ...person, [key]: value });
  return (
    <>
      <TextInput
        name={`${prefix}.name`}
        label="Full name"
        value={person.name}
        onChange={set('name')}
        autoComplete="off"
      />
      <TextInput
        name={`${prefix}.email`}
        label="Email address"
        type="email"
        value={person.email}
        onChange={set('email')}
        spellCheck={false}
      />
      <TextInput
        name={`${prefix}.phone`}
        label="Phone number"
        type="tel"
        value={person.phone}
        onChange={set('phone')}
        widthClass="govuk-input--width-20"
      />
      <Textarea
        name={`${prefix}.address`}
        label="Address"
        rows={3}
        value={person.address}
        onChange={set('address')}
      />
      <TextInput
        name={`${prefix}.postcode`}
        label="Postcode"
        value={person.postcode}
        onChange={set('postcode')}
        widthClass="govuk-input--width-10"
      />
    </>
  );
}

function Confirmation({ logged }: { logged: Logged }) {
  if (logged.kind === 'service_request') {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Service request logged</h1>
          <div className="govuk-panel__body">
            Reference
            <br />
            <strong>{logged.request.reference}</strong>
          </div>
        </div>
        <p className="govuk-body">
          It has gone to the owning team. If it is not put right, it can be raised as a complaint
          from{' '}
          <Link className="govuk-link" to={`/service-requests/${logged.request.reference}`}>
            the service request’s page
          </Link>
          .
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/cases/new" reloadDocument>
            Log another
          </Link>
        </p>
      </>
    );
  }
  const { complaint } = logged;
  const stage = complaint.stages.find((s) => s.number === complaint.stage);
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Complaint logged</h1>
        <div className="govuk-panel__body">
          Reference
          <br />
          <strong id="logged-reference">{complaint.reference}</strong>
        </div>
      </div>
      {complaint.possible_repeat_of.length > 0 && (
        <WarningText>
          This looks like a repeat of{' '}
          {complaint.possible_repeat_of.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <Link className="govuk-link" to={`/cases/${ref}`}>
                {ref}
              </Link>
            </span>
          ))}
          . Check before investigating it again, and link the cases if it is.
        </WarningText>
      )}
      {!logged.noteSaved && (
        <WarningText>
          The contact preferences, adjustments and vulnerabilities could not be saved as a note. Add
          them on the case page.
        </WarningText>
      )}
      <h2 className="govuk-heading-m">Deadlines</h2>
      <dl className="govuk-summary-list" id="logged-deadlines">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Acknowledge by</dt>
          <dd className="govuk-summary-list__value">
            <DateText iso={complaint.acknowledge_by} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Respond by</dt>
          <dd className="govuk-summary-list__value">Set when the complaint is acknowledged</dd>
        </div>
        {stage && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Team</dt>
            <dd className="govuk-summary-list__value">{stage.team}</dd>
          </div>
        )}
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/cases/${complaint.reference}`}>
          Go to the case
        </Link>{' '}
        or{' '}
        <Link className="govuk-link" to="/cases/new" reloadDocument>
          log another complaint
        </Link>
        .
      </p>
    </>
  );
}

function LogForm({
  reference,
  onLogged,
}: {
  reference: Reference;
  onLogged: (logged: Logged) => void;
}) {
  const form = useForm(LOG_WORDS);
  const [draft, setDraft] = useState<Draft>({
    kind: '',
    channel: '',
    received: datePartsOf(todayIso()),
    matterArose: { day: '', month: '', year: '' },
    regime: '',
    serviceArea: '',
    category: '',
    complainant: emptyPerson,
    hasRepresentative: '',
    representative: emptyPerson,
    contactBy: '',
    contactNotes: '',
    adjustments: '',
    vulnerabilities: '',
    summary: '',
    description: '',
    desiredOutcome: '',
  });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const chooseServiceArea = (code: string) =>
    setDraft((old) => ({
      ...old,
      serviceArea: code,
      // Housing complaints follow the Housing Ombudsman's Code; the officer can still change it.
      regime: old.regime || (code === HOUSING_SERVICE_AREA ? 'housing' : ''),
    }));
  const submit = () =>
    form.submit(async () => {
      const problems = clientErrors(draft);
      if (problems.length > 0) throw new ClientErrors(await allErrors(draft, problems));
      onLogged(await logDraft(draft));
    });
  const isComplaint = draft.kind !== 'service_request';
  const personPrefix = isComplaint ? 'complainant' : 'requester';
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={isComplaint ? 'Log complaint' : 'Log service request'}
    >
      <h1 className="govuk-heading-l">Log a complaint</h1>
      <h2 className="govuk-heading-m">1. How it reached us</h2>
      <Radios
        name="channel"
        label="How did they contact us?"
        value={draft.channel}
        onChange={(v) => set('channel')(v as Channel)}
        options={LOGGED_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
      />
      <DateInput
        name="received_on"
        label="When was it received?"
        hint="For example, 27 3 2026"
        value={draft.received}
        onChange={set('received')}
      />
      <Radios
        name="kind"
        label="Is this a complaint or a service request?"
        value={draft.kind}
        onChange={(v) => set('kind')(v as Kind)}
        options={KIND_OPTIONS}
      />

      <h2 className="govuk-heading-m">2. What it is about</h2>
      <Select
        name="service_area"
        label="Service area"
        value={draft.serviceArea}
        onChange={chooseServiceArea}
        placeholder="Choose a service area"
        options={reference.serviceAreas.map((a) => ({ value: a.code, label: a.name }))}
      />
      <Select
        name="category"
        label="Category"
        value={draft.category}
        onChange={set('category')}
        placeholder="Choose a category"
        options={reference.categories
          .filter((c) => c.active)
          .map((c) => ({ value: c.code, label: c.name }))}
      />
      {isComplaint && (
        <Radios
          name="regime"
          label="Which complaints procedure applies?"
          value={draft.regime}
          onChange={(v) => set('regime')(v as Regime)}
          options={Object.entries(REGIME_LABELS).map(([value, label]) => ({ value, label }))}
        />
      )}
      <TextInput
        name="summary"
        label="Summary"
        hint={`A short line to recognise the case by, up to ${SUMMARY_MAX} characters`}
        value={draft.summary}
        onChange={set('summary')}
      />
      <Textarea
        name="description"
        label="What happened?"
        hint="In their words where you can: what went wrong, when, and what they have already tried"
        rows={6}
        value={draft.description}
        onChange={set('description')}
      />
      {isComplaint && (
        <DateInput
          name="matter_arose_on"
          label="When did the matter happen, or come to their notice? (optional)"
          hint="Complaints are normally made within 12 months of this date. For example, 27 3 2026"
          value={draft.matterArose}
          onChange={set('matterArose')}
        />
      )}
      {isComplaint && (
        <Textarea
          name="desired_outcome"
          label="What do they want to happen?"
          value={draft.desiredOutcome}
          onChange={set('desiredOutcome')}
        />
      )}

      <h2 className="govuk-heading-m">3. {isComplaint ? 'The complainant' : 'Who asked'}</h2>
      <PersonFields
        prefix={personPrefix}
        person={draft.complainant}
        onChange={set('complainant')}
      />
      <PersonComplaints
        id="person-complaints"
        heading="Their earlier complaints"
        person={draft.complainant}
        waitForTyping
      />
      {isComplaint && (
        <>
          <Radios
            name="has_representative"
            label="Is someone else making the complaint for them?"
            hint="For example a relative, an advocate, a councillor or an MP"
            inline
            value={draft.hasRepresentative}
            onChange={(v) => set('hasRepresentative')(v as 'yes' | 'no')}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
          />
          {draft.hasRepresentative === 'yes' && (
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Their representative
              </legend>
              <PersonFields
                prefix="representative"
                person={draft.representative}
                onChange={set('representative')}
              />
            </fieldset>
          )}
          <h2 className="govuk-heading-m">4. Contact and support needs</h2>
          <p className="govuk-body">
            These are saved as an internal note on the case, seen by staff only.
          </p>
          <Radios
            name="contact_by"
            label="How do they prefer to be contacted?"
            value={draft.contactBy}
            onChange={set('contactBy')}
            options={CONTACT_OPTIONS}
          />
          <TextInput
            name="contact_notes"
            label="Anything else about contacting them (optional)"
            hint="For example, the best times to call, or a language"
            value={draft.contactNotes}
            onChange={set('contactNotes')}
          />
          <Textarea
            name="adjustments"
            label="Reasonable adjustments (optional)"
            hint="For example, large print, a British Sign Language interpreter, calls instead of letters"
            rows={3}
            value={draft.adjustments}
            onChange={set('adjustments')}
          />
          <Textarea
            name="vulnerabilities"
            label="Vulnerabilities (optional)"
            hint="Anything that makes them more at risk, which handlers should know"
            rows={3}
            value={draft.vulnerabilities}
            onChange={set('vulnerabilities')}
          />
        </>
      )}
    </Form>
  );
}

export function LogComplaint() {
  usePageTitle('Log a complaint');
  const reference = useReference();
  const [logged, setLogged] = useState<Logged | null>(null);
  if (logged) return <Confirmation logged={logged} />;
  if (reference.error) return <LoadFailed message={reference.error} />;
  if (!reference.data) return <Loading />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <LogForm reference={reference.data} onLogged={setLogged} />
      </div>
    </div>
  );
}
