import { Analyser, SourceSyntaxError } from "./analysis/analyser.ts";
import { DEFAULT_MAX } from "./analysis/analyse-file.ts";
import { PREFILTER } from "./analysis/libraries/index.ts";
import type { Site } from "./analysis/site.ts";
import { discoverFiles } from "./files/discover.ts";
import type { FileProblem } from "./files/problem.ts";
import { readSourceFile, type SourceText } from "./files/read.ts";

export interface RunOptions {
  /** Files or folders; default the current folder. */
  paths?: string[];
  cwd?: string;
  include?: string[];
  exclude?: string[];
  /** Bound written into rewritten caches (default 500). */
  max?: number;
  /** Files larger than this are reported and skipped (default 2 MiB). */
  maxFileSize?: number;
}

export interface ScanResult {
  filesScanned: number;
  /** Files that passed the text prefilter and were parsed. */
  filesParsed: number;
  sites: Site[];
  problems: FileProblem[];
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
  const discovered = await discoverFiles(options.paths ?? [], { cwd, include: options.include, exclude: options.exclude });
  const analyser = new Analyser({ max: options.max ?? DEFAULT_MAX });
  const problems = [...discovered.problems];
  const sites: Site[] = [];
  let filesParsed = 0;
  for (const file of discovered.files) {
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
  return { filesScanned: discovered.files.length, filesParsed, sites, problems };
}

/** Lists every memoization site under the given paths, with its verdict. Writes nothing. */
export async function scan(options: RunOptions = {}): Promise<ScanResult> {
  return analyseFiles(options);
}
