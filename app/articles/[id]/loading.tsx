import { Skeleton } from "@/components/skeleton";

export default function ArticleLoading() {
  return <Skeleton rows={3} />;
}
