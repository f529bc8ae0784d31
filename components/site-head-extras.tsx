import { MARK_SCRIPTED, SITE_HEAD } from "@/lib/app/site-head";

/**
 * What every page's head carries beyond Next's metadata: the script that marks the page scripted
 * before first paint, and the opensearch link (Next's metadata has no field for it). The root
 * layout and the results page rendered outside Next.js (lib/server/search-document.tsx) share it.
 */
export function SiteHeadExtras({ nonce }: { nonce: string | undefined }) {
  return (
    <>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: MARK_SCRIPTED }} />
      <link rel="search" type="application/opensearchdescription+xml" title={SITE_HEAD.openSearch.title} href={SITE_HEAD.openSearch.href} />
    </>
  );
}
