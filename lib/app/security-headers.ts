/**
 * Headers every response carries. next.config.ts sends them with everything Next.js serves; the
 * answers served before Next.js (lib/server/) send the same list, as SECURITY_HEADER_FIELDS.
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
] as const;

/** The same headers as one object, for Node's `writeHead`. */
export const SECURITY_HEADER_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));
