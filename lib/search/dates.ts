/** Conversions between the index's `dateDay` (days since 1970-01-01, UTC) and ISO dates. */

const DAY_MS = 86_400_000;

export function toIsoDate(dateDay: number): string {
  return new Date(dateDay * DAY_MS).toISOString().slice(0, 10);
}

/** Last day of a month given as YYYY-MM, as YYYY-MM-DD. */
export function lastDayOfMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split("-").map(Number);
  const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0));
  return last.toISOString().slice(0, 10);
}
