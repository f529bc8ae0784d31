import type { Metadata } from "next";
import { readPageSession, toSafeNext } from "@/lib/librarians/request-session";

export const metadata: Metadata = { title: "馆员登录", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ next?: string; error?: string }> };

/** The librarians' sign-in form (accounts are made with `npm run librarian -- add NAME`); a plain form, no script needed. */
export default async function SignInPage({ searchParams }: Props) {
  const { next, error } = await searchParams;
  const target = toSafeNext(next);
  const session = await readPageSession();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="font-serif text-3xl font-bold">馆员登录</h1>
      <p className="mt-3 text-stone-700">登录后可在文章页更正作者、标题、日期、栏目和主题，合并或拆分文章，并查看审核队列。读者无需登录。</p>
      {session ? (
        <p className="mt-4 rounded border border-emerald-300 bg-emerald-50 px-3 py-2" role="status">
          已以馆员 {session.librarian} 身份登录。
        </p>
      ) : null}
      {error ? (
        <p className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" role="alert" data-testid="sign-in-error">
          馆员名或密码不正确，请重试。
        </p>
      ) : null}
      <form method="post" action="/librarian/session" className="mt-6 space-y-4 rounded-lg border border-stone-300 bg-white p-5">
        <input type="hidden" name="next" value={target} />
        <div>
          <label htmlFor="librarian-name" className="block font-medium">
            馆员名
          </label>
          <input id="librarian-name" name="name" autoComplete="username" required maxLength={32} className="mt-1 w-full rounded border border-stone-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="librarian-password" className="block font-medium">
            密码
          </label>
          <input id="librarian-password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-stone-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90">
          登录
        </button>
      </form>
    </div>
  );
}
