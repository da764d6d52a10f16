// /subject-access/:reference: one subject access request, its due date on the ICO's clock, the
// extension when there is one, its history, and links to the steps it allows now;
// /subject-access/:reference/(extend|complete|withdraw): one step's form.
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { DateInput, Select, Textarea, type DateParts } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime } from '../../format';
import type { FieldError } from '../../types';
import { dateField, withLabels, type FieldLabels } from '../learning/forms';
import { NotFound } from '../NotFound';
import {
  loadRequest,
  parseStep,
  STATUS_COLOURS,
  STATUS_LABELS,
  STEP_LABELS,
  stepsOf,
  type SarStep,
  type SubjectAccessRequest,
} from './sar';
import { Bundle } from './Bundle';

function orNone(text: string | null | undefined): string {
  return text && text.trim() !== '' ? text : 'Not given';
}

function Summary({ sar }: { sar: SubjectAccessRequest }) {
  const rows: { key: string; value: ReactNode; id?: string }[] = [
    {
      key: 'Status',
      id: 'sar-status',
      value: <Tag colour={STATUS_COLOURS[sar.status]}>{STATUS_LABELS[sar.status]}</Tag>,
    },
    {
      key: 'Due',
      id: 'sar-due',
      value: (
        <>
          <DateText iso={sar.due_on} />
          {sar.overdue && (
            <>
              {' '}
              <Tag colour="red">Overdue</Tag>
            </>
          )}
        </>
      ),
    },
    { key: 'Received', value: <DateText iso={sar.received_on} /> },
    {
      key: 'Identity confirmed',
      value: sar.identity_confirmed_on ? (
        <DateText iso={sar.identity_confirmed_on} />
      ) : (
        'Not needed'
      ),
    },
    { key: 'Requester', value: sar.requester_name },
    { key: 'Email address', value: orNone(sar.requester_email) },
    { key: 'Phone number', value: orNone(sar.requester_phone) },
    { key: 'Address', value: orNone([sar.requester_address, sar.requester_postcode].join(' ')) },
    { key: 'On behalf of', value: sar.subject_name || 'The requester themselves' },
    { key: 'What was asked for', value: sar.details },
  ];
  if (sar.extension) {
    rows.push({
      key: 'Extension',
      id: 'sar-extension',
      value: (
        <>
          {sar.extension.months} further {sar.extension.months === 1 ? 'month' : 'months'}, told to
          the requester on <DateText iso={sar.extension.told_on} />: {sar.extension.reason}
        </>
      ),
    });
  }
  if (sar.completed_on) rows.push({ key: 'Answered', value: <DateText iso={sar.completed_on} /> });
  if (sar.withdrawn_on)
    rows.push({
      key: 'Withdrawn',
      value: (
        <>
          <DateText iso={sar.withdrawn_on} />: {sar.withdrawal_reason}
        </>
      ),
    });
  return <SummaryList id="sar-summary" rows={rows} />;
}

