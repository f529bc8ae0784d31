import { squash } from "@/lib/text/squash";
import { readCreditPhrase } from "./credit-phrase";
import { readNames } from "./name-list";
import { sourceCredit } from "./photo-credit";
import { MAX_BYLINE_LINE_LENGTH, type BylineReading } from "./reading";
import { hasRoleMarker } from "./role-words";

const MIXED_CREDIT_SEGMENT = /(\S(?:.*?\S)??)\s?(文并图|摄影报道|供图|摄|文|图)(?:[（(]([^（）()]+)[）)])?(?=\s|$)/gu;

/**
 * Lines that credit text, pictures and photos together: cartoons (曹 一图 于 石文), 本报记者 田 泓文
 * 计海新摄（影像中国）, 本报驻美国记者 高 石文并图, 某某供图 本报记者 林 芮文.
 */
export function readMixedCredit(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const segments = [...line.matchAll(MIXED_CREDIT_SEGMENT)];
  const covered = segments.map((segment) => segment[0]).join(" ");
  if (segments.length === 0 || covered !== line) return null;
  const single = segments.length === 1 ? segments[0] : null;
  if (single && single[2] !== "文并图" && !(single[2] === "文" && hasRoleMarker(single[1] ?? ""))) return null;
  const reading: BylineReading = { authors: [], credits: [] };
  for (const segment of segments) {
    if (!addMixedSegment(reading, segment[1] ?? "", segment[2] ?? "")) return null;
    if (segment[3]) reading.credits.push(sourceCredit(segment[3]));
  }
  return reading;
}

/** Adds one "names + kind" segment; false when the names do not read as a byline. */
function addMixedSegment(reading: BylineReading, who: string, what: string): boolean {
  if (what === "供图") {
    reading.credits.push({ role: "供图", name: who });
    return who.length <= 30;
  }
  if (what === "图") {
    const illustrators = readNames(who);
    for (const name of illustrators ?? []) reading.credits.push({ role: "图", name });
    return illustrators !== null;
  }
  const people = readCreditPhrase(who, what === "摄" || what === "摄影报道" ? "摄影" : "作者");
  if (!people) return false;
  if (what === "摄" || what === "摄影报道") reading.authors.push(...people.map((author) => ({ ...author, role: "摄影" as const })));
  else reading.authors.push(...people);
  if (what === "文并图") reading.authors.push(...people.map((author) => ({ ...author, role: "摄影" as const })));
  return true;
}
