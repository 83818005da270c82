import { chownSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The conventional `nobody` user: it needs no entry in /etc/passwd to run a process. */
const NOBODY = { uid: 65534, gid: 65534 };

const runningAsRoot = process.getuid?.() === 0;

/**
 * Spawn options that run a child as an ordinary user. Root may write any file, so a permission test
 * run as root would prove nothing; under an ordinary account the child meets real permissions.
 */
export function asOrdinaryUser(): { uid?: number; gid?: number } {
  return runningAsRoot ? NOBODY : {};
}

/** Hands a folder and everything in it to the user `asOrdinaryUser` runs as, as a user's own checkout. */
export function giveToOrdinaryUser(dir: string): void {
  if (!runningAsRoot) return;
  chownSync(dir, NOBODY.uid, NOBODY.gid);
  for (const entry of readdirSync(dir, { recursive: true })) chownSync(join(dir, String(entry)), NOBODY.uid, NOBODY.gid);
}

/** Gives a file back to root, so that the ordinary user may read but not write it (when the tests run as root). */
export function ownedByAnotherUser(file: string): void {
  if (runningAsRoot) chownSync(file, 0, 0);
}
