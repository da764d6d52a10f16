// /self-assessment/:year/provision?number=6.3: one provision of the Code and how the organisation
// meets it, read-only without 'manage_self_assessment'; /self-assessment/:year/provisions/new adds
// one (the rules file lists some sections as a single row, to be split). Removing one goes through
// a confirmation page (RemoveProvisionPage).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import {
  DateInput,
  datePartsOf,
  Radios,
  Select,
  Textarea,
  TextInput,
  type DateParts,
} from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SummaryList,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { FieldError } from '../../types';
import { dateField, withLabels, type FieldLabels } from '../learning/forms';
import { NotFound } from '../NotFound';
import {
  COMPLIANCE_LABELS,
  financialYearLabel,
  NOT_ASSESSED,
  provisionBody,
  type Compliance,
  type Provision,
  type SelfAssessment,
} from './assessment';
import { loadAssessment, removeProvisionPath } from './load';
import { ComplianceTag } from './YearPage';

const COMPLIANCE_OPTIONS = [
  ...(Object.keys(COMPLIANCE_LABELS) as Compliance[]).map((value) => ({
    value,
    label: COMPLIANCE_LABELS[value],
  })),
  { value: '', label: NOT_ASSESSED },
];

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const PROVISION_LABELS: FieldLabels = {
  provision: 'The provision',
  section: 'The section',
  requirement: 'The requirement',
  compliance: 'The assessment',
  evidence: 'The evidence',
  commentary: 'The commentary',
  action: 'The action',
  action_due_on: 'The action’s date',
};

function sectionTitle(assessment: SelfAssessment, section: string): string {
  const title = assessment.sections.find((entry) => entry.section === section)?.title;
  return title ? `Section ${section}: ${title}` : `Section ${section}`;
}

function ProvisionSummary({
  assessment,
  provision,
}: {
  assessment: SelfAssessment;
  provision: Provision;
}) {
  return (
    <SummaryList
      id="provision-details"
      rows={[
        { key: 'Section', value: sectionTitle(assessment, provision.section) },
        { key: 'Requirement', value: provision.requirement },
        { key: 'Assessment', value: <ComplianceTag provision={provision} /> },
        {
          key: 'Evidence',
          value: <span className="redress-note-text">{provision.evidence || 'None recorded'}</span>,
        },
        {
          key: 'Commentary',
          value: (
            <span className="redress-note-text">{provision.commentary || 'None recorded'}</span>
          ),
        },
        {
          key: 'Action',
          value: <span className="redress-note-text">{provision.action || 'None'}</span>,
        },
        { key: 'Action due by', value: <DateText iso={provision.action_due_on} /> },
      ]}
    />
  );
}

