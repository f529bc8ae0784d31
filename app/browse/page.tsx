import { BrowseView } from "@/components/browse-view";

export const dynamic = "force-dynamic";

export const metadata = { title: "按日期浏览" };

export default function BrowsePage() {
  return <BrowseView segment={undefined} />;
}
