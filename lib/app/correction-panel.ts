import type { Article } from "@/lib/article/types";
import type { Correction } from "@/lib/corrections/correction-input";
import { listCorrectionsOf } from "@/lib/corrections/correction-store";
import { getDatabase } from "@/lib/corrections/database";
import { readPageSession } from "@/lib/librarians/request-session";
import type { Session } from "@/lib/librarians/sessions";
import type { SearchParams } from "./search-page";

export type CorrectionPanelData = {
  session: Session;
  history: Correction[];
  notice: { kind: "saved" | "undone" | "error"; text: string } | null;
};

/** The editor's data for a signed-in librarian; null for readers (nothing is read from the database then). */
export async function loadCorrectionPanel(article: Article, params: SearchParams): Promise<CorrectionPanelData | null> {
  const session = await readPageSession();
  if (!session) return null;
  return { session, history: listCorrectionsOf(getDatabase(), [article.id]), notice: readNotice(params) };
}

/** What the last form post did, carried in the redirect back (route handlers answer forms with 303). */
function readNotice(params: SearchParams): CorrectionPanelData["notice"] {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const error = first(params.correctionError);
  if (error) return { kind: "error", text: `更正未保存：${error.slice(0, 300)}` };
  if (first(params.corrected)) return { kind: "saved", text: "更正已保存，检索、筛选、作者目录和导出随即生效。" };
  if (first(params.undone)) return { kind: "undone", text: "已撤销该更正。" };
  return null;
}
