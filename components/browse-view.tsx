import Link from "next/link";
import { notFound } from "next/navigation";
import { loadBrowse, parseBrowseSegment } from "@/lib/app/browse-page";
import { formatCount } from "@/lib/app/format";
import { DayIssues } from "./day-issues";
import { EngineUnavailable } from "./engine-unavailable";
import { IssueCalendar } from "./issue-calendar";

/** Browse by date at any depth: /browse, /browse/2019, /browse/2019-02, /browse/2019-02-21. */
export async function BrowseView({ segment }: { segment: string | undefined }) {
  const selection = parseBrowseSegment(segment);
  if (!selection) notFound();
  const loaded = await loadBrowse(selection);
  if (!loaded.ok) return <EngineUnavailable />;
  const data = loaded.value;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">按日期浏览</h1>
        <p className="mt-2 text-stone-700">
          选择年份、月份和日期，查看当天各报的版面和文章。
          {data.calendar.undated > 0 ? (
            <>
              另有 {formatCount(data.calendar.undated)} 篇未注明日期，可
              <Link href="/search" className="text-link underline underline-offset-2">
                在检索中查看
              </Link>
              。
            </>
          ) : null}
        </p>
      </div>
      {data.calendar.years.length === 0 ? <p className="text-stone-700">档案中还没有注明日期的文章。</p> : <IssueCalendar data={data} />}
      {data.selection.day ? (
        <DayIssues date={data.selection.day} issues={data.issues} />
      ) : data.selection.month ? (
        <p className="text-stone-700">选择日历中的日期，查看当天各报的版面和文章。</p>
      ) : null}
    </div>
  );
}
