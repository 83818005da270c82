import { stat } from "node:fs/promises";
import { dirname, posix, relative, resolve } from "node:path";
import { escapePath } from "tinyglobby";
import { discoverFiles } from "../files/discover.ts";
import { toPosixPath } from "../files/paths.ts";
import type { FileProblem } from "../files/problem.ts";
import { OptionError } from "../option-error.ts";
import { compileConfig, sitePolicy, type CompiledConfig } from "./compiled-config.ts";
import { findConfig, type MemocapConfig } from "./config-file.ts";
import type { SitePolicy } from "../analysis/site-policy.ts";
import { transformSelectionProblem } from "./transform-names.ts";

export interface ConfiguredRunOptions {
  /** Files or folders; default the current folder. */
  paths?: string[];
  cwd: string;
  /** Command-line globs (relative to cwd): when given, they replace the configuration's. */
  include?: string[];
  exclude?: string[];
  /** Command-line bound: when given, it wins over the configuration's `max` and `overrides`. */
  max?: number;
  /** false: read no configuration file. */
  config?: boolean;
  /** Keeps only the discovered files it returns true for. */
  fileFilter?: (file: string) => boolean;
  /** Command-line transforms: when given, they replace the configuration's `transforms`. */
  transforms?: string[];
  /** Each path is a workspace root, replaced by the packages of its workspace. */
  workspaces?: boolean;
}

export interface ConfiguredFiles {
  /** Absolute, sorted, without duplicates. */
  files: string[];
  problems: FileProblem[];
  /** The configurations that apply to some of the paths. */
  configs: MemocapConfig[];
  /** The paths of the run, absolute (with `workspaces`, the packages found). */
  roots: string[];
  /**
   * The bound for a file (and a library's sites in it): `--max`, else its configuration's
   * `libraries.<library>.max`, else its last matching override, else its `max`; undefined for the default.
   */
  maxFor(file: string, library?: string): number | undefined;
  /** What may be rewritten in a file: its configuration's `transforms` and `libraries`, or the command line's transforms. */
  policyFor(file: string): SitePolicy;
}

/** The packages of the workspaces at `roots`. Loaded for --workspaces only: a plain run needs neither the reader nor its YAML parser. */
async function workspacePackageRoots(roots: string[], cwd: string): Promise<string[]> {
  const { workspaceRoots } = await import("../packages/workspaces.ts");
  return workspaceRoots(roots, cwd);
}

/**
 * Finds the files of a run, each path with the configuration found from it upward: its
 * include/exclude globs (unless the command line gives its own) choose the files, and its `max`
 * and `overrides` their bound.
 */
export async function discoverConfiguredFiles(options: ConfiguredRunOptions): Promise<ConfiguredFiles> {
  if (options.transforms !== undefined) {
    const problem = transformSelectionProblem(options.transforms);
    if (problem) throw new OptionError(`--transforms: ${problem}`);
  }
  const requested = options.paths && options.paths.length > 0 ? options.paths : ["."];
  const paths = options.workspaces ? await workspacePackageRoots(requested, options.cwd) : requested;
  const groups = await groupPathsByConfig({ ...options, paths });
  const configOfFile = new Map<string, CompiledConfig | undefined>();
  const problems: FileProblem[] = [];
  for (const group of groups) {
    const discovered = await discoverFiles(group.paths, {
      cwd: options.cwd,
      include: options.include ?? rebase(group.config?.config.include, group.config?.config.dir, options.cwd),
      exclude: options.exclude ?? rebase(group.config?.config.exclude, group.config?.config.dir, options.cwd),
    });
    problems.push(...discovered.problems);
    for (const file of discovered.files) if (!configOfFile.has(file)) configOfFile.set(file, group.config);
  }
  const policyOf = new Map(groups.map((group) => [group.config, sitePolicy(group.config?.config, options.transforms)]));
  const defaultPolicy = sitePolicy(undefined, options.transforms);
  return {
    files: [...configOfFile.keys()].filter((file) => options.fileFilter?.(file) ?? true).sort(),
    problems,
    configs: groups.flatMap((group) => (group.config ? [group.config.config] : [])),
    roots: paths.map((path) => resolve(options.cwd, path)),
    maxFor: (file, library) => options.max ?? configOfFile.get(file)?.boundFor(file, library)?.max,
    policyFor: (file) => policyOf.get(configOfFile.get(file)) ?? defaultPolicy,
  };
}

async function groupPathsByConfig(options: ConfiguredRunOptions): Promise<Array<{ paths: string[]; config: CompiledConfig | undefined }>> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ["."];
  const groups = new Map<string | undefined, { paths: string[]; config: CompiledConfig | undefined }>();
  const configOfDirectory = new Map<string, Promise<MemocapConfig | undefined>>();
  for (const path of paths) {
    const directory = await searchStart(resolve(options.cwd, path));
    let found = configOfDirectory.get(directory);
    if (!found) {
      found = options.config === false ? Promise.resolve(undefined) : findConfig(directory);
      configOfDirectory.set(directory, found);
    }
    const config = await found;
    const group = groups.get(config?.file) ?? { paths: [], config: config && compileConfig(config) };
    group.paths.push(path);
    groups.set(config?.file, group);
  }
  return [...groups.values()];
}

/** A folder is searched from itself, a file (or a path that does not exist) from its folder. */
async function searchStart(path: string): Promise<string> {
  const isDirectory = await stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  return isDirectory ? path : dirname(path);
}

/** Globs written relative to the configuration's folder, made relative to cwd as discovery takes them. */
function rebase(globs: string[] | undefined, from: string | undefined, cwd: string): string[] | undefined {
  if (!globs || from === undefined) return undefined;
  const prefix = escapePath(toPosixPath(relative(cwd, from)));
  return globs.map((glob) => {
    const negated = glob.startsWith("!");
    const pattern = negated ? glob.slice(1) : glob;
    const rebased = prefix === "" || posix.isAbsolute(pattern) ? pattern : posix.join(prefix, pattern);
    return negated ? `!${rebased}` : rebased;
  });
}
