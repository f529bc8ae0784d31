import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { NONCE_HEADER } from "@/lib/app/content-security";
import { LibrarianNav } from "@/components/librarian-nav";
import { readPageSession } from "@/lib/librarians/request-session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "报库 Baoku · 报纸全文检索", template: "%s · 报库" },
  description: "中文报纸档案全文检索：按日期、作者、主题筛选，查看原文。",
  // Files in public/, drawn by scripts/render-icons.ts.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Marks the page as scripted before first paint, so JS-only controls (the filter toggle) never flash. */
const MARK_SCRIPTED = 'document.documentElement.classList.add("js")';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const session = await readPageSession();
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: MARK_SCRIPTED }} />
        {/* Lets the browser offer 报库 in its search bar (app/opensearch.xml/route.ts); Next's metadata has no field for it. */}
        <link rel="search" type="application/opensearchdescription+xml" title="报库" href="/opensearch.xml" />
      </head>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          跳到正文
        </a>
        <header className="border-b border-stone-300 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
            <Link href="/" className="flex items-baseline gap-2 rounded">
              <span className="font-serif text-2xl font-bold text-accent">报库</span>
              <span className="hidden text-sm text-stone-600 sm:inline">报纸档案全文检索</span>
            </Link>
            <nav aria-label="主导航">
              <ul className="flex gap-6 text-stone-800">
                <li>
                  <Link href="/search" className="rounded py-1 hover:text-accent hover:underline">
                    检索
                  </Link>
                </li>
                <li>
                  <Link href="/browse" className="rounded py-1 hover:text-accent hover:underline">
                    按日期浏览
                  </Link>
                </li>
                <li>
                  <Link href="/authors" className="rounded py-1 hover:text-accent hover:underline">
                    作者
                  </Link>
                </li>
                <li>
                  <Link href="/search/help" className="rounded py-1 hover:text-accent hover:underline">
                    帮助
                  </Link>
                </li>
              </ul>
            </nav>
            {session ? <LibrarianNav session={session} /> : null}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none">
          {children}
        </main>
        <footer className="border-t border-stone-200 bg-white">
          <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">
            报库 Baoku · 报纸档案全文检索 · 检索词、筛选条件都保存在网址中，可直接分享 ·{" "}
            <Link href="/librarian/sign-in" className="underline underline-offset-2 hover:text-accent">
              馆员登录
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
