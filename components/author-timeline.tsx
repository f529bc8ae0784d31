/** Articles per month as bars, with the numbers as text so the chart is readable without colour or sight. */
export function AuthorTimeline({ timeline }: { timeline: ReadonlyArray<{ month: string; count: number }> }) {
  if (timeline.length === 0) return <p className="text-sm text-stone-600">没有带日期的文章</p>;
  const max = Math.max(...timeline.map((entry) => entry.count));
  return (
    <table className="mt-2 w-full text-sm" data-testid="author-timeline">
      <caption className="sr-only">每月发稿篇数</caption>
      <tbody>
        {timeline.map((entry) => (
          <tr key={entry.month}>
            <th scope="row" className="w-24 whitespace-nowrap py-0.5 pr-2 text-left font-normal">{entry.month}</th>
            <td className="w-full">
              <div className="h-3 rounded-sm bg-stone-600" style={{ width: `${Math.max(4, (entry.count / max) * 100)}%` }} aria-hidden />
            </td>
            <td className="pl-2 text-right">{entry.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
