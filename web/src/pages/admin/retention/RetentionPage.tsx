// /admin/retention (issue 20): how long complaints are kept after their case ended, by regime,
// service requests that never became a complaint after they were resolved and subject access
// requests after they were answered, with a form to change a period; and the disposal runs, with a button to start a dry run. A dry
// run only lists what would go: a second administrator approves it on its own page.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { getItems, request } from '../../../api';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Form, useForm } from '../../../components/Form';
import { Select, TextInput } from '../../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  Tag,
  usePageTitle,
} from '../../../components/ui';
import { useLoad } from '../../../data';
import { REGIME_LABELS } from '../../../format';
import type { DisposalRun, DisposalRunSummary, Regime, RetentionRule } from '../../../types';
import { Checks } from '../../case/checks';
import { RUN_STATE_COLOURS, RUN_STATE_LABELS } from './wording';

const RULE_WORDS = {
  regime: { words: 'the records', choice: true },
  years_after_closure: { words: 'the number of years' },
};
const WHOLE_NUMBER = /^-?\d+$/;

function yearsText(years: number): string {
  return `${years} ${years === 1 ? 'year' : 'years'}`;
}

// The form's one choice names a rule: a complaint regime, or another record type (no regime).
type OtherRecord = Exclude<RetentionRule['record'], 'complaint'>;
const OTHER_RECORDS: Record<OtherRecord, { plural: string; singular: string }> = {
  service_request: {
    plural: 'Service requests that never became a complaint',
    singular: 'Service request',
  },
  subject_access_request: { plural: 'Subject access requests', singular: 'Subject access request' },
};
function choiceOf(rule: RetentionRule): string {
  return rule.record === 'complaint' ? (rule.regime ?? '') : rule.record;
}
function recordsText(rule: RetentionRule): string {
  return rule.record === 'complaint'
    ? `${rule.regime ? REGIME_LABELS[rule.regime] : ''} complaints`
    : OTHER_RECORDS[rule.record].plural;
}
const RECORD_CHOICES = [
  ...(Object.keys(REGIME_LABELS) as Regime[]).map((value) => ({
    value,
    label: `${REGIME_LABELS[value]} complaints`,
  })),
  ...(Object.keys(OTHER_RECORDS) as OtherRecord[]).map((value) => ({
    value,
    label: OTHER_RECORDS[value].plural,
  })),
];

