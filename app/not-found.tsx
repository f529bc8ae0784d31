import Link from "next/link";
import { headers } from "next/headers";
import { MISSING_HEADER, type MissingKind } from "@/lib/app/missing-resource";

type Message = { title: string; detail: string; also?: { href: string; label: string } };

const MESSAGES: Record<MissingKind | "page", Message> = {
  article: { title: "找不到这篇文章", detail: "链接可能有误，或文章已从档案中移除。" },
  date: { title: "没有这个日期", detail: "日期应写作 2019、2019-02 或 2019-02-21。" },
  author: { title: "找不到这位作者", detail: "档案中没有署这个名字的文章；作者名录列出了所有署名。", also: { href: "/authors", label: "作者名录" } },
  page: { title: "找不到这个页面", detail: "网址可能有误，或页面已经移动。" },
};

export default async function NotFound() {
  const missing = (await headers()).get(MISSING_HEADER);
  const message = missing === "article" || missing === "date" || missing === "author" ? MESSAGES[missing] : MESSAGES.page;
  return (
    <section className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="font-serif text-2xl font-semibold">{message.title}</h1>
      <p className="mt-3 text-stone-700">{message.detail}</p>
      <p className="mt-5 flex justify-center gap-6">
        <Link href="/search" className="text-link underline underline-offset-2">
          去检索
        </Link>
        <Link href={message.also?.href ?? "/browse"} className="text-link underline underline-offset-2">
          {message.also?.label ?? "按日期浏览"}
        </Link>
      </p>
    </section>
  );
}
