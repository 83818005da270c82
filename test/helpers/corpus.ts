import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Fetches the npm packages of a corpus list (one `name@version` a line, `#` comments) into `dest`,
 * one extracted folder per package (`@scope/name@1.0.0` lands in `scope-name-1.0.0`), with npm's
 * own client, as ../shared/corpus/fetch.sh does. A package already there is not fetched again, so
 * a gitignored `dest` makes this a one-time cost. Throws with npm's message when npm cannot get one.
 */
export function fetchCorpus(list: string, dest: string): string[] {
  const specs = readFileSync(list, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  mkdirSync(dest, { recursive: true });
  const folders: string[] = [];
  for (const spec of specs) {
    const folder = join(dest, spec.replace(/^@/, "").replaceAll("/", "-").replaceAll("@", "-"));
    folders.push(folder);
    if (existsSync(folder)) continue;
    // Next to `dest`, so that the finished folder can be renamed into place.
    const work = mkdtempSync(join(dest, ".fetching-"));
    try {
      const pack = spawnSync("npm", ["pack", "--silent", spec], { cwd: work, encoding: "utf8" });
      if (pack.status !== 0) throw new Error(`npm pack ${spec} failed (exit ${pack.status}): ${pack.stderr.trim().split("\n").at(-1) ?? ""}`);
      const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
      if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
      const extracted = join(work, "package");
      mkdirSync(extracted);
      const tar = spawnSync("tar", ["xzf", join(work, tarball), "-C", extracted, "--strip-components=1"], { encoding: "utf8" });
      if (tar.status !== 0) throw new Error(`cannot extract ${tarball}: ${tar.stderr.trim()}`);
      // Renamed into place only once complete: an interrupted fetch leaves no half package behind.
      renameSync(extracted, folder);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return folders;
}
