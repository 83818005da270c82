import pc from "picocolors";
import { writeBaseline } from "../baseline/write-baseline.ts";
import { OptionError } from "../option-error.ts";
import { shouldUseColor } from "../report/color.ts";
import { displayPath } from "../report/paths.ts";
import { formatSite } from "../report/text.ts";
import { printProblems, printWarnings, progressBar, runOptions, type CommonArgs } from "./common.ts";
import { EXIT } from "./exit.ts";

export type BaselineArgs = CommonArgs & { baseline?: string; reason?: string; prune: boolean };

/** `memocap baseline`: accepts today's unbounded caches in the baseline file. */
export async function runBaseline(args: BaselineArgs): Promise<number> {
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
