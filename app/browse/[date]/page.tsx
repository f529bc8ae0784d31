import type { Metadata } from "next";
import { BrowseView } from "@/components/browse-view";
import { formatDate } from "@/lib/app/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ date: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${formatDate((await params).date)} · 按日期浏览` };
}

export default async function BrowseDatePage({ params }: Props) {
  return <BrowseView segment={(await params).date} />;
}
