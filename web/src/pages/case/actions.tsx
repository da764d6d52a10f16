// The forms for the simpler case actions; respond has its own file.
import { useState } from 'react';
import {
  DateInput,
  datePartsOf,
  Radios,
  Select,
  Textarea,
  TextInput,
} from '../../components/fields';
import { get } from '../../api';
import { useLoad, type Reference } from '../../data';
import type { FormWords } from '../../fieldErrors';
import { formatDate, REFUSAL_LABELS, todayIso } from '../../format';
import type { EligibleHandlers } from '../../types';
import { ActionForm, type CaseVersion } from './ActionForm';
import { Checks, optionalText, withDate } from './checks';

export interface ActionProps {
  base: CaseVersion;
  reference: Reference;
}

function useToday() {
  return useState(() => datePartsOf(todayIso()));
}

// The people who may handle `stage` of the case, as the server's one rule says
// (GET …/eligible-handlers: not viewers, not an earlier stage's handler, able to see the case),
// as a Select's options; none while they load.
function useEligibleHandlers(reference: string, stage: number) {
  const eligible = useLoad(
    () =>
      get<EligibleHandlers>(
        `/complaints/${encodeURIComponent(reference)}/eligible-handlers?stage=${stage}`,
      ),
    `${reference}/${stage}`,
  );
  return eligible.data?.items ?? [];
}

const ACKNOWLEDGE_WORDS: FormWords = {
  on: { words: 'the date you acknowledged the complaint' },
};

const EXTEND_WORDS: FormWords = {
  on: { words: 'the date the extension was decided' },
  working_days: { words: 'how many working days the deadline is extended by' },
  reason: { words: 'the reason, as told to the complainant' },
  good_reason: { words: 'the good reason for going beyond the Code’s limit' },
};

const ESCALATE_WORDS: FormWords = {
  requested_on: { words: 'the date they asked for the next stage' },
  handler: { words: 'a handler for the next stage', choice: true },
};

const REFUSE_WORDS: FormWords = {
  on: { words: 'the date of the decision' },
  reason: { words: 'the reason from the Code', choice: true },
  explanation: { words: 'the explanation given to the complainant' },
  matter_arose_on: { words: 'the date the matter arose' },
};

const WITHDRAW_WORDS: FormWords = { on: { words: 'the date they withdrew' } };
const CLOSE_WORDS: FormWords = { on: { words: 'the date the case was closed' } };
const REOPEN_WORDS: FormWords = {
  on: { words: 'the date it was reopened' },
  reason: { words: 'why it is being reopened' },
};
const REASSIGN_WORDS: FormWords = {
  team: { words: 'a team', choice: true },
  handler: { words: 'a handler', choice: true },
};

export function AcknowledgeForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const build = () => withDate('on', on, {}, 'the date of the acknowledgement');
  return (
    <ActionForm
      base={base}
      action="acknowledge"
      words={ACKNOWLEDGE_WORDS}
      title="Acknowledge the complaint"
      submitLabel="Acknowledge"
      done="Complaint acknowledged"
      build={build}
      fallbackField="on"
    >
      <p className="govuk-body">
        The response deadline is counted in working days from the acknowledgement.
      </p>
      <DateInput
        name="on"
        label="When was it acknowledged?"
        hint="For example, 27 3 2026"
        value={on}
        onChange={setOn}
      />
    </ActionForm>
  );
}

export function ExtendForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [goodReason, setGoodReason] = useState('');
  const build = () => {
    const checks = new Checks();
    const date = checks.date('on', on, 'the date of the decision');
    const workingDays = checks.wholeNumber(
      'working_days',
      days,
      'Enter the extension as a whole number of working days',
    );
    checks.done();
    return {
      on: date,
      working_days: workingDays,
      reason: reason.trim(),
      ...optionalText('good_reason', goodReason),
    };
  };
  return (
    <ActionForm
      base={base}
      action="extend"
      words={EXTEND_WORDS}
      title="Extend the response deadline"
      submitLabel="Extend"
      done="Deadline extended"
      build={build}
      fallbackField="working_days"
    >
      <DateInput name="on" label="When was the extension decided?" value={on} onChange={setOn} />
      <TextInput
        name="working_days"
        label="By how many working days?"
        hint="The Code allows one extension of up to 10 working days at stage 1 and 20 at stage 2"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        value={days}
        onChange={setDays}
      />
      <Textarea
        name="reason"
        label="Reason, as told to the complainant"
        value={reason}
        onChange={setReason}
      />
      <Textarea
        name="good_reason"
        label="Good reason for going beyond the Code’s limit (if it does)"
        hint="A longer extension counts as outside the Code and needs a recorded good reason"
        value={goodReason}
        onChange={setGoodReason}
      />
    </ActionForm>
  );
}

export function EscalateForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const handlers = useEligibleHandlers(base.complaint.reference, base.complaint.stage + 1);
  const [reason, setReason] = useState('');
  const [handler, setHandler] = useState('');
  const build = () =>
    withDate(
      'requested_on',
      on,
      { ...optionalText('reason', reason), ...optionalText('handler', handler) },
      'the date they asked',
    );
  return (
    <ActionForm
      base={base}
      action="escalate"
      words={ESCALATE_WORDS}
      title="Escalate to the next stage"
      submitLabel="Escalate"
      done="Complaint escalated"
      build={build}
      fallbackField="requested_on"
    >
      <p className="govuk-body">
        The next stage is handled by someone other than this stage’s handler.
      </p>
      <DateInput
        name="requested_on"
        label="When did they ask for the next stage?"
        value={on}
        onChange={setOn}
      />
      <Textarea
        name="reason"
        label="Why are they dissatisfied with the response? (optional)"
        value={reason}
        onChange={setReason}
      />
      <Select
        name="handler"
        label="Handler for the next stage (optional)"
        hint="Only people who may handle the next stage: not this stage’s handler. Leave empty to let the owning team assign it"
        value={handler}
        onChange={setHandler}
        placeholder="Not assigned yet"
        options={handlers.map((u) => ({ value: u.username, label: u.display_name }))}
      />
    </ActionForm>
  );
}

