// The statutory procedures' own steps (src/core/procedure_transitions.hpp): children's stage 2
// (the agreed written record with the Investigating Officer and the Independent Person, the
// adjudication), the review panel and its report, and the adults' offer to discuss the handling,
// agreed response period and late notice.
import { useState } from 'react';
import {
  DateInput,
  datePartsOf,
  Radios,
  Textarea,
  TextInput,
  type DateParts,
} from '../../components/fields';
import { todayIso } from '../../format';
import { ActionForm } from './ActionForm';
import type { ActionProps } from './actions';
import { Checks, optionalText, withDate } from './checks';

const PANEL_SIZE = 3;

const TAKE_UP_LABELS: Record<string, string> = {
  taken_up: 'Yes, they took up the offer',
  declined: 'No, they declined',
  no_reply: 'They have not replied',
};

function useToday() {
  return useState<DateParts>(() => datePartsOf(todayIso()));
}

export function InvestigationForm({ base }: ActionProps) {
  const [agreed, setAgreed] = useToday();
  const [officer, setOfficer] = useState('');
  const [independent, setIndependent] = useState('');
  const build = () =>
    withDate(
      'record_agreed_on',
      agreed,
      { investigating_officer: officer.trim(), independent_person: independent.trim() },
      'the date the written record was agreed',
    );
  return (
    <ActionForm
      base={base}
      action="investigation"
      title="Record the investigation"
      submitLabel="Save investigation"
      done="Investigation recorded"
      build={build}
      fallbackField="record_agreed_on"
    >
      <p className="govuk-body">
        The written record of the complaint is agreed with the complainant. The Independent Person
        must not be the Investigating Officer.
      </p>
      <DateInput
        name="record_agreed_on"
        label="When was the written record of the complaint agreed?"
        value={agreed}
        onChange={setAgreed}
      />
      <TextInput
        name="investigating_officer"
        label="Investigating Officer"
        value={officer}
        onChange={setOfficer}
      />
      <TextInput
        name="independent_person"
        label="Independent Person"
        hint="Not a member or officer of the council"
        value={independent}
        onChange={setIndependent}
      />
    </ActionForm>
  );
}

export function AdjudicationForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [officer, setOfficer] = useState('');
  const build = () =>
    withDate('on', on, { adjudicating_officer: officer.trim() }, 'the date of the adjudication');
  return (
    <ActionForm
      base={base}
      action="adjudication"
      title="Record the adjudication"
      submitLabel="Save adjudication"
      done="Adjudication recorded"
      build={build}
      fallbackField="adjudicating_officer"
    >
      <DateInput name="on" label="When was the adjudication made?" value={on} onChange={setOn} />
      <TextInput
        name="adjudicating_officer"
        label="Adjudicating officer"
        hint="A senior manager: not the Investigating Officer or the Independent Person"
        value={officer}
        onChange={setOfficer}
      />
    </ActionForm>
  );
}

export function ReviewPanelForm({ base }: ActionProps) {
  const [met, setMet] = useToday();
  const [members, setMembers] = useState<string[]>(() => Array(PANEL_SIZE).fill(''));
  const build = () =>
    withDate('met_on', met, { members: members.map((m) => m.trim()) }, 'the date the panel met');
  return (
    <ActionForm
      base={base}
      action="review-panel"
      title="Record the review panel"
      submitLabel="Save review panel"
      done="Review panel recorded"
      build={build}
      fallbackField="members"
    >
      <p className="govuk-body">
        The panel is three independent people, none of whom investigated the complaint at stage 2.
        It meets within 30 working days of the request; its report is due 5 working days after it
        meets, and the council’s response 15 working days after the report.
      </p>
      <DateInput name="met_on" label="When did the panel meet?" value={met} onChange={setMet} />
      {members.map((member, index) => (
        <TextInput
          key={index}
          name={`members[${index}]`}
          label={`Panel member ${index + 1}`}
          value={member}
          onChange={(value) => setMembers(members.map((m, i) => (i === index ? value : m)))}
        />
      ))}
    </ActionForm>
  );
}

