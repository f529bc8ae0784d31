import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { EXPORT_LIMIT } from "@/lib/export/stream-export";
import { toSearchQueryString, type SearchRequest } from "@/lib/search/search-request";

const LABELS: Record<ExportFormat, string> = { csv: "CSV", jsonl: "JSON Lines", ris: "RIS", bibtex: "BibTeX" };

/** Download links for the whole result set: plain links, so every export is addressable by URL. */
export function ExportLinks({ request, total }: { request: SearchRequest; total: number }) {
  const query = toSearchQueryString({ ...request, page: 1, size: undefined });
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="export-links">
      <span className="text-stone-600">导出全部{total > EXPORT_LIMIT ? `（前 ${EXPORT_LIMIT.toLocaleString("zh-CN")} 篇）` : ""}：</span>
      {EXPORT_FORMATS.map((format) => (
        <a key={format} href={`/api/export?format=${format}${query ? `&${query}` : ""}`} download className="text-link underline underline-offset-2">
          {LABELS[format]}
        </a>
      ))}
    </p>
  );
}
