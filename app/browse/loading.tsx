import { Skeleton } from "@/components/skeleton";

export default function BrowseLoading() {
  return <Skeleton rows={2} />;
}
