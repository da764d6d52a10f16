// /annual-submission/:year/details: the form's Section 1 details the configuration does not hold:
// the landlord code, the complaints officer, the Member Responsible for Complaints and the web
// addresses of the policy, self-assessment, report and response. Blank answers are allowed while
// the record is not submitted.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import { BackLink, LoadFailed, Loading, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { AnnualSubmission, AnnualSubmissionDetails } from '../../types';
import { withLabels } from '../learning/forms';
import { NotFound } from '../NotFound';
import { financialYearLabel } from '../self-assessment/assessment';
import { loadSubmission } from './load';

type Contact = NonNullable<AnnualSubmissionDetails['complaints_officer']>;
type Who = 'complaints_officer' | 'member_responsible';
type Address = 'policy_address' | 'self_assessment_address' | 'report_address' | 'response_address';

const WHO: Record<Who, string> = {
  complaints_officer: 'Complaints officer',
  member_responsible: 'Member Responsible for Complaints',
};
const CONTACT_PARTS: { key: keyof Contact; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'job_title', label: 'Job title' },
  { key: 'email', label: 'Email address' },
  { key: 'phone', label: 'Telephone number' },
];
const ADDRESSES: { key: Address; label: string }[] = [
  { key: 'policy_address', label: 'Link to the complaints policy' },
  { key: 'self_assessment_address', label: 'Link to the self-assessment' },
  { key: 'report_address', label: 'Link to the annual report' },
  { key: 'response_address', label: 'Link to the governing body’s response' },
];

function labels(): Record<string, string> {
  const all: Record<string, string> = { landlord_code: 'The landlord code' };
  for (const who of Object.keys(WHO) as Who[]) {
    for (const part of CONTACT_PARTS) all[`${who}.${part.key}`] = `${WHO[who]}: ${part.label}`;
  }
  for (const address of ADDRESSES) all[address.key] = address.label;
  return all;
}

function DetailsForm({ submission }: { submission: AnnualSubmission }) {
  const form = useForm();
  const navigate = useNavigate();
  const { year } = submission;
  const [details, setDetails] = useState(submission.details);
  const setContact = (who: Who, key: keyof Contact, value: string) =>
    setDetails((current) => ({ ...current, [who]: { ...current[who], [key]: value } }));
  const submit = () =>
    form.submit(async () => {
      await withLabels(labels(), () =>
        request('PUT', `/annual-submissions/${year}/details`, {
          body: details,
          ifMatch: `"${submission.version}"`,
        }),
      );
      navigate(`/annual-submission/${year}`, { state: { done: 'The form’s details are saved' } });
    }, 'landlord_code');
  return (
    <Form
      form={form}
      onSubmit={submit}
      submitLabel="Save the details"
      secondary={
        <Link className="govuk-link" to={`/annual-submission/${year}`}>
          Cancel
        </Link>
      }
    >
      <span className="govuk-caption-l">Annual submission {financialYearLabel(year)}</span>
      <h1 className="govuk-heading-l">The form’s details</h1>
      <TextInput
        name="landlord_code"
        label="Landlord code"
        hint="Your registration or Housing Ombudsman membership number"
        spellCheck={false}
        widthClass="govuk-input--width-20"
        value={details.landlord_code}
        onChange={(value) => setDetails((current) => ({ ...current, landlord_code: value }))}
      />
      {(Object.keys(WHO) as Who[]).map((who) => (
        <fieldset className="govuk-fieldset" key={who}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{WHO[who]}</legend>
          {CONTACT_PARTS.map((part) => (
            <TextInput
              key={part.key}
              name={`${who}.${part.key}`}
              label={part.label}
              type={part.key === 'email' ? 'email' : part.key === 'phone' ? 'tel' : 'text'}
              value={details[who][part.key]}
              onChange={(value) => setContact(who, part.key, value)}
            />
          ))}
        </fieldset>
      ))}
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          Links to the published documents
        </legend>
        {ADDRESSES.map((address) => (
          <TextInput
            key={address.key}
            name={address.key}
            label={address.label}
            hint="Starting https://"
            spellCheck={false}
            value={details[address.key]}
            onChange={(value) => setDetails((current) => ({ ...current, [address.key]: value }))}
          />
        ))}
      </fieldset>
    </Form>
  );
}

export function DetailsPage({ year }: { year: number }) {
  const label = financialYearLabel(year);
  usePageTitle(`The form’s details – annual submission ${label}`);
  const { user } = useSession();
  const loaded = useLoad(() => loadSubmission(year), String(year));
  if (!allows(user, 'manage_self_assessment')) return <NotFound />;
  return (
    <>
      <BackLink to={`/annual-submission/${year}`}>Annual submission {label}</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data === undefined && !loaded.error && <Loading />}
      {loaded.data === null && <NotFound />}
      {loaded.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <DetailsForm submission={loaded.data} />
          </div>
        </div>
      )}
    </>
  );
}
