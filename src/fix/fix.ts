import type { Site } from "../analysis/site.ts";
import type { FileProblem } from "../files/problem.ts";
import { restoreSourceText } from "../files/read.ts";
import { writeFileAtomically } from "../files/write.ts";
import { analyseFiles, type RunOptions, type ScanResult } from "../scan.ts";
import { DependencyPlanner, type DependencyChange } from "./dependencies.ts";
import { rewriteFile } from "./rewrite-file.ts";

export interface FixOptions extends RunOptions {
  /** Write nothing; report what would change. */
  dry?: boolean;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  rewritten: Site[];
}

export interface FixResult extends ScanResult {
  changes: FileChange[];
  dependencyChanges: DependencyChange[];
  /** Sites rewritten (with `dry`, that would be). */
  rewritten: Site[];
}

/** Scans, rewrites the unbounded sites file by file, and adds lru-cache where a rewrite needs it. */
export async function fix(options: FixOptions = {}): Promise<FixResult> {
  const dependencies = new DependencyPlanner();
  const changes: FileChange[] = [];
  const problems: FileProblem[] = [];

  const scanned = await analyseFiles(options, async ({ file, source, sites }, analyser) => {
    if (!sites.some((site) => site.verdict === "rewrite")) return;
    const needsLruCache = sites.some((site) => site.verdict === "rewrite" && site.needsLruCache);
    const packageState = needsLruCache ? await dependencies.check(file) : undefined;
    if (packageState?.kind === "incompatible") holdBack(sites, packageState.reason);

    let rewrite;
    try {
      rewrite = await rewriteFile(file, source.text, sites, analyser);
    } catch (error) {
      problems.push({ file, reason: (error as Error).message.split("\n")[0] ?? "rewrite failed" });
      return;
    }
    if (rewrite.rewritten.length === 0) return;
    if (!options.dry) {
      const problem = await writeFileAtomically(file, restoreSourceText(rewrite.output, source), source.originalBytes);
      if (problem) {
        problems.push(problem);
        return;
      }
    }
    changes.push({ file, before: source.text, after: rewrite.output, rewritten: rewrite.rewritten });
    if (rewrite.rewritten.some((site) => site.needsLruCache)) dependencies.require(file);
  });

  const dependencyResult = await dependencies.apply({ dry: Boolean(options.dry) });
  return {
    ...scanned,
    problems: [...scanned.problems, ...problems, ...dependencyResult.problems],
    changes,
    dependencyChanges: dependencyResult.changes,
    rewritten: changes.flatMap((change) => change.rewritten),
  };
}

/** The package cannot take lru-cache's named export: leave its LRUCache rewrites for a person. */
function holdBack(sites: Site[], reason: string): void {
  for (const site of sites) {
    if (site.verdict !== "rewrite" || !site.needsLruCache) continue;
    site.verdict = "skip";
    site.code = "MC903";
    site.message = `${site.message}; left: ${reason}`;
    delete site.plan;
  }
}
