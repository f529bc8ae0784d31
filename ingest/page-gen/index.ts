export { generatePages, type GeneratePagesOptions } from "./generate-pages";
export { writePages } from "./write-pages";
export { PAGE_SPLITS, type PageSplit } from "./splits";
