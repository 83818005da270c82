import { Analyser } from "./analysis/analyser.ts";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import type { Site } from "./analysis/site.ts";
import { discoverConfiguredFiles } from "./config/configured-files.ts";
import type { FileProblem } from "./files/problem.ts";
import type { SourceText } from "./files/read.ts";
import { resolvePackages, type PackageInfo } from "./packages/packages.ts";
import { walkFiles } from "./scan/walk.ts";

export interface RunOptions {
  /** Files or folders; default the current folder. */
  paths?: string[];
  cwd?: string;
  include?: string[];
  exclude?: string[];
  /** Bound written into rewritten caches; wins over the configuration (default: its `max`, else 500). */
  max?: number;
  /** Read memocap.config.json or package.json `memocap` from each path upward (default true). */
  config?: boolean;
  /** The transforms that may run, by name (default: the configuration's `transforms`, else all); others' sites are left (MC910). */
  transforms?: string[];
  /** Each path is the root of an npm, yarn or pnpm workspace: the run covers the packages it lists. */
  workspaces?: boolean;
  /** Ask the type checker where a verdict or finding depends on types (default true); false: syntax only. */
  typeFacts?: boolean;
  /** Files larger than this are reported and skipped (default 2 MiB). */
  maxFileSize?: number;
  /** Told before each file and once at the end: files done so far, files found, sites found so far. */
  onProgress?: (progress: { filesDone: number; filesTotal: number; sites: number }) => void;
  /** Stops the walk before the next file (the result then covers the files seen so far). */
  signal?: AbortSignal;
  /**
   * Threads that analyse files, this one included: worker threads take files beside it (default: one
   * per core, up to 4, for runs of 1000 files or more on 4 cores or more; 1 analyses every file in
   * this thread).
   */
  threads?: number;
  /** Keeps only the discovered files it returns true for (`--since`, `--staged`: the changed files). */
  fileFilter?: (file: string) => boolean;
  /** Told each analysed file's sites with their text: a baseline marks its sites, a change scope the changed ones. */
  annotateSites?: (file: string, text: string, sites: Site[]) => void;
}

export interface ScanResult {
  filesScanned: number;
  /** Files that passed the text prefilter and were parsed. */
  filesParsed: number;
  sites: Site[];
  problems: FileProblem[];
  /** Not problems with a file's analysis, but worth a line: a tsconfig.json that could not be used. */
  warnings?: FileProblem[];
  /** The packages the sites and problems belong to (nearest package.json), and each path's own. */
  packages?: PackageInfo[];
}

/** One discovered, read and analysed file, as `fix` needs it. */
export interface AnalysedFile {
  file: string;
  source: SourceText;
  sites: Site[];
}

/**
 * Walks the files, keeps the ones the prefilter lets through, analyses each once and hands each
 * analysed file with sites to `onFile`, in file order (so that `fix` need not hold every file at once).
 * The worker threads of a large run build their Analyser as this one is built (src/scan/worker.ts).
 */
export async function analyseFiles(
  options: RunOptions,
  onFile: (analysed: AnalysedFile, analyser: Analyser) => Promise<void> | void = () => {},
): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const discovered = await discoverConfiguredFiles({ ...options, cwd });
  const analyser = new Analyser({ max: DEFAULT_MAX, maxFor: discovered.maxFor, typeFacts: options.typeFacts, annotateSites: options.annotateSites, policyFor: discovered.policyFor });
  const walked = await walkFiles(discovered, analyser, options, (analysed) => onFile(analysed, analyser));
  const problems = [...discovered.problems, ...walked.problems];
  const { sites, filesParsed } = walked;
  const packages = await resolvePackages(discovered.roots, [...sites.map((site) => site.file), ...problems.map((problem) => problem.file)]);
  return { filesScanned: discovered.files.length, filesParsed, sites, problems, warnings: walked.warnings, packages };
}

/** Lists every memoization site under the given paths, with its verdict. Writes nothing. */
export async function scan(options: RunOptions = {}): Promise<ScanResult> {
  return analyseFiles(options);
}
