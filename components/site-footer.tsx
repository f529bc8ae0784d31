import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">
        报库 Baoku · 报纸档案全文检索 · 检索词、筛选条件都保存在网址中，可直接分享 ·{" "}
        <Link href="/librarian/sign-in" className="underline underline-offset-2 hover:text-accent">
          馆员登录
        </Link>
      </p>
    </footer>
  );
}
