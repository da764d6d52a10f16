// The Tenant Satisfaction Measures CH01, CH02 and TP09 with their counting rules, and for
// administrators the homes owned in the year (CH01's denominator) and the year's TP09 survey result.
import { useState } from 'react';
import { request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import { SuccessBanner } from '../../components/ui';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import { Checks } from '../case/checks';
import { figureOf, formatValue } from './figures';
import { FigureTable } from './FigureViews';
import type { AnnualReport, HomesOwned, TenantSatisfaction } from './types';

// The Tenant Satisfaction Measures' first year (2023/24): TP09 cannot be entered before it.
const FIRST_TSM_YEAR = 2023;
const ONE_DECIMAL = /^\d{1,3}(\.\d)?$/;

function Tp09Form({ report, onSaved }: { report: AnnualReport; onSaved: () => void }) {
  const entered = figureOf(report.tsm.figures, 'tp09')?.current ?? null;
  const enteredSample = figureOf(report.tsm.figures, 'tp09_sample_size')?.current ?? null;
  const form = useForm();
  const [percent, setPercent] = useState(entered === null ? '' : String(entered));
  const [sample, setSample] = useState(enteredSample === null ? '' : String(enteredSample));
  const [saved, setSaved] = useState<TenantSatisfaction | null>(null);
  const save = () =>
    form.submit(async () => {
      setSaved(null);
      const checks = new Checks();
      const typed = percent.replace(/%/g, '').trim();
      if (!ONE_DECIMAL.test(typed))
        checks.add(
          'percent',
          'Enter the percentage satisfied as a number from 0 to 100 with at most one decimal, for example 72.5',
        );
      const sampleSize = checks.wholeNumber(
        'sample_size',
        sample.replace(/,/g, ''),
        'Enter the survey’s sample size as a whole number, for example 1250',
      );
      checks.done();
      const { body } = await request<TenantSatisfaction>(
        'PUT',
        `/tenant-satisfaction/${report.year}`,
        {
          body: { percent: Number(typed), sample_size: sampleSize },
        },
      );
      setSaved(body);
      onSaved();
    }, 'percent');
  return (
    <div className="redress-tp09-form">
      {saved && (
        <SuccessBanner title={`TP09 for ${report.financial_year} saved`}>
          <p className="govuk-body">
            TP09 for {report.financial_year} is {formatValue(saved.percent, 'percent')} from{' '}
            {formatValue(saved.sample_size, 'count')} survey responses.
          </p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={save} submitLabel="Save TP09">
        <h3 className="govuk-heading-m">TP09 in {report.financial_year}</h3>
        <p className="govuk-body">
          TP09 is the share of tenants satisfied with the landlord’s approach to handling
          complaints, from the year’s tenant perception survey. It is entered, not counted from the
          cases.
        </p>
        <TextInput
          name="percent"
          label={`Percentage satisfied with complaint handling in ${report.financial_year}`}
          hint="From 0 to 100, with at most one decimal, for example 72.5"
          inputMode="text"
          widthClass="govuk-input--width-5"
          value={percent}
          onChange={setPercent}
        />
        <TextInput
          name="sample_size"
          label="Survey sample size"
          hint="The number of tenants who answered the question"
          inputMode="numeric"
          widthClass="govuk-input--width-10"
          value={sample}
          onChange={setSample}
        />
      </Form>
    </div>
  );
}

function HomesOwnedForm({ report, onSaved }: { report: AnnualReport; onSaved: () => void }) {
  const configured = figureOf(report.tsm.figures, 'homes_owned')?.current ?? null;
  const form = useForm();
  const [homes, setHomes] = useState(configured === null ? '' : String(configured));
  const [saved, setSaved] = useState<HomesOwned | null>(null);
  const save = () =>
    form.submit(async () => {
      setSaved(null);
      const checks = new Checks();
      const number = checks.wholeNumber(
        'homes',
        homes.replace(/,/g, ''),
        'Enter the number of homes owned as a whole number, for example 5262',
      );
      checks.done();
      const { body } = await request<HomesOwned>('PUT', `/homes-owned/${report.year}`, {
        body: { homes: number },
      });
      setSaved(body);
      onSaved();
    }, 'homes');
  return (
    <div className="redress-homes-form">
      {saved && (
        <SuccessBanner title={`Homes owned in ${report.financial_year} saved`}>
          <p className="govuk-body">
            CH01 for {report.financial_year} is now counted per 1,000 of{' '}
            {formatValue(saved.homes, 'count')} homes.
          </p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={save} submitLabel="Save homes owned">
        <h3 className="govuk-heading-m">Homes owned in {report.financial_year}</h3>
        <TextInput
          name="homes"
          label={`Number of homes owned in ${report.financial_year}`}
          hint="The social homes the council owns, as reported for the Tenant Satisfaction Measures. Only administrators can change it."
          inputMode="numeric"
          widthClass="govuk-input--width-10"
          value={homes}
          onChange={setHomes}
        />
      </Form>
    </div>
  );
}

export function TsmSection({
  report,
  onHomesSaved,
}: {
  report: AnnualReport;
  onHomesSaved: () => void;
}) {
  const { user } = useSession();
  return (
    <section aria-labelledby="tsm-heading">
      <h2 className="govuk-heading-l" id="tsm-heading">
        Tenant Satisfaction Measures
      </h2>
      <FigureTable group={report.tsm} report={report} caption={report.tsm.title} />
      <h3 className="govuk-heading-s">How CH01, CH02 and TP09 are counted</h3>
      <div className="govuk-inset-text" id="tsm-rules">
        {report.tsm.notes.map((note) => (
          <p className="govuk-body" key={note}>
            {note}
          </p>
        ))}
      </div>
      {allows(user, 'manage_configuration') && (
        <HomesOwnedForm report={report} onSaved={onHomesSaved} />
      )}
      {allows(user, 'manage_configuration') && report.year >= FIRST_TSM_YEAR && (
        <Tp09Form report={report} onSaved={onHomesSaved} />
      )}
    </section>
  );
}
