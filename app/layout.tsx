import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "报库 Baoku · 报纸全文检索", template: "%s · 报库" },
  description: "中文报纸档案全文检索：按日期、作者、主题筛选，查看原文。",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
          跳到正文
        </a>
        <header className="border-b border-stone-300 bg-white">
          <nav aria-label="主导航" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-serif text-2xl font-bold text-[var(--color-accent)]">
              报库
            </Link>
            <Link href="/search" className="text-stone-700 hover:underline">
              检索
            </Link>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-stone-500">报库 Baoku · 报纸档案全文检索</footer>
      </body>
    </html>
  );
}
