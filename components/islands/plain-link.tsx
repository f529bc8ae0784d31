import type { AnchorHTMLAttributes, ReactNode } from "react";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  children?: ReactNode;
  // next/link's own options, meaningless without its router.
  scroll?: boolean;
  prefetch?: boolean | null;
  replace?: boolean;
};

/** `next/link` for islands (scripts/build-islands.ts aliases it here): a plain link, as there is no Next.js router to hand it to. */
export default function PlainLink({ href, scroll: _scroll, prefetch: _prefetch, replace: _replace, children, ...rest }: Props) {
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}
