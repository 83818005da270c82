import { stat } from "node:fs/promises";
import { dirname, posix, relative, resolve } from "node:path";
import { Minimatch } from "minimatch";
import { escapePath } from "tinyglobby";
import { discoverFiles } from "../files/discover.ts";
import { toPosixPath } from "../files/paths.ts";
import type { FileProblem } from "../files/problem.ts";
import { findConfig, type MemocapConfig } from "./config-file.ts";

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
}

export interface ConfiguredFiles {
  /** Absolute, sorted, without duplicates. */
  files: string[];
  problems: FileProblem[];
  /** The configurations that apply to some of the paths. */
  configs: MemocapConfig[];
  /** The bound for a file: `--max`, else its configuration's last matching override, else its `max`; undefined for the default. */
  maxFor(file: string): number | undefined;
}

/**
 * Finds the files of a run, each path with the configuration found from it upward: its
 * include/exclude globs (unless the command line gives its own) choose the files, and its `max`
 * and `overrides` their bound.
 */
export async function discoverConfiguredFiles(options: ConfiguredRunOptions): Promise<ConfiguredFiles> {
  const groups = await groupPathsByConfig(options);
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
  return {
    files: [...configOfFile.keys()].sort(),
    problems,
    configs: groups.flatMap((group) => (group.config ? [group.config.config] : [])),
    maxFor: (file) => options.max ?? configOfFile.get(file)?.maxFor(file),
  };
}

interface CompiledConfig {
  config: MemocapConfig;
  maxFor(file: string): number | undefined;
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
    const group = groups.get(config?.file) ?? { paths: [], config: config && compile(config) };
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

function compile(config: MemocapConfig): CompiledConfig {
  const overrides = config.overrides.map((override) => ({
    max: override.max,
    matchers: override.files.map((glob) => new Minimatch(glob, { dot: true })),
  }));
  return {
    config,
    maxFor(file) {
      const path = toPosixPath(relative(config.dir, file));
      const matching = overrides.filter((override) => override.matchers.some((matcher) => matcher.match(path)));
      return matching.at(-1)?.max ?? config.max;
    },
  };
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
