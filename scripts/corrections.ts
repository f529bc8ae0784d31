import fs from "node:fs";
import { parseArgs } from "node:util";
import { describeCorrection } from "@/lib/app/correction-labels";
import { readEnv, resolveDataDir } from "@/lib/config/env";
import { listAllCorrections } from "@/lib/corrections/correction-store";
import { getDatabase } from "@/lib/corrections/database";
import { exportCorrections, importCorrections } from "@/lib/corrections/transfer";

const USAGE = `用法 / usage: npm run corrections -- <command>
  export FILE      write every correction (with who, when and what it changed) to FILE as JSON
  import FILE      add the corrections of FILE that this installation lacks (by id); they apply to
                   the index at the next import of their files (npm run ingest -- <folders>)
  list [--stale]   list corrections; --stale: only those whose source text changed (kept, not applied)`;

function main(): number {
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
    try {
      const { imported, skipped } = importCorrections(db, json, "corrections import");
      process.stderr.write(`${file}: imported ${imported} corrections, ${skipped} already present; re-import their files to apply them (npm run ingest -- <folders>)\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`${file}: ${(error as Error).message}; nothing imported\n`);
      return 1;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exit(main());