export function RefuseForm({ base }: ActionProps) {
  const complaint = base.complaint;
  const [on, setOn] = useToday();
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const [arose, setArose] = useState(() =>
    complaint.matter_arose_on
      ? datePartsOf(complaint.matter_arose_on)
      : { day: '', month: '', year: '' },
  );
  const build = () => {
    const checks = new Checks();
    const onIso = checks.date('on', on, 'the date of the decision');
    const aroseIso = checks.optionalDate('matter_arose_on', arose, 'the date the matter arose');
    checks.done();
    return {
      on: onIso,
      reason,
      explanation: explanation.trim(),
      ...(aroseIso ? { matter_arose_on: aroseIso } : {}),
    };
  };
  return (
    <ActionForm
      base={base}
      action="refuse"
      words={REFUSE_WORDS}
      title="Refuse the complaint (not accepted)"
      submitLabel="Refuse complaint"
      done="Complaint not accepted"
      build={build}
      fallbackField="reason"
      warning
    >
      <p className="govuk-body">
        The complainant must be told why, and that they can go to the Ombudsman.
      </p>
      <DateInput name="on" label="Date of the decision" value={on} onChange={setOn} />
      <Radios
        name="reason"
        label="Reason from the Code"
        value={reason}
        onChange={setReason}
        options={Object.entries(REFUSAL_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <DateInput
        name="matter_arose_on"
        label="When did the matter complained of happen, or come to the complainant's notice?"
        hint={
          <>
            Needed to refuse as older than 12 months: the complaint, received on{' '}
            {formatDate(complaint.received_on)}, must have been made more than 12 months after this
            date. Refusing is a choice: the Code lets you accept an older complaint when there is
            good reason. For example, 27 3 2023
          </>
        }
        value={arose}
        onChange={setArose}
      />
      <Textarea
        name="explanation"
        label="Explanation given to the complainant"
        value={explanation}
        onChange={setExplanation}
      />
    </ActionForm>
  );
}

export function WithdrawForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [reason, setReason] = useState('');
  const build = () => withDate('on', on, optionalText('reason', reason));
  return (
    <ActionForm
      base={base}
      action="withdraw"
      words={WITHDRAW_WORDS}
      title="Record that the complainant withdrew"
      submitLabel="Record withdrawal"
      done="Withdrawal recorded"
      build={build}
      fallbackField="on"
      warning
    >
      <DateInput name="on" label="When did they withdraw?" value={on} onChange={setOn} />
      <Textarea
        name="reason"
        label="What did they say? (optional)"
        value={reason}
        onChange={setReason}
      />
    </ActionForm>
  );
}

export function CloseForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const build = () => withDate('on', on);
  return (
    <ActionForm
      base={base}
      action="close"
      words={CLOSE_WORDS}
      title="Close the case"
      submitLabel="Close case"
      done="Case closed"
      build={build}
      fallbackField="on"
    >
      <DateInput name="on" label="Date closed" value={on} onChange={setOn} />
    </ActionForm>
  );
}

export function ReopenForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [reason, setReason] = useState('');
  const build = () => withDate('on', on, { reason: reason.trim() });
  return (
    <ActionForm
      base={base}
      action="reopen"
      words={REOPEN_WORDS}
      title="Reopen the current stage"
      submitLabel="Reopen"
      done="Case reopened"
      build={build}
      fallbackField="reason"
    >
      <p className="govuk-body">The response clock restarts from the date it is reopened.</p>
      <DateInput name="on" label="Date reopened" value={on} onChange={setOn} />
      <Textarea
        name="reason"
        label="Why is it being reopened?"
        value={reason}
        onChange={setReason}
      />
    </ActionForm>
  );
}

export function ReassignForm({ base, reference }: ActionProps) {
  const stage = base.complaint.stages.at(-1);
  const [team, setTeam] = useState(stage?.team ?? '');
  const [handler, setHandler] = useState(stage?.handler ?? '');
  const build = () => ({ ...optionalText('team', team), ...optionalText('handler', handler) });
  const eligible = useEligibleHandlers(base.complaint.reference, base.complaint.stage);
  const members = eligible.filter((u) => !team || u.team === team);
  return (
    <ActionForm
      base={base}
      action="reassign"
      words={REASSIGN_WORDS}
      title="Reassign the current stage"
      submitLabel="Reassign"
      done="Case reassigned"
      build={build}
      fallbackField="team"
    >
      <Select
        name="team"
        label="Team"
        value={team}
        onChange={setTeam}
        options={reference.teams.map((t) => ({ value: t.code, label: t.name }))}
      />
      <Select
        name="handler"
        label="Handler"
        hint="People in the chosen team who may handle this stage"
        value={handler}
        onChange={setHandler}
        placeholder="Not assigned"
        options={members.map((u) => ({ value: u.username, label: u.display_name }))}
      />
    </ActionForm>
  );
}
