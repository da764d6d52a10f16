// The Ombudsman contact blocks letters name (issue 15), as dated configuration: every block with
// the date it takes over from, and a form to add one from today or later. A block is never
// changed: letters issued before a new block's date keep the earlier one.
import { useState } from 'react';
import { get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { DateInput, Radios, Textarea, TextInput, type DateParts } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import type { OmbudsmanContact } from '../../types';
import { Checks } from '../case/checks';

const emptyDate: DateParts = { day: '', month: '', year: '' };
const OMBUDSMEN = [
  { value: 'housing_ombudsman', label: 'Housing Ombudsman' },
  { value: 'lgsco', label: 'Local Government and Social Care Ombudsman' },
];

export function OmbudsmanContacts() {
  usePageTitle('Ombudsman contact details');
  const blocks = useLoad(() => get<OmbudsmanContact[]>('/ombudsman-contacts'), 'ombudsman');
  const form = useForm();
  const [ombudsman, setOmbudsman] = useState('');
  const [validFrom, setValidFrom] = useState(emptyDate);
  const [name, setName] = useState('');
  const [webForm, setWebForm] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [email, setEmail] = useState('');
  const [timeLimit, setTimeLimit] = useState('');
  const [added, setAdded] = useState<string>();
  const startFrom = (value: string) => {
    // A new block starts as a copy of the one in force, so only what changed is typed.
    setOmbudsman(value);
    const current = blocks.data?.find((b) => b.ombudsman === value && b.in_force);
    if (current) {
      setName(current.name);
      setWebForm(current.web_form);
      setPhone(current.phone);
      setAddress(current.postal_address);
      setEmail(current.email ?? '');
      setTimeLimit(current.time_limit);
    }
  };
  const add = () =>
    form.submit(async () => {
      const checks = new Checks();
      const iso = checks.date('valid_from', validFrom, 'the date the details take effect');
      checks.done();
      await request('POST', '/ombudsman-contacts', {
        body: {
          ombudsman,
          valid_from: iso,
          name: name.trim(),
          web_form: webForm.trim(),
          phone: phone.trim(),
          postal_address: address.trim(),
          email: email.trim(),
          time_limit: timeLimit.trim(),
        },
      });
      setAdded(iso ?? '');
      setValidFrom(emptyDate);
      blocks.reload();
    }, 'ombudsman');
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Ombudsman contact details</h1>
      <p className="govuk-body">
        The contact details letters give for each Ombudsman. A letter carries the details in force
        on the day it is issued. Details are never changed: add new ones from the date they take
        effect.
      </p>
      {added !== undefined && (
        <SuccessBanner title="Contact details added">
          <p className="govuk-body">
            Letters issued from <DateText iso={added} /> give them.
          </p>
        </SuccessBanner>
      )}
      {blocks.error && <LoadFailed message={blocks.error} />}
      {!blocks.data && !blocks.error && <Loading />}
      {blocks.data && (
        <table className="govuk-table" id="ombudsman-contacts">
          <caption className="govuk-visually-hidden">Ombudsman contact details</caption>
          <TableHead headings={['Ombudsman', 'From', 'Contact', 'Email', 'Added by']} />
          <tbody className="govuk-table__body">
            {blocks.data.map((b, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">
                  {b.name} {b.in_force && <Tag colour="green">In force</Tag>}
                </td>
                <td className="govuk-table__cell">
                  <DateText iso={b.valid_from} />
                </td>
                <td className="govuk-table__cell">
                  {b.phone}
                  <br />
                  {b.web_form}
                  <br />
                  {b.postal_address}
                </td>
                <td className="govuk-table__cell">{b.email ?? 'None'}</td>
                <td className="govuk-table__cell">{b.built_in ? 'Built in' : b.added_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form form={form} onSubmit={add} submitLabel="Add contact details">
            <h2 className="govuk-heading-m">Add new contact details</h2>
            <Radios
              name="ombudsman"
              label="Which Ombudsman?"
              value={ombudsman}
              onChange={startFrom}
              options={OMBUDSMEN}
            />
            <DateInput
              name="valid_from"
              label="Letters issued from"
              hint="Today or later, for example, 1 4 2027"
              value={validFrom}
              onChange={setValidFrom}
            />
            <TextInput name="name" label="Name" value={name} onChange={setName} />
            <TextInput name="phone" label="Phone" value={phone} onChange={setPhone} />
            <TextInput name="web_form" label="Web form" value={webForm} onChange={setWebForm} />
            <Textarea
              name="postal_address"
              label="Postal address"
              value={address}
              onChange={setAddress}
              rows={3}
            />
            <TextInput
              name="email"
              label="Email address (optional)"
              hint="Leave empty when the Ombudsman takes no complaints by email. The Housing Ombudsman takes none from 13 January 2026."
              value={email}
              onChange={setEmail}
              type="email"
            />
            <Textarea
              name="time_limit"
              label="Time limit, as the letter says it"
              value={timeLimit}
              onChange={setTimeLimit}
              rows={2}
            />
          </Form>
        </div>
      </div>
    </>
  );
}
