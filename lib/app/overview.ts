import { getRecentIssues, type RecentIssue } from "@/lib/search/browse";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { getTopFacetValues, type ValueCount } from "@/lib/search/facet-values";
import { readCurrentIndexVersion } from "@/lib/search/index-version";
import { createMemo } from "@/lib/search/memo";
import { getArchiveOverview, getSearchContext, type ArchiveOverview } from "@/lib/search/search-articles";

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: "unavailable" };

export type HomeData = { overview: ArchiveOverview; recentIssues: RecentIssue[]; topTopics: ValueCount[] };

const RECENT_ISSUES = 6;
const TOP_TOPICS = 12;

/** The figures change only with the index, so they are computed once per index version. */
const homeFigures = createMemo<HomeData>({ maxEntries: 4, ttlMs: 10 * 60_000 });

/** Home-page figures; an engine that is down is a state to show, not a crash. */
export async function loadHome(): Promise<Loaded<HomeData>> {
  return loadOrUnavailable(async () => {
    const version = await readCurrentIndexVersion(getSearchContext());
    return homeFigures.get(version, async () => {
      const [overview, recentIssues, topTopics] = await Promise.all([
        getArchiveOverview(),
        getRecentIssues(RECENT_ISSUES),
        getTopFacetValues("topics", TOP_TOPICS),
      ]);
      return { overview, recentIssues, topTopics };
    });
  });
}

export async function loadOrUnavailable<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { ok: false, reason: "unavailable" };
    throw error;
  }
}
