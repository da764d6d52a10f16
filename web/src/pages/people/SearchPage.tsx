// /people: find the records naming a person by e-mail, phone, or name with postcode (the
// server normalises them as it does every search; app/people.hpp), each linking to the person
// as that record names them.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { getItems, query } from '../../api';
import { Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import { DateText, TableHead, usePageTitle } from '../../components/ui';
import { personPath, ROLE_LABELS, type PersonRecord } from './people';

export function SearchPage() {
  usePageTitle('People');
  const form = useForm();
  const [q, setQ] = useState('');
  const [name, setName] = useState('');
  const [postcode, setPostcode] = useState('');
  const [found, setFound] = useState<PersonRecord[] | null>(null);
  const submit = () =>
    form.submit(async () => {
      setFound(await getItems<PersonRecord>(`/people${query({ q, name, postcode })}`));
    }, 'q');
  return (
    <>
      <h1 className="govuk-heading-l">People</h1>
      <p className="govuk-body">
        Find everyone Redress holds records about: complainants, representatives and people who made
        a service request.
      </p>
      <Form form={form} onSubmit={submit} submitLabel="Search">
        <TextInput
          name="q"
          label="Email address or phone number"
          value={q}
          onChange={setQ}
          type="search"
        />
        <TextInput name="name" label="Name" value={name} onChange={setName} />
        <TextInput
          name="postcode"
          label="Postcode"
          hint="A name is searched for with a postcode."
          value={postcode}
          onChange={setPostcode}
          widthClass="govuk-input--width-10"
        />
      </Form>
      {found && found.length === 0 && <p className="govuk-body">No one found.</p>}
      {found && found.length > 0 && (
        <table className="govuk-table" id="people-results">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {found.length === 1 ? '1 record' : `${found.length} records`}
          </caption>
          <TableHead headings={['Person', 'Record', 'Received', 'Contact details']} />
          <tbody className="govuk-table__body">
            {found.map((record) => (
              <tr className="govuk-table__row" key={record.person_id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={personPath(record.person_id)}>
                    {record.person.name || 'No name given'}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {ROLE_LABELS[record.role]} on {record.reference}
                </td>
                <td className="govuk-table__cell">
                  <DateText iso={record.received_on} />
                </td>
                <td className="govuk-table__cell">
                  {[record.person.email, record.person.phone, record.person.postcode]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
