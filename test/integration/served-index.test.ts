import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { REVIEW_THRESHOLD } from "@/ingest/review-list";
import { openDatabase } from "@/lib/corrections/database";
import { listReviewItems } from "@/lib/corrections/review-queue";
import { prepareServedIndex } from "@/ingest/served-index";
import { SchemaMismatchError } from "@/lib/search/engine/errors";
import { countDocuments, readSchemaState } from "@/lib/search/index-admin";
import { SCHEMA_VERSION } from "@/lib/search/index-schema";
import { toOnlyShard } from "@/lib/search/shards";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { makePage, makeTempDir, removeTempDirs } from "./ingest-cli-helpers";

/**
 * `npm start` serves an index it prepares itself (ingest/served-index.ts): the bundled sample goes
 * into an empty one, and an index of an older schema that holds only that sample is imported
 * again rather than refused; one that holds anything else is still refused, untouched.
 */

const client = connectTestEngine();
const shards = [toOnlyShard(client)];

afterAll(removeTempDirs);

async function markOlderSchema(indexUid: string): Promise<void> {
  // What an index of the previous schema records about itself (index-admin.ts).
  const olderMeta = { id: indexUid, schemaVersion: SCHEMA_VERSION - 1, settingsHash: "older", updatedAt: new Date().toISOString() };
  await client.runTask((meili) => meili.index("baoku_meta").addDocuments([olderMeta], { primaryKey: "id" }));
}

describe("the index npm start serves", () => {
  it("gets the sample when empty, and the sample again when an older schema built it", async () => {
    const indexUid = uniqueIndexName("served_sample");
    const messages: string[] = [];
    await prepareServedIndex({ client, shards, indexUid, log: (message) => messages.push(message) });
    const imported = await countDocuments(client, indexUid);
    expect(imported).toBeGreaterThan(0);
    expect(messages.join("\n")).toContain("is empty: importing the bundled sample");

    await markOlderSchema(indexUid);
    expect((await readSchemaState(client, indexUid)).status).toBe("stale");
    await prepareServedIndex({ client, shards, indexUid, log: (message) => messages.push(message) });
    expect(messages.join("\n")).toContain("built by an older version and holds only the bundled sample");
    expect((await readSchemaState(client, indexUid)).status).toBe("current");
    expect(await countDocuments(client, indexUid)).toBe(imported);
  });

  it("puts the sample's uncertain items in the review queue, as any import does", async () => {
    const indexUid = uniqueIndexName("served_review");
    const db = openDatabase(path.join(makeTempDir("served-review"), "baoku.sqlite"));
    await prepareServedIndex({ client, shards, indexUid, log: () => undefined, corrections: db });
    const { items, total } = listReviewItems(db);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(await countDocuments(client, indexUid));
    for (const item of items) {
      expect(item.sourceFile).toMatch(/^pages\/\d{3}_[0-9a-f]+\.txt$/);
      expect(Math.min(item.boundary, item.byline)).toBeLessThan(REVIEW_THRESHOLD);
    }
    db.close();
  });

  it("still refuses an index of an older schema that holds more than the sample, and leaves it as it was", async () => {
    const indexUid = uniqueIndexName("served_archive");
    await prepareServedIndex({ client, shards, indexUid, log: () => undefined });
    const archive = makeTempDir("served-archive");
    fs.writeFileSync(path.join(archive, "page.txt"), makePage("巳地", "书店", "蒋八"));
    await runIngest({ inputs: [archive], indexUid, client, shards });
    const before = await countDocuments(client, indexUid);
    await markOlderSchema(indexUid);
    await expect(prepareServedIndex({ client, shards, indexUid, log: () => undefined })).rejects.toBeInstanceOf(SchemaMismatchError);
    expect(await countDocuments(client, indexUid)).toBe(before);
    expect((await readSchemaState(client, indexUid)).status).toBe("stale");
  });
});
