"use client";

import { SyncedCheckbox } from "./synced-checkbox";

/** One row as the server prepared it: the URL value, what the reader sees, the printed count. */
export type CheckboxRow = { value: string; label: string; count: string; checked: boolean };

/**
 * Facet values as labelled checkboxes. A client component that receives plain rows: the
 * server sends one list of values instead of every row's element tree (on the results page
 * the facet rows were about half of the React payload and of its render time).
 */
export function FacetCheckboxRows({ name, rows }: { name: string; rows: readonly CheckboxRow[] }) {
  return (
    <ul className="space-y-0.5">
      {rows.map(({ value, label, count, checked }) => (
        <li key={value}>
          <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-stone-100">
            <SyncedCheckbox name={name} value={value} checked={checked} className="size-4 shrink-0 accent-stone-800" />
            <span className={`min-w-0 flex-1 truncate ${checked ? "font-semibold" : ""}`} title={label}>
              {label}
            </span>
            <span className="sr-only">，</span>
            <span className="text-sm tabular-nums text-stone-600">
              {count}
              <span className="sr-only"> 篇</span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
