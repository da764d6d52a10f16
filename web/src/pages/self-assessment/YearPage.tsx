// /self-assessment/:year: the Code self-assessment of a financial year: how many provisions
// comply, the governing body's approval, and every provision by the Code's section. When the year
// has none, those who keep it can start it from the Code's provisions.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Select } from '../../components/fields';
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
import { todayIso } from '../../format';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import {
  COMPLIANCE_COLOURS,
  COMPLIANCE_LABELS,
  countCompliance,
  financialYearLabel,
  financialYearOf,
  groupBySection,
  NOT_ASSESSED,
  recentFinancialYears,
  sectionSummary,
  type Provision,
  type SelfAssessment,
} from './assessment';
import { loadAssessment, provisionPath } from './load';

function YearPicker({ year }: { year: number }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(String(year));
  const years = recentFinancialYears(financialYearOf(todayIso()), year).map((y) => ({
    value: String(y),
    label: financialYearLabel(y),
  }));
  const show = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/self-assessment/${chosen}`);
  };
  return (
    <form noValidate onSubmit={show} aria-label="Choose the year" className="redress-year-picker">
      <Select
        name="year"
        label="Financial year"
        value={chosen}
        onChange={setChosen}
        options={years}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Show year
      </button>
    </form>
  );
}

export function ComplianceTag({ provision }: { provision: Provision }) {
  if (!provision.compliance) return <Tag colour="grey">{NOT_ASSESSED}</Tag>;
  return (
    <Tag colour={COMPLIANCE_COLOURS[provision.compliance]}>
      {COMPLIANCE_LABELS[provision.compliance]}
    </Tag>
  );
}

function Counts({ assessment }: { assessment: SelfAssessment }) {
  const counts = countCompliance(assessment.provisions);
  const rows = [
    { id: 'complies', label: COMPLIANCE_LABELS.complies, count: counts.complies },
    { id: 'partly', label: COMPLIANCE_LABELS.partly, count: counts.partly },
    {
      id: 'does-not-comply',
      label: COMPLIANCE_LABELS.does_not_comply,
      count: counts.does_not_comply,
    },
    { id: 'not-assessed', label: NOT_ASSESSED, count: counts.not_assessed },
  ];
  return (
    <table className="govuk-table redress-counts" id="compliance-counts">
      <caption className="govuk-table__caption govuk-table__caption--m">
        How the provisions comply
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Assessment
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Provisions
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            <th scope="row" className="govuk-table__header">
              {row.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric" id={`count-${row.id}`}>
              {row.count}
            </td>
          </tr>
        ))}
        <tr className="govuk-table__row">
          <th scope="row" className="govuk-table__header">
            All provisions
          </th>
          <td className="govuk-table__cell govuk-table__cell--numeric" id="count-all">
            {counts.provisions}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function ApprovalSection({
  assessment,
  canChange,
}: {
  assessment: SelfAssessment;
  canChange: boolean;
}) {
  const { approval, year } = assessment;
  return (
    <section aria-labelledby="approval-heading">
      <h2 className="govuk-heading-m" id="approval-heading">
        The governing body’s approval
      </h2>
      {approval ? (
        <SummaryList
          id="approval"
          rows={[
            { key: 'Approved on', value: <DateText iso={approval.approved_on} /> },
            { key: 'Meeting', value: approval.meeting },
            { key: 'Minute reference', value: approval.minute_reference || 'Not recorded' },
            {
              key: 'The governing body’s response',
              value: (
                <span className="redress-note-text">{approval.response || 'Not recorded'}</span>
              ),
            },
          ]}
        />
      ) : (
        <p className="govuk-body" id="approval">
          Not yet approved by the governing body. The approval and its response are included in the
          annual report.
        </p>
      )}
      {canChange && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/self-assessment/${year}/approval`}>
            {approval ? 'Change the approval' : 'Record the governing body’s approval'}
          </Link>
        </p>
      )}
    </section>
  );
}

