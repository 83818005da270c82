import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { DEFAULT_MAX } from "./analysis/default-max.ts";
import type { ScopeArgs } from "./cli-scope.ts";
import type { BaselineArgs } from "./cli/baseline-command.ts";
import type { CommonArgs, Format } from "./cli/common.ts";
import { EXIT, UsageError } from "./cli/exit.ts";
import type { FixArgs } from "./cli/fix-command.ts";
import type { ScanArgs } from "./cli/scan-command.ts";
import { ConfigError } from "./config/config-error.ts";
import { parseTransformList, transformSelectionProblem } from "./config/transform-names.ts";
import { OptionError } from "./option-error.ts";
import { displayPath } from "./report/paths.ts";

// The parser and its options only: each command's module (and what it needs, TypeScript above all)
// is imported when that command runs, so that --help, --version and usage errors stay fast.

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

/** The options that limit a `scan` or `fix` run to a change and apply a baseline (src/cli-scope.ts reads them). */
function withScopeOptions<T>(argv: Argv<T>) {
  return argv
    .option("baseline", {
      type: "string",
      requiresArg: true,
      describe: "the baseline of accepted unbounded caches [default: memocap-baseline.json in this folder or above, up to the git top, if any] (--no-baseline: none)",
    })
    .option("since", { type: "string", requiresArg: true, describe: "only the files changed since this git ref (from its merge base with HEAD), untracked ones included" })
    .option("staged", { type: "boolean", describe: "only the files with staged changes in git" })
    .conflicts("since", "staged");
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
        const { runScan } = await import("./cli/scan-command.ts");
        exitCode = await runScan(args as unknown as ScanArgs);
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
        const { runFix } = await import("./cli/fix-command.ts");
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
        const { runBaseline } = await import("./cli/baseline-command.ts");
        exitCode = await runBaseline(args as unknown as BaselineArgs);
      },
    )
    .command(
      "explain [code]",
      "print what a reason code means, with a before/after example (no code: list them all)",
      (command) => command.positional("code", { type: "string", describe: "a reason code, e.g. MC201" }),
      async (args) => {
        const { runExplain } = await import("./cli/explain-command.ts");
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
        const { effectiveConfig } = await import("./config/effective-config.ts");
        const effective = await effectiveConfig(path, { cwd: process.cwd(), max, config, include, exclude, transforms });
        process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
      },
    )
    .command(
      "transforms",
      "list the rewrites memocap can make",
      () => {},
      async () => {
        const { TRANSFORMS } = await import("./fix/transforms.ts");
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
