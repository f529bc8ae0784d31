/**
 * Headers every response carries. next.config.ts sends them with everything Next.js serves; the
 * search API's fast path (lib/server/search-fast-path.ts) sends the same list.
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
] as const;
