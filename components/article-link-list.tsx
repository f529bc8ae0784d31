import Link from "next/link";
import type { ArticleSummary } from "@/lib/article/types";
import { formatDate, formatPage } from "@/lib/app/format";

type Props = {
  articles: readonly ArticleSummary[];
  /** Which facts to print next to each title: what the surrounding heading has not said already. */
  show?: { date?: boolean; page?: boolean; source?: boolean; authors?: boolean };
};

/** A compact list of article titles (browse by date, related articles). */
export function ArticleLinkList({ articles, show = {} }: Props) {
  return (
    <ul className="space-y-2">
      {articles.map((article) => {
        const facts = [
          show.date && article.date ? formatDate(article.date) : null,
          show.source ? article.source : null,
          show.page ? formatPage(article.page) : null,
          show.authors && article.authors.length > 0 ? [...new Set(article.authors.map((author) => author.name))].join("、") : null,
        ].filter((fact): fact is string => Boolean(fact));
        return (
          <li key={article.id} className="leading-snug">
            <Link href={`/articles/${article.id}`} className="text-link underline decoration-stone-400 underline-offset-4 hover:decoration-current">
              {article.title}
            </Link>
            {facts.length > 0 ? <span className="ml-2 text-sm text-stone-600">{facts.join(" · ")}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
