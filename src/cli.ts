import pc from "picocolors";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import { ConfigError } from "./config/config-file.ts";
import { fix, UncommittedChangesError } from "./fix/fix.ts";
import { exitCodeFor, stopOnSignals } from "./fix/interrupt.ts";
import { TRANSFORMS } from "./fix/transforms.ts";
import { describeFsError } from "./files/fs-error.ts";
import { formatProblem } from "./files/problem.ts";
import { unifiedDiff, shouldUseColor } from "./report/diff.ts";
import { checkFailures } from "./report/check.ts";
import { findCode, formatCodeList, formatExplanation } from "./report/explain.ts";
import { fixJson, scanJson } from "./report/json.ts";
import { outputFileProblem, writeOutputFile } from "./report/output-file.ts";
import { displayPath } from "./report/paths.ts";
import { formatRefusal } from "./report/refusal.ts";
import { ProgressBar } from "./report/progress.ts";
import { scanSarif } from "./report/sarif.ts";
import { fixSummary, formatScan, formatSite, skippedSection } from "./report/text.ts";
import { scan, type RunOptions, type ScanResult } from "./scan.ts";
import { checkScopeNote, scopeRequest, staleEntryLines, withScopeOptions, type ScopeArgs } from "./cli-scope.ts";
import { projectPrettier } from "./fix/prettier.ts";
import { OptionError } from "./option-error.ts";
import { effectiveConfig } from "./config/effective-config.ts";
import { parseTransformList, transformSelectionProblem } from "./config/transform-names.ts";
import { fixMarkdown } from "./report/markdown.ts";
import { baselineReport, prepareRunScope } from "./run-scope.ts";
import { writeBaseline } from "./baseline/write-baseline.ts";

/** Exit codes, documented in the README. File problems (3) win over findings (1). */
export const EXIT = { ok: 0, findings: 1, usage: 2, fileProblems: 3, dirtyWorkTree: 4 } as const;

type Format = "text" | "json" | "sarif";

interface CommonArgs {
  paths: string[];
  /** Undefined when not given: the configuration's bound, else the default, applies. */
  max?: number;
  config: boolean;
  include?: string[];
  exclude?: string[];
  format: Format;
  output?: string;
  quiet: boolean;
  "max-file-size": number;
  workspaces: boolean;
  /** Parsed from `--transforms a,b`; undefined when not given (the configuration's, else all). */
  transforms?: string[];
}

function runOptions(args: CommonArgs, progress: ProgressBar): RunOptions {
  return {
    paths: args.paths,
    cwd: process.cwd(),
    max: args.max,
    config: args.config,
    include: args.include,
    exclude: args.exclude,
    maxFileSize: args["max-file-size"],
    workspaces: args.workspaces,
    transforms: args.transforms,
    onProgress: (state) => progress.update(state),
  };
}

function commonOptions<T>(argv: Argv<T>, formats: readonly Format[]) {
  return argv
    .positional("paths", { type: "string", array: true, default: ["."], describe: "files or folders" })
    .option("max", { type: "number", describe: `bound for rewritten caches; wins over the configuration [default: its max, else ${DEFAULT_MAX}]` })
    .option("config", { type: "boolean", default: true, describe: 'read memocap.config.json or package.json "memocap" from each path upward (--no-config: ignore them)' })
    .option("include", { type: "string", array: true, describe: "only files matching these globs" })
    .option("exclude", { type: "string", array: true, describe: "skip files matching these globs" })
    .option("format", { choices: formats, default: "text" as Format, describe: "output format" })
    .option("output", { type: "string", requiresArg: true, describe: "write the json/sarif report to this file; the terminal keeps the text output" })
    .option("quiet", { type: "boolean", default: false, describe: "no progress bar and nothing on stderr but errors" })
    .option("max-file-size", { type: "number", default: 2 * 1024 * 1024, describe: "skip files larger than this many bytes" })
    .option("workspaces", { type: "boolean", default: false, describe: "each path is a workspace root: run over the packages its package.json workspaces or pnpm-workspace.yaml lists" })
    .option("transforms", transformsOption)
    .check((args) => {
      const { max, format, output, transforms } = args as { max?: number; format: Format; output?: string; transforms?: string[] };
      if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(`--max must be a whole number of at least 1 (got ${max})`);
      const transformProblem = transforms && transformSelectionProblem(transforms);
      if (transformProblem) throw new Error(`--transforms: ${transformProblem}`);
      if (output !== undefined && format === "text") throw new Error("--output needs --format json or --format sarif");
      return true;
    });
}

