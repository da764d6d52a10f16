// One case action as a form: sends it with the case's ETag as If-Match; when the case changed
// meanwhile (412) it shows what changed and lets the user send it again on the new version.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, request } from '../../api';
import { ClientErrors, Form, useForm } from '../../components/Form';
import type { FormWords } from '../../fieldErrors';
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
  // How the form names its fields in error messages (fieldErrors.ts).
  words?: FormWords;
  // A check-your-answers step (the GOV.UK pattern) before sending: the answers as summary list
  // rows, each with a Change link back to the form. Without it the form sends at once.
  review?: (body: unknown, change: () => void) => ReactNode;
  children: ReactNode;
}

// A summary list row of a check-your-answers page, with its Change link back to the form.
export function AnswerRow({
  label,
  change,
  children,
}: {
  label: string;
  change: () => void;
  children: ReactNode;
}) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      <dd className="govuk-summary-list__actions">
        <button type="button" className="govuk-link redress-link-button" onClick={change}>
          Change<span className="govuk-visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </dd>
    </div>
  );
}

export function ActionForm(props: ActionFormProps) {
  const form = useForm(props.words);
  const navigate = useNavigate();
  const [base, setBase] = useState(props.base);
  const [stale, setStale] = useState<Stale | null>(null);
  // The answers being checked (the review step), or null while the form is shown.
  const [reviewing, setReviewing] = useState<{ body: unknown } | null>(null);
  const { reference } = base.complaint;
  const send = async (body: unknown) => {
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
  };
  const submit = () =>
    form.submit(async () => {
      const body = props.build();
      if (props.review) {
        setReviewing({ body });
        window.scrollTo(0, 0);
        return;
      }
      await send(body);
    }, props.fallbackField);
  // Sending the checked answers; a refusal goes back to the form, its errors shown there.
  const confirm = () =>
    form.submit(async () => {
      if (!reviewing) return;
      try {
        await send(reviewing.body);
      } catch (error) {
        setReviewing(null);
        throw error;
      }
    }, props.fallbackField);
  const change = () => setReviewing(null);
  const reviewed = reviewing && props.review ? props.review(reviewing.body, change) : null;
  // The form, or the check of its answers (then no stale notice: a stale case returns the form).
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {stale && !reviewed && <StaleNotice stale={stale} />}
        <Form
          form={form}
          onSubmit={reviewed ? confirm : submit}
          submitLabel={
            reviewed || !props.review
              ? stale && !reviewed
                ? `${props.submitLabel} again`
                : props.submitLabel
              : 'Continue'
          }
          warning={props.warning}
          secondary={
            <Link className="govuk-link" to={`/cases/${reference}`}>
              Cancel
            </Link>
          }
        >
          <span className="govuk-caption-l">{reference}</span>
          {reviewed ? (
            <>
              <h1 className="govuk-heading-l">Check your answers before sending</h1>
              <h2 className="govuk-heading-m">{props.title}</h2>
              <dl className="govuk-summary-list govuk-!-margin-bottom-9">{reviewed}</dl>
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">{props.title}</h1>
              {props.children}
            </>
          )}
        </Form>
      </div>
    </div>
  );
}
