import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Makes a file or folder really unwritable for this process. Root ignores permission bits, so as root the
 * path is made immutable (`chattr +i`: even root gets EPERM; needs ext4, xfs or btrfs); any other user gets
 * its write bits cleared (EACCES). `restoreAll` undoes whatever is still locked, so temp folders can be removed.
 */

const isRoot = process.getuid?.() === 0;
const undos = new Map<string, () => void>();

export function makeUnwritable(target: string): void {
  if (isRoot) {
    execFileSync("chattr", ["+i", target], { stdio: "ignore" });
    undos.set(target, () => execFileSync("chattr", ["-i", target], { stdio: "ignore" }));
  } else {
    const mode = fs.statSync(target).mode & 0o7777;
    fs.chmodSync(target, mode & ~0o222);
    undos.set(target, () => fs.chmodSync(target, mode));
  }
}

export function makeWritable(target: string): void {
  undos.get(target)?.();
  undos.delete(target);
}

/** Undoes every lock still in place, each even when another fails; throws the first failure afterwards. */
export function restoreAll(): void {
  const failures: unknown[] = [];
  for (const target of [...undos.keys()]) {
    try {
      makeWritable(target);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/** Whether `makeUnwritable` stops writes on this machine's temp folder (not with chattr missing or unsupported). */
export function canMakeUnwritable(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-ro-probe-"));
  try {
    makeUnwritable(probe);
    fs.writeFileSync(path.join(probe, "probe"), "");
    return false;
  } catch {
    return undos.has(probe);
  } finally {
    makeWritable(probe);
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** What `canMakeUnwritable` needs, for the names of suites that skip without it. */
export const UNWRITABLE_NEEDS = isRoot
  ? "needs `chattr +i` on the temp folder's filesystem (ext4, xfs, btrfs), since root ignores permission bits"
  : "needs a user that file permissions apply to";
