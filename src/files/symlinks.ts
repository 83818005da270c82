import { readdir, type Dirent } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isWithinDirectory } from "./paths.ts";

/**
 * A `readdir` for the crawler (tinyglobby's `fs` option) that hands every symbolic link on as if it
 * were a plain file: the crawler then never follows one, yet matches it against the globs, ignores
 * and filters like any file, so that discovery can look at the links that would have been read.
 * Each link listed is noted in `found`.
 */
export function linksAsFiles(): { readdir: typeof readdir; found: Set<string> } {
  const found = new Set<string>();
  const listing = ((path: string, options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void) =>
    readdir(path, options, (error, entries) => {
      if (error) return callback(error, entries);
      callback(
        null,
        entries.map((entry) => {
          if (!entry.isSymbolicLink()) return entry;
          found.add(join(path, entry.name));
          return { name: entry.name, isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false } as Dirent;
        }),
      );
    })) as unknown as typeof readdir;
  return { readdir: listing, found };
}

export interface SymlinkFacts {
  /** Why the link is a problem: it loops, or it leads out of the root. Undefined for a harmless link. */
  reason?: "symlink loop" | "symlink leaves the root";
  isDirectory: boolean;
}

/**
 * What a link that was not followed would have led to. A link to an ancestor of its own folder loops
 * when followed, as does a chain of links that never ends; a dangling link is harmless (nothing to read).
 */
export async function inspectSymlink(link: string, root: string): Promise<SymlinkFacts> {
  let isDirectory: boolean;
  let target: string;
  try {
    isDirectory = (await stat(link)).isDirectory();
    target = await realpath(link);
  } catch (error) {
    const looped = (error as NodeJS.ErrnoException).code === "ELOOP";
    return looped ? { reason: "symlink loop", isDirectory: false } : { isDirectory: false };
  }
  if (!isWithinDirectory(root, target)) return { reason: "symlink leaves the root", isDirectory };
  if (isDirectory && isWithinDirectory(target, await realpath(dirname(link)))) return { reason: "symlink loop", isDirectory };
  return { isDirectory };
}
