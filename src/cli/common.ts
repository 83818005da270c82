import pc from "picocolors";
import { describeFsError } from "../files/fs-error.ts";
import { formatProblem } from "../files/problem.ts";
import { shouldUseColor } from "../report/color.ts";
import { outputFileProblem, writeOutputFile } from "../report/output-file.ts";
import { displayPath } from "../report/paths.ts";
import { ProgressBar } from "../report/progress.ts";
import type { RunOptions, ScanResult } from "../scan.ts";
import { UsageError } from "./exit.ts";

/** What scan, fix and baseline share: the options of src/cli.ts's commonOptions, and their output. */
export type Format = "text" | "json" | "sarif";

export interface CommonArgs {
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

export function runOptions(args: CommonArgs, progress: ProgressBar): RunOptions {
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

export function progressBar(args: CommonArgs): ProgressBar {
  return new ProgressBar({ stream: process.stderr, env: process.env, quiet: args.quiet });
}

/** Before the run: a report that could not be written would be lost at its end. */
export async function checkOutput(args: CommonArgs): Promise<void> {
  if (args.output === undefined) return;
  const problem = await outputFileProblem(args.output, process.cwd());
  if (problem) throw new UsageError(`--output: ${problem}`);
}

/** The machine-readable report goes to --output when given, else to stdout. */
export async function emitReport(args: CommonArgs, report: unknown): Promise<void> {
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
export function printWarnings(result: ScanResult, args: CommonArgs, cwd: string): void {
  if (args.quiet) return;
  const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
  for (const warning of result.warnings ?? []) process.stderr.write(`${colors.yellow("warning:")} ${formatProblem({ ...warning, file: displayPath(cwd, warning.file) })}\n`);
}

export function printProblems(result: ScanResult, cwd: string): void {
  const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
  for (const problem of result.problems) process.stderr.write(`${colors.red("error:")} ${formatProblem({ ...problem, file: displayPath(cwd, problem.file) })}\n`);
}
