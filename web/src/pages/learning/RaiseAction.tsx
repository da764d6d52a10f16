// /learning/new: raise a learning action from complaints, an Ombudsman case or a theme. The case
// page links here with ?complaint=REF and the Ombudsman case page with ?ombudsman=REF.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import {
  DateInput,
  datePartsOf,
  Radios,
  Select,
  Textarea,
  TextInput,
  type DateParts,
  type Option,
} from '../../components/fields';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useReference, type Reference } from '../../data';
import { todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { FieldError } from '../../types';
import { NotFound } from '../NotFound';
import { dateField, withLabels, type FieldLabels } from './forms';
import {
  LEARNING_SOURCE_LABELS,
  sourceFields,
  sourceFromQuery,
  type LearningAction,
  type LearningSource,
  type SourceDraft,
} from './learning';

const SOURCE_OPTIONS: Option[] = [
  { value: 'complaints', label: LEARNING_SOURCE_LABELS.complaints },
  { value: 'ombudsman_case', label: LEARNING_SOURCE_LABELS.ombudsman_case },
  { value: 'theme', label: LEARNING_SOURCE_LABELS.theme },
];

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

// The API's fields as this form names them, for its error messages.
export const ACTION_LABELS: FieldLabels = {
  source: 'What it was raised from',
  complaints: 'The complaint references',
  ombudsman_case: 'The Ombudsman case reference',
  category: 'The category',
  root_cause: 'The root cause',
  lesson: 'What was learnt',
  action: 'What will change',
  owner: 'The owner',
  raised_on: 'The date it was raised',
  due_on: 'The due date',
  status: 'The status',
  evidence: 'Evidence of completion',
  completed_on: 'The date it was completed',
};

function activeOptions(entries: { code: string; name: string; active: boolean }[]): Option[] {
  return entries
    .filter((entry) => entry.active)
    .map((entry) => ({ value: entry.code, label: entry.name }));
}

function SourceFields({
  draft,
  onChange,
  reference,
}: {
  draft: SourceDraft;
  onChange: (draft: SourceDraft) => void;
  reference: Reference;
}) {
  const set = (key: keyof SourceDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      <Radios
        name="source"
        label="What was it raised from?"
        legendClass="govuk-fieldset__legend--m"
        value={draft.source}
        onChange={(source) => onChange({ ...draft, source: source as LearningSource })}
        options={SOURCE_OPTIONS}
      />
      {draft.source === 'complaints' && (
        <TextInput
          name="complaints"
          label="Complaint references"
          hint="One or more, separated by commas, for example CMP-2022-000123, CMP-2022-000456"
          spellCheck={false}
          value={draft.complaints}
          onChange={set('complaints')}
        />
      )}
      {draft.source === 'ombudsman_case' && (
        <TextInput
          name="ombudsman_case"
          label="Ombudsman case reference"
          hint="Redress’s reference of the case, for example OMB-2022-000001"
          spellCheck={false}
          widthClass="govuk-input--width-20"
          value={draft.ombudsmanCase}
          onChange={set('ombudsmanCase')}
        />
      )}
      {draft.source === 'theme' && (
        <>
          <p className="govuk-body">Choose a category, a root cause or both.</p>
          <Select
            name="category"
            label="Category"
            value={draft.category}
            onChange={set('category')}
            placeholder="No category"
            options={activeOptions(reference.categories)}
          />
          <Select
            name="root_cause"
            label="Root cause"
            value={draft.rootCause}
            onChange={set('rootCause')}
            placeholder="No root cause"
            options={activeOptions(reference.rootCauses)}
          />
        </>
      )}
    </>
  );
}

function RaiseForm({ reference }: { reference: Reference }) {
  const { user } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const form = useForm();
  const [source, setSource] = useState<SourceDraft>(() => sourceFromQuery(search));
  const [lesson, setLesson] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState(user.username);
  const [raised, setRaised] = useState(() => datePartsOf(todayIso()));
  const [due, setDue] = useState(EMPTY_DATE);
  const owners = reference.users
    .filter((u) => u.active)
    .map((u) => ({ value: u.username, label: u.display_name }));
  const complaint = search.get('complaint');
  const cancelTo = complaint ? `/cases/${complaint}` : '/learning';
  const submit = () =>
    form.submit(async () => {
      const problems: FieldError[] = [];
      const raisedOn = dateField('raised_on', 'The date it was raised', raised, problems);
      const dueOn = dateField('due_on', 'The due date', due, problems);
      if (problems.length > 0) throw new ClientErrors(problems);
      const body = {
        ...sourceFields(source),
        lesson: lesson.trim(),
        action: action.trim(),
        owner,
        ...(raisedOn ? { raised_on: raisedOn } : {}),
        ...(dueOn ? { due_on: dueOn } : {}),
      };
      const { body: raisedAction } = await withLabels(ACTION_LABELS, () =>
        request<LearningAction>('POST', '/learning', { body }),
      );
      navigate(`/learning/${raisedAction.reference}`, {
        state: { done: `Learning action ${raisedAction.reference} raised` },
      });
    }, 'action');
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel="Raise action"
      secondary={
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Learning and service improvement</span>
      <h1 className="govuk-heading-l">Raise a learning action</h1>
      <SourceFields draft={source} onChange={setSource} reference={reference} />
      <Textarea
        name="lesson"
        label="What was learnt?"
        hint="What the complaints, the decision or the theme showed about our service"
        value={lesson}
        onChange={setLesson}
      />
      <Textarea
        name="action"
        label="What will change?"
        hint="The improvement to make, so that it can be checked when it is done"
        value={action}
        onChange={setAction}
      />
      <Select
        name="owner"
        label="Owner"
        hint="Who makes sure it is done"
        value={owner}
        onChange={setOwner}
        placeholder="Choose an owner"
        options={owners}
      />
      <DateInput
        name="raised_on"
        label="When was it raised?"
        hint="For example, at the review meeting on 27 6 2022"
        value={raised}
        onChange={setRaised}
      />
      <DateInput
        name="due_on"
        label="Due by"
        hint="For example, 30 9 2022"
        value={due}
        onChange={setDue}
      />
    </Form>
  );
}

export function RaiseAction() {
  usePageTitle('Raise a learning action');
  const { user } = useSession();
  const reference = useReference();
  const complaint = useSearchParams()[0].get('complaint');
  if (!allows(user, 'manage_learning')) return <NotFound />;
  return (
    <>
      {complaint ? (
        <BackLink to={`/cases/${complaint}`}>Case {complaint}</BackLink>
      ) : (
        <BackLink to="/learning">Lessons learned</BackLink>
      )}
      {reference.error && <LoadFailed message={reference.error} />}
      {!reference.data && !reference.error && <Loading />}
      {reference.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <RaiseForm reference={reference.data} />
          </div>
        </div>
      )}
    </>
  );
}
