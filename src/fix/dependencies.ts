import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { FileProblem } from "../files/problem.ts";
import { readSourceFile } from "../files/read.ts";
import { writeFileAtomically } from "../files/write.ts";
import { findNearestPackageJson, LRU_CACHE_RANGE, planDependency } from "./package-json.ts";

export interface DependencyChange {
  packageJson: string;
  dependency: string;
  range: string;
  before: string;
  after: string;
}

export type PackageState =
  | { kind: "ok"; packageJson: string | undefined }
  | { kind: "incompatible"; packageJson: string; reason: string };

const LRU_CACHE = "lru-cache";

/**
 * Decides, per nearest package.json, whether lru-cache can be used and must be added, and adds it
 * once per package after the files are rewritten.
 */
export class DependencyPlanner {
  private readonly packageOfDirectory = new Map<string, Promise<string | undefined>>();
  private readonly stateOfPackage = new Map<string, Promise<PackageState>>();
  private readonly required = new Set<string>();

  async check(file: string): Promise<PackageState> {
    const packageJson = await this.packageJsonOf(file);
    if (!packageJson) return { kind: "ok", packageJson: undefined };
    let state = this.stateOfPackage.get(packageJson);
    if (!state) {
      state = readFile(packageJson, "utf8").then(
        (text): PackageState => {
          const plan = planDependency(text, LRU_CACHE, LRU_CACHE_RANGE);
          return plan.kind === "incompatible" ? { kind: "incompatible", packageJson, reason: plan.reason } : { kind: "ok", packageJson };
        },
        (): PackageState => ({ kind: "ok", packageJson }),
      );
      this.stateOfPackage.set(packageJson, state);
    }
    return state;
  }

  /** A rewritten file needs lru-cache at run time. */
  require(file: string): void {
    this.required.add(file);
  }

  /** The package.json files `apply` would edit once these files are rewritten (read, never written). */
  async packageJsonsToChange(files: Iterable<string>): Promise<string[]> {
    const packageJsons = new Set<string>();
    for (const file of files) {
      const packageJson = await this.packageJsonOf(file);
      if (packageJson) packageJsons.add(packageJson);
    }
    const changing: string[] = [];
    for (const packageJson of packageJsons) {
      const text = await readFile(packageJson, "utf8").catch(() => undefined);
      if (text !== undefined && planDependency(text, LRU_CACHE, LRU_CACHE_RANGE).kind === "add") changing.push(packageJson);
    }
    return changing;
  }

  async apply({ dry }: { dry: boolean }): Promise<{ changes: DependencyChange[]; problems: FileProblem[] }> {
    const packageJsons = new Set<string>();
    const problems: FileProblem[] = [];
    for (const file of this.required) {
      const packageJson = await this.packageJsonOf(file);
      if (packageJson) packageJsons.add(packageJson);
      else problems.push({ file, reason: "no package.json above this file: add lru-cache to the dependencies by hand" });
    }
    const changes: DependencyChange[] = [];
    for (const packageJson of [...packageJsons].sort()) {
      const read = await readSourceFile(packageJson);
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      const plan = planDependency(read.source.text, LRU_CACHE, LRU_CACHE_RANGE);
      if (plan.kind === "invalid") {
        problems.push({ file: packageJson, reason: `${plan.reason}; lru-cache not added` });
        continue;
      }
      if (plan.kind !== "add") continue;
      if (!dry) {
        const problem = await writeFileAtomically(packageJson, plan.newText, read.source.originalBytes);
        if (problem) {
          problems.push(problem);
          continue;
        }
      }
      changes.push({ packageJson, dependency: LRU_CACHE, range: LRU_CACHE_RANGE, before: read.source.text, after: plan.newText });
    }
    return { changes, problems };
  }

  private packageJsonOf(file: string): Promise<string | undefined> {
    const directory = dirname(file);
    let found = this.packageOfDirectory.get(directory);
    if (!found) {
      found = findNearestPackageJson(file);
      this.packageOfDirectory.set(directory, found);
    }
    return found;
  }
}
