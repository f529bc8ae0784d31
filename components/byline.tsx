import Link from "next/link";
import type { Author } from "@/lib/article/types";
import { toSearchHref } from "@/lib/app/search-filters";

/** Authors with their roles, each name a link to everything they wrote. */
export function Byline({ authors }: { authors: readonly Author[] }) {
  if (authors.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-x-3">
      {authors.map((author) => (
        <span key={`${author.role}:${author.name}`}>
          {author.role ? <span className="text-stone-600">{author.role} </span> : null}
          <Link href={toSearchHref({ author: [author.name] })} className="text-link underline decoration-stone-400 underline-offset-2 hover:decoration-current">
            {author.name}
          </Link>
        </span>
      ))}
    </span>
  );
}
