import pc from "picocolors";
import { checkScopeNote, scopeRequest, staleEntryLines, type ScopeArgs } from "../cli-scope.ts";
import { checkFailures } from "../report/check.ts";
import { shouldUseColor } from "../report/color.ts";
import { scanJson } from "../report/json.ts";
import { scanSarif } from "../report/sarif.ts";
import { formatScan } from "../report/text.ts";
import { baselineReport, prepareRunScope } from "../run-scope.ts";
import { scan } from "../scan.ts";
import { checkOutput, emitReport, printProblems, printWarnings, progressBar, runOptions, type CommonArgs } from "./common.ts";
import { EXIT } from "./exit.ts";

export type ScanArgs = CommonArgs & ScopeArgs & { check: boolean };

/** `memocap scan`: lists every memoization site; with --check, exit 1 on an unbounded one. */
export async function runScan(args: ScanArgs): Promise<number> {
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
