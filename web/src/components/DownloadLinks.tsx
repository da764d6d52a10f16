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
  // A list of links, not links in a sentence: each stands alone (WCAG 1.4.1 for links in text).
  return (
    <div id={`download-${list}`}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        Download {what} (each download is recorded in the audit trail):
      </p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={exportPath(list, 'csv', filters)} download>
            CSV<span className="govuk-visually-hidden"> file of {what}</span>
          </a>
        </li>
        <li>
          <a className="govuk-link" href={exportPath(list, 'xlsx', filters)} download>
            Excel (XLSX)<span className="govuk-visually-hidden"> file of {what}</span>
          </a>
        </li>
      </ul>
    </div>
  );
}