export function RequestPage() {
  const reference = useParams().reference ?? '';
  usePageTitle(`Subject access request ${reference}`);
  const location = useLocation();
  const done = (location.state as { done?: string } | null)?.done;
  const loaded = useLoad(() => loadRequest(reference), reference);
  const sar = loaded.data;
  return (
    <>
      <BackLink to="/subject-access">Subject access requests</BackLink>
      {done && <SuccessBanner title={done}>{null}</SuccessBanner>}
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!sar && !loaded.error && <Loading />}
      {sar && (
        <>
          <span className="govuk-caption-l">Subject access request</span>
          <h1 className="govuk-heading-l">{sar.reference}</h1>
          <Summary sar={sar} />
          {stepsOf(sar).length > 0 && (
            <ul className="govuk-list">
              {stepsOf(sar).map((step) => (
                <li key={step}>
                  <Link className="govuk-link" to={`/subject-access/${sar.reference}/${step}`}>
                    {STEP_LABELS[step]}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Bundle reference={sar.reference} />
          <h2 className="govuk-heading-m">History</h2>
          <ol className="govuk-list" id="sar-history">
            {(sar.history ?? []).map((event, index) => (
              <li key={index}>
                <strong>{formatDateTime(event.recorded_at)}</strong>: {event.summary} ({event.actor}
                )
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const LABELS: FieldLabels = {
  months: 'The further months',
  reason: 'The reason',
  told_on: 'The date the requester was told',
  completed_on: 'The date the answer was sent',
  withdrawn_on: 'The date of withdrawal',
};

const DATE_FIELDS: Record<SarStep, string> = {
  extend: 'told_on',
  complete: 'completed_on',
  withdraw: 'withdrawn_on',
};

const DATE_QUESTIONS: Record<SarStep, string> = {
  extend: 'When was the requester told of the extension and why?',
  complete: 'When was the answer sent?',
  withdraw: 'When was the request withdrawn?',
};

function StepForm({ sar, step }: { sar: SubjectAccessRequest; step: SarStep }) {
  const form = useForm();
  const navigate = useNavigate();
  const [date, setDate] = useState(EMPTY_DATE);
  const [months, setMonths] = useState('');
  const [reason, setReason] = useState('');
  const dateName = DATE_FIELDS[step];
  const submit = () =>
    form.submit(
      async () => {
        const problems: FieldError[] = [];
        const on = dateField(dateName, LABELS[dateName] ?? dateName, date, problems);
        if (problems.length > 0) throw new ClientErrors(problems);
        const body: Record<string, string | number> = {};
        if (on) body[dateName] = on;
        if (step === 'extend' && months !== '') body.months = Number(months);
        if (step !== 'complete' && reason.trim() !== '') body.reason = reason.trim();
        await withLabels(LABELS, () =>
          request('POST', `/subject-access-requests/${sar.reference}/${step}`, {
            body,
            ifMatch: `"${sar.version}"`,
          }),
        );
        navigate(`/subject-access/${sar.reference}`, {
          state: { done: `${STEP_LABELS[step]}: done` },
        });
      },
      step === 'extend' ? 'months' : dateName,
    );
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={STEP_LABELS[step]}
      secondary={
        <Link className="govuk-link" to={`/subject-access/${sar.reference}`}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Subject access request {sar.reference}</span>
      <h1 className="govuk-heading-l">{STEP_LABELS[step]}</h1>
      {step === 'extend' && (
        <>
          <p className="govuk-body">
            The request is due on <DateText iso={sar.due_on} />. It can be extended once, by one or
            two further months, if the requester is told why by then.
          </p>
          <Select
            name="months"
            label="By how many further months?"
            value={months}
            onChange={setMonths}
            placeholder="Choose"
            options={[
              { value: '1', label: 'One month' },
              { value: '2', label: 'Two months' },
            ]}
          />
        </>
      )}
      <DateInput
        name={dateName}
        label={DATE_QUESTIONS[step]}
        hint="For example, 27 3 2025"
        value={date}
        onChange={setDate}
      />
      {step !== 'complete' && (
        <Textarea
          name="reason"
          label={
            step === 'extend' ? 'The reason, as told to the requester' : 'Why was it withdrawn?'
          }
          value={reason}
          onChange={setReason}
        />
      )}
    </Form>
  );
}

export function StepPage() {
  const params = useParams();
  const reference = params.reference ?? '';
  const step = parseStep(params.step);
  usePageTitle(`${step ? STEP_LABELS[step] : 'Not found'} – ${reference}`);
  const loaded = useLoad(() => loadRequest(reference), `${reference}/${step}`);
  if (step === null) return <NotFound />;
  const sar = loaded.data;
  return (
    <>
      <BackLink to={`/subject-access/${reference}`}>Subject access request {reference}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!sar && !loaded.error && <Loading />}
      {sar && !stepsOf(sar).includes(step) && (
        <>
          <h1 className="govuk-heading-l">This step is not possible now</h1>
          <p className="govuk-body">The request is {STATUS_LABELS[sar.status].toLowerCase()}.</p>
        </>
      )}
      {sar && stepsOf(sar).includes(step) && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <StepForm sar={sar} step={step} />
          </div>
        </div>
      )}
    </>
  );
}
