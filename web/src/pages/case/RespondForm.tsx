// Respond at the current stage: outcome, root causes (at least one: no root cause, no response),
// remedies, outstanding actions and the learning, then check the answers before sending. The same
// form corrects a response recorded in error (POST …/correct-response): it starts from the
// response recorded and asks why it was wrong; the one recorded stays in the timeline.
import { useState, type ReactNode } from 'react';
import {
  Checkboxes,
  DateInput,
  datePartsOf,
  ErrorMessage,
  fieldId,
  FormGroup,
  Radios,
  Select,
  Textarea,
  TextInput,
  useFieldError,
  type DateParts,
} from '../../components/fields';
import type { FormWords } from '../../fieldErrors';
import { formatDate, formatPence, OUTCOME_LABELS, REMEDY_LABELS, todayIso } from '../../format';
import type { Outcome, RemedyType } from '../../types';
import { ActionForm, AnswerRow } from './ActionForm';
import type { ActionProps } from './actions';
import { Checks } from './checks';

interface RemedyDraft {
  type: RemedyType | '';
  pounds: string;
  description: string;
}

interface ActionDraft {
  description: string;
  due: DateParts;
  owner: string;
}

const emptyDate: DateParts = { day: '', month: '', year: '' };

function RemedyFields({
  index,
  remedy,
  onChange,
  onRemove,
}: {
  index: number;
  remedy: RemedyDraft;
  onChange: (r: RemedyDraft) => void;
  onRemove: () => void;
}) {
  const name = `remedies[${index}]`;
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Remedy {index + 1}
      </legend>
      <Select
        name={`${name}.type`}
        label="Type"
        value={remedy.type}
        onChange={(type) => onChange({ ...remedy, type: type as RemedyType })}
        placeholder="Choose a type"
        options={Object.entries(REMEDY_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextInput
        name={`${name}.amount_pence`}
        label="Amount in pounds (for financial remedies)"
        widthClass="govuk-input--width-10"
        inputMode="text"
        value={remedy.pounds}
        onChange={(pounds) => onChange({ ...remedy, pounds })}
      />
      <TextInput
        name={`${name}.description`}
        label="Description"
        value={remedy.description}
        onChange={(description) => onChange({ ...remedy, description })}
      />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRemove}>
        Remove remedy {index + 1}
      </button>
    </fieldset>
  );
}

function ActionFields({
  index,
  action,
  owners,
  onChange,
  onRemove,
}: {
  index: number;
  action: ActionDraft;
  owners: { value: string; label: string }[];
  onChange: (a: ActionDraft) => void;
  onRemove: () => void;
}) {
  const name = `actions[${index}]`;
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Action {index + 1}
      </legend>
      <TextInput
        name={`${name}.description`}
        label="What will be done"
        value={action.description}
        onChange={(description) => onChange({ ...action, description })}
      />
      <DateInput
        name={`${name}.due_on`}
        label="Due by (optional)"
        value={action.due}
        onChange={(due) => onChange({ ...action, due })}
      />
      <Select
        name={`${name}.owner`}
        label="Owner (optional)"
        value={action.owner}
        onChange={(owner) => onChange({ ...action, owner })}
        placeholder="No owner"
        options={owners}
      />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRemove}>
        Remove action {index + 1}
      </button>
    </fieldset>
  );
}

