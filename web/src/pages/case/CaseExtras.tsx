// The case's timeline, internal notes, links to other complaints and its Ombudsman history.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, getItems, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Radios, Textarea, TextInput } from '../../components/fields';
import { DateText, LoadFailed, Loading, TableHead, Tag } from '../../components/ui';
import { useLoad } from '../../data';
import { formatDate, formatDateTime } from '../../format';
import { eventDetails, eventSentence } from '../../timeline';
import type { Event, Link as CaseLink, Note } from '../../types';
import type { OmbudsmanHistory as History } from '../ombudsman/model';
import { CaseDates } from '../ombudsman/parts';
import {
  CHFO_OUTCOME_LABELS,
  CHFO_TYPE_LABELS,
  OMBUDSMAN_SHORT_LABELS,
  outcomeText,
  statusColour,
  statusText,
} from '../ombudsman/wording';

// Each event as a sentence for people (timeline.ts), dated; what exactly was recorded (the
// event's own summary and each field before and after) behind a GOV.UK details disclosure.
export function Timeline({ events }: { events: Event[] }) {
  return (
    <ol className="govuk-list" id="timeline">
      {events.map((event) => (
        <li key={event.sequence} className="govuk-!-margin-bottom-4">
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>{eventSentence(event)}</strong>
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {formatDate(event.occurred_on)}
            {event.stage ? `, stage ${event.stage}` : ''} (recorded{' '}
            {formatDateTime(event.recorded_at)})
          </p>
          <details className="govuk-details govuk-!-margin-bottom-2">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Details<span className="govuk-visually-hidden"> of event {event.sequence}</span>
              </span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body-s">
                {eventDetails(event)} Recorded by {event.actor}.
              </p>
              {event.changes.length > 0 && (
                <ul className="govuk-list govuk-list--bullet govuk-body-s">
                  {event.changes.map((change) => (
                    <li key={change.field}>
                      {change.field}: {change.before || 'not set'} → {change.after || 'not set'}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}

export function Notes({ reference, canAdd }: { reference: string; canAdd: boolean }) {
  const notes = useLoad(() => getItems<Note>(`/complaints/${reference}/notes`), reference);
  const form = useForm();
  const [text, setText] = useState('');
  const add = () =>
    form.submit(async () => {
      await request('POST', `/complaints/${reference}/notes`, { body: { text: text.trim() } });
      setText('');
      notes.reload();
    }, 'text');
  return (
    <>
      {notes.error && <LoadFailed message={notes.error} />}
      {!notes.data && !notes.error && <Loading />}
      {notes.data?.length === 0 && <p className="govuk-body">No notes yet.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="govuk-list" id="notes">
          {notes.data.map((note) => (
            <li key={note.id} className="govuk-inset-text govuk-!-margin-top-0">
              <p className="govuk-body redress-note-text">{note.text}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {note.author}, {formatDateTime(note.created_at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <Form form={form} onSubmit={add} submitLabel="Add note">
          <Textarea
            name="text"
            label="Add an internal note"
            hint="Staff only: never sent to the complainant, and cannot be edited afterwards"
            rows={3}
            value={text}
            onChange={setText}
          />
        </Form>
      )}
    </>
  );
}

const RELATION_LABELS: Record<CaseLink['relation'], string> = {
  related: 'Related to',
  duplicate_of: 'Duplicate of',
  repeat_of: 'Repeat of',
};

function relationText(link: CaseLink): string {
  if (link.direction === 'outgoing') return RELATION_LABELS[link.relation];
  return link.relation === 'related'
    ? 'Related to'
    : `${RELATION_LABELS[link.relation]} this case:`;
}

export function Links({ reference, canAdd }: { reference: string; canAdd: boolean }) {
  const links = useLoad(() => getItems<CaseLink>(`/complaints/${reference}/links`), reference);
  const form = useForm();
  const [other, setOther] = useState('');
  const [relation, setRelation] = useState('related');
  const add = () =>
    form.submit(async () => {
      await request('POST', `/complaints/${reference}/links`, {
        body: { reference: other.trim(), relation },
      });
      setOther('');
      links.reload();
    }, 'reference');
  const remove = (target: string) =>
    form.submit(async () => {
      await request('DELETE', `/complaints/${reference}/links/${encodeURIComponent(target)}`);
      links.reload();
    });
  return (
    <>
      {links.error && <LoadFailed message={links.error} />}
      {links.data?.length === 0 && <p className="govuk-body">Not linked to other complaints.</p>}
      {links.data && links.data.length > 0 && (
        <ul className="govuk-list" id="links">
          {links.data.map((link) => (
            <li key={`${link.reference}-${link.direction}`}>
              {relationText(link)}{' '}
              <Link className="govuk-link" to={`/cases/${link.reference}`}>
                {link.reference}
              </Link>
              {canAdd && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                    onClick={() => void remove(link.reference)}
                  >
                    Remove link<span className="govuk-visually-hidden"> to {link.reference}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <Form form={form} onSubmit={add} submitLabel="Link complaint">
          <TextInput
            name="reference"
            label="Link to complaint (reference)"
            widthClass="govuk-input--width-20"
            value={other}
            onChange={setOther}
            spellCheck={false}
          />
          <Radios
            name="relation"
            label="This case is"
            small
            value={relation}
            onChange={setRelation}
            options={[
              { value: 'related', label: 'Related to it' },
              { value: 'duplicate_of', label: 'A duplicate of it' },
              { value: 'repeat_of', label: 'A repeat of it' },
            ]}
          />
        </Form>
      )}
    </>
  );
}

// The Ombudsman cases about this complaint and their failure orders, each linking to its page.
export function OmbudsmanHistory({
  reference,
  canRecord,
}: {
  reference: string;
  canRecord: boolean;
}) {
  const history = useLoad(
    () => get<History>(`/complaints/${encodeURIComponent(reference)}/ombudsman`),
    reference,
  );
  const cases = history.data?.cases ?? [];
  const orders = history.data?.failure_orders ?? [];
  return (
    <div id="ombudsman-history">
      {history.error && <LoadFailed message={history.error} />}
      {!history.data && !history.error && <Loading />}
      {history.data && cases.length === 0 && (
        <p className="govuk-body">No Ombudsman has looked at this complaint.</p>
      )}
      {cases.length > 0 && (
        <div className="redress-table-scroll">
          <table className="govuk-table redress-dense-table">
            <caption className="govuk-visually-hidden">
              Ombudsman cases about this complaint
            </caption>
            <TableHead headings={['Ombudsman case', 'Dates', 'Status and outcome']} />
            <tbody className="govuk-table__body">
              {cases.map((c) => (
                <tr className="govuk-table__row" key={c.reference}>
                  <td className="govuk-table__cell">
                    <Link
                      className="govuk-link redress-nowrap"
                      to={`/ombudsman/cases/${c.reference}`}
                    >
                      {c.reference}
                    </Link>
                    <br />
                    {OMBUDSMAN_SHORT_LABELS[c.ombudsman]}
                    <br />
                    Their reference: {c.ombudsman_reference || 'not known'}
                  </td>
                  <td className="govuk-table__cell">
                    <CaseDates c={c} />
                  </td>
                  <td className="govuk-table__cell redress-wide-tags">
                    <Tag colour={statusColour(c)}>{statusText(c)}</Tag>
                    {c.final_decision_on && (
                      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {outcomeText(c)}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {orders.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Complaint Handling Failure Orders</h3>
          <ul className="govuk-list">
            {orders.map((order) => (
              <li key={order.reference}>
                <Link className="govuk-link" to={`/ombudsman/failure-orders/${order.reference}`}>
                  {order.reference}
                </Link>
                : {CHFO_TYPE_LABELS[order.type]}, due <DateText iso={order.due_on} />,{' '}
                {CHFO_OUTCOME_LABELS[order.outcome].toLowerCase()}
                {order.overdue ? ' (overdue)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {canRecord && (
        <p className="govuk-body">
          <Link
            className="govuk-link"
            to={`/ombudsman/new?complaint=${encodeURIComponent(reference)}`}
          >
            Record an Ombudsman case about this complaint
          </Link>
        </p>
      )}
    </div>
  );
}
