// The Tenant Satisfaction Measures CH01 and CH02 with their counting rules, and for
// administrators the homes owned in the year: CH01's denominator.
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
import type { AnnualReport, HomesOwned } from './types';

function HomesOwnedForm({ report, onSaved }: { report: AnnualReport; onSaved: () => void }) {
  const configured = figureOf(report.tsm.figures, 'homes_owned')?.current ?? null;
  const form = useForm();
  const [homes, setHomes] = useState(configured === null ? '' : String(configured));
  const [saved, setSaved] = useState<HomesOwned | null>(null);
  const save = () =>
    form.submit(async () => {
      setSaved(null);
      const checks = new Checks();
      const number = checks.wholeNumber('homes', homes.replace(/,/g, ''), 'Enter the number of homes owned as a whole number, for example 5262');
      checks.done();
      const { body } = await request<HomesOwned>('PUT', `/homes-owned/${report.year}`, { body: { homes: number } });
      setSaved(body);
      onSaved();
    }, 'homes');
  return (
    <div className="redress-homes-form">
      {saved && (
        <SuccessBanner title={`Homes owned in ${report.financial_year} saved`}>
          <p className="govuk-body">CH01 for {report.financial_year} is now counted per 1,000 of {formatValue(saved.homes, 'count')} homes.</p>
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

export function TsmSection({ report, onHomesSaved }: { report: AnnualReport; onHomesSaved: () => void }) {
  const { user } = useSession();
  return (
    <section aria-labelledby="tsm-heading">
      <h2 className="govuk-heading-l" id="tsm-heading">Tenant Satisfaction Measures</h2>
      <FigureTable group={report.tsm} report={report} caption={report.tsm.title} />
      <h3 className="govuk-heading-s">How CH01 and CH02 are counted</h3>
      <div className="govuk-inset-text" id="tsm-rules">
        {report.tsm.notes.map((note) => <p className="govuk-body" key={note}>{note}</p>)}
      </div>
      {allows(user, 'manage_configuration') && <HomesOwnedForm report={report} onSaved={onHomesSaved} />}
    </section>
  );
}
