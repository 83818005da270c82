import { stat } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { DEFAULT_MAX } from "../analysis/analyse-file.ts";
import { resolvePackages } from "../packages/packages.ts";
import { displayPath } from "../report/paths.ts";
import { compileConfig } from "./compiled-config.ts";
import { findConfig, type LibraryOptions, type MaxOverride } from "./config-file.ts";
import { discoverConfiguredFiles } from "./configured-files.ts";
import { TRANSFORM_NAMES, transformSelectionProblem } from "./transform-names.ts";
import { OptionError } from "../option-error.ts";

export interface EffectiveConfigOptions {
  cwd?: string;
  /** As on the command line: they win over the configuration. */
  max?: number;
  include?: string[];
  exclude?: string[];
  transforms?: string[];
  /** false: no configuration is read (`--no-config`). */
  config?: boolean;
}

/** What `memocap print-config <path>` prints: the settings a run over `path` uses for it. Paths are relative to cwd. */
export interface EffectiveConfig {
  path: string;
  /** The configuration found from the path upward, or null. */
  config: string | null;
  /** For a file: whether the include/exclude globs let it through (a run over its folder also skips gitignored files). */
  included?: boolean;
  /** The bound of the path's sites (a `// memocap-max: N` comment on a site still wins). */
  max: number;
  /** Where `max` comes from: `--max`, a setting of the configuration (`overrides[0] in memocap.config.json`), or `default`. */
  maxFrom: string;
  /** The globs in effect: the command line's (relative to cwd) or the configuration's (relative to its folder). */
  include: string[] | null;
  exclude: string[] | null;
  overrides: MaxOverride[];
  /** The transforms that may run, in the order they run. */
  transforms: string[];
  transformsFrom: string;
  /** Options per library; a library's `max` wins over `max` for its sites. */
  libraries: Record<string, LibraryOptions>;
  /** The package of the path: its nearest package.json, and the tsconfig.json type facts use. */
  package: { dir: string; name?: string; packageJson?: string; tsconfig?: string } | null;
}

/** The configuration a run would apply to `path` (a file or folder), after the command line's options. */
export async function effectiveConfig(path: string, options: EffectiveConfigOptions = {}): Promise<EffectiveConfig> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const isFile = await stat(absolute).then(
    (stats) => !stats.isDirectory(),
    () => {
      throw new OptionError(`print-config: ${path}: no such file or folder`);
    },
  );
  if (options.transforms !== undefined) {
    const problem = transformSelectionProblem(options.transforms);
    if (problem) throw new OptionError(`--transforms: ${problem}`);
  }
  const config = options.config === false ? undefined : await findConfig(isFile ? dirname(absolute) : absolute);
  const configShown = config ? displayPath(cwd, config.file) : null;
  const bound = config && compileConfig(config).boundFor(absolute);
  const max = options.max ?? bound?.max ?? DEFAULT_MAX;
  const maxFrom = options.max !== undefined ? "--max" : bound ? `${bound.setting} in ${configShown}` : "default";
  const transformList = options.transforms ?? config?.transforms;
  const transforms = TRANSFORM_NAMES.filter((name) => !transformList || transformList.includes(name));
  const transformsFrom = options.transforms !== undefined ? "--transforms" : config?.transforms ? `transforms in ${configShown}` : "default";
  const included = isFile
    ? (await discoverConfiguredFiles({ paths: [absolute], cwd, include: options.include, exclude: options.exclude, config: options.config })).files.includes(absolute)
    : undefined;
  const [info] = await resolvePackages([absolute], []);
  return {
    path: relative(cwd, absolute) === "" ? "." : displayPath(cwd, absolute),
    config: configShown,
    ...(included !== undefined && { included }),
    max,
    maxFrom,
    include: options.include ?? config?.include ?? null,
    exclude: options.exclude ?? config?.exclude ?? null,
    overrides: config?.overrides ?? [],
    transforms,
    transformsFrom,
    libraries: config?.libraries ?? {},
    package: info
      ? {
          dir: relative(cwd, info.dir) === "" ? "." : displayPath(cwd, info.dir),
          ...(info.name !== undefined && { name: info.name }),
          ...(info.packageJson !== undefined && { packageJson: displayPath(cwd, info.packageJson) }),
          ...(info.tsconfig !== undefined && { tsconfig: displayPath(cwd, info.tsconfig) }),
        }
      : null,
  };
}
