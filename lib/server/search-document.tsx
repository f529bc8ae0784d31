import { renderToString } from "react-dom/server";
import { SiteFrame, SITE_BODY_CLASS } from "@/components/site-frame";
import { FACETS_DATA_ID, toFacetsData } from "@/components/search/search-facets";
import { SearchView } from "@/components/search/search-view";
import { describeSearchPage, runSearchPage, toSearchParams } from "@/lib/app/search-page";
import { SITE_HEAD } from "@/lib/app/site-head";
import { SiteHeadExtras } from "@/components/site-head-extras";
import type { Session } from "@/lib/librarians/sessions";

/**
 * The results page as one whole HTML document, rendered by React outside Next.js's App Router
 * for full page loads (lib/server/search-page-fast-path.ts says why). The content is the same
 * SearchView component Next.js renders for client navigations; only the filter panel is
 * hydrated, by the facets island. Like the island, this module runs as built by
 * scripts/build-islands.ts, where next/link is a plain link and next/navigation full page loads:
 * there is no Next.js router on either side.
 */

export type DocumentAssets = { stylesheets: string[]; facetsScript: string };

/**
 * `cacheable`: the page is the same for every reader until the index changes (results with exact
 * counts from every engine, all read under `version`, nobody signed in), so page-cache.ts may keep
 * it. `processingTimeMs`: the search's own time, for a page rendered with a mark in place of it
 * (page-template.ts).
 */
export type SearchDocument = { status: 200; html: string; cacheable: boolean; processingTimeMs: number | null } | { status: "unavailable" };

/**
 * `elapsed`: written where the page says how long the search took, instead of the search's own time.
 * `version`: the index version read for this page, which its searches are filed under (runSearchPage).
 */
export type DocumentContext = { nonce: string; elapsed?: string; version?: string; session: Session | null; assets: DocumentAssets };

export async function renderSearchDocument(query: URLSearchParams, context: DocumentContext): Promise<SearchDocument> {
  const params = toSearchParams(query);
  const outcome = await runSearchPage(params, { version: context.version });
  // The proxy's 503 page is Next.js's to serve (with Retry-After); let it answer.
  if (outcome.kind === "unavailable") return { status: "unavailable" };
  // The request runSearchPage parsed, not parsed again (outcome.request is set whenever it parsed).
  const { title, feed } = describeSearchPage(params, outcome.request);
  const { nonce, elapsed, session, assets } = context;
  const facets = outcome.kind === "ok" ? toFacetsData(outcome) : null;
  const html = renderToString(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {assets.stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <title>{`${title}${SITE_HEAD.titleSuffix}`}</title>
        <meta name="description" content={SITE_HEAD.description} />
        <link rel="manifest" href={SITE_HEAD.manifest} />
        {feed ? <link rel="alternate" type="application/atom+xml" href={feed.url} title={feed.title} /> : null}
        {SITE_HEAD.icons.map((icon) => (
          <link key={icon.url} rel="icon" href={icon.url} {...("sizes" in icon ? { sizes: icon.sizes } : { type: icon.type })} />
        ))}
        <link rel="apple-touch-icon" href={SITE_HEAD.appleIcon.url} sizes={SITE_HEAD.appleIcon.sizes} />
        <SiteHeadExtras nonce={nonce} />
      </head>
      <body className={SITE_BODY_CLASS}>
        <SiteFrame session={session}>
          <SearchView outcome={outcome} elapsed={elapsed} facets={facets} />
        </SiteFrame>
        {facets ? (
          <>
            <script id={FACETS_DATA_ID} type="application/json" dangerouslySetInnerHTML={{ __html: toScriptJson(facets) }} />
            <script type="module" src={assets.facetsScript} nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>,
  );
  const ok = outcome.kind === "ok" ? outcome : null;
  const cacheable = session === null && ok !== null && ok.countsExact && ok.result.missing.length === 0 && context.version !== undefined;
  return { status: 200, html: `<!DOCTYPE html>${html}`, cacheable, processingTimeMs: ok?.result.processingTimeMs ?? null };
}

/** JSON safe inside a <script> element: nothing in it can close the element or open a comment. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
