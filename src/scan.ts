import { Analyser, SourceSyntaxError } from "./analysis/analyser.ts";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import { PREFILTER } from "./analysis/libraries/index.ts";
import type { Site } from "./analysis/site.ts";
import { discoverConfiguredFiles } from "./config/configured-files.ts";
import type { FileProblem } from "./files/problem.ts";
import { readSourceFile, type SourceText } from "./files/read.ts";

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
  /** Ask the type checker where a verdict or finding depends on types (default true); false: syntax only. */
  typeFacts?: boolean;
  /** Files larger than this are reported and skipped (default 2 MiB). */
  maxFileSize?: number;
  /** Told before each file and once at the end: files done so far, files found, sites found so far. */
  onProgress?: (progress: { filesDone: number; filesTotal: number; sites: number }) => void;
  /** Stops the walk before the next file (the result then covers the files seen so far). */
  signal?: AbortSignal;
}

export interface ScanResult {
  filesScanned: number;
  /** Files that passed the text prefilter and were parsed. */
  filesParsed: number;
  sites: Site[];
  problems: FileProblem[];
  /** Not problems with a file's analysis, but worth a line: a tsconfig.json that could not be used. */
  warnings?: FileProblem[];
}

/** One discovered, read and analysed file, as `fix` needs it. */
export interface AnalysedFile {
  file: string;
  source: SourceText;
  sites: Site[];
}

/**
 * Walks the files, keeps the ones the prefilter lets through, analyses each once and hands each
 * analysed file with sites to `onFile` (so that `fix` need not hold every file at once).
 */
export async function analyseFiles(
  options: RunOptions,
  onFile: (analysed: AnalysedFile, analyser: Analyser) => Promise<void> | void = () => {},
): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const discovered = await discoverConfiguredFiles({ ...options, cwd });
  const analyser = new Analyser({ max: DEFAULT_MAX, maxFor: discovered.maxFor, typeFacts: options.typeFacts });
  const problems = [...discovered.problems];
  const sites: Site[] = [];
  let filesParsed = 0;
  const filesTotal = discovered.files.length;
  for (const [filesDone, file] of discovered.files.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.({ filesDone, filesTotal, sites: sites.length });
    const read = await readSourceFile(file, { maxBytes: options.maxFileSize });
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    if (!PREFILTER.test(read.source.text)) continue;
    filesParsed++;
    let fileSites: Site[];
    try {
      fileSites = analyser.analyse(file, read.source.text);
    } catch (error) {
      const message = (error as Error).message.split("\n")[0] ?? "";
      problems.push({ file, reason: error instanceof SourceSyntaxError ? message : `analysis failed: ${message}` });
      continue;
    }
    sites.push(...fileSites);
    if (fileSites.length > 0) await onFile({ file, source: read.source, sites: fileSites }, analyser);
  }
  options.onProgress?.({ filesDone: filesTotal, filesTotal, sites: sites.length });
  return { filesScanned: discovered.files.length, filesParsed, sites, problems, warnings: [...analyser.warnings] };
}

/** Lists every memoization site under the given paths, with its verdict. Writes nothing. */
export async function scan(options: RunOptions = {}): Promise<ScanResult> {
  return analyseFiles(options);
}
