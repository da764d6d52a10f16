// Calendar-day arithmetic on the API's ISO dates, in UTC so that clock changes do not matter.
const MS_PER_DAY = 86_400_000;

function utcOf(iso: string): number {
  const [year = 0, month = 1, day = 1] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

// Days from `from` to `to`: positive when `to` is later.
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / MS_PER_DAY);
}
