import Link from "next/link";
import type { Session } from "@/lib/librarians/sessions";

/** In the header for a signed-in librarian: the review queue and sign-out (a form, so it works without script). */
export function LibrarianNav({ session }: { session: Session }) {
  return (
    <div className="ml-auto flex items-center gap-4 text-sm" data-testid="librarian-nav">
      <span className="text-stone-700">馆员 {session.librarian}</span>
      <Link href="/review" className="rounded py-1 hover:text-accent hover:underline">
        审核队列
      </Link>
      <form method="post" action="/librarian/session">
        <input type="hidden" name="action" value="sign-out" />
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <input type="hidden" name="next" value="/" />
        <button type="submit" className="rounded py-1 hover:text-accent hover:underline">
          退出
        </button>
      </form>
    </div>
  );
}
