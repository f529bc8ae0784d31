// Adds lockfile records for platform-specific optional packages that npm left out.
//
// Why: the registry reachable here mirrors only some versions of other platforms' native
// packages (e.g. @tailwindcss/oxide-darwin-arm64@4.3.5 is missing), so `npm install` writes
// no record for them, and `npm ci` then refuses the lockfile ("Missing: … from lock file").
// A record with the package's os/cpu/libc lets `npm ci` skip it on this platform, as it
// would with a complete lockfile. Run after changing dependencies: node scripts/complete-lockfile.mjs
import fs from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

function inferPlatform(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part)) ?? (parts.includes("arm") ? "arm" : undefined);
  const libc = parts.some((part) => part.startsWith("musl")) ? "musl" : parts.includes("gnu") || parts.some((part) => part.startsWith("gnueabi")) ? "glibc" : undefined;
  if (cpu === "wasm32") return { cpu: ["wasm32"] };
  if (!os && !cpu) return null;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc && os === "linux" ? { libc: [libc] } : {}) };
}

const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = key === "" ? "" : `${key}/`;
    const nested = `${base}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = inferPlatform(name);
    if (!platform) {
      console.warn(`skipped ${name}@${version}: cannot tell its platform from its name`);
      continue;
    }
    lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(LOCK, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} platform records to package-lock.json`);
