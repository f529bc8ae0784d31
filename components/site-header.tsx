import Link from "next/link";
import { LibrarianNav } from "@/components/librarian-nav";
import type { Session } from "@/lib/librarians/sessions";

const NAV_ITEMS = [
  { href: "/search", label: "检索" },
  { href: "/browse", label: "按日期浏览" },
  { href: "/authors", label: "作者" },
  { href: "/search/help", label: "帮助" },
] as const;

/** The site's header, for the root layout and the results page's fast path alike. */
export function SiteHeader({ session }: { session: Session | null }) {
  return (
    <header className="border-b border-stone-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 rounded">
          <span className="font-serif text-2xl font-bold text-accent">报库</span>
          <span className="hidden text-sm text-stone-600 sm:inline">报纸档案全文检索</span>
        </Link>
        <nav aria-label="主导航">
          <ul className="flex gap-6 text-stone-800">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded py-1 hover:text-accent hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {session ? <LibrarianNav session={session} /> : null}
      </div>
    </header>
  );
}
