// Links that download a list as CSV or XLSX with the filters it shows (GET /api/v1/exports/…):
// the server writes the same rows as the list, leaves out what the user may not see and records
// the download in the audit trail. Plain links, so the browser saves the file with the session
// cookie and no script.
import { query } from '../api';

export type ExportedList = 'complaints' | 'ombudsman-cases' | 'learning-actions';
export type ExportFormat = 'csv' | 'xlsx';

// The API path of a list's download in `format` with `filters` (empty ones left out).
export function exportPath(
  list: ExportedList,
  format: ExportFormat,
  filters: Record<string, string | undefined>,
): string {
  return `/api/v1/exports/${list}${query({ ...filters, format })}`;
}

export function DownloadLinks({
  list,
  filters,
  what,
}: {
  list: ExportedList;
  filters: Record<string, string | undefined>;
  // What the list holds, for people: "these cases".
  what: string;
}) {
  return (
    <p className="govuk-body" id={`download-${list}`}>
      Download {what}:{' '}
      <a className="govuk-link" href={exportPath(list, 'csv', filters)} download>
        CSV<span className="govuk-visually-hidden"> file of {what}</span>
      </a>{' '}
      or{' '}
      <a className="govuk-link" href={exportPath(list, 'xlsx', filters)} download>
        Excel (XLSX)<span className="govuk-visually-hidden"> file of {what}</span>
      </a>
      . Downloads are recorded in the audit trail.
    </p>
  );
}
