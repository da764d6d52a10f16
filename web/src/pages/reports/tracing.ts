// Where the page's links and choices lead: a figure's list query as the case list's URL, the
// financial years and the scopes, all kept in the URL so a view can be shared and reloaded.
import type { Scope, ScopeKind } from './types';

const API_LIST_PATH = '/api/v1/complaints';
const CASE_LIST_PATH = '/cases';
// The list filters the report's queries use; anything else in a query is not the case list's.
export const TRACED_FILTERS = [
  'received_from',
  'received_to',
  'regime',
  'service_area',
  'category',
] as const;

// "/api/v1/complaints?received_from=…&regime=housing" → "/cases?received_from=…&regime=housing",
// keeping exactly the query's filters; null when the path is not a complaints list query.
export function caseListPath(apiPath: string | null): string | null {
  if (!apiPath) return null;
  const [path, search = ''] = apiPath.split('?', 2);
  if (path !== API_LIST_PATH) return null;
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if ((TRACED_FILTERS as readonly string[]).includes(key)) kept.append(key, value);
  }
  const text = kept.toString();
  return text ? `${CASE_LIST_PATH}?${text}` : CASE_LIST_PATH;
}

// A financial year runs from 1 April of its first year to 31 March of the next.
const APRIL = 4;
// How many earlier years the chooser offers before the latest complete one.
export const EARLIER_YEARS_OFFERED = 9;
export const FIRST_REPORT_YEAR = 2001;
export const LAST_REPORT_YEAR = 2099;

// 2021 → "2021/22".
export function financialYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

// The financial year that `today` (an ISO date) falls in.
export function currentFinancialYear(today: string): number {
  const [year = 0, month = 0] = today.split('-').map(Number);
  return month >= APRIL ? year : year - 1;
}

// The latest financial year that has ended by `today`: the report's default.
export function latestCompleteYear(today: string): number {
  return currentFinancialYear(today) - 1;
}

// A year from the URL ("/reports/2021" or "?year=2021"), or null when it is not one.
export function parseYear(text: string | null | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR ? year : null;
}

export interface YearOption {
  year: number;
  label: string;
}

// Newest first: the year in progress (its figures so far), the complete years before it, and
// the chosen year when it lies outside that range.
export function yearOptions(today: string, chosen: number): YearOption[] {
  const current = currentFinancialYear(today);
  const years = new Set<number>([chosen]);
  for (let year = current; year >= current - 1 - EARLIER_YEARS_OFFERED; year--) years.add(year);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      label: year >= current ? `${financialYearLabel(year)} (so far)` : financialYearLabel(year),
    }));
}

// A scope in the URL: "all" for the whole council, else "regime:housing" or
// "service_area:housing" (a regime and a service area may share a code).
export const WHOLE_COUNCIL = 'all';

export function scopeParam(scope: Pick<Scope, 'kind' | 'code'>): string {
  return scope.kind === 'organisation' ? WHOLE_COUNCIL : `${scope.kind}:${scope.code}`;
}

// The scope a URL names, or the whole council when it names none of the report's scopes.
export function findScope<S extends Pick<Scope, 'kind' | 'code'>>(
  scopes: S[],
  param: string | null,
): S | undefined {
  const organisation = scopes.find((scope) => scope.kind === 'organisation');
  if (!param || param === WHOLE_COUNCIL) return organisation;
  const [kind, code] = param.split(':', 2) as [ScopeKind, string | undefined];
  return scopes.find((scope) => scope.kind === kind && scope.code === code) ?? organisation;
}

// "/reports/2021?scope=regime:housing": the page for a year and scope.
export function reportPath(year: number, scope: string | null): string {
  const search =
    scope && scope !== WHOLE_COUNCIL ? `?${new URLSearchParams({ scope }).toString()}` : '';
  return `/reports/${year}${search}`;
}

// The report's downloads: the same report in another format, sent by the API as an attachment.
export const DOWNLOAD_FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX spreadsheet' },
  { format: 'json', label: 'JSON' },
] as const;

export function downloadPath(year: number, format: string): string {
  return `/api/v1/reports/annual/${year}?format=${format}`;
}
