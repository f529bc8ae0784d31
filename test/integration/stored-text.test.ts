import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "@/lib/article/types";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { configureIndex, enqueueUpsert } from "@/lib/search/index-admin";
import { getArticle, type SearchContext } from "@/lib/search/search-articles";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { makeArticle } from "./search-exec-fixtures";

/**
 * Issue #12: a stored document carries its text once. The body is the only copy; the blocks an
 * article page shows are rebuilt from it and the layout, through the real engine.
 */

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("stored_text") };

const article: Article = {
  ...makeArticle({ id: "stored-text-1", title: "春运首日客流平稳", body: "" }),
  blocks: [
    { kind: "paragraph", text: "本报北京1月10日电（记者 王某）今年春运首日，全国铁路发送旅客……" },
    { kind: "subhead", text: "运力安排稳中有增" },
    { kind: "table", rows: [["线路", "开行列车（列）"], ["京广", "312"], [], ["京沪\t（含夜车）", "286"]] },
    { kind: "caption", text: "图为北京西站候车大厅。新华社记者 张三 摄" },
    { kind: "paragraph", text: "一段里\n有换行的文字。" },
  ],
};

beforeAll(async () => {
  await configureIndex(client, context.indexUid);
  await client.waitForTask(await enqueueUpsert(client, context.indexUid, [toIndexDocument(article, toSourceStamp("fixtures/stored-text-1.txt", "1"))]));
});

describe("stored text", () => {
  it("stores the text once, as the body", async () => {
    // The index shows only DISPLAYED_FIELDS; show everything stored, so a hidden second copy would count too.
    await client.runTask((meili) => meili.index(context.indexUid).updateSettings({ displayedAttributes: ["*"] }));
    const stored = await client.call((meili) => meili.index(context.indexUid).getDocument(article.id));
    expect(stored).not.toHaveProperty("blocks");
    const copies = JSON.stringify(stored).split("运力安排稳中有增").length - 1;
    expect(copies).toBe(1);
  });

  it("gives the article page every block back, as imported", async () => {
    expect((await getArticle(article.id, context))?.blocks).toEqual(article.blocks);
  });
});
