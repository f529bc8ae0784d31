import { formatCount } from "@/lib/app/format";
import type { ValueCount } from "@/lib/search/facet-values";
import { FacetCheckboxRows, type CheckboxRow } from "./facet-checkbox-rows";

type Props = {
  name: string;
  values: readonly ValueCount[];
  selected: readonly string[];
  /** Shown before the rest fold under "more". */
  visible?: number;
  /** How a value is shown (editions: "4" → 第4版); the value itself is what the URL carries. */
  formatValue?: (value: string) => string;
  /** "number": in numeric order of the values (editions), instead of most frequent first. */
  order?: "count" | "number";
  /** When `values` is only the top of the group: the link that lists all `total` values. */
  allHref?: string;
  total?: number;
};

/**
 * Facet values as labelled checkboxes, most frequent first (or in numeric
 * order); selected values are never folded away. The order does not change
 * when a box is ticked (a group's counts ignore its own selection), so the
 * focus stays put.
 */
export function FacetCheckboxList({ name, values, selected, visible = 8, formatValue = (value) => value, order = "count", allHref, total }: Props) {
  const withZeroes = withSelected(values, selected);
  const listed = order === "number" ? withZeroes.sort((a, b) => Number(a.value) - Number(b.value)) : withZeroes;
  const head = listed.filter((entry, index) => index < visible || selected.includes(entry.value));
  const rest = listed.filter((entry) => !head.includes(entry));
  return (
    <>
      <CheckboxRows name={name} values={head} selected={selected} formatValue={formatValue} />
      {rest.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer rounded py-1 text-sm text-link underline underline-offset-2">
            更多（{rest.length}）
          </summary>
          <CheckboxRows name={name} values={rest} selected={selected} formatValue={formatValue} />
          {allHref ? (
            <a href={allHref} className="mt-1 inline-block rounded py-1 text-sm text-link underline underline-offset-2">
              显示全部 {total ?? ""} 项
            </a>
          ) : null}
        </details>
      ) : null}
    </>
  );
}

type RowsProps = { name: string; values: readonly ValueCount[]; selected: readonly string[]; formatValue: (value: string) => string };

function CheckboxRows({ name, values, selected, formatValue }: RowsProps) {
  const rows: CheckboxRow[] = values.map(({ value, count }) => ({ value, label: formatValue(value), count: formatCount(count), checked: selected.includes(value) }));
  return <FacetCheckboxRows name={name} rows={rows} />;
}

/** Selected values missing from the counts (none of the results has them) still get a box to untick. */
function withSelected(values: readonly ValueCount[], selected: readonly string[]): ValueCount[] {
  const missing = selected.filter((value) => !values.some((entry) => entry.value === value));
  return [...values, ...missing.map((value) => ({ value, count: 0 }))];
}
