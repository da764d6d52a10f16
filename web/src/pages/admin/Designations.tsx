// The designated service area: whose stage 2 complaints go to the independent team, and when.
import { useState } from 'react';
import { getItems, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { DateInput, Select, type DateParts } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  TableHead,
  usePageTitle,
} from '../../components/ui';
import { nameOf, useLoad, useReference } from '../../data';
import type { Designation } from '../../types';
import { Checks } from '../case/checks';

const emptyDate: DateParts = { day: '', month: '', year: '' };

export function Designations() {
  usePageTitle('Designated service area');
  const history = useLoad(() => getItems<Designation>('/designations'), 'designations');
  const areas = useReference().data?.serviceAreas;
  const form = useForm();
  const [area, setArea] = useState('');
  const [from, setFrom] = useState(emptyDate);
  const [to, setTo] = useState(emptyDate);
  const add = () =>
    form.submit(async () => {
      const checks = new Checks();
      const fromIso = checks.date('from', from, 'the start date');
      const toIso = checks.optionalDate('to', to, 'the end date');
      checks.done();
      await request('POST', '/designations', {
        body: { service_area: area, from: fromIso, to: toIso ?? null },
      });
      history.reload();
    }, 'service_area');
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Designated service area</h1>
      <p className="govuk-body">
        Stage 2 complaints about a designated service area go to the independent complaints team.
      </p>
      {history.error && <LoadFailed message={history.error} />}
      {!history.data && !history.error && <Loading />}
      {history.data && (
        <table className="govuk-table" id="designations">
          <caption className="govuk-table__caption govuk-table__caption--m">History</caption>
          <TableHead headings={['Service area', 'From', 'To']} />
          <tbody className="govuk-table__body">
            {history.data.map((d) => (
              <tr className="govuk-table__row" key={`${d.service_area}-${d.from}`}>
                <td className="govuk-table__cell">{nameOf(areas, d.service_area)}</td>
                <td className="govuk-table__cell">
                  <DateText iso={d.from} />
                </td>
                <td className="govuk-table__cell">
                  {d.to ? <DateText iso={d.to} /> : 'Open-ended'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form form={form} onSubmit={add} submitLabel="Designate">
        <h2 className="govuk-heading-m">Designate a service area</h2>
        <Select
          name="service_area"
          label="Service area"
          value={area}
          onChange={setArea}
          placeholder="Choose a service area"
          options={(areas ?? []).map((a) => ({ value: a.code, label: a.name }))}
        />
        <DateInput name="from" label="From" value={from} onChange={setFrom} />
        <DateInput
          name="to"
          label="To (optional)"
          hint="Leave empty for no end date"
          value={to}
          onChange={setTo}
        />
      </Form>
    </>
  );
}
