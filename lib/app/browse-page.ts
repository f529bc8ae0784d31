import { getIssueCalendar, getIssueDays, getIssuesOfDay, type Issue, type IssueCalendar } from "@/lib/search/browse";
import type { ValueCount } from "@/lib/search/facet-values";
import { toDayNumber } from "@/lib/search/filter";
import { loadOrUnavailable, type Loaded } from "./overview";

/**
 * The browse page drills year → month → day; the URL segment says how far:
 * /browse/2019, /browse/2019-02, /browse/2019-02-21 (/browse is the latest year). A year
 * without a month shows its latest month's calendar.
 */

export type BrowseSelection = { year: string | null; month: string | null; day: string | null };

export type BrowseData = {
  selection: BrowseSelection;
  calendar: IssueCalendar;
  /** Months of the selected year. */
  months: ValueCount[];
  /** Days of the selected month. */
  days: ValueCount[];
  issues: Issue[];
};

/** Null when the segment is not a date of one of the three forms. */
export function parseBrowseSegment(segment: string | undefined): BrowseSelection | null {
  if (segment === undefined) return { year: null, month: null, day: null };
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(segment);
  if (!match) return null;
  const [, year = "", month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && toDayNumber(segment) === null) return null;
  return { year, month: month ? `${year}-${month}` : null, day: day ? segment : null };
}

export async function loadBrowse(selection: BrowseSelection): Promise<Loaded<BrowseData>> {
  return loadOrUnavailable(async () => {
    const calendar = await getIssueCalendar();
    const year = selection.year ?? calendar.years.at(-1)?.value ?? null;
    const months = year ? calendar.months.filter((month) => month.value.startsWith(`${year}-`)) : [];
    // A year alone opens on its latest month, so the calendar is one click from any day.
    const chosen = { ...selection, year, month: selection.month ?? months.at(-1)?.value ?? null };
    const [days, issues] = await Promise.all([
      chosen.month ? getIssueDays([chosen.month]) : Promise.resolve([]),
      chosen.day ? getIssuesOfDay(chosen.day) : Promise.resolve([]),
    ]);
    return { selection: chosen, calendar, months, days, issues };
  });
}
