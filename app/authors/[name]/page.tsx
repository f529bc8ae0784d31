import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { ResultItem } from "@/components/result-item";
import { AuthorTimeline } from "@/components/author-timeline";
import { loadAuthorPage } from "@/lib/app/author-page";
import { toAuthorHref } from "@/lib/app/authors-directory-page";
import { toSearchQueryString } from "@/lib/search/search-request";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} · 作者` };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const paperParam = (await searchParams).paper;
  const paper = typeof paperParam === "string" && paperParam ? paperParam : null;
  const data = await loadAuthorPage(name, paper);
  if (data.kind === "missing") notFound();
  if (data.kind === "unavailable") return <EngineUnavailable />;
  return (
    <div className="space-y-10">
      <p><Link href="/authors" className="text-link underline underline-offset-2">← 作者名录</Link></p>
      {data.profiles.map(({ profile, recent }) => {
        const searchHref = `/search?${toSearchQueryString({ author: [profile.name], source: [profile.paper] })}`;
        return (
          <section key={profile.paper} aria-labelledby={`author-${profile.paper}`} data-testid="author-profile">
            <h1 id={`author-${profile.paper}`} className="font-serif text-3xl font-bold">
              {profile.name}
              <span className="ml-3 text-lg font-normal text-stone-600">{profile.paper}</span>
            </h1>
            <p className="mt-1 text-stone-700">
              共 <strong>{profile.count}</strong> 篇
              {profile.firstDate ? `，${profile.firstDate} 至 ${profile.lastDate}` : ""}
              {data.profiles.length > 1 ? (
                <Link href={toAuthorHref(profile.name, profile.paper)} className="ml-3 text-sm text-link underline underline-offset-2">只看此报</Link>
              ) : null}
            </p>
            <div className="mt-6 grid gap-8 md:grid-cols-2">
              <div>
                <h2 className="text-lg font-semibold">按月发稿</h2>
                <AuthorTimeline timeline={profile.timeline} />
              </div>
              <div>
                <h2 className="text-lg font-semibold">历年角色</h2>
                <ul className="mt-2 space-y-1 text-sm">
                  {profile.rolesByYear.map((year) => (
                    <li key={year.year}>
                      <span className="inline-block w-20 font-medium">{year.year}</span>
                      {year.roles.map((role) => `${role.role} ${role.count}`).join("、")}
                    </li>
                  ))}
                </ul>
                <h2 className="mt-6 text-lg font-semibold">合作者</h2>
                {profile.coAuthors.length === 0 ? <p className="text-sm text-stone-600">无</p> : (
                  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {profile.coAuthors.slice(0, 20).map((coAuthor) => (
                      <li key={coAuthor.name}>
                        <Link href={toAuthorHref(coAuthor.name, profile.paper)} className="text-link underline underline-offset-2">{coAuthor.name}</Link> {coAuthor.count}
                      </li>
                    ))}
                  </ul>
                )}
                <h2 className="mt-6 text-lg font-semibold">主题</h2>
                <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                  {profile.topics.map((topic) => (
                    <li key={topic.topic}>
                      <Link href={`/search?${toSearchQueryString({ author: [profile.name], source: [profile.paper], topic: [topic.topic] })}`} className="rounded-full border border-stone-300 px-2 py-0.5 hover:bg-stone-100">
                        {topic.topic} {topic.count}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <h2 className="mt-8 text-lg font-semibold">文章</h2>
            <form action="/search" method="get" role="search" className="mt-2 flex gap-2">
              <input type="hidden" name="author" value={profile.name} />
              <input type="hidden" name="source" value={profile.paper} />
              <label htmlFor={`q-${profile.paper}`} className="sr-only">在 {profile.name} 的文章中检索</label>
              <input id={`q-${profile.paper}`} name="q" type="search" placeholder={`在 ${profile.name} 的文章中检索`} className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2" />
              <button type="submit" className="rounded bg-[var(--color-accent)] px-4 py-2 text-white">检索</button>
            </form>
            <ol className="mt-2">
              {recent.hits.map((hit) => <ResultItem key={hit.article.id} hit={hit} backQuery="" />)}
            </ol>
            <p className="mt-3">
              <Link href={searchHref} className="text-link underline underline-offset-2">全部 {recent.total} 篇（可按日期、主题筛选、导出）→</Link>
            </p>
          </section>
        );
      })}
    </div>
  );
}
