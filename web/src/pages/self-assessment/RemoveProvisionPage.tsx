// /self-assessment/:year/provision/remove?number=9.9: the confirmation step before a provision
// added by mistake (or one a revised Code dropped) leaves the year's self-assessment. It says what
// will go, and only then removes it; the audit trail keeps the provision's last text.
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import {
  BackLink,
  LoadFailed,
  Loading,
  SummaryList,
  usePageTitle,
  WarningText,
} from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { NotFound } from '../NotFound';
import { financialYearLabel, type Provision, type SelfAssessment } from './assessment';
import { loadAssessment, provisionPath } from './load';
import { ComplianceTag } from './YearPage';

function RemoveForm({
  assessment,
  provision,
}: {
  assessment: SelfAssessment;
  provision: Provision;
}) {
  const form = useForm();
  const navigate = useNavigate();
  const { year } = assessment;
  const number = provision.provision;
  const section = assessment.sections.find((entry) => entry.section === provision.section);
  const remove = () =>
    form.submit(async () => {
      // Based on the version shown: if someone changed the assessment meanwhile, the API refuses
      // (412) and the error summary says so, rather than removing what was not confirmed.
      await request(
        'DELETE',
        `/self-assessments/${year}/provisions/${encodeURIComponent(number)}`,
        {
          ifMatch: `"${assessment.version}"`,
        },
      );
      navigate(`/self-assessment/${year}`, { state: { done: `Provision ${number} removed` } });
    });
  return (
    <Form
      form={form}
      onSubmit={remove}
      submitLabel="Remove provision"
      warning
      secondary={
        <Link className="govuk-link" to={provisionPath(year, number)}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Self-assessment {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">Are you sure you want to remove provision {number}?</h1>
      <SummaryList
        id="provision-to-remove"
        rows={[
          {
            key: 'Section',
            value: section
              ? `Section ${section.section}: ${section.title}`
              : `Section ${provision.section}`,
          },
          { key: 'Requirement', value: provision.requirement },
          { key: 'Assessment', value: <ComplianceTag provision={provision} /> },
        ]}
      />
      <WarningText>
        Its assessment, evidence, commentary and action will no longer be in the self-assessment or
        the annual report. The audit trail keeps its last text.
      </WarningText>
    </Form>
  );
}

export function RemoveProvisionPage({ year }: { year: number }) {
  const number = useSearchParams()[0].get('number') ?? '';
  const label = financialYearLabel(year);
  usePageTitle(`Remove provision ${number} – self-assessment ${label}`);
  const { user } = useSession();
  const loaded = useLoad(() => loadAssessment(year), String(year));
  if (!allows(user, 'manage_self_assessment')) return <NotFound />;
  const assessment = loaded.data;
  const provision = assessment?.provisions.find((p) => p.provision === number) ?? null;
  return (
    <>
      <BackLink to={provisionPath(year, number)}>Provision {number}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {assessment === undefined && !loaded.error && <Loading />}
      {assessment !== undefined && !provision && (
        <>
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">
            {assessment === null
              ? `The self-assessment for ${label} has not been started.`
              : `The self-assessment for ${label} has no provision ${number}.`}
          </p>
        </>
      )}
      {assessment && provision && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <RemoveForm assessment={assessment} provision={provision} />
          </div>
        </div>
      )}
    </>
  );
}