// A growing list (remedies, actions) whose own error, such as "needs at least one remedy", is
// shown above it; the add button carries the list's id so the error summary's link reaches it.
function ListGroup({
  name,
  title,
  addLabel,
  onAdd,
  children,
}: {
  name: string;
  title: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  const id = fieldId(name);
  const error = useFieldError(name);
  return (
    <FormGroup error={error}>
      <h2 className="govuk-heading-m">{title}</h2>
      <ErrorMessage id={id} error={error} />
      {children}
      <button
        type="button"
        id={id}
        className="govuk-button govuk-button--secondary"
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={onAdd}
      >
        {addLabel}
      </button>
    </FormGroup>
  );
}

const RESPOND_WORDS: FormWords = {
  on: { words: 'the date of the response' },
  outcome: { words: 'the outcome', choice: true },
  root_causes: { words: 'at least one root cause', choice: true },
  remedies: { words: 'a remedy: an upheld or partly upheld complaint needs one' },
  learning: { words: 'what we have learned' },
};

const CORRECT_WORDS: FormWords = {
  ...RESPOND_WORDS,
  on: { words: 'the date of the correction' },
  reason: { words: 'why the response recorded was wrong' },
};

// The body both forms send, as the check-your-answers step shows it.
interface ResponseBody {
  on: string;
  outcome: Outcome;
  root_causes: string[];
  remedies: { type: RemedyType; amount_pence?: number; description: string }[];
  actions: { description: string; due_on?: string; owner?: string }[];
  learning: string;
  reason?: string;
}

type Mode = 'respond' | 'correct';

function ResponseForm({ base, reference, mode }: ActionProps & { mode: Mode }) {
  const recorded = base.complaint.stages.find((s) => s.number === base.complaint.stage)?.response;
  const correcting = mode === 'correct' && recorded;
  const [on, setOn] = useState(() => datePartsOf(todayIso()));
  const [outcome, setOutcome] = useState<string>(correcting ? recorded.outcome : '');
  const [rootCauses, setRootCauses] = useState<string[]>(correcting ? recorded.root_causes : []);
  const [remedies, setRemedies] = useState<RemedyDraft[]>(
    correcting
      ? recorded.remedies.map((r) => ({
          type: r.type,
          pounds: r.amount_pence ? (r.amount_pence / 100).toFixed(2) : '',
          description: r.description,
        }))
      : [],
  );
  const [actions, setActions] = useState<ActionDraft[]>(
    correcting
      ? recorded.actions.map((a) => ({
          description: a.description,
          due: a.due_on ? datePartsOf(a.due_on) : emptyDate,
          owner: a.owner,
        }))
      : [],
  );
  const [learning, setLearning] = useState(correcting ? recorded.learning : '');
  const [reason, setReason] = useState('');
  const owners = reference.users
    .filter((u) => u.active)
    .map((u) => ({ value: u.username, label: u.display_name }));
  const nameOf = (username: string) =>
    reference.users.find((u) => u.username === username)?.display_name ?? username;
  const causeName = (code: string) =>
    reference.rootCauses.find((c) => c.code === code)?.name ?? code;
  const replace = <T,>(list: T[], index: number, item: T) =>
    list.map((old, i) => (i === index ? item : old));

  const build = () => {
    const checks = new Checks();
    const respondedOn = checks.date(
      'on',
      on,
      correcting ? 'the date of the correction' : 'the date of the response',
    );
    const remedyBodies = remedies.map((remedy, index) => {
      const pence = checks.pence(`remedies[${index}].amount_pence`, remedy.pounds);
      return {
        type: remedy.type,
        ...(pence !== undefined ? { amount_pence: pence } : {}),
        description: remedy.description.trim(),
      };
    });
    const actionBodies = actions.map((action, index) => {
      const due = checks.optionalDate(`actions[${index}].due_on`, action.due, 'the due date');
      return {
        description: action.description.trim(),
        ...(due ? { due_on: due } : {}),
        ...(action.owner ? { owner: action.owner } : {}),
      };
    });
    checks.done();
    return {
      on: respondedOn,
      outcome,
      root_causes: rootCauses,
      remedies: remedyBodies,
      actions: actionBodies,
      learning: learning.trim(),
      ...(correcting ? { reason: reason.trim() } : {}),
    };
  };

  // The check-your-answers step: every answer with a Change link back to the form.
  const review = (sent: unknown, change: () => void) => {
    const body = sent as ResponseBody;
    return (
      <>
        <AnswerRow
          label={correcting ? 'Date of the correction' : 'Date of the response'}
          change={change}
        >
          {formatDate(body.on)}
        </AnswerRow>
        <AnswerRow label="Outcome" change={change}>
          {OUTCOME_LABELS[body.outcome] ?? 'Not given'}
        </AnswerRow>
        <AnswerRow label="Root causes" change={change}>
          {body.root_causes.length ? body.root_causes.map(causeName).join(', ') : 'None'}
        </AnswerRow>
        <AnswerRow label="Remedies offered" change={change}>
          {body.remedies.length
            ? body.remedies
                .map(
                  (r) =>
                    `${REMEDY_LABELS[r.type] ?? r.type}${r.amount_pence ? ` ${formatPence(r.amount_pence)}` : ''}${r.description ? `: ${r.description}` : ''}`,
                )
                .join('; ')
            : 'None'}
        </AnswerRow>
        <AnswerRow label="Outstanding actions" change={change}>
          {body.actions.length
            ? body.actions
                .map(
                  (a) =>
                    `${a.description}${a.due_on ? `, by ${formatDate(a.due_on)}` : ''}${a.owner ? ` (${nameOf(a.owner)})` : ''}`,
                )
                .join('; ')
            : 'None'}
        </AnswerRow>
        <AnswerRow label="What we have learned" change={change}>
          {body.learning || 'Nothing recorded'}
        </AnswerRow>
        {correcting && (
          <AnswerRow label="Why the response recorded was wrong" change={change}>
            {body.reason || 'Not given'}
          </AnswerRow>
        )}
      </>
    );
  };

  return (
    <ActionForm
      base={base}
      action={correcting ? 'correct-response' : 'respond'}
      title={
        correcting
          ? `Correct the response recorded at stage ${base.complaint.stage}`
          : `Respond at stage ${base.complaint.stage}`
      }
      submitLabel={correcting ? 'Save the correction' : 'Send response'}
      done={correcting ? 'Response corrected' : 'Response recorded'}
      build={build}
      review={review}
      words={correcting ? CORRECT_WORDS : RESPOND_WORDS}
      fallbackField="outcome"
    >
      {correcting && (
        <p className="govuk-body">
          Correct what was recorded in error for the response of {formatDate(recorded.responded_on)}
          . The response keeps its date; what was recorded before stays in the case’s timeline and
          the audit trail. If the answer itself fell short, reopen the stage instead.
        </p>
      )}
      <DateInput
        name="on"
        label={correcting ? 'Date of the correction' : 'Date of the response'}
        value={on}
        onChange={setOn}
      />
      <Radios
        name="outcome"
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Checkboxes
        name="root_causes"
        label="Root causes"
        hint="Select every cause that applies. A response needs at least one."
        values={rootCauses}
        onChange={setRootCauses}
        options={reference.rootCauses
          .filter((c) => c.active)
          .map((c) => ({ value: c.code, label: c.name }))}
      />

      <ListGroup
        name="remedies"
        title="Remedies offered"
        addLabel="Add a remedy"
        onAdd={() => setRemedies([...remedies, { type: '', pounds: '', description: '' }])}
      >
        {remedies.length === 0 && <p className="govuk-body">No remedies added.</p>}
        {remedies.map((remedy, index) => (
          <RemedyFields
            key={index}
            index={index}
            remedy={remedy}
            onChange={(r) => setRemedies(replace(remedies, index, r))}
            onRemove={() => setRemedies(remedies.filter((_, i) => i !== index))}
          />
        ))}
      </ListGroup>

      <ListGroup
        name="actions"
        title="Outstanding actions"
        addLabel="Add an action"
        onAdd={() => setActions([...actions, { description: '', due: emptyDate, owner: '' }])}
      >
        {actions.length === 0 && <p className="govuk-body">No actions added.</p>}
        {actions.map((action, index) => (
          <ActionFields
            key={index}
            index={index}
            action={action}
            owners={owners}
            onChange={(a) => setActions(replace(actions, index, a))}
            onRemove={() => setActions(actions.filter((_, i) => i !== index))}
          />
        ))}
      </ListGroup>

      <Textarea
        name="learning"
        label="What have we learned?"
        hint="For the regular review of lessons learned"
        value={learning}
        onChange={setLearning}
      />
      {correcting && (
        <Textarea
          name="reason"
          label="Why was the response recorded wrong?"
          hint="For example, the wrong outcome was chosen"
          value={reason}
          onChange={setReason}
        />
      )}
    </ActionForm>
  );
}

export function RespondForm(props: ActionProps) {
  return <ResponseForm {...props} mode="respond" />;
}

export function CorrectResponseForm(props: ActionProps) {
  return <ResponseForm {...props} mode="correct" />;
}
