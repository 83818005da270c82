import { access } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { Site } from "../analysis/site.ts";
import { isWithinDirectory, toPosixPath } from "../files/paths.ts";
import { siteLevel } from "../report/explanations.ts";
import type { BaselineEntry, BaselineFile } from "./baseline-file.ts";
import { siteFingerprints } from "./fingerprint.ts";

/**
 * A baseline as one run uses it: it fingerprints the sites of every analysed file, and a site whose
 * fingerprint is in the file is accepted as it is: `scan --check` does not fail on it and `fix`
 * leaves it. It also notes which entries matched and which files the run looked at, to tell the
 * entries that no longer match anything (stale) from those about files the run did not look at.
 */
export class Baseline {
  readonly path: string;
  /** Entry paths and fingerprints are relative to this folder. */
  readonly dir: string;
  readonly entries: readonly BaselineEntry[];
  private readonly byFingerprint: Map<string, BaselineEntry>;
  private readonly matched = new Set<string>();
  private readonly scanned = new Set<string>();

  constructor(file: BaselineFile) {
    this.path = file.path;
    this.dir = dirname(file.path);
    this.entries = file.entries;
    this.byFingerprint = new Map(file.entries.map((entry) => [entry.fingerprint, entry]));
  }

  /**
   * Gives every site its fingerprint; a site in the baseline gets the entry's reason and, when it
   * would be rewritten, is left instead (`fix` does not bound a cache accepted as unbounded). The
   * Analyser calls this for every analysis, also the ones `fix` makes after each transform, so a
   * left site stays left there too.
   */
  readonly annotate = (file: string, text: string, sites: Site[]): void => {
    const fingerprints = siteFingerprints(this.relativePath(file), text, sites);
    for (const [index, site] of sites.entries()) {
      const fingerprint = fingerprints[index]!;
      site.fingerprint = fingerprint;
      const entry = this.byFingerprint.get(fingerprint);
      if (!entry) continue;
      this.matched.add(fingerprint);
      site.baseline = { reason: entry.reason };
      site.message = `${site.message}; in the baseline: ${entry.reason}`;
      if (site.verdict === "rewrite") {
        site.verdict = "skip";
        delete site.plan;
      }
    }
  };

  /** Records that the run looks at `file` (its entries can then be found stale). */
  noteScanned(file: string): void {
    this.scanned.add(resolve(file));
  }

  /**
   * The entries that matched no site: about a file the run looked at, or about a file that no
   * longer exists under `paths` (absolute). Entries about files that could not be analysed
   * (`problemFiles`) are not stale: their sites are unknown.
   */
  async staleEntries(paths: readonly string[] | undefined, problemFiles: readonly string[]): Promise<BaselineEntry[]> {
    const problems = new Set(problemFiles.map((file) => resolve(file)));
    const stale: BaselineEntry[] = [];
    for (const entry of this.entries) {
      if (this.matched.has(entry.fingerprint)) continue;
      const file = resolve(this.dir, entry.file);
      if (problems.has(file)) continue;
      if (this.scanned.has(file) || (paths !== undefined && paths.some((path) => isWithinDirectory(path, file)) && !(await exists(file)))) {
        stale.push(entry);
      }
    }
    return stale;
  }

  relativePath(file: string): string {
    return toPosixPath(relative(this.dir, file));
  }

  /** The entry a site would get: what `memocap baseline` writes for it. */
  entryFor(site: Site, reason: string): BaselineEntry {
    if (site.fingerprint === undefined) throw new Error(`site ${site.file}:${site.line} has no fingerprint`);
    return {
      file: this.relativePath(site.file),
      library: site.library,
      code: site.code,
      ...(site.name !== undefined && { name: site.name }),
      fingerprint: site.fingerprint,
      reason,
    };
  }
}

/** A site `scan --check` fails on and that no baseline entry accepts: what `memocap baseline` would add. */
export function needsBaselineEntry(site: Site): boolean {
  return siteLevel(site) === "error" && site.baseline === undefined && site.fingerprint !== undefined;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