/** `--transforms bound-memoize,split-async`: the rewrites that may run (memocap transforms lists them). */
const transformsOption = {
  type: "string",
  requiresArg: true,
  coerce: (value: string | string[]) => parseTransformList(value),
  describe: "only these rewrites, comma-separated (memocap transforms lists them); replaces the configuration's transforms",
} as const;

function progressBar(args: CommonArgs): ProgressBar {
  return new ProgressBar({ stream: process.stderr, env: process.env, quiet: args.quiet });
}

/** Before the run: a report that could not be written would be lost at its end. */
async function checkOutput(args: CommonArgs): Promise<void> {
  if (args.output === undefined) return;
  const problem = await outputFileProblem(args.output, process.cwd());
  if (problem) throw new UsageError(`--output: ${problem}`);
}

async function checkReportFile(file: string | undefined): Promise<void> {
  const problem = file === undefined ? undefined : await outputFileProblem(file, process.cwd());
  if (problem) throw new UsageError(`--report: ${problem}`);
}

/** Written whole or not at all, like --output. */
async function writeMarkdownReport(file: string, markdown: string): Promise<void> {
  try {
    await writeOutputFile(file, process.cwd(), markdown);
  } catch (error) {
    throw new UsageError(`--report: cannot write ${file}: ${describeFsError(error)}`);
  }
}

/** The machine-readable report goes to --output when given, else to stdout. */
async function emitReport(args: CommonArgs, report: unknown): Promise<void> {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (args.output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeOutputFile(args.output, process.cwd(), text);
  } catch (error) {
    throw new UsageError(`--output: cannot write ${args.output}: ${describeFsError(error)}`);
  }
}

/** A tsconfig.json that could not be used: the run went on with default compiler options. */
function printWarnings(result: ScanResult, args: CommonArgs, cwd: string): void {
  if (args.quiet) return;
  const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
  for (const warning of result.warnings ?? []) process.stderr.write(`${colors.yellow("warning:")} ${formatProblem({ ...warning, file: displayPath(cwd, warning.file) })}\n`);
}

function printProblems(result: ScanResult, cwd: string): void {
  const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
  for (const problem of result.problems) process.stderr.write(`${colors.red("error:")} ${formatProblem({ ...problem, file: displayPath(cwd, problem.file) })}\n`);
}

async function runScan(args: CommonArgs & ScopeArgs & { check: boolean }): Promise<number> {
  const cwd = process.cwd();
  await checkOutput(args);
  const scope = await prepareRunScope(scopeRequest(args, cwd));
  const progress = progressBar(args);
  const result = await scan({ ...runOptions(args, progress), ...scope.runOptions });
  progress.done();
  printWarnings(result, args, cwd);
  const baseline = await baselineReport(scope, result, args.paths, cwd);
  const warning = pc.createColors(shouldUseColor(process.stderr, process.env)).yellow("warning:");
  if (!args.quiet) for (const line of staleEntryLines(baseline)) process.stderr.write(`${warning} ${line}\n`);
  if (args.format !== "text") await emitReport(args, args.format === "sarif" ? scanSarif(result, cwd, baseline) : scanJson(result, cwd, baseline));
  if (args.format === "text" || args.output !== undefined) {
    process.stdout.write(`${formatScan(result, cwd, pc.createColors(shouldUseColor(process.stdout, process.env)))}\n`);
  } else {
    printProblems(result, cwd);
  }
  const failures = args.check ? checkFailures(result.sites) : [];
  if (failures.length > 0) {
    process.stderr.write(`memocap: check failed: ${failures.length} unbounded ${failures.length === 1 ? "cache" : "caches"} (memocap explain <code> says why)\n`);
  }
  const note = args.check && !args.quiet ? checkScopeNote(result, baseline, scope.changes) : undefined;
  if (note) process.stderr.write(`${note}\n`);
  if (result.problems.length > 0) return EXIT.fileProblems;
  return failures.length > 0 ? EXIT.findings : EXIT.ok;
}

