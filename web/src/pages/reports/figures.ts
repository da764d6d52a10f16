// How a report figure reads: its value in its unit, and the change from last year in words
// (screen readers hear "down 87", not a minus sign or an arrow). Mirrors the rounding of the
// server's PDF and HTML renderings (src/report/render/render.cpp) so the formats agree.
import type { Figure, Unit } from './types';

const LOCALE = 'en-GB';
const DECIMALS: Record<Unit, number> = {
  count: 0,
  percent: 1,
  working_days: 1,
  pounds: 2,
  per_1000_homes: 2,
};

export const NOT_AVAILABLE = 'Not available';

function fixed(value: number, unit: Unit): string {
  const digits = DECIMALS[unit];
  return value.toLocaleString(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

// "1,233", "86.5%", "13.6", "£91,200.00", "76.40"; null reads "Not available".
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return NOT_AVAILABLE;
  if (unit === 'pounds') return `${value < 0 ? '−' : ''}£${fixed(Math.abs(value), unit)}`;
  if (unit === 'percent') return `${fixed(value, unit)}%`;
  return fixed(value, unit);
}

// The size of a change in the figure's unit: a percentage's change is in percentage points.
function amount(change: number, unit: Unit): string {
  const size = Math.abs(change);
  switch (unit) {
    case 'percent':
      return `${fixed(size, unit)} percentage ${size === 1 ? 'point' : 'points'}`;
    case 'working_days':
      return `${fixed(size, unit)} working ${size === 1 ? 'day' : 'days'}`;
    case 'per_1000_homes':
      return `${fixed(size, unit)} per 1,000 homes`;
    default:
      return formatValue(size, unit);
  }
}

// "up 87 (12.5%)", "down 3.2 percentage points", "no change"; when either year has no figure
// the comparison cannot be made and says why.
export function describeChange(
  figure: Pick<Figure, 'unit' | 'current' | 'previous' | 'change' | 'change_percent'>,
): string {
  if (figure.current === null) return 'no figure this year';
  if (figure.previous === null || figure.change === null) return 'no figure last year to compare';
  if (figure.change === 0) return 'no change';
  const direction = figure.change > 0 ? 'up' : 'down';
  const relative =
    figure.unit !== 'percent' && figure.change_percent !== null
      ? ` (${fixed(Math.abs(figure.change_percent), 'percent')}%)`
      : '';
  return `${direction} ${amount(figure.change, figure.unit)}${relative}`;
}

// The figures of a group by key, for the charts and headline cards that pick a few.
export function figureOf(figures: Figure[] | undefined, key: string): Figure | undefined {
  return figures?.find((figure) => figure.key === key);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_MONTH_LENGTH = 3;

// "2021-04" → "April 2021" (or "Apr" for an axis).
export function monthLabel(month: string, short = false): string {
  const [year, number] = month.split('-').map(Number);
  const name = MONTHS[(number ?? 1) - 1] ?? month;
  return short ? name.slice(0, SHORT_MONTH_LENGTH) : `${name} ${year}`;
}

// "April 2021, October 2021 and March 2022".
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// The report's explanations also tell API clients when a section is null; staff see the section
// or a sentence saying it is missing, so that remark is left out.
export function withoutNullRemarks(text: string): string {
  return text
    .replace(/;\s*null when[^.]*\./gi, '.')
    .replace(/\s*Null when[^.]*\./g, '')
    .trim();
}
