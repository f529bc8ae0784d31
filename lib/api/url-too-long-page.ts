import type { RequestRefusal } from "./request-limits";

/**
 * The page a reader sees when proxy.ts refuses a page request (a URL over the
 * limit, 414). Sent before any React rendering, so it is a self-contained
 * document; it repeats nothing of the refused URL.
 */
export function renderUrlTooLongPage(refusal: RequestRefusal): string {
  const [chinese = refusal.message, english = ""] = refusal.message.split(" / ");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>网址过长 · 报库</title>
<style>
  body { margin: 0; font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; background: #fbfaf7; line-height: 1.7; }
  main { max-width: 40rem; margin: 3rem auto; padding: 1.5rem; border: 1px solid #d6d3d1; background: #fff; border-radius: 0.5rem; }
  h1 { font-size: 1.25rem; margin: 0; }
  p { margin: 0.5rem 0 0; }
  a { color: #1e3a8a; }
</style>
</head>
<body>
<main id="main" role="alert" aria-labelledby="heading">
  <h1 id="heading">网址过长，无法打开</h1>
  <p>${escapeHtml(chinese)}请缩短检索词或减少筛选条件后重试。</p>
  <p lang="en">${escapeHtml(english)} Shorten the query or remove some filters.</p>
  <p><a href="/">回到首页</a> · <a href="/search">重新检索</a></p>
</main>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
