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
import { fixSummary, formatScan, skippedSection } from "./report/text.ts";
import { scan, type RunOptions, type ScanResult } from "./scan.ts";

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
    .check((args) => {
      const { max, format, output } = args as { max?: number; format: Format; output?: string };
      if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(`--max must be a whole number of at least 1 (got ${max})`);
      if (output !== undefined && format === "text") throw new Error("--output needs --format json or --format sarif");
      return true;
    });
}

function progressBar(args: CommonArgs): ProgressBar {
  return new ProgressBar({ stream: process.stderr, env: process.env, quiet: args.quiet });
}

/** Before the run: a report that could not be written would be lost at its end. */
async function checkOutput(args: CommonArgs): Promise<void> {
  if (args.output === undefined) return;
  const problem = await outputFileProblem(args.output, process.cwd());
  if (problem) throw new UsageError(`--output: ${problem}`);
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

async function runScan(args: CommonArgs & { check: boolean }): Promise<number> {
  const cwd = process.cwd();
  await checkOutput(args);
  const progress = progressBar(args);
  const result = await scan(runOptions(args, progress));
  progress.done();
  printWarnings(result, args, cwd);
  if (args.format !== "text") await emitReport(args, args.format === "sarif" ? scanSarif(result, cwd) : scanJson(result, cwd));
  if (args.format === "text" || args.output !== undefined) {
    process.stdout.write(`${formatScan(result, cwd, pc.createColors(shouldUseColor(process.stdout, process.env)))}\n`);
  } else {
    printProblems(result, cwd);
  }
  const failures = args.check ? checkFailures(result.sites) : [];
  if (failures.length > 0) {
    process.stderr.write(`memocap: check failed: ${failures.length} unbounded ${failures.length === 1 ? "cache" : "caches"} (memocap explain <code> says why)\n`);
  }
  if (result.problems.length > 0) return EXIT.fileProblems;
  return failures.length > 0 ? EXIT.findings : EXIT.ok;
}

async function runFix(args: CommonArgs & FixArgs): Promise<number> {
  const cwd = process.cwd();
  await checkOutput(args);
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
      dry: args.dry,
      allowDirty: args["allow-dirty"],
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
  dry: boolean;
  "diff-context": number;
  "allow-dirty": boolean;
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
        commonOptions(command, ["text", "json", "sarif"]).option("check", {
          type: "boolean",
          default: false,
          describe: "exit 1 when an unbounded cache is found (for CI)",
        }),
      async (args) => {
        exitCode = await runScan(args as unknown as CommonArgs & { check: boolean });
      },
    )
    .command(
      "fix [paths..]",
      "rewrite unbounded sites into bounded caches",
      (command) =>
        commonOptions(command, ["text", "json"])
          .option("dry", { type: "boolean", default: false, describe: "write nothing; print a unified diff" })
          .option("diff-context", { type: "number", default: 3, describe: "lines of context in --dry diffs" })
          .option("allow-dirty", { type: "boolean", default: false, describe: "rewrite files that have uncommitted changes in git too" }),
      async (args) => {
        exitCode = await runFix(args as unknown as CommonArgs & FixArgs);
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
      "transforms",
      "list the rewrites memocap can make",
      () => {},
      () => {
        for (const transform of TRANSFORMS) process.stdout.write(`${transform.name}  ${transform.description}\n`);
      },
    )
    .demandCommand(1, "name a command: scan, fix, explain or transforms")
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
