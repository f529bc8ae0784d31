import { toCodedCharText } from "./coded-chars";

/**
 * Keeps every coded token within the positions Meilisearch indexes.
 *
 * The engine gives each word of an attribute a position (the first 0, the next
 * +1, +8 after a hard separator such as our ` . `) and silently drops every
 * word at position 65,535 or beyond (milli's `max_positions_per_attributes`,
 * counted per field; the elements of an array share one count). A coded text
 * that would use more than POSITION_BUDGET positions is therefore split into
 * chunks: the first stays in the field (`bodyChars`), the others go to fields
 * `bodyChars.c1`, `bodyChars.c2`, …, which the engine reads as nested fields of
 * `bodyChars`: each has positions of its own, and `bodyChars` in
 * `searchableAttributes` makes them searchable. Texts within the budget (every
 * article of the corpus) are stored exactly as before, with no extra field.
 *
 * Meilisearch 1.21 matches `attributesToSearchOn` names exactly (`bodyChars`
 * alone searches the first chunk only) but accepts patterns, so searches must
 * name the fields with toChunkedFieldPattern (`bodyChars*`: the field and its
 * chunks; `bodyChars.*` is refused while no document has a chunk); see
 * toSearchOnCharFields in index-schema.ts.
 *
 * Each chunk repeats the last CHUNK_OVERLAP words of the one before, so a
 * phrase of up to CHUNK_OVERLAP characters lies whole inside some chunk. A
 * search can carry no longer phrase (MAX_TOKENS_PER_SEARCH in
 * query/compile-query.ts allows 449 characters, the query parser 256). Chunks
 * are separate fields, so they form no word pair with each other: the split
 * adds no adjacency the text does not have.
 */

/** Positions the engine keeps per attribute (milli: u16::MAX; a word at position ≥ this is dropped). */
export const ENGINE_POSITION_LIMIT = 65_535;
/** Positions one indexed string may use; below the engine's limit, with room to spare. */
export const POSITION_BUDGET = 60_000;
/** Position step between words either side of a hard separator (milli's MAX_DISTANCE). */
export const HARD_SEPARATOR_STEP = 8;
/** Words each chunk repeats from the end of the previous one. */
export const CHUNK_OVERLAP = 512;

const HARD_SEPARATOR = ".";
const TOKEN_SEPARATOR = " ";
const CHUNK_KEY_PREFIX = "c";

/** Where the chunks after the first are stored: `<field>.c1`, `<field>.c2`, … */
export type ChunkFieldName<Field extends string> = `${Field}.${typeof CHUNK_KEY_PREFIX}${number}`;

/** The chunk fields a document may have for some coded fields. */
export type ChunkFields<Field extends string> = { [K in ChunkFieldName<Field>]?: string };

/** A coded text as stored: the first chunk under the field's name, the others under its chunk names. */
export type CodedFields<Field extends string> = { [K in Field]: string } & ChunkFields<Field>;

/** The pattern that names a coded field and all its chunks in `attributesToSearchOn`. */
export function toChunkedFieldPattern(field: string): string {
  return `${field}*`;
}

/** A coded text's words (indexes into its space-separated tokens) and the position the engine gives each. */
function locateWords(tokens: readonly string[]): { tokenIndex: number[]; position: number[] } {
  const tokenIndex: number[] = [];
  const position: number[] = [];
  let last = -1;
  let afterHardSeparator = false;
  tokens.forEach((token, index) => {
    if (token === HARD_SEPARATOR) {
      afterHardSeparator = true;
      return;
    }
    if (token === "") return;
    last = tokenIndex.length === 0 ? 0 : last + (afterHardSeparator ? HARD_SEPARATOR_STEP : 1);
    afterHardSeparator = false;
    tokenIndex.push(index);
    position.push(last);
  });
  return { tokenIndex, position };
}

/**
 * How many positions the engine uses for a coded text (space-separated word
 * tokens, ` . ` between paragraphs): the last word's position + 1, 0 when empty.
 */
export function countPositions(coded: string): number {
  const { position } = locateWords(coded.split(TOKEN_SEPARATOR));
  return (position.at(-1) ?? -1) + 1;
}

/**
 * Splits a coded text into chunks of at most `budget` positions each, every
 * chunk after the first starting with the last `overlap` words of the one
 * before (separators between them included). A text within the budget comes
 * back unchanged as the only chunk.
 */
export function splitCodedText(coded: string, budget = POSITION_BUDGET, overlap = CHUNK_OVERLAP): string[] {
  // Every chunk then holds more than `overlap` words, so each one moves forward.
  if (!Number.isInteger(overlap) || overlap < 0 || !Number.isInteger(budget) || budget <= overlap * HARD_SEPARATOR_STEP) {
    throw new RangeError(`chunk budget ${budget} must exceed ${HARD_SEPARATOR_STEP} × overlap ${overlap}`);
  }
  // A gap costs at most 8 positions and takes at least 3 characters: most texts need no counting.
  if (coded.length * 3 < budget) return [coded];
  const tokens = coded.split(TOKEN_SEPARATOR);
  const { tokenIndex, position } = locateWords(tokens);
  const lastWord = position.length - 1;
  if ((position[lastWord] ?? -1) < budget) return [coded];

  const chunks: string[] = [];
  let first = 0;
  for (;;) {
    const origin = position[first] ?? 0;
    let last = first;
    while (last < lastWord && (position[last + 1] ?? 0) - origin < budget) last++;
    chunks.push(tokens.slice(tokenIndex[first], (tokenIndex[last] ?? 0) + 1).join(TOKEN_SEPARATOR));
    if (last === lastWord) return chunks;
    first = last + 1 - overlap;
  }
}

/** The stored fields of a coded text: the text itself when within the budget, else its chunks. */
export function toCodedFields<Field extends string>(field: Field, coded: string): CodedFields<Field> {
  const [first = "", ...rest] = splitCodedText(coded);
  const fields: Record<string, string> = { [field]: first };
  rest.forEach((chunk, index) => {
    fields[`${field}.${CHUNK_KEY_PREFIX}${index + 1}`] = chunk;
  });
  return fields as CodedFields<Field>;
}

/** The stored fields of a field's text in char tokens (coded-chars.ts), split when too long. */
export function toCodedCharFields<Field extends string>(field: Field, original: string): CodedFields<Field> {
  return toCodedFields(field, toCodedCharText(original));
}
