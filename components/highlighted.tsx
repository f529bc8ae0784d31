import type { HighlightSegment } from "@/lib/search/highlight";

/** Renders highlight segments; React escapes the text, only our <mark> is markup. */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : segment.text))}
    </>
  );
}
