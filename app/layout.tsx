import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NONCE_HEADER } from "@/lib/app/content-security";
import { SITE_HEAD } from "@/lib/app/site-head";
import { SiteHeadExtras } from "@/components/site-head-extras";
import { SiteFrame, SITE_BODY_CLASS } from "@/components/site-frame";
import { readPageSession } from "@/lib/librarians/request-session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_HEAD.defaultTitle, template: `%s${SITE_HEAD.titleSuffix}` },
  description: SITE_HEAD.description,
  icons: { icon: [...SITE_HEAD.icons], apple: SITE_HEAD.appleIcon },
  manifest: SITE_HEAD.manifest,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const session = await readPageSession();
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <SiteHeadExtras nonce={nonce} />
      </head>
      <body className={SITE_BODY_CLASS}>
        <SiteFrame session={session}>{children}</SiteFrame>
      </body>
    </html>
  );
}
