import type { Metadata } from "next";
import { SearchView } from "@/components/search/search-view";
import { describeSearchPage, runSearchPage, type SearchParams } from "@/lib/app/search-page";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { title, feed } = describeSearchPage(await searchParams);
  // Feed readers and browsers find the saved-search feed from the page's head.
  return feed ? { title, alternates: { types: { "application/atom+xml": [feed] } } } : { title };
}

export default async function SearchPage({ searchParams }: Props) {
  return <SearchView outcome={await runSearchPage(await searchParams)} />;
}
