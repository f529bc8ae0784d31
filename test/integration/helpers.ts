import { expect, inject } from "vitest";
import { EngineClient } from "@/lib/search/engine/client";

let counter = 0;

/** The results page's island data (the filter panel's JSON in `<script id="facets-data">`), as the page sent it. */
export function readIslandData<T>(html: string): T {
  const match = /<script id="facets-data" type="application\/json">(.*?)<\/script>/s.exec(html);
  expect(match, "the island's data").not.toBeNull();
  return JSON.parse(match![1]!) as T;
}

export function connectTestEngine(): EngineClient {
  return new EngineClient({ url: inject("meiliUrl"), apiKey: inject("meiliKey") });
}

/**
 * The real engine client, recording what goes through it: `calls` made, and the Meilisearch client
 * methods they used (`getRawIndex` for an index version read). Tests reset both between steps.
 */
export class RecordingClient extends EngineClient {
  calls = 0;
  methods: string[] = [];
  /** Calls under way now, and the most at once since reset to 0. */
  inFlight = 0;
  mostInFlight = 0;
  /** The `q` of each index search, in the order they were sent. */
  searched: string[] = [];
  override call<T>(operation: Parameters<EngineClient["call"]>[0], options?: Parameters<EngineClient["call"]>[1]): Promise<T> {
    this.calls++;
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    const record = (name: string) => this.methods.push(name);
    const recordSearches = (index: object) =>
      new Proxy(index, {
        get: (target, property, receiver) => {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== "search" || typeof value !== "function") return value;
          return (q: unknown, ...rest: unknown[]) => (this.searched.push(String(q ?? "")), value.call(target, q, ...rest));
        },
      });
    const watched = (meili: Parameters<typeof operation>[0]) =>
      new Proxy(meili, {
        get: (target, property, receiver) => {
          if (typeof property === "string") record(property);
          const value: unknown = Reflect.get(target, property, receiver);
          if (property !== "index" || typeof value !== "function") return value;
          return (...args: unknown[]) => recordSearches(value.apply(target, args) as object);
        },
      });
    return (super.call((meili) => operation(watched(meili)), options) as Promise<T>).finally(() => this.inFlight--);
  }
}

/** A fresh index name per test file, so files never see each other's documents. */
export function uniqueIndexName(label: string): string {
  counter += 1;
  return `test_${label}_${process.pid}_${Date.now()}_${counter}`;
}
