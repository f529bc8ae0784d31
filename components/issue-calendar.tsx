import Link from "next/link";
import type { BrowseData } from "@/lib/app/browse-page";
import { formatCount } from "@/lib/app/format";

/** Year tabs, the months of the chosen year, and the chosen month as a calendar of issue days. */
export function IssueCalendar({ data }: { data: BrowseData }) {
  const { calendar, selection } = data;
  return (
    <div className="space-y-6">
      <nav aria-label="年份">
        <ul className="flex flex-wrap gap-2">
          {calendar.years.map((year) => (
            <li key={year.value}>
              <DateLink href={`/browse/${year.value}`} current={year.value === selection.year} label={`${year.value}年`} count={year.count} />
            </li>
          ))}
        </ul>
      </nav>
      {selection.year ? <MonthGrid data={data} /> : null}
      {selection.month ? <MonthCalendar month={selection.month} data={data} /> : null}
    </div>
  );
}

function MonthGrid({ data }: { data: BrowseData }) {
  const counts = new Map(data.months.map((month) => [month.value, month.count]));
  return (
    <section aria-labelledby="months-heading">
      <h2 id="months-heading" className="mb-2 font-serif text-xl font-semibold">
        {data.selection.year}年
      </h2>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-12">
        {Array.from({ length: 12 }, (_, index) => {
          const key = `${data.selection.year}-${String(index + 1).padStart(2, "0")}`;
          const count = counts.get(key) ?? 0;
          return (
            <li key={key}>
              {count > 0 ? (
                <DateLink href={`/browse/${key}`} current={key === data.selection.month} label={`${index + 1}月`} count={count} block />
              ) : (
                <span className="block rounded-md border border-dashed border-stone-300 px-2 py-2 text-center text-stone-500">
                  {index + 1}月<span className="sr-only">（无）</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const WEEKDAY_HEADERS = ["一", "二", "三", "四", "五", "六", "日"] as const;

function MonthCalendar({ month, data }: { month: string; data: BrowseData }) {
  const counts = new Map(data.days.map((day) => [day.value, day.count]));
  const weeks = buildWeeks(month);
  const [year, monthNumber] = month.split("-").map(Number);
  return (
    <section aria-labelledby="calendar-heading">
      <table className="w-full max-w-xl table-fixed border-collapse text-center" data-testid="issue-calendar">
        <caption id="calendar-heading" className="mb-2 text-left font-serif text-xl font-semibold">
          {year}年{monthNumber}月
        </caption>
        <thead>
          <tr>
            {WEEKDAY_HEADERS.map((weekday) => (
              <th key={weekday} scope="col" className="pb-1 text-sm font-normal text-stone-600">
                <abbr title={`星期${weekday}`} className="no-underline">
                  {weekday}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, row) => (
            <tr key={row}>
              {week.map((date, column) => {
                const count = date ? (counts.get(date) ?? 0) : 0;
                const day = date ? Number(date.slice(8)) : null;
                return (
                  <td key={column} className="p-0.5">
                    {date && count > 0 ? (
                      <Link
                        href={`/browse/${date}`}
                        aria-current={date === data.selection.day ? "date" : undefined}
                        aria-label={`${month.slice(5).replace(/^0/, "")}月${day}日，${count} 篇`}
                        className={`flex h-12 flex-col items-center justify-center rounded-md border ${
                          date === data.selection.day
                            ? "border-2 border-stone-900 bg-stone-900 font-bold text-white"
                            : "border-stone-400 bg-white text-link hover:bg-stone-100"
                        }`}
                      >
                        <span>{day}</span>
                        <span className="text-[11px] leading-none">{count}篇</span>
                      </Link>
                    ) : (
                      <span className="flex h-12 items-center justify-center text-stone-500">{day ?? ""}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DateLink({ href, current, label, count, block = false }: { href: string; current: boolean; label: string; count: number; block?: boolean }) {
  return (
    <Link
      href={href}
      aria-current={current ? "true" : undefined}
      className={`${block ? "block text-center" : "inline-block"} rounded-md border px-3 py-2 ${
        current ? "border-2 border-stone-900 bg-stone-900 font-bold text-white" : "border-stone-400 bg-white text-link hover:bg-stone-100"
      }`}
    >
      {label}
      <span className={`ml-1 text-xs ${current ? "text-stone-200" : "text-stone-600"}`}>{formatCount(count)}篇</span>
    </Link>
  );
}

/** The month's dates (YYYY-MM-DD) laid out Monday to Sunday; null pads the first and last week. */
function buildWeeks(month: string): Array<Array<string | null>> {
  const [year = 1970, monthNumber = 1] = month.split("-").map(Number);
  const first = new Date(Date.UTC(year, monthNumber - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth; day++) cells.push(`${month}-${String(day).padStart(2, "0")}`);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
