import { AuthorFacet } from "@/components/facets/author-facet";
import { DateFacet } from "@/components/facets/date-facet";
import { FacetCheckboxList } from "@/components/facets/facet-checkbox-list";
import { FacetForm } from "@/components/facets/facet-form";
import { FacetGroup } from "@/components/facets/facet-group";
import { FacetPanel } from "@/components/facets/facet-panel";
import { HiddenFields } from "@/components/hidden-fields";
import { listShownFacetValues, toExpandedHref } from "@/lib/app/facet-list";
import { FILTER_GROUPS, formatFilterValue, listActiveFilters, selectedValues, type FilterKey } from "@/lib/app/search-filters";
import type { SearchPageData } from "@/lib/app/search-page";
import { toSearchQueryString } from "@/lib/search/search-query-string";

/** Groups shown as plain checkbox lists; authors have their own lookup. */
const LIST_GROUPS = FILTER_GROUPS.filter((group) => group.key !== "author");

/**
 * What the filter panel shows: all of it plain data, because on a full page load the panel is
 * hydrated on its own from this object (components/islands/facets-island.tsx), not by Next.js.
 * `facetCounts` holds only the values the panel lists (listShownFacetValues), `valueTotals` how
 * many each group has.
 */
export type FacetsData = Pick<SearchPageData, "request" | "histogram" | "facetCounts" | "authorQuery" | "authorMatches" | "expanded"> & {
  total: number;
  valueTotals: Record<FilterKey, number>;
};

export function toFacetsData(data: SearchPageData): FacetsData {
  const { request, histogram, authorQuery, authorMatches, expanded } = data;
  const { listed, totals } = listShownFacetValues(data.facetCounts, request, expanded);
  return { request, histogram, facetCounts: listed, valueTotals: totals, authorQuery, authorMatches, expanded, total: data.result.total };
}

/** The element the panel renders into, and the JSON script with its data: the island hydrates the one from the other. */
export const FACETS_ROOT_ID = "facets-root";
export const FACETS_DATA_ID = "facets-data";

/** The filter panel of the results page: a sidebar on wide screens, a folding panel on narrow ones. */
export function SearchFacets({ data }: { data: FacetsData }) {
  return (
    <FacetPanel selectedCount={listActiveFilters(data.request).length}>
      <div className="rounded-lg border border-stone-300 bg-white p-4">
        <Facets data={data} />
      </div>
    </FacetPanel>
  );
}

function Facets({ data }: { data: FacetsData }) {
  const { request, facetCounts } = data;
  // A group with nothing to choose and nothing chosen only takes room (typically when nothing matches).
  // Editions appear only when some results carry a page number (JSON Lines feeds have none).
  const shows = (key: FilterKey) => facetCounts[key].length > 0 || request[key].length > 0;
  return (
    <FacetForm>
      <HiddenFields request={{ q: request.q, sort: request.sort, size: request.size }} />
      <DateFacet request={request} histogram={data.histogram} total={data.total} />
      {shows("author") ? (
        <FacetGroup legend="作者">
          <AuthorFacet
            topAuthors={facetCounts.author}
            selected={request.author}
            initialQuery={data.authorQuery}
            initialMatches={data.authorMatches}
            searchQuery={toSearchQueryString({ ...request, author: [], page: 1 })}
          />
        </FacetGroup>
      ) : null}
      {LIST_GROUPS.filter((group) => shows(group.key)).map((group) => {
        const listed = facetCounts[group.key];
        const total = data.valueTotals[group.key];
        const selected = selectedValues(request, group.key);
        return (
          <FacetGroup key={group.key} legend={group.label} testId={`facet-${group.key}`}>
            <FacetCheckboxList
              name={group.key}
              values={listed}
              selected={selected}
              formatValue={(value) => formatFilterValue(group.key, value)}
              order={group.key === "edition" ? "number" : "count"}
              allHref={listed.length < total ? toExpandedHref(request, group.key) : undefined}
              total={total}
            />
          </FacetGroup>
        );
      })}
      <button type="submit" className="no-js-only w-full rounded-md bg-stone-800 px-4 py-2 font-medium text-white">
        应用筛选
      </button>
    </FacetForm>
  );
}
