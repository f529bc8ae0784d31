"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-2xl rounded border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="mt-2">处理请求时发生了意外错误。可以重试一次；如果问题持续，请稍后再来。</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-stone-800 px-4 py-2 text-white">
        重试
      </button>
    </section>
  );
}
