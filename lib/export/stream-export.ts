import { toExportRow, type ExportArticle } from "./export-row";
import { ENCODERS, type ExportFormat } from "./formats";

/** Result sets are exported up to this many articles (documented in the README). */
export const EXPORT_LIMIT = 10_000;

/** Encodes pages of articles as they arrive, so large exports never sit in memory whole. */
export function streamExport(format: ExportFormat, pages: AsyncIterable<readonly ExportArticle[]>, baseUrl: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const formatEncoder = ENCODERS[format];
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        if (formatEncoder.header) {
          controller.enqueue(encoder.encode(formatEncoder.header));
          return;
        }
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value.map((article) => formatEncoder.encodeRow(toExportRow(article, baseUrl))).join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
