import type { IndexDocument } from "@/lib/search/documents";
import { enqueueUpsert } from "@/lib/search/index-admin";
import { findShard, type Shard } from "@/lib/search/shards";

/**
 * Batches documents into upsert tasks, keeping a few in flight per engine. On
 * an archive spread over several engines each document goes to the engine
 * that holds it (shards.ts); one that no engine holds is refused, and the
 * caller reports it.
 */

const MAX_PENDING_TASKS = 3;

type Lane = { shard: Shard; batch: IndexDocument[]; pending: number[]; ids: string[] };

export class BatchWriter {
  private readonly lanes: Map<Shard, Lane>;

  constructor(
    shards: readonly Shard[],
    private readonly indexUid: string,
    private readonly batchSize: number,
  ) {
    this.lanes = new Map(shards.map((shard) => [shard, { shard, batch: [], pending: [], ids: [] }]));
  }

  /** False when no engine holds the document (it is not written). */
  async add(document: IndexDocument): Promise<boolean> {
    if (this.lanes.size === 0) return true; // --dry-run
    const shard = findShard([...this.lanes.keys()], document);
    const lane = shard ? this.lanes.get(shard) : undefined;
    if (!lane) return false;
    lane.batch.push(document);
    if (this.lanes.size > 1) lane.ids.push(document.id);
    if (lane.batch.length >= this.batchSize) await this.send(lane);
    return true;
  }

  async flush(): Promise<void> {
    for (const lane of this.lanes.values()) {
      await this.send(lane);
      for (const taskUid of lane.pending) await lane.shard.client.waitForTask(taskUid);
      lane.pending = [];
    }
  }

  /**
   * Ids written to each engine in this run, so the other engines can drop an older copy
   * (an article whose date was corrected, or an engine list that changed).
   */
  listWrittenIds(): Map<Shard, readonly string[]> {
    return new Map([...this.lanes.values()].map((lane) => [lane.shard, lane.ids]));
  }

  private async send(lane: Lane): Promise<void> {
    if (lane.batch.length === 0) return;
    const documents = lane.batch;
    lane.batch = [];
    lane.pending.push(await enqueueUpsert(lane.shard.client, this.indexUid, documents));
    while (lane.pending.length > MAX_PENDING_TASKS) {
      const oldest = lane.pending.shift();
      if (oldest !== undefined) await lane.shard.client.waitForTask(oldest);
    }
  }
}
