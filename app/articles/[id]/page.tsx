import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article-body";
import { ArticleLinkList } from "@/components/article-link-list";
import { CitationBox } from "@/components/citation-box";
import { buildCitations, buildPermalink } from "@/lib/app/citations";
import { toAuthorHref } from "@/lib/app/authors-directory-page";
import { Byline } from "@/components/byline";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { formatDate, formatPage, formatWeekday } from "@/lib/app/format";
import { loadArticlePage, loadArticleTitle, type ArticlePageData } from "@/lib/app/article-page";
import { toSearchHref } from "@/lib/app/search-filters";
import type { SearchParams } from "@/lib/app/search-page";
import { CorrectionPanel } from "@/components/correction-panel";
import { loadCorrectionPanel, type CorrectionPanelData } from "@/lib/app/correction-panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadArticleTitle((await params).id)) ?? "文章" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const query = await searchParams;
  const loaded = await loadArticlePage((await params).id, query);
  if (loaded.kind === "missing") notFound();
  if (loaded.kind === "unavailable") return <EngineUnavailable />;
  const panel = await loadCorrectionPanel(loaded.article, query);
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <ArticleMain data={loaded} permalink={await buildPermalink(loaded.article.id)} panel={panel} />
      <RelatedArticles data={loaded} />
    </div>
  );
}

type Loaded = Extract<ArticlePageData, { kind: "ok" }>;

function ArticleMain({ data: { article, terms, backHref }, permalink, panel }: { data: Loaded; permalink: string; panel: CorrectionPanelData | null }) {
  return (
    <article aria-labelledby="article-title" className="min-w-0">
      {backHref ? (
        <p className="mb-4">
          <Link href={backHref} className="text-link underline underline-offset-2" data-testid="back-to-results">
            ← 返回检索结果
          </Link>
        </p>
      ) : null}
      <header className="border-b border-stone-300 pb-5">
        {article.kicker ? <p className="text-stone-700">{article.kicker}</p> : null}
        <h1 id="article-title" className="font-serif text-3xl font-bold leading-snug text-stone-950">
          {article.title}
        </h1>
        {article.subtitle ? <p className="mt-2 font-serif text-lg text-stone-800">{article.subtitle}</p> : null}
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="article-meta">
          <dt className="text-stone-600">日期</dt>
          <dd>
            {article.date ? (
              <Link href={`/browse/${article.date}`} className="text-link underline decoration-stone-400 underline-offset-2 hover:decoration-current">
                {formatDate(article.date)} {formatWeekday(article.date)}
              </Link>
            ) : (
              "日期不详"
            )}
            {article.dateSource === "text" ? <span className="text-stone-600">（据正文推断）</span> : null}
          </dd>
          <dt className="text-stone-600">报纸</dt>
          <dd>
            {article.source}
            {article.page !== null ? ` · ${formatPage(article.page)}` : ""}
          </dd>
          {article.column ? (
            <>
              <dt className="text-stone-600">栏目</dt>
              <dd>
                <Link href={toSearchHref({ column: [article.column] })} className="text-link underline decoration-stone-400 underline-offset-2 hover:decoration-current">
                  {article.column}
                </Link>
              </dd>
            </>
          ) : null}
          {article.authors.length > 0 ? (
            <>
              <dt className="text-stone-600">作者</dt>
              <dd data-testid="byline">
                <Byline authors={article.authors} />
              </dd>
            </>
          ) : null}
          {article.dateline ? (
            <>
              <dt className="text-stone-600">电头</dt>
              <dd>{article.dateline}</dd>
            </>
          ) : null}
          {article.credits.length > 0 ? (
            <>
              <dt className="text-stone-600">其他署名</dt>
              <dd>{article.credits.map((credit) => `${credit.role}：${credit.name}`).join("；")}</dd>
            </>
          ) : null}
        </dl>
      </header>
      <ArticleBody blocks={article.blocks} terms={terms} />
      <footer className="mt-10 space-y-3 border-t border-stone-300 pt-5 text-sm">
        {article.topics.length > 0 ? (
          <LinkRow label="主题" items={article.topics.map((topic) => ({ text: topic, href: toSearchHref({ topic: [topic] }) }))} />
        ) : null}
        {article.keywords.length > 0 ? (
          <LinkRow label="关键词" items={article.keywords.map((keyword) => ({ text: keyword, href: toSearchHref({ q: keyword }) }))} />
        ) : null}
        <p>
          <span className="text-stone-600">固定链接：</span>
          <Link href={`/articles/${article.id}`} className="break-all text-link underline underline-offset-2" data-testid="permalink">
            /articles/{article.id}
          </Link>
        </p>
        {article.authors.length > 0 ? (
          <LinkRow
            label="作者页"
            items={[...new Set(article.authors.map((author) => author.name))].map((name) => ({ text: name, href: toAuthorHref(name, article.source) }))}
          />
        ) : null}
      </footer>
      <CitationBox citations={buildCitations(article, permalink)} />
      {panel ? <CorrectionPanel article={article} {...panel} /> : null}
    </article>
  );
}

function LinkRow({ label, items }: { label: string; items: Array<{ text: string; href: string }> }) {
  return (
    <div className="flex flex-wrap items-baseline gap-2">
      <span className="text-stone-600">{label}：</span>
      <ul aria-label={label} className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.text}>
            <Link href={item.href} className="inline-block rounded-full border border-stone-300 bg-white px-2.5 py-0.5 hover:border-stone-600">
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RelatedArticles({ data: { article, neighbours, byAuthors } }: { data: Loaded }) {
  const withWorks = byAuthors.filter((works) => works.articles.length > 0);
  if (neighbours.samePage.length + neighbours.otherPages.length + withWorks.length === 0) return null;
  return (
    <aside aria-label="相关文章" className="space-y-6 text-sm lg:border-l lg:border-stone-200 lg:pl-6" data-testid="related">
      {neighbours.samePage.length > 0 ? (
        <section aria-labelledby="same-page-heading">
          <h2 id="same-page-heading" className="mb-2 font-semibold">
            同版文章（{formatPage(article.page)}）
          </h2>
          <ArticleLinkList articles={neighbours.samePage} />
        </section>
      ) : null}
      {neighbours.otherPages.length > 0 ? (
        <section aria-labelledby="same-issue-heading">
          <h2 id="same-issue-heading" className="mb-2 font-semibold">
            同期其他版面
          </h2>
          <ArticleLinkList articles={neighbours.otherPages} show={{ page: true }} />
          {article.date ? (
            <p className="mt-2">
              <Link href={`/browse/${article.date}`} className="text-link underline underline-offset-2">
                查看当天全部版面
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {withWorks.map((works) => (
        <section key={works.name} aria-labelledby={`by-${works.name}`}>
          <h2 id={`by-${works.name}`} className="mb-2 font-semibold">
            {works.name}的更多文章
          </h2>
          <ArticleLinkList articles={works.articles} show={{ date: true }} />
          {works.total > works.articles.length ? (
            <p className="mt-2">
              <Link href={toSearchHref({ author: [works.name] })} className="text-link underline underline-offset-2">
                全部 {works.total} 篇
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </aside>
  );
}
