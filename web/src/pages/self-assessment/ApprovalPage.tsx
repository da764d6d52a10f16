// /self-assessment/:year/approval: the governing body's approval of the year's self-assessment
// (date, meeting, minute reference) and its response, which the annual report includes.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import {
  DateInput,
  datePartsOf,
  Textarea,
  TextInput,
  type DateParts,
} from '../../components/fields';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { FieldError } from '../../types';
import { NotFound } from '../NotFound';
import { dateField, withLabels, type FieldLabels } from '../learning/forms';
import { financialYearLabel, type SelfAssessment } from './assessment';
import { loadAssessment } from './load';

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const APPROVAL_LABELS: FieldLabels = {
  approved_on: 'The date of approval',
  meeting: 'The meeting',
  minute_reference: 'The minute reference',
  response: 'The response',
};

function ApprovalForm({ assessment }: { assessment: SelfAssessment }) {
  const form = useForm();
  const navigate = useNavigate();
  const { year, approval } = assessment;
  const label = financialYearLabel(year);
  const [approved, setApproved] = useState(() =>
    approval ? datePartsOf(approval.approved_on) : EMPTY_DATE,
  );
  const [meeting, setMeeting] = useState(approval?.meeting ?? '');
  const [minute, setMinute] = useState(approval?.minute_reference ?? '');
  const [response, setResponse] = useState(approval?.response ?? '');
  const submit = () =>
    form.submit(async () => {
      const problems: FieldError[] = [];
      const approvedOn = dateField('approved_on', 'The date of approval', approved, problems);
      if (problems.length > 0) throw new ClientErrors(problems);
      const body = {
        ...(approvedOn ? { approved_on: approvedOn } : {}),
        meeting: meeting.trim(),
        minute_reference: minute.trim(),
        response: response.trim(),
      };
      // Based on the version read, so one officer's approval record never silently replaces
      // another's entered meanwhile (412, shown in the error summary).
      await withLabels(APPROVAL_LABELS, () =>
        request('PUT', `/self-assessments/${year}/approval`, {
          body,
          ifMatch: `"${assessment.version}"`,
        }),
      );
      navigate(`/self-assessment/${year}`, {
        state: { done: 'The governing body’s approval is recorded' },
      });
    }, 'approved_on');
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel="Save the approval"
      secondary={
        <Link className="govuk-link" to={`/self-assessment/${year}`}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Self-assessment {label}</span>
      <h1 className="govuk-heading-l">The governing body’s approval</h1>
      <DateInput
        name="approved_on"
        label="When did the governing body approve it?"
        hint="For example, 18 6 2022"
        value={approved}
        onChange={setApproved}
      />
      <TextInput
        name="meeting"
        label="Meeting"
        hint="For example, Cabinet or the Housing Committee"
        value={meeting}
        onChange={setMeeting}
      />
      <TextInput
        name="minute_reference"
        label="Minute reference"
        hint="For example, CAB/22/061"
        spellCheck={false}
        widthClass="govuk-input--width-20"
        value={minute}
        onChange={setMinute}
      />
      <Textarea
        name="response"
        label="The governing body’s response"
        hint="Published with the self-assessment in the annual report"
        value={response}
        onChange={setResponse}
      />
    </Form>
  );
}

export function ApprovalPage({ year }: { year: number }) {
  const label = financialYearLabel(year);
  usePageTitle(`Governing body’s approval – self-assessment ${label}`);
  const { user } = useSession();
  const loaded = useLoad(() => loadAssessment(year), String(year));
  if (!allows(user, 'manage_self_assessment')) return <NotFound />;
  return (
    <>
      <BackLink to={`/self-assessment/${year}`}>Self-assessment {label}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && (
        <>
          <h1 className="govuk-heading-l">The self-assessment has not been started</h1>
          <p className="govuk-body">
            Start the self-assessment for {label} before recording its approval.
          </p>
        </>
      )}
      {loaded.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ApprovalForm assessment={loaded.data} />
          </div>
        </div>
      )}
    </>
  );
}
