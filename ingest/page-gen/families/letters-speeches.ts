import { formatFullDate, formatSignature, type FormattedByline } from "@/lib/byline/format";
import { isPersonName } from "@/lib/byline/names";
import type { Random } from "@/lib/random/seeded-random";
import { selectPool, drawSources, type Corpus } from "../corpus";
import { chance, drawInt, shuffle } from "../draw";
import { drawLetterFrame } from "../letter-parts";
import { proseArticles, rmrbArticles } from "../pools";
import { bodyBlocks, drawBodyBudget, printBody, printHeadlines } from "../print-body";
import { stackItems, type FamilyBuilder, type PageContext, type PrintedItem, type PrintedLine } from "../printed-item";
import type { SourceArticle } from "../source-article";
import { printBylineEndArticle } from "./byline-end";
import { printDatelineStartArticle } from "./dateline-start";

/** 同志们： / 亲爱的祖国母亲： / 尊敬的各位来宾： — a speech or letter opens by addressing its readers. */
const SALUTATION = /^(?:.{0,16}(?:同志们|朋友们|女士们|先生们|同学们|同胞们)|亲爱的.{1,16}|尊敬的.{1,24})[：:]$/u;
/** Paragraphs rmrb prints after a letter's text that the letter itself does not carry. */
const AFTERWORD = /^[（(](?:作者|新华社|本报)[^（）()]*[）)]$/u;
const ONE_DAY_MS = 86_400_000;

/** Real speeches and letters of the split: their first paragraph is a salutation. */
function realLetters(corpus: Corpus) {
  return selectPool(corpus, "letters", (c) => c.rmrb, (source) => source.title !== null && SALUTATION.test(bodyBlocks(source)[0]?.text ?? ""));
}

/**
 * A letter or speech: headline (a speech's date line under it as rmrb prints it), the salutation
 * as the first body line, the text, then the signature (`byline`) and the date line (`signdate`).
 * Real ones come from the corpus; the others are real prose under a drawn letter frame
 * (致全市人民的一封信, salutation, an organisation signing).
 */
function printLetter(source: SourceArticle, real: boolean, context: PageContext): PrintedItem {
  const { random } = context;
  const frame = drawLetterFrame(random);
  const blocks = bodyBlocks(source).filter((block) => !AFTERWORD.test(block.text));
  const signerLine = real ? blocks.at(-1)?.text ?? "" : "";
  const signedInText = isPersonName(signerLine);
  const trimmed: SourceArticle = { ...source, blocks: signedInText ? blocks.slice(0, -1) : blocks };
  const headlines: PrintedLine[] = real ? printHeadlines(trimmed) : [{ text: frame.title, label: "title" }];
  const opening = real ? (bodyBlocks(trimmed)[0]?.text ?? "") : frame.salutation;
  const body = real ? printBody(trimmed, opening, drawBodyBudget(random) * 2) : [{ text: opening, label: "start" as const }, ...printBody(trimmed, bodyBlocks(trimmed)[0]?.text ?? "", drawBodyBudget(random)).map(toPara)];
  if (!real && chance(random, 0.3)) body.push({ text: "此致", label: "para" }, { text: "敬礼！", label: "para" });
  const signature: FormattedByline | null = signedInText ? formatSignature([signerLine]) : real ? null : formatSignature(frame.signer.split(" "));
  const lines = [...headlines, ...body];
  if (signature) lines.push({ text: signature.text, label: "byline" });
  lines.push({ text: formatFullDate(drawSignDate(source.date, random)), label: "signdate" });
  return { kind: "article", lines, authors: signature?.authors ?? [] };
}

function toPara(line: PrintedLine): PrintedLine {
  return line.label === "start" ? { ...line, label: "para" } : line;
}

/** Letters are dated a few days before the issue that prints them. */
function drawSignDate(isoDate: string, random: Random): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - drawInt(random, 0, 6) * ONE_DAY_MS).toISOString().slice(0, 10);
}

export const buildLettersPage: FamilyBuilder = (context) => {
  const { corpus, random, itemCount } = context;
  const letterCount = drawInt(random, 1, Math.min(2, itemCount));
  const real = realLetters(corpus).all.length > 0 && chance(random, 0.4) ? drawSources(realLetters(corpus), 1, random) : [];
  const framed = drawSources(proseArticles(corpus), letterCount - real.length, random);
  const others = drawSources(rmrbArticles(corpus), itemCount - letterCount, random);
  const printArticle = chance(random, 0.5) ? printBylineEndArticle : printDatelineStartArticle;
  const items = [
    ...real.map((source) => printLetter(source, true, context)),
    ...framed.map((source) => printLetter(source, false, context)),
    ...others.map((source) => printArticle(source, context)),
  ];
  return stackItems(shuffle(random, items), (real[0] ?? framed[0] ?? others[0])?.date ?? "");
};
