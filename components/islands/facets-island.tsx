import { useEffect } from "react";
import { hydrateRoot } from "react-dom/client";
import { FACETS_DATA_ID, FACETS_ROOT_ID, SearchFacets, type FacetsData } from "@/components/search/search-facets";
import { submitEarlyTicks } from "./early-ticks";
import { resetFormsToUrl, restoreAfterNavigation } from "./full-page-router";

/**
 * The script of a results page served by the document fast path (lib/server/search-document.tsx):
 * the filter panel is its only interactive part, so only it is hydrated, from the data the server
 * rendered it with. Built by scripts/build-islands.ts.
 */
function FacetsIsland({ root, data }: { root: HTMLElement; data: FacetsData }) {
  // After hydration, when the panel's controls answer clicks, submits and focus.
  useEffect(() => {
    if (!submitEarlyTicks(root)) restoreAfterNavigation();
  }, [root]);
  return <SearchFacets data={data} />;
}

window.addEventListener("pageshow", (event) => {
  if (event.persisted) resetFormsToUrl();
});
const root = document.getElementById(FACETS_ROOT_ID);
const data = document.getElementById(FACETS_DATA_ID)?.textContent;
if (root && data) hydrateRoot(root, <FacetsIsland root={root} data={JSON.parse(data) as FacetsData} />);
else restoreAfterNavigation();
