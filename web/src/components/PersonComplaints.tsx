// A person's complaints (GET /complaints/by-person): found by the same e-mail, phone, or name with
// postcode, compared by the server's one normalisation. Shown on a case page (the complainant's
// other complaints) and beside the log form's complainant before the complaint is saved.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, query } from '../api';
import { useLoad } from '../data';
import type { ComplaintRow, Person } from '../types';
import { DateText, StatusTag } from './ui';

// How long typing pauses before the log form asks again.
const TYPING_PAUSE_MS = 400;

function identifies(person: Person): boolean {
  return Boolean(person.email || person.phone || (person.name && person.postcode));
}

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export function PersonComplaints({
  person,
  except,
  id,
  heading,
  waitForTyping = false,
}: {
  person: Person;
  except?: string;
  id: string;
  heading: string;
  waitForTyping?: boolean;
}) {
  const asked = query({
    name: person.name,
    email: person.email,
    phone: person.phone,
    postcode: person.postcode,
    except,
  });
  const settled = useSettled(asked, waitForTyping ? TYPING_PAUSE_MS : 0);
  const known = identifies(person);
  const found = useLoad(
    () =>
      known
        ? get<{ items: ComplaintRow[] }>(`/complaints/by-person${settled}`).then((r) => r.items)
        : Promise.resolve([]),
    `${known}${settled}`,
  );
  if (!known) return null;
  const rows = found.data ?? [];
  if (found.error || rows.length === 0) {
    return waitForTyping ? null : (
      <section id={id} aria-labelledby={`${id}-heading`}>
        <h2 className="govuk-heading-m" id={`${id}-heading`}>
          {heading}
        </h2>
        <p className="govuk-body">{found.data ? 'None found.' : 'Looking for them…'}</p>
      </section>
    );
  }
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        {heading}
      </h2>
      <p className="govuk-body">
        Found by the same email, phone number, or name and postcode ({rows.length}
        {rows.length === 1 ? ' complaint' : ' complaints'}, most recent first).
      </p>
      <ul className="govuk-list">
        {rows.map((row) => (
          <li key={row.reference}>
            <Link className="govuk-link" to={`/cases/${row.reference}`}>
              {row.reference}
            </Link>{' '}
            <StatusTag status={row.status} /> {row.complainant}, received{' '}
            <DateText iso={row.received_on} />: {row.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
