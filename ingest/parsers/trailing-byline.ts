/**
 * The byline grammar moved to lib/byline/. This re-export keeps code still written against the
 * old path (work in progress on the page segmenter and page generator) compiling; delete it once
 * nothing imports it.
 */
export { endsSentence, parseBylineLine, splitTrailingByline } from "@/lib/byline/trailing-byline";
export type { BylineOptions, PrintedByline } from "@/lib/byline/trailing-byline";
export { hasChineseSurname, isPersonName } from "@/lib/byline/names";
