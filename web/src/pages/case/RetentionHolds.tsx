// The complaint's retention holds (issue 20), for administrators: a hold stops the complaint's
// personal data being disposed of, whatever its retention period says, until it is released
// with a reason. Released holds stay listed: history is never lost.
import { useState } from 'react';
import { getItems, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { Radios, Textarea } from '../../components/fields';
import { LoadFailed, Loading, Tag } from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime } from '../../format';
import type { HoldKind, RetentionHold } from '../../types';
import { HOLD_KIND_LABELS, withFieldNames } from '../admin/retention/wording';

const HOLD_WORDS = {
  hold_kind: { words: 'the kind of hold', choice: true },
  hold_reason: { words: 'why the complaint is held' },
};
const RELEASE_WORDS = { release_reason: { words: 'why the hold is released' } };

function Release({ hold, onReleased }: { hold: RetentionHold; onReleased: () => void }) {
  const form = useForm(RELEASE_WORDS);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
        onClick={() => setOpen(true)}
      >
        Release<span className="govuk-visually-hidden"> hold {hold.id}</span>
      </button>
    );
  const release = () =>
    form.submit(async () => {
      if (!reason.trim())
        throw new ClientErrors([
          { field: 'release_reason', message: 'Enter why the hold is released' },
        ]);
      await withFieldNames({ reason: 'release_reason' }, () =>
        request('POST', `/retention/holds/${hold.id}/release`, { body: { reason: reason.trim() } }),
      );
      onReleased();
    }, 'release_reason');
  return (
    <Form
      form={form}
      onSubmit={release}
      submitLabel="Release hold"
      secondary={
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => setOpen(false)}
        >
          Keep the hold
        </button>
      }
    >
      <Textarea
        name="release_reason"
        label="Why is the hold released?"
        rows={2}
        value={reason}
        onChange={setReason}
      />
    </Form>
  );
}

function HoldText({ hold }: { hold: RetentionHold }) {
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong>{HOLD_KIND_LABELS[hold.kind]}</strong>{' '}
        {hold.in_force ? <Tag colour="red">In force</Tag> : <Tag colour="grey">Released</Tag>}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-1 redress-note-text">{hold.reason}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        Placed by {hold.placed_by}, {formatDateTime(hold.placed_at)}
      </p>
      {!hold.in_force && (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          Released by {hold.released_by}
          {hold.released_at ? `, ${formatDateTime(hold.released_at)}` : ''}: {hold.release_reason}
        </p>
      )}
    </>
  );
}

export function RetentionHolds({ reference }: { reference: string }) {
  const holds = useLoad(
    () => getItems<RetentionHold>(`/complaints/${encodeURIComponent(reference)}/holds`),
    reference,
  );
  const form = useForm(HOLD_WORDS);
  const [kind, setKind] = useState('');
  const [reason, setReason] = useState('');
  const place = () =>
    form.submit(async () => {
      const missing = [];
      if (!kind) missing.push({ field: 'hold_kind', message: 'Select the kind of hold' });
      if (!reason.trim())
        missing.push({ field: 'hold_reason', message: 'Enter why the complaint is held' });
      if (missing.length > 0) throw new ClientErrors(missing);
      await withFieldNames({ kind: 'hold_kind', reason: 'hold_reason' }, () =>
        request('POST', `/complaints/${encodeURIComponent(reference)}/holds`, {
          body: { kind: kind as HoldKind, reason: reason.trim() },
        }),
      );
      setKind('');
      setReason('');
      holds.reload();
    }, 'hold_reason');
  return (
    <section id="retention-holds" aria-labelledby="retention-holds-heading">
      <h2 className="govuk-heading-m" id="retention-holds-heading">
        Retention holds
      </h2>
      <p className="govuk-body">
        A hold stops this complaint’s personal data being disposed of, whatever its retention
        period, until it is released.
      </p>
      {holds.error && <LoadFailed message={holds.error} />}
      {!holds.data && !holds.error && <Loading />}
      {holds.data?.length === 0 && (
        <p className="govuk-body" id="no-retention-holds">
          No holds.
        </p>
      )}
      {holds.data && holds.data.length > 0 && (
        <ul className="govuk-list" id="retention-hold-list">
          {holds.data.map((hold) => (
            <li key={hold.id} className="govuk-inset-text govuk-!-margin-top-0">
              <HoldText hold={hold} />
              {hold.in_force && <Release hold={hold} onReleased={holds.reload} />}
            </li>
          ))}
        </ul>
      )}
      <Form form={form} onSubmit={place} submitLabel="Place hold">
        <h3 className="govuk-heading-s">Place a hold</h3>
        <Radios
          name="hold_kind"
          label="Kind of hold"
          value={kind}
          onChange={setKind}
          options={[
            {
              value: 'legal_proceedings',
              label: HOLD_KIND_LABELS.legal_proceedings,
              hint: 'Court or tribunal proceedings, or a claim expected',
            },
            { value: 'manual', label: HOLD_KIND_LABELS.manual },
          ]}
        />
        <Textarea
          name="hold_reason"
          label="Why is the complaint held?"
          rows={2}
          value={reason}
          onChange={setReason}
        />
      </Form>
    </section>
  );
}
