import type { Author, AuthorRole } from "@/lib/article/types";
import { squash } from "@/lib/text/squash";
import { readNames } from "./name-list";
import { BYLINE_SUFFIX, ROLE_MARKER, roleFromPrinted } from "./role-words";

/**
 * Authors from a typeset byline phrase: 记者王昊男、李红梅, 新华社记者李学勇，解放军报记者王士彬,
 * 本报记者 程 焕整理, 综合本报记者贺广华、汪晓东报道. Each role phrase qualifies the names after
 * it; names before the first take `defaultRole`. Null unless the whole phrase reads as a byline.
 */
export function readCreditPhrase(text: string, defaultRole: AuthorRole | null): Author[] | null {
  const body = squash(text)
    .replace(/^(?:综合|据)/u, "")
    .replace(BYLINE_SUFFIX, "")
    .replace(/及(?:新华社|人民网|央视|本报)$/u, "")
    .trim();
  if (body === "") return null;
  const markers = [...body.matchAll(ROLE_MARKER)];
  const groups: Array<{ role: AuthorRole | null; names: string }> = [];
  const lead = body.slice(0, markers[0]?.index ?? body.length);
  if (lead.replace(/[、，,；;\s]/gu, "") !== "") groups.push({ role: defaultRole, names: lead });
  markers.forEach((marker, index) => {
    const start = (marker.index ?? 0) + marker[0].length;
    groups.push({ role: roleFromPrinted(marker[0]), names: body.slice(start, markers[index + 1]?.index ?? body.length) });
  });
  const authors: Author[] = [];
  for (const group of groups) {
    const names = readNames(group.names);
    if (!names) return null;
    for (const name of names) authors.push({ name, role: group.role });
  }
  return authors.length > 0 ? authors : null;
}
