// The complainant's needs (issue 18): vulnerabilities and reasonable adjustments, kept with their
// contact preferences (PUT /complaints/{reference}/contact-preferences, each change an event).
// Shown as a warning at the top of the case page, so that nobody acts on the case without seeing
// them, and recorded in a form further down. Special-category data: the API answers only those
// who see the case.
import { useState } from 'react';
import { get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { Checkboxes, Radios, Textarea } from '../../components/fields';
import { LoadFailed, Loading, Tag, WarningText } from '../../components/ui';
import type { ContactPreferences } from '../../types';

type Vulnerability = ContactPreferences['vulnerabilities'][number];

export const VULNERABILITY_LABELS: Record<Vulnerability, string> = {
  disability: 'Disability',
  mental_health: 'Mental health',
  age: 'Age',
  language: 'Language or communication',
  domestic_abuse: 'Domestic abuse',
  bereavement: 'Bereavement',
  other: 'Other',
};

const FORMAT_LABELS: Record<ContactPreferences['format'], string> = {
  standard: 'Standard print',
  large_print: 'Large print',
  easy_read: 'Easy read',
};

export function loadPreferences(reference: string): Promise<ContactPreferences> {
  return get<ContactPreferences>(
    `/complaints/${encodeURIComponent(reference)}/contact-preferences`,
  );
}

// The flag at the top of the case page: nothing when the case has no needs recorded.
export function NeedsFlag({ preferences }: { preferences: ContactPreferences | undefined }) {
  if (!preferences?.has_needs) return null;
  const parts: string[] = [];
  if (preferences.vulnerabilities.length > 0) {
    parts.push(
      `Vulnerable: ${preferences.vulnerabilities.map((v) => VULNERABILITY_LABELS[v]).join(', ')}.`,
    );
  }
  if (preferences.format !== 'standard') {
    parts.push(`Letters in ${FORMAT_LABELS[preferences.format].toLowerCase()}.`);
  }
  if (preferences.adjustments) parts.push(`Adjustments: ${preferences.adjustments}`);
  return (
    <div id="needs-flag">
      <WarningText>
        The complainant has needs to take into account. {parts.join(' ')}{' '}
        <a className="govuk-link" href="#needs">
          See and record needs
        </a>
      </WarningText>
    </div>
  );
}

// The list rows' tag.
export function NeedsTag() {
  return <Tag colour="purple">Needs</Tag>;
}

function NeedsForm({
  reference,
  preferences,
  onSaved,
}: {
  reference: string;
  preferences: ContactPreferences;
  onSaved: () => void;
}) {
  const form = useForm();
  const [vulnerabilities, setVulnerabilities] = useState<string[]>(preferences.vulnerabilities);
  const [note, setNote] = useState(preferences.vulnerability_note);
  const [adjustments, setAdjustments] = useState(preferences.adjustments);
  const [format, setFormat] = useState<string>(preferences.format);
  const save = () =>
    form.submit(async () => {
      // The preferences are replaced whole: how letters go is sent back as it was.
      await request('PUT', `/complaints/${encodeURIComponent(reference)}/contact-preferences`, {
        body: {
          channel: preferences.channel,
          format,
          language: preferences.language,
          copy_representative: preferences.copy_representative,
          adjustments: adjustments.trim(),
          vulnerabilities,
          vulnerability_note: note.trim(),
        },
      });
      onSaved();
    }, 'adjustments');
  return (
    <details className="govuk-details" open={form.errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record needs and adjustments</span>
      </summary>
      <div className="govuk-details__text">
        <Form form={form} onSubmit={save} submitLabel="Save needs">
          <Checkboxes
            name="vulnerabilities"
            label="Vulnerabilities"
            hint="Seen only by staff who can see this case. Select all that apply"
            small
            values={vulnerabilities}
            options={Object.entries(VULNERABILITY_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
            onChange={setVulnerabilities}
          />
          <Textarea
            name="vulnerability_note"
            label="About the vulnerability (optional)"
            rows={2}
            value={note}
            onChange={setNote}
          />
          <Radios
            name="format"
            label="Letter format"
            small
            value={format}
            options={Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={setFormat}
          />
          <Textarea
            name="adjustments"
            label="Reasonable adjustments (optional)"
            hint="For example, phone calls after 2pm only, or an interpreter at meetings"
            rows={3}
            value={adjustments}
            onChange={setAdjustments}
          />
        </Form>
      </div>
    </details>
  );
}

export function Needs({
  reference,
  preferences,
  error,
  canRecord,
  onSaved,
}: {
  reference: string;
  preferences: ContactPreferences | undefined;
  error: string | undefined;
  canRecord: boolean;
  onSaved: () => void;
}) {
  if (error) return <LoadFailed message={error} />;
  if (!preferences) return <Loading />;
  return (
    <section id="needs" aria-labelledby="needs-heading">
      <h2 className="govuk-heading-m" id="needs-heading">
        Needs and reasonable adjustments
      </h2>
      <ul className="govuk-list" id="needs-summary">
        <li>
          Vulnerabilities:{' '}
          {preferences.vulnerabilities.length > 0
            ? preferences.vulnerabilities.map((v) => VULNERABILITY_LABELS[v]).join(', ')
            : 'none recorded'}
          {preferences.vulnerability_note ? ` (${preferences.vulnerability_note})` : ''}
        </li>
        <li>Letters: {FORMAT_LABELS[preferences.format]}</li>
        <li>Adjustments: {preferences.adjustments || 'none recorded'}</li>
      </ul>
      {canRecord && (
        // Keyed by what was loaded: saved, the form starts again from the new record.
        <NeedsForm
          key={JSON.stringify(preferences)}
          reference={reference}
          preferences={preferences}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}
