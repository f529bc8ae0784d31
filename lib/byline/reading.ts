import type { Author, Credit } from "@/lib/article/types";

/** What a byline or credit line names: authors with their normalised roles, and credits that are not authorship. */
export type BylineReading = { authors: Author[]; credits: Credit[] };

/** Byline and credit lines are short; a longer line is text that merely mentions a role. */
export const MAX_BYLINE_LINE_LENGTH = 80;
