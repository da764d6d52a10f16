// /annual-submission/:year/(approve|publish|submit): one step of the annual submission, each from
// the step before (the server refuses any other order, 409): the governing body's approval with
// its minute and response; the publication on the website; the submission to the Ombudsman, when
// the year's annual report is kept as it is.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { DateInput, Textarea, TextInput, type DateParts } from '../../components/fields';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { AnnualSubmission, FieldError } from '../../types';
import { dateField, withLabels, type FieldLabels } from '../learning/forms';
import { NotFound } from '../NotFound';
import { financialYearLabel } from '../self-assessment/assessment';
import { loadSubmission } from './load';
import { nextStep, STEP_LABELS, type Step } from './submission';

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const LABELS: FieldLabels = {
  approved_on: 'The date of approval',
  governing_body: 'The governing body',
  minute: 'The minute reference',
  response: 'The response',
  published_on: 'The date of publication',
  web_address: 'The web address',
  submitted_on: 'The date of submission',
};

const DATE_FIELDS: Record<Step, string> = {
  approve: 'approved_on',
  publish: 'published_on',
  submit: 'submitted_on',
};

const DATE_QUESTIONS: Record<Step, string> = {
  approve: 'When did the governing body approve the report and self-assessment?',
  publish: 'When were they published on the website?',
  submit: 'When was the submission made to the Housing Ombudsman?',
};

function StepForm({ submission, step }: { submission: AnnualSubmission; step: Step }) {
  const form = useForm();
  const navigate = useNavigate();
  const { year } = submission;
  const [date, setDate] = useState(EMPTY_DATE);
  const [body, setBody] = useState('');
  const [minute, setMinute] = useState('');
  const [response, setResponse] = useState('');
  const [address, setAddress] = useState('');
  const dateName = DATE_FIELDS[step];
  const submit = () =>
    form.submit(async () => {
      const problems: FieldError[] = [];
      const on = dateField(dateName, LABELS[dateName] ?? dateName, date, problems);
      if (problems.length > 0) throw new ClientErrors(problems);
      // Blank answers are left out, so that the API names each one missing in one answer.
      const given = (entries: Record<string, string | undefined>) =>
        Object.fromEntries(
          Object.entries(entries)
            .map(([name, value]) => [name, value?.trim() ?? ''])
            .filter(([, value]) => value !== ''),
        );
      const payload = given(
        step === 'approve'
          ? { [dateName]: on, governing_body: body, minute, response }
          : step === 'publish'
            ? { [dateName]: on, web_address: address }
            : { [dateName]: on },
      );
      await withLabels(LABELS, () =>
        request('POST', `/annual-submissions/${year}/${step}`, {
          body: payload,
          ifMatch: `"${submission.version}"`,
        }),
      );
      navigate(`/annual-submission/${year}`, { state: { done: `${STEP_LABELS[step]}: done` } });
    }, dateName);
  let fields: ReactNode = null;
  if (step === 'approve') {
    fields = (
      <>
        <TextInput
          name="governing_body"
          label="Governing body"
          hint="For example, Cabinet or the Board"
          value={body}
          onChange={setBody}
        />
        <TextInput
          name="minute"
          label="Minute reference"
          hint="For example, CAB/24/023"
          spellCheck={false}
          widthClass="govuk-input--width-20"
          value={minute}
          onChange={setMinute}
        />
        <Textarea
          name="response"
          label="The governing body’s response to the annual report"
          hint="Published with the report and sent with the submission"
          value={response}
          onChange={setResponse}
        />
      </>
    );
  } else if (step === 'publish') {
    fields = (
      <TextInput
        name="web_address"
        label="Web address"
        hint="Where the report, the self-assessment and the response are published, starting https://"
        type="text"
        spellCheck={false}
        value={address}
        onChange={setAddress}
      />
    );
  }
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={STEP_LABELS[step]}
      secondary={
        <Link className="govuk-link" to={`/annual-submission/${year}`}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Annual submission {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">{STEP_LABELS[step]}</h1>
      {step === 'submit' && (
        <p className="govuk-body">
          The year’s annual report is kept as it is on this date: it will not change afterwards.
        </p>
      )}
      <DateInput
        name={dateName}
        label={DATE_QUESTIONS[step]}
        hint="For example, 27 9 2024"
        value={date}
        onChange={setDate}
      />
      {fields}
    </Form>
  );
}

export function StepPage({ year, step }: { year: number; step: Step }) {
  const label = financialYearLabel(year);
  usePageTitle(`${STEP_LABELS[step]} – annual submission ${label}`);
  const { user } = useSession();
  const loaded = useLoad(() => loadSubmission(year), `${year}/${step}`);
  if (!allows(user, 'manage_self_assessment')) return <NotFound />;
  const due = loaded.data ? nextStep(loaded.data.status) : null;
  return (
    <>
      <BackLink to={`/annual-submission/${year}`}>Annual submission {label}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && <NotFound />}
      {loaded.data && due !== step && (
        <>
          <h1 className="govuk-heading-l">This step is not due</h1>
          <p className="govuk-body">
            The submission for {label} is {loaded.data.status}.{' '}
            <Link className="govuk-link" to={`/annual-submission/${year}`}>
              Go back to the submission
            </Link>
            .
          </p>
        </>
      )}
      {loaded.data && due === step && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <StepForm submission={loaded.data} step={step} />
          </div>
        </div>
      )}
    </>
  );
}
