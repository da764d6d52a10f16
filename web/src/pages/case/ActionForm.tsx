// One case action as a form: sends it with the case's ETag as If-Match; when the case changed
// meanwhile (412) it shows what changed and lets the user send it again on the new version.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import { ChangesTable, ImportantBanner } from '../../components/ui';
import { formatDateTime } from '../../format';
import type { Complaint, Event } from '../../types';
import { differences, newEvents, type Difference } from './stale';

const HTTP_PRECONDITION_FAILED = 412;
const STALE_MESSAGE = 'Someone else changed this case. Check what changed, then try again.';

export interface CaseVersion {
  complaint: Complaint;
  etag: string;
}

export async function loadCase(reference: string): Promise<CaseVersion> {
  const { body, etag } = await request<Complaint>(
    'GET',
    `/complaints/${encodeURIComponent(reference)}`,
  );
  return { complaint: body, etag: etag ?? `"${body.version}"` };
}

interface Stale {
  changes: Difference[];
  events: Event[];
}

function StaleNotice({ stale }: { stale: Stale }) {
  return (
    <ImportantBanner title="Someone else changed this case while you were working on it.">
      <p className="govuk-body">
        Your changes have not been saved. Check what changed, then send them again or cancel.
      </p>
      <ChangesTable changes={stale.changes} />
      {stale.events.length > 0 && (
        <ul className="govuk-list govuk-list--bullet" id="stale-events">
          {stale.events.map((event) => (
            <li key={event.sequence}>
              {event.summary} ({event.actor}, {formatDateTime(event.recorded_at)})
            </li>
          ))}
        </ul>
      )}
    </ImportantBanner>
  );
}

interface ActionFormProps {
  base: CaseVersion;
  action: string;
  title: string;
  submitLabel: string;
  done: string;
  // The request body, or throws ClientErrors for what the form can tell is wrong.
  build: () => unknown;
  // Which field a problem that names none is shown against.
  fallbackField: string;
  warning?: boolean;
  children: ReactNode;
}

export function ActionForm(props: ActionFormProps) {
  const form = useForm();
  const navigate = useNavigate();
  const [base, setBase] = useState(props.base);
  const [stale, setStale] = useState<Stale | null>(null);
  const { reference } = base.complaint;
  const submit = () =>
    form.submit(async () => {
      const body = props.build();
      try {
        await request('POST', `/complaints/${encodeURIComponent(reference)}/${props.action}`, {
          body,
          ifMatch: base.etag,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === HTTP_PRECONDITION_FAILED) {
          const fresh = await loadCase(reference);
          setStale({
            changes: differences(base.complaint, fresh.complaint),
            events: newEvents(base.complaint, fresh.complaint),
          });
          setBase(fresh);
          throw new ClientErrors([{ field: '', message: STALE_MESSAGE }]);
        }
        throw error;
      }
      navigate(`/cases/${reference}`, { state: { done: props.done } });
    }, props.fallbackField);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {stale && <StaleNotice stale={stale} />}
        <Form
          form={form}
          onSubmit={submit}
          submitLabel={stale ? `${props.submitLabel} again` : props.submitLabel}
          warning={props.warning}
          secondary={
            <Link className="govuk-link" to={`/cases/${reference}`}>
              Cancel
            </Link>
          }
        >
          <span className="govuk-caption-l">{reference}</span>
          <h1 className="govuk-heading-l">{props.title}</h1>
          {props.children}
        </Form>
      </div>
    </div>
  );
}
