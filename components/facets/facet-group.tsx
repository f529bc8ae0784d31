import type { ReactNode } from "react";

/** One filter group: a fieldset, so its checkboxes are announced with the group's name. min-w-0: a fieldset is at least as wide as its longest line by default, and long column names would spill over the results. */
export function FacetGroup({ legend, children, testId }: { legend: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="min-w-0 border-t border-stone-200 pt-4 first:border-t-0 first:pt-0" data-testid={testId}>
      <legend className="mb-2 w-full font-semibold text-stone-900">{legend}</legend>
      {children}
    </fieldset>
  );
}
