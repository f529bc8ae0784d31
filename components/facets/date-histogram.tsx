"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type PointerEvent } from "react";
import type { DateHistogram as Histogram } from "@/lib/app/date-histogram";

type Props = {
  histogram: Histogram;
  /** The search without its date range, as a query string; brushing adds `from` and `to`. */
  baseQuery: string;
};

type Brush = { start: number; end: number };

/**
 * Result counts per year (or month) as bars. Each bar is a link to its own
 * range (works without JavaScript and by keyboard); dragging across bars
 * selects the span from the first to the last.
 */
export function DateHistogram({ histogram, baseQuery }: Props) {
  const router = useRouter();
  const listRef = useRef<HTMLOListElement>(null);
  const [brush, setBrush] = useState<Brush | null>(null);
  const { bins } = histogram;
  const max = Math.max(1, ...bins.map((bin) => bin.count));

  const indexAt = (clientX: number) => {
    const rect = listRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    const index = Math.floor(((clientX - rect.left) / rect.width) * bins.length);
    return Math.min(bins.length - 1, Math.max(0, index));
  };
  const onPointerDown = (event: PointerEvent<HTMLOListElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const index = indexAt(event.clientX);
    setBrush({ start: index, end: index });
  };
  const onPointerMove = (event: PointerEvent<HTMLOListElement>) => {
    if (brush) setBrush({ ...brush, end: indexAt(event.clientX) });
  };
  const onPointerUp = () => {
    if (!brush) return;
    setBrush(null);
    const first = bins[Math.min(brush.start, brush.end)];
    const last = bins[Math.max(brush.start, brush.end)];
    if (!first || !last) return;
    const params = new URLSearchParams(baseQuery);
    params.set("from", first.from);
    params.set("to", last.to);
    router.push(`/search?${params.toString()}`, { scroll: false });
  };

  const inBrush = (index: number) => brush !== null && index >= Math.min(brush.start, brush.end) && index <= Math.max(brush.start, brush.end);
  const showEveryLabel = bins.length <= 12;

  return (
    <div data-testid="date-histogram">
      <p id="histogram-help" className="mb-2 text-xs text-stone-600">
        点击柱条选择{histogram.level === "year" ? "年份（再按月细看）" : "月份"}，或按住拖动选择一段时间。
      </p>
      <ol
        ref={listRef}
        aria-label={histogram.level === "year" ? "各年份的结果数" : `${histogram.year}年各月的结果数`}
        aria-describedby="histogram-help"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setBrush(null)}
        className="flex h-24 cursor-crosshair touch-pan-y select-none items-end gap-px border-b border-stone-500"
      >
        {bins.map((bin, index) => {
          const height = bin.count === 0 ? 0 : Math.max(6, Math.round((bin.count / max) * 100));
          const label = `${bin.label}：${bin.count} 篇${bin.selected ? "（已选）" : ""}`;
          const tone = inBrush(index) ? "bg-amber-500" : bin.selected ? "bg-accent" : "bg-stone-500 hover:bg-stone-700";
          return (
            <li key={bin.key} className="relative flex h-full min-w-0 flex-1 flex-col justify-end">
              {bin.count > 0 ? (
                <Link
                  href={bin.href}
                  scroll={false}
                  draggable={false}
                  aria-label={label}
                  title={label}
                  aria-current={bin.selected ? "true" : undefined}
                  className={`block w-full rounded-t-sm ${tone} ${bin.selected ? "outline-2 outline-offset-1 outline-stone-900" : ""}`}
                  style={{ height: `${height}%` }}
                />
              ) : (
                <span aria-hidden className={`block h-px w-full ${inBrush(index) ? "bg-amber-500" : ""}`} />
              )}
            </li>
          );
        })}
      </ol>
      <ol aria-hidden className="mt-1 flex gap-px text-[11px] leading-tight text-stone-600">
        {bins.map((bin, index) => (
          <li key={bin.key} className={`min-w-0 flex-1 text-center ${bin.selected ? "font-bold text-stone-900" : ""}`}>
            {showEveryLabel || index === 0 || index === bins.length - 1 ? shortLabel(bin.key, bins.length) : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Axis labels must fit a bar: 2019 → ’19 when bars are narrow, 2019-02 → 2. */
function shortLabel(key: string, binCount: number): string {
  const month = /^\d{4}-(\d{2})$/.exec(key)?.[1];
  if (month) return String(Number(month));
  return binCount > 6 ? `’${key.slice(2)}` : key;
}
