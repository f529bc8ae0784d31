import { toFeedHref } from "@/lib/feed/search-feed";
import type { SearchRequest } from "@/lib/search/search-request";

/** The saved search as an Atom feed (app/search/feed/route.ts): a plain link, so a feed reader can take its address. */
export function FeedLink({ request }: { request: SearchRequest }) {
  return (
    <a href={toFeedHref(request)} type="application/atom+xml" className="ml-auto inline-flex items-center gap-1.5 text-sm text-link underline underline-offset-2" data-testid="feed-link">
      <svg aria-hidden viewBox="0 0 16 16" width="14" height="14" className="shrink-0">
        <rect width="16" height="16" rx="3" fill="#c2410c" />
        <circle cx="4.5" cy="11.5" r="1.6" fill="#fff" />
        <path d="M3 7.2a5.8 5.8 0 0 1 5.8 5.8M3 3.6a9.4 9.4 0 0 1 9.4 9.4" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      订阅此检索（Atom）
    </a>
  );
}
