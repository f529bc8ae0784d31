import { escapeHtml, renderStandalonePage } from "./standalone-page";

/** The page served with HTTP 503 when the search engine is down. */
export function renderEngineDownPage(path: string): string {
  const retry = escapeHtml(path || "/");
  return renderStandalonePage({
    title: "检索服务暂时不可用",
    styles: `
  header { background: #fff; border-bottom: 1px solid #d6d3d1; }
  header div, main { max-width: 72rem; margin: 0 auto; padding: 0.75rem 1rem; }
  .logo { font-family: "Songti SC", "Noto Serif CJK SC", serif; font-size: 1.5rem; font-weight: 700; color: #9b1c1c; text-decoration: none; }
  main { padding-top: 3rem; }
  section { max-width: 40rem; margin: 0 auto; border: 1px solid #fbbf24; background: #fffbeb; border-radius: 0.5rem; padding: 1.5rem; }
  .admin { font-size: 0.875rem; color: #44403c; }
  .actions { margin-top: 1rem; display: flex; gap: 1.5rem; align-items: center; }
  .button { background: #292524; color: #fff; padding: 0.5rem 1rem; border-radius: 0.375rem; text-decoration: none; }`,
    body: `<header><div><a class="logo" href="/">报库</a></div></header>
<main id="main">
<section role="alert" aria-labelledby="heading">
  <h1 id="heading">检索服务暂时不可用</h1>
  <p>搜索引擎没有响应，文章暂时无法检索和打开。请稍后重试。</p>
  <p class="admin">如果您是管理员：请确认 Meilisearch 正在运行（npm start 会自动启动它）。</p>
  <p class="actions"><a class="button" href="${retry}">重试</a><a href="/">回到首页</a></p>
</section>
</main>`,
  });
}
