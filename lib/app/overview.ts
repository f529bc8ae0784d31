import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { getArchiveOverview, type ArchiveOverview } from "@/lib/search/search-articles";

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: "unavailable" };

/** Home-page figures; an engine that is down is a state to show, not a crash. */
export async function loadOverview(): Promise<Loaded<ArchiveOverview>> {
  try {
    return { ok: true, value: await getArchiveOverview() };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { ok: false, reason: "unavailable" };
    throw error;
  }
}