export function PanelReportForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const build = () => withDate('on', on, {}, 'the date the report was received');
  return (
    <ActionForm
      base={base}
      action="panel-report"
      title="Record the panel’s report"
      submitLabel="Save report date"
      done="Panel report recorded"
      build={build}
      fallbackField="on"
    >
      <p className="govuk-body">
        The council’s response is due 15 working days after the report is received.
      </p>
      <DateInput
        name="on"
        label="When was the panel’s report received?"
        value={on}
        onChange={setOn}
      />
    </ActionForm>
  );
}

export function DiscussionOfferForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [takeUp, setTakeUp] = useState('');
  const [notes, setNotes] = useState('');
  const build = () =>
    withDate(
      'on',
      on,
      { take_up: takeUp, ...optionalText('notes', notes) },
      'the date of the offer',
    );
  return (
    <ActionForm
      base={base}
      action="discussion-offer"
      title="Record the offer to discuss the complaint"
      submitLabel="Save offer"
      done="Offer recorded"
      build={build}
      fallbackField="take_up"
    >
      <p className="govuk-body">
        Offer to discuss how the complaint will be handled and how long it is likely to take.
      </p>
      <DateInput name="on" label="When was the offer made?" value={on} onChange={setOn} />
      <Radios
        name="take_up"
        label="Did the complainant take up the offer?"
        value={takeUp}
        onChange={setTakeUp}
        options={Object.entries(TAKE_UP_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Textarea name="notes" label="What was agreed (optional)" value={notes} onChange={setNotes} />
    </ActionForm>
  );
}

export function ResponsePeriodForm({ base }: ActionProps) {
  const [agreed, setAgreed] = useToday();
  const [due, setDue] = useState<DateParts>({ day: '', month: '', year: '' });
  const build = () => {
    const checks = new Checks();
    const agreedOn = checks.date('agreed_on', agreed, 'the date it was agreed');
    const respondBy = checks.date('respond_by', due, 'the agreed date of the response');
    checks.done();
    return { agreed_on: agreedOn, respond_by: respondBy };
  };
  return (
    <ActionForm
      base={base}
      action="response-period"
      title="Record the response period agreed"
      submitLabel="Save period"
      done="Response period recorded"
      build={build}
      fallbackField="respond_by"
    >
      <p className="govuk-body">
        Without an agreement the response is due six months after the complaint was received. A
        period is agreed before the one in force runs out.
      </p>
      <DateInput
        name="agreed_on"
        label="When was it agreed with the complainant?"
        value={agreed}
        onChange={setAgreed}
      />
      <DateInput
        name="respond_by"
        label="By when will the response be sent?"
        value={due}
        onChange={setDue}
      />
    </ActionForm>
  );
}

export function LateNoticeForm({ base }: ActionProps) {
  const [on, setOn] = useToday();
  const [expected, setExpected] = useState<DateParts>({ day: '', month: '', year: '' });
  const [reason, setReason] = useState('');
  const build = () => {
    const checks = new Checks();
    const date = checks.date('on', on, 'the date of the notice');
    const expectedBy = checks.optionalDate(
      'expected_by',
      expected,
      'the date the response is now expected',
    );
    checks.done();
    return { on: date, reason: reason.trim(), ...(expectedBy ? { expected_by: expectedBy } : {}) };
  };
  return (
    <ActionForm
      base={base}
      action="late-notice"
      title="Tell the complainant the response will be late"
      submitLabel="Save notice"
      done="Late notice recorded"
      build={build}
      fallbackField="reason"
    >
      <DateInput name="on" label="When was the complainant told?" value={on} onChange={setOn} />
      <Textarea
        name="reason"
        label="The reasons, as told to the complainant"
        value={reason}
        onChange={setReason}
      />
      <DateInput
        name="expected_by"
        label="When is the response now expected? (optional once the due date has passed)"
        value={expected}
        onChange={setExpected}
      />
    </ActionForm>
  );
}
