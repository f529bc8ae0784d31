import { Skeleton } from "@/components/skeleton";

export default function SearchLoading() {
  return <Skeleton rows={4} sidebar />;
}
