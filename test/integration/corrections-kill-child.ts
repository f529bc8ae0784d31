import { insertCorrection } from "@/lib/corrections/correction-store";
import { openDatabase } from "@/lib/corrections/database";

/**
 * Child of corrections-durability.test.ts: writes corrections as fast as it can, each with a
 * large audit snapshot so a write spans many pages, until the test kills it with SIGKILL.
 */
const db = openDatabase(process.argv[2]!);
const blocks = Array.from({ length: 200 }, (_, i) => ({ kind: "paragraph" as const, text: `第${i}段`.repeat(40) }));
const article = { id: "a", blocks } as never;
process.stdout.write("ready\n");
for (let i = 0; ; i += 1) {
  insertCorrection(db, { articleId: `a${i}`, fingerprint: "0123456789abcdef", payload: { kind: "not-article", reason: "advert" }, librarian: "child", before: [article], after: [article] });
}
