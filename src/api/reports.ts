/**
 * The programmatic API's `scan` and `fix`: the same runs as the CLI's, with the same options,
 * returning the records `--format json` prints (schema/memocap-output.schema.json) as objects. The
 * Site-level results they are made from are `scanSites`/`fixSites` (src/scan.ts, src/fix/fix.ts),
 * which the CLI calls for its text output; `scanJson`/`fixJson` turn those into these records, as
 * the CLI does for `--format json`.
 */
import { fix as fixSites, type FixOptions } from "../fix/fix.ts";
import { projectPrettier } from "../fix/prettier.ts";
import { fixJson, scanJson, type FixJson, type ScanJson } from "../report/json.ts";
import { baselineReport, prepareRunScope, type RunScope } from "../run-scope.ts";
import { scan as scanSites, type RunOptions } from "../scan.ts";

/** The options that limit a run to a change and apply a baseline, as `--baseline`, `--no-baseline`, `--since`, `--staged`. */
export interface ScopeOptions {
  /** The baseline file; default: memocap-baseline.json in cwd or above (up to the git top), if any; false: none. */
  baseline?: string | false;
  /** Only the files changed since this git ref (from its merge base with HEAD). */
  since?: string;
  /** Only the files with staged changes. */
  staged?: boolean;
}

export type ScanOptions = RunOptions & ScopeOptions;

export interface FixRunOptions extends FixOptions, ScopeOptions {
  /** Format the rewritten files with the project's prettier (`--prettier`); `format` gives a formatter of your own. */
  prettier?: boolean;
}

/** What `memocap scan --format json` prints for the same options, as an object. Writes nothing. */
export async function scan(options: ScanOptions = {}): Promise<ScanJson> {
  const cwd = options.cwd ?? process.cwd();
  const scope = await runScope(options, cwd);
  const result = await scanSites({ ...options, cwd, ...scope.runOptions });
  return scanJson(result, cwd, await baselineReport(scope, result, options.paths ?? [], cwd));
}

/** What `memocap fix --format json` prints for the same options, as an object; rewrites files unless `dry`. */
export async function fix(options: FixRunOptions = {}): Promise<FixJson> {
  const cwd = options.cwd ?? process.cwd();
  const scope = await runScope(options, cwd);
  const format = options.format ?? (options.prettier ? await projectPrettier(cwd) : undefined);
  const result = await fixSites({ ...options, cwd, ...scope.runOptions, format });
  return fixJson(result, cwd, Boolean(options.dry));
}

/** The baseline and change the CLI would prepare for the same options. */
function runScope(options: ScopeOptions & { paths?: string[] }, cwd: string): Promise<RunScope> {
  return prepareRunScope({
    cwd,
    paths: options.paths ?? [],
    ...(typeof options.baseline === "string" && { baseline: options.baseline }),
    useBaseline: options.baseline !== false,
    ...(options.since !== undefined ? { changes: { since: options.since } } : options.staged ? { changes: { staged: true as const } } : {}),
  });
}
