// How Redress sends email and when reminders go (issue 15): the sender, relay and TLS mode the
// server was started with (read-only, never a password) with a test email to the signed-in
// administrator, and the office hours reminder digests are sent in, saved here.
import { useState } from 'react';
import { ApiError, get, request } from '../../api';
import { Form, useForm } from '../../components/Form';
import { TextInput } from '../../components/fields';
import { BackLink, LoadFailed, Loading, SuccessBanner, usePageTitle } from '../../components/ui';
import { useLoad } from '../../data';
import type { MailSettings as Settings, OfficeHours } from '../../types';

const TLS_LABELS: Record<Settings['tls'], string> = {
  none: 'None',
  starttls: 'STARTTLS',
  implicit: 'Implicit TLS',
};

function OfficeHoursForm({ hours, reload }: { hours: OfficeHours; reload: () => void }) {
  const form = useForm();
  const [start, setStart] = useState(hours.start);
  const [end, setEnd] = useState(hours.end);
  const [saved, setSaved] = useState(false);
  const save = () =>
    form.submit(async () => {
      setSaved(false);
      await request('PUT', '/office-hours', { body: { start: start.trim(), end: end.trim() } });
      setSaved(true);
      reload();
    }, 'start');
  return (
    <>
      {saved && (
        <SuccessBanner title="Office hours saved">
          <p className="govuk-body">Reminder digests go out in these hours from now on.</p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={save} submitLabel="Save office hours">
        <h2 className="govuk-heading-m">Office hours</h2>
        <p className="govuk-body">
          Reminder digests are sent only in these hours on working days.{' '}
          {hours.source === 'saved'
            ? 'These hours were saved here and win over the hours the server was started with.'
            : 'These are the hours the server was started with (--office-hours) until you save some here.'}
        </p>
        <TextInput
          name="start"
          label="Start"
          hint="24-hour clock, for example, 09:00"
          value={start}
          onChange={setStart}
          widthClass="govuk-input--width-5"
        />
        <TextInput
          name="end"
          label="End"
          hint="After the start, for example, 17:00"
          value={end}
          onChange={setEnd}
          widthClass="govuk-input--width-5"
        />
      </Form>
    </>
  );
}

function Sender({ settings }: { settings: Settings }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await request('POST', '/mail-settings/test-email');
      setOutcome({ ok: true, message: 'The relay accepted the test email. Check your inbox.' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({ ok: false, message: error.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h2 className="govuk-heading-m">Sender and relay</h2>
      <p className="govuk-body">
        Set when the server is started (--mail-from, --smtp-url, --smtp-tls).
      </p>
      <dl className="govuk-summary-list" id="mail-settings">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sender</dt>
          <dd className="govuk-summary-list__value">{settings.sender ?? 'Not set'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Relay</dt>
          <dd className="govuk-summary-list__value">
            {settings.relay ?? 'None: letters wait in the outbox'}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">TLS to the relay</dt>
          <dd className="govuk-summary-list__value">{TLS_LABELS[settings.tls]}</dd>
        </div>
      </dl>
      {outcome?.ok && (
        <SuccessBanner title="Test email sent">
          <p className="govuk-body">{outcome.message}</p>
        </SuccessBanner>
      )}
      {outcome && !outcome.ok && <LoadFailed message={outcome.message} />}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        id="send-test-email"
        aria-disabled={busy || undefined}
        onClick={() => void send()}
      >
        Send a test email to yourself
      </button>
    </>
  );
}

export function MailSettings() {
  usePageTitle('Email and office hours');
  const settings = useLoad(() => get<Settings>('/mail-settings'), 'mail-settings');
  const hours = useLoad(() => get<OfficeHours>('/office-hours'), 'office-hours');
  return (
    <>
      <BackLink to="/admin">Administration</BackLink>
      <h1 className="govuk-heading-l">Email and office hours</h1>
      {(settings.error || hours.error) && (
        <LoadFailed message={settings.error ?? hours.error ?? ''} />
      )}
      {(!settings.data || !hours.data) && !settings.error && !hours.error && <Loading />}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {settings.data && <Sender settings={settings.data} />}
          {hours.data && <OfficeHoursForm hours={hours.data} reload={hours.reload} />}
        </div>
      </div>
    </>
  );
}
