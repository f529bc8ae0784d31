/** Shown when the search engine does not answer; the proxy answers page requests with 503 and the same words. */
export function EngineUnavailable({ detail }: { detail?: string }) {
  return (
    <section role="alert" aria-labelledby="engine-unavailable-heading" className="mx-auto max-w-2xl rounded-lg border border-amber-400 bg-amber-50 p-6">
      <h1 id="engine-unavailable-heading" className="text-xl font-semibold">
        检索服务暂时不可用
      </h1>
      <p className="mt-2">搜索引擎没有响应，文章暂时无法检索和打开。请稍后刷新页面重试。</p>
      <p className="mt-2 text-sm text-stone-700">如果您是管理员：请确认 Meilisearch 正在运行（npm start 会自动启动它）。</p>
      {detail ? <p className="mt-2 text-sm text-stone-700">{detail}</p> : null}
    </section>
  );
}
