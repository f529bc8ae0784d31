import fs from "node:fs";
import { parseArgs } from "node:util";
import { describeCorrection } from "@/lib/app/correction-labels";
import { readEnv, resolveDataDir } from "@/lib/config/env";
import { listAllCorrections } from "@/lib/corrections/correction-store";
import { getDatabase } from "@/lib/corrections/database";
import { exportCorrections, importCorrections } from "@/lib/corrections/transfer";
import { applyImportedCorrections } from "@/lib/corrections/correct-article";
import { EngineError } from "@/lib/search/engine/errors";
import { withManagedEngine } from "@/lib/search/engine/managed";

const USAGE = `用法 / usage: npm run corrections -- <command>
  export FILE      write every correction (with who, when and what it changed) to FILE as JSON
  import FILE      add the corrections of FILE that this installation lacks (by id) and apply them to
                   the index; those whose articles are not imported yet apply when they are
  list [--stale]   list corrections; --stale: only those whose source text changed (kept, not applied)`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { stale: { type: "boolean", default: false } } });
  const [command, file] = positionals;
  const db = getDatabase(resolveDataDir(readEnv()));
  if (command === "list") {
    for (const correction of listAllCorrections(db, { staleOnly: values.stale })) {
      const state = correction.undoneAt ? "undone" : correction.staleReason ? `stale: ${correction.staleReason}` : "active";
      process.stdout.write([correction.id, correction.articleId, correction.createdBy, correction.createdAt, state, describeCorrection(correction)].join("\t") + "\n");
    }
    return 0;
  }
  if (command === "export" && file) {
    const exported = exportCorrections(db);
    fs.writeFileSync(file, JSON.stringify(exported, null, 1) + "\n");
    process.stderr.write(`exported ${exported.corrections.length} corrections → ${file}\n`);
    return 0;
  }
  if (command === "import" && file) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      process.stderr.write(`${file}: cannot read JSON (${(error as Error).message})\n`);
      return 1;
    }
    let outcome;
    try {
      outcome = importCorrections(db, json, "corrections import");
    } catch (error) {
      process.stderr.write(`${file}: ${(error as Error).message}; nothing imported\n`);
      return 1;
    }
    process.stderr.write(`${file}: imported ${outcome.imported.length} corrections, ${outcome.skipped} already present\n`);
    try {
      const applied = await withManagedEngine(() => applyImportedCorrections(outcome.imported, db));
      process.stderr.write(
        `applied to the index: ${applied.applied}; waiting for their articles to be imported: ${applied.waiting}; not fitting this installation's text (kept, see list --stale): ${applied.unfit}\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      process.stderr.write(`not applied to the index yet (${error.message}); they apply at the next import of their files\n`);
      return 1;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
