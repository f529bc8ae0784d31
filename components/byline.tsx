import Link from "next/link";
import type { Author } from "@/lib/article/types";
import { toSearchQueryString } from "@/lib/search/search-request";

export function Byline({ authors }: { authors: readonly Author[] }) {
  if (authors.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-x-2">
      {authors.map((author) => (
        <span key={`${author.role}:${author.name}`}>
          {author.role ? <span className="text-stone-500">{author.role} </span> : null}
          <Link href={`/search?${toSearchQueryString({ author: [author.name] })}`} className="text-blue-800 hover:underline">
            {author.name}
          </Link>
        </span>
      ))}
    </span>
  );
}