function ActionText({ provision }: { provision: Provision }) {
  if (!provision.action) return <>None</>;
  return (
    <>
      <span className="redress-note-text">{provision.action}</span>
      {provision.action_due_on && (
        <>
          <br />
          by <DateText iso={provision.action_due_on} />
        </>
      )}
    </>
  );
}

function Sections({ assessment, canChange }: { assessment: SelfAssessment; canChange: boolean }) {
  return (
    <>
      {groupBySection(assessment.sections, assessment.provisions).map((group) => (
        <section key={group.section} aria-labelledby={`section-${group.section}-heading`}>
          <h2 className="govuk-heading-m" id={`section-${group.section}-heading`}>
            Section {group.section}: {group.title}
          </h2>
          {group.provisions.length === 0 ? (
            <p className="govuk-body">No provisions in this section yet.</p>
          ) : (
            <>
              <p className="govuk-body" id={`section-${group.section}-summary`}>
                {sectionSummary(group.provisions)}.
              </p>
              <table className="govuk-table redress-provisions" id={`section-${group.section}`}>
                <caption className="govuk-visually-hidden">
                  Provisions of section {group.section}
                </caption>
                <TableHead
                  headings={[
                    'Provision',
                    'Requirement',
                    'Assessment',
                    'Action',
                    <span className="govuk-visually-hidden" key="link">
                      Details
                    </span>,
                  ]}
                />
                <tbody className="govuk-table__body">
                  {group.provisions.map((provision) => (
                    <tr
                      className="govuk-table__row"
                      key={provision.provision}
                      id={`provision-${provision.provision.replace(/\W/g, '-')}`}
                    >
                      <th scope="row" className="govuk-table__header">
                        {provision.provision}
                      </th>
                      <td className="govuk-table__cell">{provision.requirement}</td>
                      <td className="govuk-table__cell">
                        <ComplianceTag provision={provision} />
                      </td>
                      <td className="govuk-table__cell">
                        <ActionText provision={provision} />
                      </td>
                      <td className="govuk-table__cell">
                        <Link
                          className="govuk-link"
                          to={provisionPath(assessment.year, provision.provision)}
                        >
                          {canChange ? 'Change' : 'View'}
                          <span className="govuk-visually-hidden">
                            {' '}
                            provision {provision.provision}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
    </>
  );
}

function StartForm({ year, onStarted }: { year: number; onStarted: () => void }) {
  const form = useForm();
  const submit = () =>
    form.submit(async () => {
      await request('POST', `/self-assessments/${year}`);
      onStarted();
    });
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={`Start the self-assessment for ${financialYearLabel(year)}`}
    >
      <p className="govuk-body">
        It starts from the provisions of the Code’s sections 1 to 9, each not yet assessed. You can
        change them and add others afterwards.
      </p>
    </Form>
  );
}

export function YearPage({ year }: { year: number }) {
  const label = financialYearLabel(year);
  usePageTitle(`Self-assessment ${label}`);
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const done = (location.state as { done?: string } | null)?.done;
  const canChange = allows(user, 'manage_self_assessment');
  const loaded = useLoad(() => loadAssessment(year), `${year}/${location.key}`);
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">Complaint Handling Code self-assessment</span>
      <h1 className="govuk-heading-l">Self-assessment {label}</h1>
      <YearPicker key={year} year={year} />
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && (
        <>
          <p className="govuk-body" id="not-started">
            The self-assessment for {label} has not been started.
          </p>
          {canChange && (
            <StartForm
              year={year}
              onStarted={() =>
                navigate(`/self-assessment/${year}`, {
                  replace: true,
                  state: { done: `Self-assessment for ${label} started` },
                })
              }
            />
          )}
        </>
      )}
      {loaded.data && (
        <>
          <Counts assessment={loaded.data} />
          <ApprovalSection assessment={loaded.data} canChange={canChange} />
          {canChange && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/self-assessment/${year}/provisions/new`}>
                Add a provision
              </Link>
            </p>
          )}
          <Sections assessment={loaded.data} canChange={canChange} />
        </>
      )}
    </>
  );
}
