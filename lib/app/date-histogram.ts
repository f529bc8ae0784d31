import { lastDayOfMonth } from "@/lib/search/dates";
import type { ValueCount } from "@/lib/search/facet-values";
import type { SearchRequest } from "@/lib/search/search-request";
import { toChangedSearchHref } from "./search-filters";

/**
 * The date facet as a histogram: result counts per year, or per month once the
 * date range lies within one year. Each bar links to its own range, so the
 * chart works as plain links; brushing several bars selects their span.
 */

export type HistogramBin = {
  /** "2019" or "2019-02". */
  key: string;
  label: string;
  from: string;
  to: string;
  count: number;
  /** The bar overlaps the selected date range (and the range is narrower than the whole chart). */
  selected: boolean;
  href: string;
};

export type DateHistogram = {
  level: "year" | "month";
  year: number | null;
  bins: HistogramBin[];
  /** Back from a year's months to all years (drops the date filter). */
  allYearsHref: string | null;
};

/** Limits the year axis: archives span decades, a bar per year stays readable up to this. */
const MAX_YEAR_BINS = 80;

/** The year whose months to show: the one the date range lies in, else the only year with results. */
export function pickDrillYear(request: Pick<SearchRequest, "from" | "to">, years: readonly ValueCount[]): number | null {
  const fromYear = request.from?.slice(0, 4);
  const toYear = request.to?.slice(0, 4);
  if (fromYear && fromYear === toYear) return Number(fromYear);
  if (!request.from && !request.to && years.length === 1 && years[0]) return Number(years[0].value);
  return null;
}

export function buildYearHistogram(request: SearchRequest, years: readonly ValueCount[]): DateHistogram {
  const numbers = years.map((year) => Number(year.value)).filter(Number.isInteger);
  if (numbers.length === 0) return { level: "year", year: null, bins: [], allYearsHref: null };
  const counts = new Map(years.map((year) => [Number(year.value), year.count]));
  const last = Math.max(...numbers);
  const first = Math.max(Math.min(...numbers), last - MAX_YEAR_BINS + 1);
  const bins: HistogramBin[] = [];
  for (let year = first; year <= last; year++) {
    bins.push(makeBin(request, String(year), `${year}`, `${year}-01-01`, `${year}-12-31`, counts.get(year) ?? 0));
  }
  return { level: "year", year: null, bins: markSelection(request, bins), allYearsHref: null };
}

export function buildMonthHistogram(request: SearchRequest, year: number, months: readonly ValueCount[]): DateHistogram {
  const counts = new Map(months.map((month) => [month.value, month.count]));
  const bins = Array.from({ length: 12 }, (_, index) => {
    const key = `${year}-${String(index + 1).padStart(2, "0")}`;
    return makeBin(request, key, `${index + 1}月`, `${key}-01`, lastDayOfMonth(key), counts.get(key) ?? 0);
  });
  return { level: "month", year, bins: markSelection(request, bins), allYearsHref: toChangedSearchHref(request, { from: undefined, to: undefined }) };
}

function makeBin(request: SearchRequest, key: string, label: string, from: string, to: string, count: number): HistogramBin {
  return { key, label, from, to, count, selected: false, href: toChangedSearchHref(request, { from, to }) };
}

/** Marks the bars the date range overlaps; a range covering the whole chart marks none (nothing stands out). */
function markSelection(request: SearchRequest, bins: HistogramBin[]): HistogramBin[] {
  const from = request.from ?? "0000-00-00";
  const to = request.to ?? "9999-99-99";
  const first = bins[0];
  const last = bins.at(-1);
  if ((!request.from && !request.to) || !first || !last || (from <= first.from && to >= last.to)) return bins;
  return bins.map((bin) => ({ ...bin, selected: from <= bin.to && to >= bin.from }));
}
