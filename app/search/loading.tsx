export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">正在加载…</span>
      <div className="h-10 rounded bg-stone-200" />
      {[0, 1, 2].map((row) => (
        <div key={row} className="space-y-2">
          <div className="h-6 w-2/3 rounded bg-stone-200" />
          <div className="h-4 rounded bg-stone-100" />
          <div className="h-4 w-5/6 rounded bg-stone-100" />
        </div>
      ))}
    </div>
  );
}
