import { z } from "zod";
import { AUTHOR_SORTS, queryAuthorDirectory, type AuthorEntry } from "@/lib/authors/directory";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { loadAuthorDirectory } from "@/lib/search/author-directory";

export const DIRECTORY_PAGE_SIZE = 50;

const DirectoryParamsSchema = z.object({
  q: z.string().max(50).catch(""),
  sort: z.enum(AUTHOR_SORTS).catch("count"),
  role: z.string().max(20).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DirectoryParams = z.infer<typeof DirectoryParamsSchema>;

export type DirectoryPageData =
  | { kind: "ok"; params: DirectoryParams; total: number; items: AuthorEntry[]; roles: string[] }
  | { kind: "unavailable"; params: DirectoryParams };

/** Directory state lives in the URL; unreadable values fall back to defaults rather than erroring. */
export async function loadDirectoryPage(raw: Record<string, string | string[] | undefined>): Promise<DirectoryPageData> {
  const flat = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const params = DirectoryParamsSchema.parse(flat);
  try {
    const entries = await loadAuthorDirectory();
    const { total, items } = queryAuthorDirectory(entries, { q: params.q, sort: params.sort, role: params.role ?? null, paper: null, page: params.page, size: DIRECTORY_PAGE_SIZE });
    const roles = [...new Set(entries.flatMap((entry) => entry.roles.map((role) => role.role)))].sort();
    return { kind: "ok", params, total, items, roles };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { kind: "unavailable", params };
    throw error;
  }
}

export function toDirectoryQueryString(params: Partial<DirectoryParams>): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.sort && params.sort !== "count") search.set("sort", params.sort);
  if (params.role) search.set("role", params.role);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  return search.toString();
}

export function toAuthorHref(name: string, paper: string): string {
  return `/authors/${encodeURIComponent(name)}?paper=${encodeURIComponent(paper)}`;
}