function Heading({ year, title }: { year: number; title: string }) {
  return (
    <>
      <span className="govuk-caption-l">Self-assessment {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}

function ProvisionForm({
  assessment,
  provision,
}: {
  assessment: SelfAssessment;
  provision: Provision | null;
}) {
  const form = useForm();
  const navigate = useNavigate();
  const { year } = assessment;
  const [number, setNumber] = useState('');
  const [section, setSection] = useState(provision?.section ?? '');
  const [requirement, setRequirement] = useState(provision?.requirement ?? '');
  const [compliance, setCompliance] = useState<Compliance | ''>(provision?.compliance ?? '');
  const [evidence, setEvidence] = useState(provision?.evidence ?? '');
  const [commentary, setCommentary] = useState(provision?.commentary ?? '');
  const [action, setAction] = useState(provision?.action ?? '');
  const [due, setDue] = useState(() =>
    provision?.action_due_on ? datePartsOf(provision.action_due_on) : EMPTY_DATE,
  );
  const sections = assessment.sections.map((entry) => ({
    value: entry.section,
    label: `${entry.section}: ${entry.title}`,
  }));
  const submit = () =>
    form.submit(
      async () => {
        const problems: FieldError[] = [];
        const id = provision?.provision ?? number.trim();
        if (!provision) {
          if (!id)
            problems.push({
              field: 'provision',
              message: 'Enter the provision’s number, for example 3.1',
            });
          else if (assessment.provisions.some((p) => p.provision === id)) {
            problems.push({
              field: 'provision',
              message: `Provision ${id} is already in the self-assessment: change it from the list`,
            });
          }
        }
        const actionDueOn = dateField('action_due_on', 'The action’s date', due, problems);
        if (problems.length > 0) throw new ClientErrors(problems);
        const body = provisionBody({
          section,
          requirement,
          compliance,
          evidence,
          commentary,
          action,
          actionDueOn: actionDueOn ?? null,
        });
        await withLabels(PROVISION_LABELS, () =>
          request('PUT', `/self-assessments/${year}/provisions/${encodeURIComponent(id)}`, {
            body,
          }),
        );
        navigate(`/self-assessment/${year}`, {
          state: { done: `Provision ${id} ${provision ? 'saved' : 'added'}` },
        });
      },
      provision ? 'compliance' : 'provision',
    );
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel={provision ? 'Save provision' : 'Add provision'}
      secondary={
        <Link className="govuk-link" to={`/self-assessment/${year}`}>
          Cancel
        </Link>
      }
    >
      <Heading
        year={year}
        title={provision ? `Provision ${provision.provision}` : 'Add a provision'}
      />
      {!provision && (
        <TextInput
          name="provision"
          label="Provision"
          hint="Its number in the Code, for example 3.1"
          spellCheck={false}
          widthClass="govuk-input--width-5"
          value={number}
          onChange={setNumber}
        />
      )}
      <Select
        name="section"
        label="Section of the Code"
        value={section}
        onChange={setSection}
        placeholder="Choose a section"
        options={sections}
      />
      <Textarea
        name="requirement"
        label="Requirement"
        hint="What the Code asks"
        value={requirement}
        onChange={setRequirement}
      />
      <Radios
        name="compliance"
        label="Does the organisation comply?"
        legendClass="govuk-fieldset__legend--m"
        value={compliance}
        onChange={(value) => setCompliance(value as Compliance | '')}
        options={COMPLIANCE_OPTIONS}
      />
      <Textarea
        name="evidence"
        label="Evidence"
        hint="How compliance is shown: a policy, a report, figures"
        value={evidence}
        onChange={setEvidence}
      />
      <Textarea
        name="commentary"
        label="Commentary"
        hint="Where it partly complies or does not, how the Code’s intent is met differently"
        value={commentary}
        onChange={setCommentary}
      />
      <Textarea
        name="action"
        label="Action to comply"
        hint="What will be done, with the date below"
        value={action}
        onChange={setAction}
      />
      <DateInput
        name="action_due_on"
        label="Action due by"
        hint="For example, 31 3 2023"
        value={due}
        onChange={setDue}
      />
    </Form>
  );
}

export function ProvisionPage({ year, adding }: { year: number; adding?: boolean }) {
  const number = useSearchParams()[0].get('number') ?? '';
  const label = financialYearLabel(year);
  usePageTitle(
    adding
      ? `Add a provision – self-assessment ${label}`
      : `Provision ${number} – self-assessment ${label}`,
  );
  const { user } = useSession();
  const canChange = allows(user, 'manage_self_assessment');
  const loaded = useLoad(() => loadAssessment(year), String(year));
  const assessment = loaded.data;
  const provision = assessment?.provisions.find((p) => p.provision === number) ?? null;
  const missing = assessment === null || (assessment && !adding && !provision);
  if (adding && !canChange) return <NotFound />;
  return (
    <>
      <BackLink to={`/self-assessment/${year}`}>Self-assessment {label}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {assessment === undefined && !loaded.error && <Loading />}
      {missing && (
        <>
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">
            {assessment === null
              ? `The self-assessment for ${label} has not been started.`
              : `The self-assessment for ${label} has no provision ${number}.`}
          </p>
        </>
      )}
      {assessment && !missing && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {canChange ? (
              <>
                <ProvisionForm assessment={assessment} provision={adding ? null : provision} />
                {!adding && provision && (
                  <p className="govuk-body">
                    <Link
                      className="govuk-link"
                      to={removeProvisionPath(year, provision.provision)}
                    >
                      Remove this provision
                    </Link>
                  </p>
                )}
              </>
            ) : (
              provision && (
                <>
                  <Heading year={year} title={`Provision ${provision.provision}`} />
                  <ProvisionSummary assessment={assessment} provision={provision} />
                </>
              )
            )}
          </div>
        </div>
      )}
    </>
  );
}
