// Who was reminded (issue 15): the reminder digests of a day — each person sent one, their team,
// the address and how many deadlines it listed. A manager sees their team's, admins and viewers
// (who read the audit trail, where each digest is an event) everyone's: the server decides, GET
// /api/v1/reminders. The page names no case, so it tells nobody of a restricted one.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { request } from '../api';
import { ClientErrors, Form, useForm } from '../components/Form';
import { DateInput, datePartsOf, isoOf, type DateParts } from '../components/fields';
import { DateText, LoadFailed, Loading, TableHead, usePageTitle } from '../components/ui';
import { useLoad } from '../data';
import type { FormWords } from '../fieldErrors';
import { todayIso } from '../format';
import { allows } from '../permissions';
import { useSession } from '../session';
import type { ReminderDigestList, ReminderDigestSummary } from '../types';
import { NotFound } from './NotFound';

const DATE_WORDS: FormWords = { on: { words: 'the day of the reminders' } };

function DigestRow({ digest }: { digest: ReminderDigestSummary }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        {digest.display_name}
        <br />
        <span className="govuk-body-s">{digest.username}</span>
      </td>
      <td className="govuk-table__cell">{digest.team ?? 'None'}</td>
      <td className="govuk-table__cell">{digest.recipient}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{digest.items}</td>
    </tr>
  );
}

function Digests({ list }: { list: ReminderDigestList }) {
  if (list.items.length === 0)
    return (
      <p className="govuk-body" id="reminders-empty">
        Nobody was sent a reminder on <DateText iso={list.on} />.
      </p>
    );
  return (
    <table className="govuk-table" id="reminders">
      <caption className="govuk-table__caption govuk-table__caption--m">
        Reminder digests of <DateText iso={list.on} />
      </caption>
      <TableHead headings={['Person', 'Team', 'Sent to', 'Deadlines listed']} />
      <tbody className="govuk-table__body">
        {list.items.map((digest) => (
          <DigestRow key={digest.username} digest={digest} />
        ))}
      </tbody>
    </table>
  );
}

export function Reminders() {
  usePageTitle('Reminders sent');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const on = params.get('on') ?? todayIso();
  const [parts, setParts] = useState<DateParts>(() => datePartsOf(on));
  const form = useForm(DATE_WORDS);
  const permitted = allows(user, 'view_audit');
  const list = useLoad(
    () =>
      permitted
        ? request<ReminderDigestList>('GET', `/reminders?on=${on}`).then((answer) => answer.body)
        : Promise.resolve(null),
    on,
  );
  if (!permitted) return <NotFound />;

  const show = () =>
    form.submit(async () => {
      const iso = isoOf(parts);
      if (!iso)
        throw new ClientErrors([
          { field: 'on', message: 'Enter a real date', code: 'invalid_date' },
        ]);
      setParams({ on: iso });
    }, 'on');

  return (
    <>
      <h1 className="govuk-heading-l">Reminders sent</h1>
      <p className="govuk-body">
        Each person gets one email a working day, in office hours, listing their deadlines due soon,
        due today and overdue; a manager also their team’s overdue ones. You see{' '}
        {user.role === 'manager' ? 'your team’s' : 'everyone’s'}.
      </p>
      <Form form={form} onSubmit={show} submitLabel="Show the reminders">
        <DateInput
          name="on"
          label="Reminders of"
          hint="The working day the reminders were for"
          value={parts}
          onChange={setParts}
        />
      </Form>
      {list.error && <LoadFailed message={list.error} />}
      {!list.error && !list.data && <Loading />}
      {list.data && <Digests list={list.data} />}
    </>
  );
}
