import { escapeHtml, renderStandalonePage } from "@/lib/app/standalone-page";
import type { RequestRefusal } from "./request-limits";

/** The page a reader sees when proxy.ts refuses a page request (a URL over the limit, 414). It repeats nothing of the refused URL. */
export function renderUrlTooLongPage(refusal: RequestRefusal): string {
  const [chinese = refusal.message, english = ""] = refusal.message.split(" / ");
  return renderStandalonePage({
    title: "网址过长",
    styles: `  main { max-width: 40rem; margin: 3rem auto; padding: 1.5rem; border: 1px solid #d6d3d1; background: #fff; border-radius: 0.5rem; }`,
    body: `<main id="main" role="alert" aria-labelledby="heading">
  <h1 id="heading">网址过长，无法打开</h1>
  <p>${escapeHtml(chinese)}请缩短检索词或减少筛选条件后重试。</p>
  <p lang="en">${escapeHtml(english)} Shorten the query or remove some filters.</p>
  <p><a href="/">回到首页</a> · <a href="/search">重新检索</a></p>
</main>`,
  });
}
