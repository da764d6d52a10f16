// /people/:id: one person as a record names them, with everything about them (their own record
// and every confirmed match: complaints with their notes, letters and attachments, service
// requests), and the matches the server proposes with the details they share, each confirmed,
// rejected or undone here with a reason (recorded as an event on the record).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Select, Textarea } from '../../components/fields';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SummaryList,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import {
  KEY_LABELS,
  personPath,
  recordPath,
  ROLE_LABELS,
  STATE_COLOURS,
  STATE_LABELS,
  type PersonMatch,
  type PersonView,
} from './people';

type Action = 'confirm' | 'reject' | 'undo';
const ACTION_LABELS: Record<Action, string> = {
  confirm: 'Confirm: the same person',
  reject: 'Reject: not the same person',
  undo: 'Undo the decision',
};

function actionsOf(match: PersonMatch): Action[] {
  if (match.state === 'confirmed') return ['reject', 'undo'];
  if (match.state === 'rejected') return ['confirm', 'undo'];
  return ['confirm', 'reject'];
}

function keyOf(match: PersonMatch): string {
  return `${match.record.record_type}|${match.record.reference}|${match.record.role}`;
}

function DecisionForm({ person, done }: { person: PersonView; done: (p: PersonView) => void }) {
  const form = useForm();
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  if (person.matches.length === 0) return null;
  const options = person.matches.flatMap((match) =>
    actionsOf(match).map((action) => ({
      value: `${action}|${keyOf(match)}`,
      label: `${ACTION_LABELS[action]}: ${ROLE_LABELS[match.record.role].toLowerCase()} on ${match.record.reference}`,
    })),
  );
  const submit = () =>
    form.submit(async () => {
      const [action, record_type, reference, role] = choice.split('|');
      const answer = await request<PersonView>(
        'POST',
        `/people/${encodeURIComponent(person.id)}/matches`,
        {
          body: {
            action: action ?? '',
            record_type: record_type ?? '',
            reference: reference ?? '',
            role: role ?? '',
            reason: reason.trim(),
          },
        },
      );
      setChoice('');
      setReason('');
      done(answer.body);
    }, 'action');
  return (
    <Form form={form} onSubmit={submit} submitLabel="Record the decision">
      <Select
        name="action"
        label="Decide on a match"
        value={choice}
        onChange={setChoice}
        placeholder="Choose a decision"
        options={options}
      />
      <Textarea name="reason" label="Why?" value={reason} onChange={setReason} />
    </Form>
  );
}

function Matches({ person }: { person: PersonView }) {
  if (person.matches.length === 0) {
    return <p className="govuk-body">No other records share their details.</p>;
  }
  return (
    <table className="govuk-table" id="person-matches">
      <caption className="govuk-table__caption govuk-table__caption--m">Possible matches</caption>
      <TableHead headings={['Record', 'Shares', 'Decision', 'Contact details']} />
      <tbody className="govuk-table__body">
        {person.matches.map((match) => (
          <tr className="govuk-table__row" key={keyOf(match)}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={recordPath(match.record)}>
                {match.record.reference}
              </Link>{' '}
              ({ROLE_LABELS[match.record.role].toLowerCase()}, received{' '}
              <DateText iso={match.record.received_on} />)
            </td>
            <td className="govuk-table__cell">
              {match.keys.map((key) => KEY_LABELS[key]).join(', ') || 'Nothing now'}
            </td>
            <td className="govuk-table__cell">
              <Tag colour={STATE_COLOURS[match.state]}>{STATE_LABELS[match.state]}</Tag>
              {match.reason && (
                <p className="govuk-body-s">
                  {match.reason} ({match.decided_by})
                </p>
              )}
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={personPath(match.record.person_id)}>
                {match.record.person.name || 'No name given'}
              </Link>
              {[match.record.person.email, match.record.person.phone, match.record.person.postcode]
                .filter(Boolean)
                .map((detail) => `, ${detail}`)
                .join('')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Everything({ person }: { person: PersonView }) {
  return (
    <section id="person-records">
      <h2 className="govuk-heading-m">Everything about them</h2>
      {person.complaints.map((held) => (
        <div key={held.reference}>
          <h3 className="govuk-heading-s">
            Complaint{' '}
            <Link
              className="govuk-link"
              to={recordPath({ record_type: 'complaint', reference: held.reference })}
            >
              {held.reference}
            </Link>
          </h3>
          <p className="govuk-body">
            Received <DateText iso={held.received_on} />: {held.summary}
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {held.notes.map((note) => (
              <li key={`note-${note.id}`}>
                Note by {note.author}: {note.text}
              </li>
            ))}
            {held.letters.map((letter) => (
              <li key={`letter-${letter.number}`}>
                Letter {letter.number} to {letter.recipient_name},{' '}
                <DateText iso={letter.issued_on} />
              </li>
            ))}
            {held.attachments.map((attachment) => (
              <li key={`attachment-${attachment.id}`}>Attachment {attachment.name}</li>
            ))}
          </ul>
        </div>
      ))}
      {person.service_requests.map((sr) => (
        <div key={sr.reference}>
          <h3 className="govuk-heading-s">
            Service request{' '}
            <Link
              className="govuk-link"
              to={recordPath({ record_type: 'service_request', reference: sr.reference })}
            >
              {sr.reference}
            </Link>
          </h3>
          <p className="govuk-body">
            Received <DateText iso={sr.received_on} />: {sr.summary}
          </p>
          {sr.attachments.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {sr.attachments.map((attachment) => (
                <li key={attachment.id}>Attachment {attachment.name}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const loaded = useLoad(() => get<PersonView>(`/people/${encodeURIComponent(id)}`), id);
  const [after, setAfter] = useState<PersonView | null>(null);
  const person = after && after.id === id ? after : loaded.data;
  const contact = person?.found_from.person;
  usePageTitle(contact?.name ? `${contact.name}: people` : 'A person');
  return (
    <>
      <BackLink to="/people">People</BackLink>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!person && !loaded.error && <Loading />}
      {person && contact && (
        <>
          <h1 className="govuk-heading-l">{contact.name || 'No name given'}</h1>
          <SummaryList
            id="person-summary"
            rows={[
              {
                key: 'Found from',
                value: `${ROLE_LABELS[person.found_from.role]} on ${person.found_from.reference}`,
              },
              { key: 'Email address', value: contact.email || 'Not given' },
              { key: 'Phone number', value: contact.phone || 'Not given' },
              {
                key: 'Address',
                value:
                  [contact.address, contact.postcode].filter(Boolean).join(', ') || 'Not given',
              },
            ]}
          />
          <Matches person={person} />
          <DecisionForm person={person} done={setAfter} />
          <Everything person={person} />
        </>
      )}
    </>
  );
}
