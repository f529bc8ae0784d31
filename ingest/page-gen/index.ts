/**
 * Labelled OCR-style newspaper pages in many layout families, built from real rmrb articles and
 * xwlb items, for training and scoring the page segmenter (lib/segmenter/labels.ts).
 *
 *   splits.ts, read-rmrb.ts, read-xwlb.ts, corpus.ts, pools.ts   which sources a split may use, read once
 *   families/*.ts                                                 one printer per layout family
 *   print-body.ts, bylines.ts, older-print.ts, table-data.ts,
 *   letter-parts.ts, pen-names.ts                                 printing concerns shared by families
 *   cut-lines.ts, break-titles.ts, text-noise.ts, page-furniture.ts   OCR damage every family gets
 *   assemble-page.ts, generate-pages.ts, write-pages.ts, cli.ts   the page text, the API, inspection
 */
export { generatePages, type GeneratePagesOptions } from "./generate-pages";
export { writePages } from "./write-pages";
export { PAGE_SPLITS, type PageSplit } from "./splits";
