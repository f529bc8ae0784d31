import { startEngine, type RunningEngine } from "./process";

/**
 * Keeps the managed Meilisearch running: when it dies (crash, OOM kill, a
 * stray `kill`), it is started again on the same port and data folder, so the
 * app, which answers 503 meanwhile, recovers by itself.
 */
export type EngineSupervisor = { current: () => RunningEngine; stop: () => Promise<void> };

export function superviseEngine(first: RunningEngine, log: (message: string) => void): EngineSupervisor {
  let engine = first;
  let stopped = false;
  const port = Number(new URL(first.url).port);

  async function restartLoop(): Promise<void> {
    for (;;) {
      await engine.exited;
      if (stopped) return;
      log(`Meilisearch stopped unexpectedly; restarting on port ${port}…`);
      for (let attempt = 0; !stopped; attempt++) {
        try {
          engine = await startEngine({ dataDir: engine.dataDir, port });
          log("Meilisearch is back");
          break;
        } catch (error) {
          const delay = Math.min(30_000, 1000 * 2 ** attempt);
          log(`restart failed (${(error as Error).message.split("\n")[0]}); next try in ${delay / 1000} s`);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    }
  }
  void restartLoop();

  return {
    current: () => engine,
    stop: async () => {
      stopped = true;
      await engine.stop();
    },
  };
}
