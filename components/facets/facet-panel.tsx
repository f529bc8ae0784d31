"use client";

import { useState, type ReactNode } from "react";

/**
 * On narrow screens the filters fold into a panel opened by a button; on wide
 * screens they are a sidebar. Without JavaScript the panel is simply open
 * (see `data-collapsible` in globals.css).
 */
export function FacetPanel({ selectedCount, children }: { selectedCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="facet-panel"
        onClick={() => setOpen(!open)}
        className="js-only flex w-full items-center justify-between rounded-md border border-stone-400 bg-white px-4 py-2 font-medium lg:hidden"
      >
        <span>
          筛选{selectedCount > 0 ? `（已选 ${selectedCount} 项）` : ""}
        </span>
        <span aria-hidden>{open ? "收起 ▲" : "展开 ▼"}</span>
      </button>
      <div id="facet-panel" data-collapsible={open ? "open" : "closed"} className="mt-3 lg:mt-0">
        {children}
      </div>
    </div>
  );
}
