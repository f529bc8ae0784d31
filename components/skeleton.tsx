/** Grey placeholder blocks while a page loads; announced once as loading. */
export function Skeleton({ rows = 3, sidebar = false }: { rows?: number; sidebar?: boolean }) {
  return (
    <div aria-busy="true" className="animate-pulse">
      <p role="status" className="sr-only">
        正在加载…
      </p>
      <div className="h-11 rounded-md bg-stone-200" />
      <div className={`mt-6 grid gap-8 ${sidebar ? "lg:grid-cols-[17rem_1fr]" : ""}`}>
        {sidebar ? <div className="hidden h-96 rounded-lg bg-stone-200 lg:block" /> : null}
        <div className="space-y-6">
          {Array.from({ length: rows }, (_, row) => (
            <div key={row} className="space-y-2">
              <div className="h-6 w-2/3 rounded bg-stone-200" />
              <div className="h-4 w-1/3 rounded bg-stone-100" />
              <div className="h-4 rounded bg-stone-100" />
              <div className="h-4 w-5/6 rounded bg-stone-100" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
