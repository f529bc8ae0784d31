import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article-body";
import { Byline } from "@/components/byline";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { loadArticlePage } from "@/lib/app/article-page";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadArticlePage((await params).id, {});
  return { title: loaded.kind === "ok" ? loaded.article.title : "文章" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const loaded = await loadArticlePage((await params).id, await searchParams);
  if (loaded.kind === "missing") notFound();
  if (loaded.kind === "unavailable") return <EngineUnavailable />;
  const { article, terms, backHref } = loaded;
  return (
    <article className="mx-auto max-w-3xl">
      {backHref ? (
        <p className="mb-4">
          <Link href={backHref} className="text-blue-800 hover:underline">
            ← 返回检索结果
          </Link>
        </p>
      ) : null}
      <header className="border-b border-stone-300 pb-4">
        {article.kicker ? <p className="text-stone-600">{article.kicker}</p> : null}
        <h1 className="font-serif text-3xl font-bold leading-snug">{article.title}</h1>
        {article.subtitle ? <p className="mt-1 text-lg text-stone-700">{article.subtitle}</p> : null}
        <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
          <div>
            <dt className="sr-only">日期</dt>
            <dd>{article.date ?? "日期不详"}{article.dateSource === "text" ? "（据正文推断）" : ""}</dd>
          </div>
          <div>
            <dt className="sr-only">报纸</dt>
            <dd>{article.source}</dd>
          </div>
          {article.page !== null ? (
            <div>
              <dt className="sr-only">版次</dt>
              <dd>第 {article.page} 版</dd>
            </div>
          ) : null}
          {article.column ? (
            <div>
              <dt className="sr-only">栏目</dt>
              <dd>{article.column}</dd>
            </div>
          ) : null}
          {article.authors.length > 0 ? (
            <div>
              <dt className="sr-only">作者</dt>
              <dd data-testid="byline">
                <Byline authors={article.authors} />
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <ArticleBody blocks={article.blocks} terms={terms} />
      <footer className="mt-8 border-t border-stone-300 pt-4 text-sm text-stone-600">
        <p>
          固定链接：<Link href={`/articles/${article.id}`} className="text-blue-800 hover:underline">/articles/{article.id}</Link>
        </p>
        {article.keywords.length > 0 ? (
          <p className="mt-2 flex flex-wrap gap-2">
            关键词：
            {article.keywords.map((keyword) => (
              <Link key={keyword} href={`/search?q=${encodeURIComponent(keyword)}`} className="text-blue-800 hover:underline">
                {keyword}
              </Link>
            ))}
          </p>
        ) : null}
      </footer>
    </article>
  );
}
