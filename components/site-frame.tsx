import type { ReactNode } from "react";
import type { Session } from "@/lib/librarians/sessions";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The <body> element's classes, for the root layout and the results page's fast path. */
export const SITE_BODY_CLASS = "flex min-h-screen flex-col font-sans antialiased";

/** Everything in <body> around a page's content: skip link, header, main, footer. */
export function SiteFrame({ session, children }: { session: Session | null; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        跳到正文
      </a>
      <SiteHeader session={session} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
