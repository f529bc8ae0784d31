/**
 * What every page's <head> says about the site, for Next's metadata (app/layout.tsx) and the
 * results page's fast path (lib/server/search-document.tsx) alike.
 */
export const SITE_HEAD = {
  defaultTitle: "报库 Baoku · 报纸全文检索",
  titleSuffix: " · 报库",
  description: "中文报纸档案全文检索：按日期、作者、主题筛选，查看原文。",
  // Files in public/, drawn by scripts/render-icons.ts.
  icons: [
    { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
    { url: "/icon.svg", type: "image/svg+xml" },
  ],
  appleIcon: { url: "/apple-touch-icon.png", sizes: "180x180" },
  manifest: "/manifest.webmanifest",
  // Lets the browser offer 报库 in its search bar (app/opensearch.xml/route.ts); Next's metadata has no field for it.
  openSearch: { href: "/opensearch.xml", title: "报库" },
} as const;

/** Marks the page as scripted before first paint, so JS-only controls (the filter toggle) never flash. */
export const MARK_SCRIPTED = 'document.documentElement.classList.add("js")';