async function runFix(args: CommonArgs & ScopeArgs & FixArgs): Promise<number> {
  const cwd = process.cwd();
  await checkOutput(args);
  await checkReportFile(args.report);
  const scope = await prepareRunScope(scopeRequest(args, cwd));
  const format = args.prettier ? await projectPrettier(cwd) : undefined;
  const progress = progressBar(args);
  const color = shouldUseColor(process.stdout, process.env);
  // Each file's diff goes out as soon as it is known: nothing holds every file's text.
  const printDiff = (file: string, before: string, after: string) => {
    progress.done();
    process.stdout.write(unifiedDiff(displayPath(cwd, file), before, after, { context: args["diff-context"], color }));
  };
  const printsDiffs = args.dry && (args.format !== "json" || args.output !== undefined);
  const stop = args.dry ? undefined : stopOnSignals((signal, first) => process.stderr.write(`\nmemocap: ${signal}: ${first ? "stopping" : "already stopping"} after the current file\n`));
  let result;
  try {
    result = await fix({
      ...runOptions(args, progress),
      ...scope.runOptions,
      format,
      dry: args.dry,
      allowDirty: args["allow-dirty"],
      verify: args.verify,
      signal: stop?.signal,
      onChange: printsDiffs ? (change) => printDiff(change.file, change.before, change.after) : undefined,
    });
  } catch (error) {
    if (!(error instanceof UncommittedChangesError)) throw error;
    progress.done();
    process.stderr.write(`${formatRefusal(error, cwd)}\n`);
    return EXIT.dirtyWorkTree;
  } finally {
    stop?.dispose();
  }
  progress.done();
  printWarnings(result, args, cwd);
  if (args.format === "json") await emitReport(args, fixJson(result, cwd, args.dry));
  if (args.report !== undefined) await writeMarkdownReport(args.report, fixMarkdown(fixJson(result, cwd, args.dry)));
  if (args.format === "json" && args.output === undefined) {
    printProblems(result, cwd);
  } else {
    if (args.dry) for (const change of result.dependencyChanges) printDiff(change.packageJson, change.before, change.after);
    printProblems(result, cwd);
    if (!args.quiet) {
      const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
      const changedFiles = new Set(result.changes.map((change) => change.file));
      const notRewritten = result.sites.filter((site) => site.verdict === "rewrite" && !changedFiles.has(site.file));
      const skipped = skippedSection(result.sites, cwd, colors, notRewritten);
      if (skipped) process.stderr.write(`${skipped}\n`);
      process.stderr.write(`${fixSummary(result, args.dry, cwd)}\n`);
    }
  }
  const stoppedBy = stop?.received();
  if (stoppedBy !== undefined && result.interrupted) {
    process.stderr.write(`memocap: stopped by ${stoppedBy}: every file is either as it was or completely rewritten\n`);
    return exitCodeFor(stoppedBy);
  }
  return result.problems.length > 0 ? EXIT.fileProblems : EXIT.ok;
}

interface FixArgs {
  /** `--report FILE.md`: a Markdown summary for a pull request body. */
  report?: string;
  dry: boolean;
  "diff-context": number;
  "allow-dirty": boolean;
  prettier: boolean;
  verify: boolean;
}

async function runBaseline(args: CommonArgs & { baseline?: string; reason?: string; prune: boolean }): Promise<number> {
  const cwd = process.cwd();
  const progress = progressBar(args);
  const outcome = await writeBaseline({ ...runOptions(args, progress), cwd, baseline: args.baseline, reason: args.reason, prune: args.prune });
  progress.done();
  printWarnings(outcome.scan, args, cwd);
  printProblems(outcome.scan, cwd);
  const file = displayPath(cwd, outcome.path);
  if (!outcome.written) {
    const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
    for (const site of outcome.needReason) process.stderr.write(`${formatSite(site, cwd, colors)}\n`);
    const count = outcome.needReason.length;
    throw new OptionError(`${count} unbounded ${count === 1 ? "cache needs" : "caches need"} a reason to enter ${file}: memocap baseline --reason "<why they may grow without bound>" (nothing written)`);
  }
  const counts = `${outcome.added.length} added, ${outcome.kept} kept, ${outcome.removed.length} removed (matched no site)`;
  process.stdout.write(`${file}: ${outcome.unchanged ? `unchanged, ${counts}` : counts}\n`);
  return outcome.scan.problems.length > 0 ? EXIT.fileProblems : EXIT.ok;
}

