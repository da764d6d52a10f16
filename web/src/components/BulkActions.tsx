// Bulk actions on the cases selected in the list (issue 18): reassign them to a handler who may
// handle every one's stage, or acknowledge those awaiting acknowledgement whose letter is not
// needed (sent otherwise). Each case is applied on its own by the server, with the version the
// list showed; what happened to each is listed after.
import { useState } from 'react';
import { get, request } from '../api';
import { useLoad } from '../data';
import type { ComplaintRow, EligibleHandlers, Problem } from '../types';
import { Select } from './fields';
import { ClientErrors, Form, useForm } from './Form';

interface Outcome {
  reference: string;
  outcome: 'done' | 'refused';
  problem?: Problem;
}

// The field is bulk_handler, not handler: the list's filters already have a Handler field, and
// ids must be unique on the page for the label and the error summary's link to find it.
const WORDS = { bulk_handler: { words: 'who to reassign the cases to', choice: true } };

// Who may handle each selected case's stage: those eligible for every one of them.
async function eligibleForAll(rows: ComplaintRow[]): Promise<EligibleHandlers['items']> {
  const lists = await Promise.all(
    rows.map((row) =>
      get<EligibleHandlers>(
        `/complaints/${encodeURIComponent(row.reference)}/eligible-handlers?stage=${row.stage}`,
      ),
    ),
  );
  const [first, ...rest] = lists;
  if (!first) return [];
  return first.items.filter((user) =>
    rest.every((list) => list.items.some((other) => other.username === user.username)),
  );
}

export function BulkActions({
  rows,
  canReassign,
  canAcknowledge,
  onDone,
}: {
  rows: ComplaintRow[];
  canReassign: boolean;
  canAcknowledge: boolean;
  onDone: () => void;
}) {
  const key = rows.map((row) => `${row.reference}@${row.version}`).join(',');
  const eligible = useLoad(
    () => (canReassign && rows.length > 0 ? eligibleForAll(rows) : Promise.resolve([])),
    key,
  );
  const form = useForm(WORDS);
  const [handler, setHandler] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const cases = rows.map((row) => ({ reference: row.reference, version: row.version }));
  const run = (action: 'reassign' | 'acknowledge', body: object) =>
    form.submit(async () => {
      if (action === 'reassign' && !handler)
        throw new ClientErrors([
          { field: 'bulk_handler', message: 'Select who to reassign the cases to' },
        ]);
      const { body: answer } = await request<{ results: Outcome[] }>(
        'POST',
        `/complaints/bulk/${action}`,
        { body: { cases, action: body } },
      );
      setOutcomes(answer.results);
      setHandler('');
      onDone();
    });
  const awaiting =
    rows.length > 0 && rows.every((row) => row.status === 'awaiting_acknowledgement');
  return (
    <section aria-labelledby="bulk-heading" id="bulk-actions">
      <h2 className="govuk-heading-m" id="bulk-heading">
        Selected cases
      </h2>
      {outcomes && (
        <div role="status" id="bulk-results">
          <h3 className="govuk-heading-s">What happened</h3>
          <ul className="govuk-list govuk-list--bullet">
            {outcomes.map((outcome) => (
              <li key={outcome.reference}>
                {outcome.reference}:{' '}
                {outcome.outcome === 'done'
                  ? 'done'
                  : `not changed. ${outcome.problem?.detail ?? outcome.problem?.title ?? ''}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="govuk-body" id="bulk-count">
        {rows.length === 0
          ? 'Select cases in the table to reassign or acknowledge them together.'
          : `${rows.length} ${rows.length === 1 ? 'case' : 'cases'} selected.`}
      </p>
      {rows.length > 0 && canReassign && (
        <Form
          form={form}
          onSubmit={() => run('reassign', { handler })}
          submitLabel="Reassign selected cases"
        >
          <Select
            name="bulk_handler"
            label="Reassign to"
            hint="Only people who may handle every selected case’s stage are offered"
            value={handler}
            onChange={setHandler}
            options={(eligible.data ?? []).map((user) => ({
              value: user.username,
              label: user.display_name,
            }))}
            placeholder="Choose a handler"
          />
        </Form>
      )}
      {awaiting && canAcknowledge && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void run('acknowledge', {})}
        >
          Acknowledge selected cases (no letter needed)
        </button>
      )}
    </section>
  );
}
