// /annual-submission/:year: the Housing Ombudsman annual submission of a financial year: its
// deadline and status, the form's details, who recorded each step and when, the next step, and
// the form's exports (PDF, CSV, JSON) with, once submitted, the annual report as submitted.
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import {
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { AnnualSubmission } from '../../types';
import { withLabels } from '../learning/forms';
import { financialYearLabel } from '../self-assessment/assessment';
import { loadSubmission } from './load';
import { formExports, nextStep, STATUS_COLOURS, STATUS_LABELS, STEP_LABELS } from './submission';

const NOT_RECORDED = 'Not recorded';

function orNot(text: string | null | undefined): string {
  return text && text.trim() !== '' ? text : NOT_RECORDED;
}

function Record({ submission }: { submission: AnnualSubmission }) {
  const d = submission.details;
  return (
    <>
      <SummaryList
        id="submission-summary"
        rows={[
          {
            key: 'Status',
            id: 'submission-status',
            value: (
              <Tag colour={STATUS_COLOURS[submission.status]}>
                {STATUS_LABELS[submission.status]}
              </Tag>
            ),
          },
          {
            key: 'Deadline',
            id: 'submission-deadline',
            value: <DateText iso={submission.deadline} />,
          },
          { key: 'Homes owned', value: submission.homes.toLocaleString('en-GB') },
          {
            key: 'Approved',
            value: submission.approved_on ? (
              <>
                <DateText iso={submission.approved_on} /> by {submission.governing_body}, minute{' '}
                {submission.minute}
              </>
            ) : (
              NOT_RECORDED
            ),
          },
          { key: 'The governing body’s response', value: orNot(submission.response) },
          {
            key: 'Published',
            value: submission.published_on ? (
              <>
                <DateText iso={submission.published_on} /> at {submission.web_address}
              </>
            ) : (
              NOT_RECORDED
            ),
          },
          {
            key: 'Submitted to the Ombudsman',
            id: 'submission-submitted',
            value: submission.submitted_on ? (
              <DateText iso={submission.submitted_on} />
            ) : (
              NOT_RECORDED
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">The form’s details</h2>
      <SummaryList
        id="submission-details"
        rows={[
          { key: 'Landlord code', value: orNot(d.landlord_code) },
          {
            key: 'Complaints officer',
            value: orNot(
              [
                d.complaints_officer.name,
                d.complaints_officer.job_title,
                d.complaints_officer.email,
              ]
                .filter((part) => part !== '')
                .join(', '),
            ),
          },
          {
            key: 'Member Responsible for Complaints',
            value: orNot(
              [
                d.member_responsible.name,
                d.member_responsible.job_title,
                d.member_responsible.email,
              ]
                .filter((part) => part !== '')
                .join(', '),
            ),
          },
          { key: 'Complaints policy', value: orNot(d.policy_address) },
          { key: 'Self-assessment', value: orNot(d.self_assessment_address) },
          { key: 'Annual report', value: orNot(d.report_address) },
          { key: 'The governing body’s response', value: orNot(d.response_address) },
        ]}
      />
    </>
  );
}

function Steps({ submission }: { submission: AnnualSubmission }) {
  return (
    <table className="govuk-table" id="submission-steps">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Who recorded each step
      </caption>
      <TableHead headings={['Step', 'Recorded by', 'When']} />
      <tbody className="govuk-table__body">
        {submission.steps.map((step) => (
          <tr className="govuk-table__row" key={step.status}>
            <th scope="row" className="govuk-table__header">
              {step.status === 'draft' ? 'Started' : STATUS_LABELS[step.status]}
            </th>
            <td className="govuk-table__cell">{step.by}</td>
            <td className="govuk-table__cell">{formatDateTime(step.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Exports({ submission }: { submission: AnnualSubmission }) {
  return (
    <section aria-labelledby="exports-heading">
      <h2 className="govuk-heading-m" id="exports-heading">
        The Ombudsman’s form
      </h2>
      <p className="govuk-body">
        The form mirrors the Housing Ombudsman’s electronic form section by section, to copy into
        it.
      </p>
      <ul className="govuk-list" id="submission-exports">
        {formExports(submission).map((item) => (
          <li key={item.href}>
            <a className="govuk-link" href={item.href} download>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StartForm({ year, onStarted }: { year: number; onStarted: () => void }) {
  const form = useForm();
  const [homes, setHomes] = useState('');
  const submit = () =>
    form.submit(async () => {
      const trimmed = homes.trim();
      const body: Record<string, unknown> = { year };
      if (trimmed !== '') body.homes = Number(trimmed);
      await withLabels({ homes: 'Homes owned' }, () =>
        request('POST', '/annual-submissions', { body }),
      );
      onStarted();
    }, 'homes');
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={`Start the submission for ${financialYearLabel(year)}`}
    >
      <TextInput
        name="homes"
        label="Homes owned (optional)"
        hint="Leave blank to use the homes owned recorded for the year’s report. More than 1,000 homes: due by 30 September; otherwise within six months of the year’s end."
        inputMode="numeric"
        widthClass="govuk-input--width-10"
        value={homes}
        onChange={setHomes}
      />
    </Form>
  );
}

export function SubmissionPage({ year }: { year: number }) {
  const label = financialYearLabel(year);
  usePageTitle(`Housing Ombudsman annual submission ${label}`);
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const done = (location.state as { done?: string } | null)?.done;
  const canChange = allows(user, 'manage_self_assessment');
  const loaded = useLoad(() => loadSubmission(year), `${year}/${location.key}`);
  const step = loaded.data ? nextStep(loaded.data.status) : null;
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">Housing Ombudsman annual submission</span>
      <h1 className="govuk-heading-l">Annual submission {label}</h1>
      <nav aria-label="Other years">
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/annual-submission/${year - 1}`}>
              {financialYearLabel(year - 1)}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/annual-submission/${year + 1}`}>
              {financialYearLabel(year + 1)}
            </Link>
          </li>
        </ul>
      </nav>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && (
        <>
          <p className="govuk-body" id="not-started">
            The annual submission for {label} has not been started.
          </p>
          {canChange && (
            <StartForm
              year={year}
              onStarted={() =>
                navigate(`/annual-submission/${year}`, {
                  replace: true,
                  state: { done: `Annual submission for ${label} started` },
                })
              }
            />
          )}
        </>
      )}
      {loaded.data && (
        <>
          <Record submission={loaded.data} />
          {canChange && (
            <div className="govuk-button-group">
              {step && (
                <Link
                  className="govuk-button"
                  data-module="govuk-button"
                  to={`/annual-submission/${year}/${step}`}
                >
                  {STEP_LABELS[step]}
                </Link>
              )}
              {loaded.data.status !== 'submitted' && (
                <Link className="govuk-link" to={`/annual-submission/${year}/details`}>
                  Change the form’s details
                </Link>
              )}
            </div>
          )}
          {loaded.data.status === 'submitted' && (
            <p className="govuk-body" id="frozen">
              Submitted: the record and the annual report as submitted no longer change.
            </p>
          )}
          <Steps submission={loaded.data} />
          <Exports submission={loaded.data} />
        </>
      )}
    </>
  );
}