function runExplain(code: string | undefined): number {
  const colors = pc.createColors(shouldUseColor(process.stdout, process.env));
  if (code === undefined) {
    process.stdout.write(`${formatCodeList(colors)}\n`);
    return EXIT.ok;
  }
  const known = findCode(code);
  if (!known) throw new UsageError(`unknown code ${code}: memocap explain lists every code`);
  process.stdout.write(`${formatExplanation(known, colors)}\n`);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName("memocap")
    .usage("$0 <command> [paths..]\n\nFind unbounded memoization and rewrite it into bounded caches.")
    .command(
      "scan [paths..]",
      "list every memoization site, bounded or not, with a reason code",
      (command) =>
        withScopeOptions(commonOptions(command, ["text", "json", "sarif"])).option("check", {
          type: "boolean",
          default: false,
          describe: "exit 1 when an unbounded cache is found (for CI)",
        }),
      async (args) => {
        exitCode = await runScan(args as unknown as CommonArgs & ScopeArgs & { check: boolean });
      },
    )
    .command(
      "fix [paths..]",
      "rewrite unbounded sites into bounded caches",
      (command) =>
        withScopeOptions(commonOptions(command, ["text", "json"]))
          .option("dry", { type: "boolean", default: false, describe: "write nothing; print a unified diff" })
          .option("report", { type: "string", requiresArg: true, describe: "also write a Markdown summary per package (for a pull request body) to this file" })
          .option("prettier", { type: "boolean", default: false, describe: "format the files memocap rewrites with the project's prettier and its configuration" })
          .option("diff-context", { type: "number", default: 3, describe: "lines of context in --dry diffs" })
          .option("allow-dirty", { type: "boolean", default: false, describe: "rewrite files that have uncommitted changes in git too" })
          .option("verify", {
            type: "boolean",
            default: true,
            describe: "type-check each rewritten file before and after; leave a file whose rewrite adds type errors as it was (--no-verify: skip, faster)",
          }),
      async (args) => {
        exitCode = await runFix(args as unknown as CommonArgs & ScopeArgs & FixArgs);
      },
    )
    .command(
      "baseline [paths..]",
      "accept the unbounded caches found now: write them to memocap-baseline.json, so that scan --check fails only on new ones",
      (command) =>
        commonOptions(command, ["text"])
          .option("baseline", { type: "string", requiresArg: true, describe: "the baseline file [default: memocap-baseline.json in this folder or above, up to the git top, else here]" })
          .option("reason", { type: "string", requiresArg: true, describe: "why these caches may stay unbounded: given to every new entry (required when there are new ones)" })
          .option("prune", { type: "boolean", default: false, describe: "only remove the entries that match no site; add none" }),
      async (args) => {
        exitCode = await runBaseline(args as unknown as CommonArgs & { baseline?: string; reason?: string; prune: boolean });
      },
    )
    .command(
      "explain [code]",
      "print what a reason code means, with a before/after example (no code: list them all)",
      (command) => command.positional("code", { type: "string", describe: "a reason code, e.g. MC201" }),
      (args) => {
        exitCode = runExplain(args.code);
      },
    )
    .command(
      "print-config <path>",
      "print the configuration a run applies to a file or folder (bound, globs, transforms, libraries, package), as JSON",
      (command) =>
        command
          .positional("path", { type: "string", demandOption: true, describe: "a file or folder" })
          .option("max", { type: "number", describe: "as for scan and fix: wins over the configuration" })
          .option("config", { type: "boolean", default: true, describe: "read the configuration (--no-config: ignore it)" })
          .option("include", { type: "string", array: true, describe: "as for scan and fix" })
          .option("exclude", { type: "string", array: true, describe: "as for scan and fix" })
          .option("transforms", transformsOption)
          .check(({ max }) => {
            if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(`--max must be a whole number of at least 1 (got ${max})`);
            return true;
          }),
      async (args) => {
        const { path, max, config, include, exclude, transforms } = args as unknown as { path: string; max?: number; config: boolean; include?: string[]; exclude?: string[]; transforms?: string[] };
        const effective = await effectiveConfig(path, { cwd: process.cwd(), max, config, include, exclude, transforms });
        process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
      },
    )
    .command(
      "transforms",
      "list the rewrites memocap can make",
      () => {},
      () => {
        const width = Math.max(...TRANSFORMS.map((transform) => transform.name.length));
        for (const transform of TRANSFORMS) process.stdout.write(`${transform.name.padEnd(width)}  ${transform.description}\n`);
      },
    )
    .demandCommand(1, "name a command: scan, fix, baseline, explain, transforms or print-config")
    .strict()
    .help()
    .version()
    .fail((message, error) => {
      // Throwing stops yargs before any command handler runs.
      throw error && !message ? error : new UsageError(message ?? error?.message ?? "invalid usage");
    })
    .exitProcess(false);
  try {
    // yargs throws some usage errors synchronously and rejects with others.
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof OptionError) {
      process.stderr.write(`memocap: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`memocap: ${displayPath(process.cwd(), error.file)}: ${error.reason}\n`);
      return EXIT.usage;
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`memocap: ${error.message}\nRun memocap --help for usage.\n`);
    return EXIT.usage;
  }
  return exitCode;
}

class UsageError extends Error {}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`memocap: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    // Not 1, which says "findings" to a CI job: like ESLint and ruff, an internal failure is 2.
    process.exitCode = EXIT.usage;
  },
);
