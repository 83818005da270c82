import pc from "picocolors";
import { scopeRequest, type ScopeArgs } from "../cli-scope.ts";
import { fix, UncommittedChangesError } from "../fix/fix.ts";
import { exitCodeFor, stopOnSignals } from "../fix/interrupt.ts";
import { projectPrettier } from "../fix/prettier.ts";
import { describeFsError } from "../files/fs-error.ts";
import { shouldUseColor } from "../report/color.ts";
import { unifiedDiff } from "../report/diff.ts";
import { fixJson } from "../report/json.ts";
import { fixMarkdown } from "../report/markdown.ts";
import { outputFileProblem, writeOutputFile } from "../report/output-file.ts";
import { displayPath } from "../report/paths.ts";
import { formatRefusal } from "../report/refusal.ts";
import { fixSummary, skippedSection } from "../report/text.ts";
import { prepareRunScope } from "../run-scope.ts";
import { checkOutput, emitReport, printProblems, printWarnings, progressBar, runOptions, type CommonArgs } from "./common.ts";
import { EXIT, UsageError } from "./exit.ts";

export interface FixArgs {
  /** `--report FILE.md`: a Markdown summary for a pull request body. */
  report?: string;
  dry: boolean;
  "diff-context": number;
  "allow-dirty": boolean;
  prettier: boolean;
  verify: boolean;
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

/** `memocap fix`: rewrites the unbounded sites (with --dry, prints the diff instead). */
export async function runFix(args: CommonArgs & ScopeArgs & FixArgs): Promise<number> {
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
