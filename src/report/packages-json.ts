import { relative } from "node:path";
import { packageOf, type PackageInfo } from "../packages/packages.ts";
import { displayPath } from "./paths.ts";

/** Sites and problems per package, as `packages[].summary` of the JSON output shows them. */
export interface PackageSummary {
  sites: number;
  unbounded: number;
  bounded: number;
  /** Sites per reason code. */
  byCode: Record<string, number>;
  /** Files of the package that could not be read, parsed or written. */
  problems: number;
}

/** A package of the run (nearest package.json of its files, or a path given with none above it). */
export interface PackageRecord {
  /** Relative to the folder memocap ran in ("." for that folder); sites, changes and problems name it in `package`. */
  dir: string;
  /** The package.json's `name`. */
  name?: string;
  /** Absent for a path with no package.json above it. */
  packageJson?: string;
  /** The tsconfig.json type facts use for the package's folder (in it or above it). */
  tsconfig?: string;
  summary: PackageSummary;
}

export interface FixPackageRecord extends Omit<PackageRecord, "summary"> {
  summary: PackageSummary & { rewritten: number; filesChanged: number; left: number; failed: number };
  /** lru-cache added to this package's package.json (with dry: would be). */
  dependencyChanges: Array<{ packageJson: string; dependency: string; range: string }>;
}

/** `package` for a record of `file`: its package's `dir`, or nothing when it belongs to none (a warning's tsconfig.json outside the run). */
export function packageLabeller(packages: readonly PackageInfo[] | undefined, cwd: string): (file: string) => { package?: string } {
  return (file) => {
    const info = packageOf(file, packages ?? []);
    return info ? { package: packageDir(info.dir, cwd) } : {};
  };
}

interface LabelledSite {
  package?: string;
  bounded: boolean;
  code: string;
  change?: { status: string };
}

/** The package records of a scan, each with the counts of its sites and problems. */
export function scanPackageRecords(packages: readonly PackageInfo[] | undefined, cwd: string, sites: readonly LabelledSite[], problems: ReadonlyArray<{ package?: string }>): PackageRecord[] {
  return (packages ?? []).map((info) => {
    const dir = packageDir(info.dir, cwd);
    const own = sites.filter((site) => site.package === dir);
    const byCode: Record<string, number> = {};
    for (const site of own) byCode[site.code] = (byCode[site.code] ?? 0) + 1;
    const unbounded = own.filter((site) => !site.bounded).length;
    return {
      dir,
      ...(info.name !== undefined && { name: info.name }),
      ...(info.packageJson !== undefined && { packageJson: displayPath(cwd, info.packageJson) }),
      ...(info.tsconfig !== undefined && { tsconfig: displayPath(cwd, info.tsconfig) }),
      summary: { sites: own.length, unbounded, bounded: own.length - unbounded, byCode, problems: problems.filter((problem) => problem.package === dir).length },
    };
  });
}

/** The package records of a fix: a scan's, with what was rewritten and the dependency each package got. */
export function fixPackageRecords(
  packages: readonly PackageInfo[] | undefined,
  cwd: string,
  sites: readonly LabelledSite[],
  problems: ReadonlyArray<{ package?: string }>,
  changes: ReadonlyArray<{ package?: string }>,
  dependencyChanges: ReadonlyArray<{ package?: string; packageJson: string; dependency: string; range: string }>,
): FixPackageRecord[] {
  return scanPackageRecords(packages, cwd, sites, problems).map((record) => {
    const own = sites.filter((site) => site.package === record.dir);
    const count = (status: string) => own.filter((site) => site.change?.status === status).length;
    return {
      ...record,
      summary: {
        ...record.summary,
        rewritten: count("rewritten"),
        filesChanged: changes.filter((change) => change.package === record.dir).length,
        left: count("left"),
        failed: count("failed"),
      },
      dependencyChanges: dependencyChanges
        .filter((change) => change.package === record.dir)
        .map(({ packageJson, dependency, range }) => ({ packageJson, dependency, range })),
    };
  });
}

function packageDir(dir: string, cwd: string): string {
  return relative(cwd, dir) === "" ? "." : displayPath(cwd, dir);
}
