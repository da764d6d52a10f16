// /subject-access: every subject access request, newest first, with its due date and whether it
// is overdue; /subject-access/new records one as received.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { DateInput, Textarea, TextInput, type DateParts } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import type { FieldError } from '../../types';
import { dateField, withLabels, type FieldLabels } from '../learning/forms';
import { STATUS_COLOURS, STATUS_LABELS, type SubjectAccessRequest } from './sar';

export function ListPage() {
  usePageTitle('Subject access requests');
  const loaded = useLoad(
    () => get<{ items: SubjectAccessRequest[] }>('/subject-access-requests'),
    'subject-access',
  );
  return (
    <>
      <h1 className="govuk-heading-l">Subject access requests</h1>
      <p className="govuk-body">
        A request must be answered within one calendar month of receipt, or of the day the
        requester’s identity was confirmed. It can be extended by up to two further months if the
        requester is told why within the first month.
      </p>
      <p className="govuk-body">
        <Link className="govuk-button" to="/subject-access/new" role="button" draggable="false">
          Record a request
        </Link>
      </p>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && loaded.data.items.length === 0 && (
        <p className="govuk-body">No subject access requests have been recorded.</p>
      )}
      {loaded.data && loaded.data.items.length > 0 && (
        <table className="govuk-table" id="subject-access-requests">
          <caption className="govuk-table__caption govuk-table__caption--m">
            Requests, newest first
          </caption>
          <TableHead headings={['Reference', 'Requester', 'Received', 'Due', 'Status']} />
          <tbody className="govuk-table__body">
            {loaded.data.items.map((item) => (
              <tr className="govuk-table__row" key={item.reference}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/subject-access/${item.reference}`}>
                    {item.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{item.requester_name}</td>
                <td className="govuk-table__cell">
                  <DateText iso={item.received_on} />
                </td>
                <td className="govuk-table__cell">
                  <DateText iso={item.due_on} />
                  {item.overdue && (
                    <>
                      {' '}
                      <Tag colour="red">Overdue</Tag>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell">
                  <Tag colour={STATUS_COLOURS[item.status]}>{STATUS_LABELS[item.status]}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

const LABELS: FieldLabels = {
  requester_name: 'The requester’s name',
  requester_email: 'The requester’s email address',
  requester_phone: 'The requester’s phone number',
  requester_address: 'The requester’s address',
  requester_postcode: 'The requester’s postcode',
  subject_name: 'The name of the person the data is about',
  details: 'What was asked for',
  received_on: 'The date received',
  identity_confirmed_on: 'The date the identity was confirmed',
};

export function NewPage() {
  usePageTitle('Record a subject access request');
  const form = useForm();
  const navigate = useNavigate();
  const [text, setText] = useState<Record<string, string>>({});
  const [received, setReceived] = useState(EMPTY_DATE);
  const [confirmed, setConfirmed] = useState(EMPTY_DATE);
  const field = (name: string) => ({
    name,
    value: text[name] ?? '',
    onChange: (value: string) => setText((current) => ({ ...current, [name]: value })),
  });
  const submit = () =>
    form.submit(async () => {
      const problems: FieldError[] = [];
      const receivedOn = dateField(
        'received_on',
        LABELS.received_on ?? 'received_on',
        received,
        problems,
      );
      const confirmedOn = dateField(
        'identity_confirmed_on',
        LABELS.identity_confirmed_on ?? 'identity_confirmed_on',
        confirmed,
        problems,
      );
      if (problems.length > 0) throw new ClientErrors(problems);
      // Blank answers are left out, so that the API names each one missing in one answer.
      const body: Record<string, string> = Object.fromEntries(
        Object.entries(text)
          .map(([name, value]) => [name, value.trim()])
          .filter(([, value]) => value !== ''),
      );
      if (receivedOn) body.received_on = receivedOn;
      if (confirmedOn) body.identity_confirmed_on = confirmedOn;
      const created = await withLabels(LABELS, () =>
        request<SubjectAccessRequest>('POST', '/subject-access-requests', { body }),
      );
      navigate(`/subject-access/${created.body.reference}`, {
        state: { done: `Request ${created.body.reference} recorded` },
      });
    }, 'requester_name');
  return (
    <>
      <BackLink to="/subject-access">Subject access requests</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form
            form={form}
            onSubmit={submit}
            submitLabel="Record the request"
            secondary={
              <Link className="govuk-link" to="/subject-access">
                Cancel
              </Link>
            }
          >
            <h1 className="govuk-heading-l">Record a subject access request</h1>
            <TextInput label="Requester’s name" autoComplete="off" {...field('requester_name')} />
            <TextInput
              label="Requester’s email address (optional)"
              type="email"
              spellCheck={false}
              {...field('requester_email')}
            />
            <TextInput
              label="Requester’s phone number (optional)"
              type="tel"
              {...field('requester_phone')}
            />
            <TextInput label="Requester’s address (optional)" {...field('requester_address')} />
            <TextInput
              label="Requester’s postcode (optional)"
              widthClass="govuk-input--width-10"
              {...field('requester_postcode')}
            />
            <TextInput
              label="Name of the person the data is about (optional)"
              hint="When the requester asks on someone else’s behalf, for example as their solicitor"
              {...field('subject_name')}
            />
            <Textarea label="What was asked for" {...field('details')} />
            <DateInput
              name="received_on"
              label="When was the request received?"
              hint="For example, 27 3 2025"
              value={received}
              onChange={setReceived}
            />
            <DateInput
              name="identity_confirmed_on"
              label="When was the requester’s identity confirmed? (optional)"
              hint="Only when it had to be: the month starts from this day"
              value={confirmed}
              onChange={setConfirmed}
            />
          </Form>
        </div>
      </div>
    </>
  );
}
