export function EngineUnavailable({ detail }: { detail?: string }) {
  return (
    <section role="alert" className="rounded border border-amber-400 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold">检索服务暂时不可用</h1>
      <p className="mt-2">搜索引擎没有响应。请稍后重试；如果您是管理员，请确认 Meilisearch 正在运行（npm start 会自动启动它）。</p>
      {detail ? <p className="mt-2 text-sm text-stone-600">{detail}</p> : null}
    </section>
  );
}
