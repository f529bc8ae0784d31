"use client";

import Link from "next/link";

/** Unexpected failures: a plain explanation and a retry, never a stack trace. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <section role="alert" aria-labelledby="error-heading" className="mx-auto max-w-2xl rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 id="error-heading" className="text-xl font-semibold">
        页面出错了
      </h1>
      <p className="mt-2">处理请求时发生了意外错误。可以重试一次；如果问题持续，请稍后再来。</p>
      {digest ? <p className="mt-2 text-sm text-stone-700">错误编号：{digest}</p> : null}
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded-md bg-stone-800 px-4 py-2 text-white hover:bg-stone-950">
          重试
        </button>
        <Link href="/" className="text-link underline underline-offset-2">
          回到首页
        </Link>
      </div>
    </section>
  );
}
