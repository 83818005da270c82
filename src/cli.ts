import pc from "picocolors";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import { fix } from "./fix/fix.ts";
import { TRANSFORMS } from "./fix/transforms.ts";
import { formatProblem } from "./files/problem.ts";
import { unifiedDiff, shouldUseColor } from "./report/diff.ts";
import { fixJson, scanJson } from "./report/json.ts";
import { displayPath } from "./report/paths.ts";
import { fixSummary, formatScan } from "./report/text.ts";
import { scan, type RunOptions } from "./scan.ts";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, usage: 2, fileProblems: 3 } as const;

interface CommonArgs {
  paths: string[];
  max: number;
  include?: string[];
  exclude?: string[];
  format: "text" | "json";
  "max-file-size": number;
}

function runOptions(args: CommonArgs): RunOptions {
  return {
    paths: args.paths,
    cwd: process.cwd(),
    max: args.max,
    include: args.include,
    exclude: args.exclude,
    maxFileSize: args["max-file-size"],
  };
}

function commonOptions<T>(argv: Argv<T>) {
  return argv
    .positional("paths", { type: "string", array: true, default: ["."], describe: "files or folders" })
    .option("max", { type: "number", default: DEFAULT_MAX, describe: "bound for rewritten caches" })
    .option("include", { type: "string", array: true, describe: "only files matching these globs" })
    .option("exclude", { type: "string", array: true, describe: "skip files matching these globs" })
    .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "output format" })
    .option("max-file-size", { type: "number", default: 2 * 1024 * 1024, describe: "skip files larger than this many bytes" })
    .check((args) => {
      const max = (args as { max: number }).max;
      if (!Number.isInteger(max) || max < 1) throw new Error(`--max must be a whole number of at least 1 (got ${max})`);
      return true;
    });
}

async function runScan(args: CommonArgs): Promise<number> {
  const cwd = process.cwd();
  const result = await scan(runOptions(args));
  if (args.format === "json") {
    process.stdout.write(`${JSON.stringify(scanJson(result, cwd), null, 2)}\n`);
  } else {
    process.stdout.write(`${formatScan(result, cwd, pc.createColors(shouldUseColor(process.stdout, process.env)))}\n`);
  }
  return result.problems.length > 0 ? EXIT.fileProblems : EXIT.ok;
}

async function runFix(args: CommonArgs & { dry: boolean; "diff-context": number }): Promise<number> {
  const cwd = process.cwd();
  const result = await fix({ ...runOptions(args), dry: args.dry });
  if (args.format === "json") {
    process.stdout.write(`${JSON.stringify(fixJson(result, cwd, args.dry), null, 2)}\n`);
  } else {
    if (args.dry) {
      const color = shouldUseColor(process.stdout, process.env);
      const diffs = [
        ...result.changes.map((change) => unifiedDiff(displayPath(cwd, change.file), change.before, change.after, { context: args["diff-context"], color })),
        ...result.dependencyChanges.map((change) => unifiedDiff(displayPath(cwd, change.packageJson), change.before, change.after, { context: args["diff-context"], color })),
      ];
      process.stdout.write(diffs.join(""));
    }
    const colors = pc.createColors(shouldUseColor(process.stderr, process.env));
    for (const problem of result.problems) process.stderr.write(`${colors.red("error:")} ${formatProblem({ ...problem, file: displayPath(cwd, problem.file) })}\n`);
    process.stderr.write(`${fixSummary(result, args.dry, cwd)}\n`);
  }
  return result.problems.length > 0 ? EXIT.fileProblems : EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName("memocap")
    .usage("$0 <command> [paths..]\n\nFind unbounded memoization and rewrite it into bounded caches.")
    .command(
      "scan [paths..]",
      "list every memoization site, bounded or not, with a reason code",
      (command) => commonOptions(command),
      async (args) => {
        exitCode = await runScan(args as unknown as CommonArgs);
      },
    )
    .command(
      "fix [paths..]",
      "rewrite unbounded sites into bounded caches",
      (command) =>
        commonOptions(command)
          .option("dry", { type: "boolean", default: false, describe: "write nothing; print a unified diff" })
          .option("diff-context", { type: "number", default: 3, describe: "lines of context in --dry diffs" }),
      async (args) => {
        exitCode = await runFix(args as unknown as CommonArgs & { dry: boolean; "diff-context": number });
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
    .demandCommand(1, "name a command: scan, fix or transforms")
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
    process.exitCode = 1;
  },
);
