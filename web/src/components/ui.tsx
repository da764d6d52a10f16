// Small GOV.UK components used across pages.
import { NotificationBanner as GovukNotificationBanner } from 'govuk-frontend';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, STATUS_LABELS } from '../format';
import type { Status } from '../types';
import { useGovukComponent } from './govuk';

const SERVICE_NAME = 'Redress complaints';

// Every page names itself first in the browser's title (WCAG 2.4.2).
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
}

export function Tag({ colour, children }: { colour?: string; children: ReactNode }) {
  return (
    <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>
  );
}

const STATUS_COLOURS: Record<Status, string> = {
  awaiting_acknowledgement: 'yellow',
  in_progress: 'blue',
  responded: 'turquoise',
  closed: 'grey',
  not_accepted: 'orange',
  withdrawn: 'grey',
};

export function StatusTag({ status }: { status: Status }) {
  return <Tag colour={STATUS_COLOURS[status]}>{STATUS_LABELS[status]}</Tag>;
}

// A deadline's urgency: within this many working days it is "due soon".
export const DUE_SOON_WORKING_DAYS = 3;

export type Urgency = 'overdue' | 'due_soon' | 'on_time';

export function urgencyOf(workingDaysLeft: number): Urgency {
  if (workingDaysLeft < 0) return 'overdue';
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

const URGENCY_TAGS: Record<Urgency, { colour: string; label: string }> = {
  overdue: { colour: 'red', label: 'Overdue' },
  due_soon: { colour: 'yellow', label: 'Due soon' },
  on_time: { colour: 'green', label: 'On time' },
};

function daysText(workingDaysLeft: number): string {
  const days = Math.abs(workingDaysLeft);
  const unit = days === 1 ? 'working day' : 'working days';
  return workingDaysLeft < 0 ? ` by ${days} ${unit}` : `: ${days} ${unit} left`;
}

// "Due soon: 2 working days left" or "Overdue by 3 working days"; the label alone when the
// number is not known (the case list has only the due date and whether it is overdue).
export function UrgencyTag({
  urgency,
  workingDaysLeft,
}: {
  urgency: Urgency;
  workingDaysLeft?: number;
}) {
  const tag = URGENCY_TAGS[urgency];
  return (
    <Tag colour={tag.colour}>
      {tag.label}
      {workingDaysLeft !== undefined && (
        <span className="redress-tag-detail">{daysText(workingDaysLeft)}</span>
      )}
    </Tag>
  );
}

export interface SummaryRow {
  key: string;
  value: ReactNode;
  // For rows that tests and links point at, such as a stage's deadlines.
  id?: string;
}

export function SummaryList({ rows, id }: { rows: SummaryRow[]; id?: string }) {
  return (
    <dl className="govuk-summary-list" id={id}>
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value" id={row.id}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

// The inside of a GOV.UK notification banner: its label ("Success", "Important") and message.
function BannerContent({
  labelId,
  label,
  title,
  children,
}: {
  labelId: string;
  label: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={labelId}>
          {label}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </>
  );
}

// A success banner takes focus (govuk-frontend's script), so its message is announced.
export function SuccessBanner({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useGovukComponent(ref, GovukNotificationBanner, 'govuk-notification-banner');
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      data-module="govuk-notification-banner"
      ref={ref}
    >
      <BannerContent labelId="success-banner-title" label="Success" title={title}>
        {children}
      </BannerContent>
    </div>
  );
}

export function ImportantBanner({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="important-banner-title"
    >
      <BannerContent labelId="important-banner-title" label="Important" title={title}>
        {children}
      </BannerContent>
    </div>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

export function LoadFailed({ message }: { message: string }) {
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
      </div>
    </div>
  );
}

export function DateText({ iso }: { iso: string | null | undefined }) {
  return iso ? <time dateTime={iso}>{formatDate(iso)}</time> : <>Not set</>;
}

// A GOV.UK table's header row.
export function TableHead({ headings }: { headings: ReactNode[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {headings.map((heading, index) => (
          <th scope="col" className="govuk-table__header" key={index}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}

// What someone else changed while this page was open (a 412 on save): each detail as it was when
// the page loaded and as it is now.
export interface ChangedDetail {
  what: string;
  before: string;
  after: string;
}

export function ChangesTable({ changes }: { changes: ChangedDetail[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="govuk-table" id="stale-changes">
      <caption className="govuk-table__caption govuk-table__caption--s">What changed</caption>
      <TableHead headings={['Detail', 'Was', 'Now']} />
      <tbody className="govuk-table__body">
        {changes.map((change) => (
          <tr className="govuk-table__row" key={change.what}>
            <th scope="row" className="govuk-table__header">
              {change.what}
            </th>
            <td className="govuk-table__cell">{change.before || 'Not set'}</td>
            <td className="govuk-table__cell">{change.after || 'Not set'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
