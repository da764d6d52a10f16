// Redaction of one field, note or attached file of the complaint on request (issue 20), for
// administrators: the item's content becomes "[redacted]" (a file is no longer served), every
// record of the history that quoted it is erased, and the audit trail records who and why, not
// what was removed. It cannot be undone, so the page says so before the button.
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { get, getItems, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { Select, Textarea } from '../../components/fields';
import { LoadFailed, Loading } from '../../components/ui';
import { useLoad } from '../../data';
import { formatDateTime } from '../../format';
import type { Attachment, Complaint, Note } from '../../types';
import { withFieldNames } from '../admin/retention/wording';

const WORDS = {
  redaction_target: { words: 'what to redact', choice: true },
  redaction_reason: { words: 'why it is redacted' },
};

// The fields the API redacts (core/redaction.cpp's RedactableFields), as the page names them.
const FIELDS: ReadonlyArray<{ field: string; label: string }> = [
  { field: 'summary', label: 'Summary' },
  { field: 'description', label: 'Description' },
  { field: 'desired_outcome', label: 'Outcome wanted' },
  { field: 'complainant.name', label: 'Complainant’s name' },
  { field: 'complainant.email', label: 'Complainant’s email address' },
  { field: 'complainant.phone', label: 'Complainant’s phone number' },
  { field: 'complainant.address', label: 'Complainant’s address' },
  { field: 'complainant.postcode', label: 'Complainant’s postcode' },
  { field: 'representative.name', label: 'Representative’s name' },
  { field: 'representative.email', label: 'Representative’s email address' },
  { field: 'representative.phone', label: 'Representative’s phone number' },
  { field: 'representative.address', label: 'Representative’s address' },
  { field: 'representative.postcode', label: 'Representative’s postcode' },
  { field: 'refusal.explanation', label: 'Why the complaint was not accepted' },
  { field: 'withdrawal.reason', label: 'Why the complaint was withdrawn' },
];
const REDACTED = '[redacted]';
const EXCERPT_LENGTH = 40;

// Whether the complaint has a value in `field` that is not redacted already: only those are
// offered (the API refuses the others, naming the target).
function hasValue(complaint: Complaint, field: string): boolean {
  const [head = '', tail] = field.split('.');
  const record = complaint as unknown as Record<string, unknown>;
  const value =
    tail === undefined
      ? record[head]
      : (record[head] as Record<string, unknown> | null | undefined)?.[tail];
  return typeof value === 'string' && value.trim() !== '' && value !== REDACTED;
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

export function Redaction({ complaint }: { complaint: Complaint }) {
  const path = `/complaints/${encodeURIComponent(complaint.reference)}`;
  const notes = useLoad(() => getItems<Note>(`${path}/notes`), `${path}/notes`);
  const files = useLoad(
    () => get<{ attachments: Attachment[] }>(`${path}/attachments`),
    `${path}/attachments`,
  );
  const form = useForm(WORDS);
  const navigate = useNavigate();
  const location = useLocation();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const options = [
    ...FIELDS.filter(({ field }) => hasValue(complaint, field)).map(({ field, label }) => ({
      value: `field:${field}`,
      label,
    })),
    ...(notes.data ?? [])
      .filter((note) => note.text !== REDACTED)
      .map((note) => ({
        value: `note:${note.id}`,
        label: `Note by ${note.author}, ${formatDateTime(note.created_at)}: ${excerpt(note.text)}`,
      })),
    ...(files.data?.attachments ?? []).map((file) => ({
      value: `attachment:${file.id}`,
      label: `File: ${file.name}`,
    })),
  ];
  const redact = () =>
    form.submit(async () => {
      const missing = [];
      if (!target) missing.push({ field: 'redaction_target', message: 'Select what to redact' });
      if (!reason.trim())
        missing.push({ field: 'redaction_reason', message: 'Enter why it is redacted' });
      if (missing.length > 0) throw new ClientErrors(missing);
      await withFieldNames({ target: 'redaction_target', reason: 'redaction_reason' }, () =>
        request('POST', `${path}/redactions`, { body: { target, reason: reason.trim() } }),
      );
      // The case is read again with the new state, which the page shows as done.
      navigate(location.pathname, { state: { done: 'Information redacted' } });
    }, 'redaction_target');
  const loading = (!notes.data && !notes.error) || (!files.data && !files.error);
  return (
    <section id="redaction" aria-labelledby="redaction-heading">
      <h2 className="govuk-heading-m" id="redaction-heading">
        Redact information
      </h2>
      <p className="govuk-body">
        On request — for example information about a third party — one field, note or file can be
        redacted. Its content is replaced by “{REDACTED}” and every record of the case history that
        quoted it is erased. The audit trail records who redacted what kind of item and why, not
        what it said.
      </p>
      {notes.error && <LoadFailed message={notes.error} />}
      {files.error && <LoadFailed message={files.error} />}
      {loading && <Loading />}
      {!loading && (
        <Form form={form} onSubmit={redact} submitLabel="Redact" warning>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Redaction cannot be undone.
            </strong>
          </div>
          <Select
            name="redaction_target"
            label="What to redact"
            value={target}
            onChange={setTarget}
            placeholder="Choose a field, note or file"
            options={options}
          />
          <Textarea
            name="redaction_reason"
            label="Why is it redacted?"
            hint="Who asked, and on what grounds. This is kept in the audit trail."
            rows={2}
            value={reason}
            onChange={setReason}
          />
        </Form>
      )}
    </section>
  );
}
