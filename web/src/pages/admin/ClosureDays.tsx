// Organisational closure days: not working days for any clock from the moment they are added.
import { useState } from 'react';
import { getItems, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { DateInput, TextInput, type DateParts } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  TableHead,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import type { ClosureDay } from '../../types';
import { Checks } from '../case/checks';

const emptyDate: DateParts = { day: '', month: '', year: '' };

export function ClosureDays() {
  usePageTitle('Closure days');
  const days = useLoad(() => getItems<ClosureDay>('/closure-days'), 'closure-days');
  const form = useForm();
  const [date, setDate] = useState(emptyDate);
  const [reason, setReason] = useState('');
  const add = () =>
    form.submit(async () => {
      const checks = new Checks();
      const iso = checks.date('date', date, 'the closure day');
      checks.done();
      await request('POST', '/closure-days', { body: { date: iso, reason: reason.trim() } });
      setDate(emptyDate);
      setReason('');
      days.reload();
    }, 'date');
  const remove = (iso: string) =>
    form.submit(async () => {
      await request('DELETE', `/closure-days/${iso}`);
      days.reload();
    });
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Closure days</h1>
      <p className="govuk-body">
        Days the organisation is closed besides weekends and bank holidays. Deadlines computed after
        a change skip them.
      </p>
      {days.error && <LoadFailed message={days.error} />}
      {!days.data && !days.error && <Loading />}
      {days.data && days.data.length === 0 && <p className="govuk-body">No closure days.</p>}
      {days.data && days.data.length > 0 && (
        <table className="govuk-table" id="closure-days">
          <caption className="govuk-visually-hidden">Closure days</caption>
          <TableHead
            headings={['Date', 'Reason', <span className="govuk-visually-hidden">Action</span>]}
          />
          <tbody className="govuk-table__body">
            {days.data.map((day) => (
              <tr className="govuk-table__row" key={day.date}>
                <td className="govuk-table__cell">
                  <DateText iso={day.date} />
                </td>
                <td className="govuk-table__cell">{day.reason}</td>
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => void remove(day.date)}
                  >
                    Remove<span className="govuk-visually-hidden"> {day.date}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form form={form} onSubmit={add} submitLabel="Add closure day">
        <h2 className="govuk-heading-m">Add a closure day</h2>
        <DateInput
          name="date"
          label="Date"
          hint="For example, 27 12 2026"
          value={date}
          onChange={setDate}
        />
        <TextInput name="reason" label="Reason" value={reason} onChange={setReason} />
      </Form>
    </>
  );
}