function RetentionRules() {
  const rules = useLoad(() => getItems<RetentionRule>('/retention/rules'), 'retention-rules');
  const form = useForm(RULE_WORDS);
  const [regime, setRegime] = useState('');
  const [years, setYears] = useState('');
  const [changed, setChanged] = useState<RetentionRule>();
  const choose = (value: string) => {
    setRegime(value);
    const current = rules.data?.find((rule) => choiceOf(rule) === value);
    if (current) setYears(String(current.years_after_closure));
  };
  const save = () =>
    form.submit(async () => {
      setChanged(undefined);
      const checks = new Checks();
      if (!regime) checks.add('regime', 'Select the records');
      if (!WHOLE_NUMBER.test(years.trim()))
        checks.add('years_after_closure', 'Enter the number of years as a whole number, like 6');
      checks.done();
      const rule: RetentionRule =
        regime in OTHER_RECORDS
          ? { record: regime as OtherRecord, years_after_closure: Number(years.trim()) }
          : {
              record: 'complaint',
              regime: regime as Regime,
              years_after_closure: Number(years.trim()),
            };
      await request('PUT', '/retention/rules', { body: rule });
      setChanged(rule);
      rules.reload();
    }, 'years_after_closure');
  return (
    <>
      {changed && (
        <SuccessBanner title="Retention period changed">
          <p className="govuk-body">
            {recordsText(changed)} are now kept for {yearsText(changed.years_after_closure)} after
            they ended.
          </p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-m">Retention periods</h2>
      {rules.error && <LoadFailed message={rules.error} />}
      {!rules.data && !rules.error && <Loading />}
      {rules.data && (
        <table className="govuk-table" id="retention-rules">
          <caption className="govuk-visually-hidden">Retention periods</caption>
          <TableHead headings={['Record', 'Regime', 'Kept after it ended']} />
          <tbody className="govuk-table__body">
            {rules.data.map((rule) => (
              <tr className="govuk-table__row" key={`${rule.record}/${rule.regime ?? ''}`}>
                <td className="govuk-table__cell">
                  {rule.record === 'complaint' ? 'Complaint' : OTHER_RECORDS[rule.record].singular}
                </td>
                <td className="govuk-table__cell">
                  {rule.regime ? REGIME_LABELS[rule.regime] : 'Every regime'}
                </td>
                <td className="govuk-table__cell">{yearsText(rule.years_after_closure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form form={form} onSubmit={save} submitLabel="Change retention period">
            <h3 className="govuk-heading-s">Change a retention period</h3>
            <Select
              name="regime"
              label="Records"
              value={regime}
              onChange={choose}
              placeholder="Choose the records"
              options={RECORD_CHOICES}
            />
            <TextInput
              name="years_after_closure"
              label="Years after they ended"
              hint="From 1 to 100. A complaint ends when it is closed, withdrawn or not accepted; a service request when it is resolved; a subject access request when it is completed or withdrawn. A service request that became a complaint is kept with the complaint."
              value={years}
              onChange={setYears}
              inputMode="numeric"
              widthClass="govuk-input--width-3"
            />
          </Form>
        </div>
      </div>
    </>
  );
}

function DisposalRuns() {
  const runs = useLoad(() => getItems<DisposalRunSummary>('/disposal-runs'), 'disposal-runs');
  const form = useForm();
  const navigate = useNavigate();
  const start = () =>
    form.submit(async () => {
      const { body } = await request<DisposalRun>('POST', '/disposal-runs');
      navigate(`/admin/retention/runs/${body.id}`, { state: { started: true } });
    }, 'start-dry-run');
  return (
    <>
      <h2 className="govuk-heading-m">Disposal runs</h2>
      <p className="govuk-body">
        A dry run judges every complaint, service request and subject access request as at today and
        lists what would be disposed of and why each other record is kept. It changes nothing. The
        personal data is disposed of only after another administrator approves the run.
      </p>
      <ErrorSummary errors={form.errors} />
      <div className="govuk-button-group">
        <button
          type="button"
          id="start-dry-run"
          className="govuk-button"
          data-module="govuk-button"
          aria-disabled={form.busy || undefined}
          onClick={() => !form.busy && void start()}
        >
          Start a dry run
        </button>
      </div>
      {runs.error && <LoadFailed message={runs.error} />}
      {!runs.data && !runs.error && <Loading />}
      {runs.data?.length === 0 && (
        <p className="govuk-body" id="no-disposal-runs">
          No disposal runs yet.
        </p>
      )}
      {runs.data && runs.data.length > 0 && (
        <table className="govuk-table" id="disposal-runs">
          <caption className="govuk-visually-hidden">Disposal runs, newest first</caption>
          <TableHead
            headings={[
              'Number',
              'State',
              'As at',
              'Made by',
              'Approved by',
              'To dispose of',
              'Kept',
              'Disposed of',
            ]}
          />
          <tbody className="govuk-table__body">
            {runs.data.map((run) => (
              <tr className="govuk-table__row" key={run.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/retention/runs/${run.id}`}>
                    Run {run.id}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <Tag colour={RUN_STATE_COLOURS[run.state]}>{RUN_STATE_LABELS[run.state]}</Tag>
                </td>
                <td className="govuk-table__cell">
                  <DateText iso={run.as_of} />
                </td>
                <td className="govuk-table__cell">{run.created_by}</td>
                <td className="govuk-table__cell">{run.approved_by ?? 'Not approved'}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{run.to_dispose}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{run.kept}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{run.disposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function RetentionPage() {
  usePageTitle('Retention and disposal');
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Retention and disposal</h1>
      <p className="govuk-body">
        How long complaints, service requests and subject access requests are kept after they ended,
        and the runs that dispose of the personal data of those kept long enough. The statistics and
        the audit trail are kept.
      </p>
      <RetentionRules />
      <DisposalRuns />
    </>
  );
}
