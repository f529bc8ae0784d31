/**
 * Where an engine is and how to name it in messages. An engine configured by
 * the environment is named by its setting, so a wrong address or key points
 * the operator at the variable to fix.
 */
export type EngineConnection = {
  url: string;
  apiKey: string;
  /** The setting the address came from (`MEILI_URL`), if any. */
  urlSetting?: string;
  /** The setting the key came from (`MEILI_MASTER_KEY`), if any. */
  keySetting?: string;
  /** A PEM certificate trusted for this engine's https address, besides the usual ones. */
  ca?: string;
};

export function describeEngine(connection: EngineConnection): string {
  return `Meilisearch at ${connection.url}${connection.urlSetting ? ` (${connection.urlSetting})` : ""}`;
}
