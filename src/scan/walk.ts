import { availableParallelism } from "node:os";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { Analyser } from "../analysis/analyser.ts";
import type { Site } from "../analysis/site.ts";
import type { ConfiguredFiles } from "../config/configured-files.ts";
import type { FileProblem } from "../files/problem.ts";
import { sourceTextOf, type DecodedFile, type SourceText } from "../files/read.ts";
import { AnalysisThreads } from "./analysis-threads.ts";
import { analyseCandidate, type FileOutcome } from "./file-outcome.ts";
import { fileSettings } from "./file-settings.ts";
import { createQueueMemory, handedOverMemory, JobQueue } from "./job-queue.ts";
import { runJob } from "./run-job.ts";
import { InOrder } from "./in-order.ts";
import { prefilterFiles } from "./prefilter-pass.ts";

/** Below this many files a run is over before a worker thread has loaded the parser (0.4 s). */
export const PARALLEL_MIN_FILES = 1000;
/**
 * Worker threads pay where cores run TypeScript's parser side by side. On the 2-core benchmark
 * machine they did not: two parses at once ran only 1.2 times as fast as one after the other (the
 * parser is bound by memory, not by the core), and two threads came within a few percent of one,
 * either way, once the worker's load and its own typed programs were paid (`npm run bench`, "scan,
 * 2 threads").
 */
const PARALLEL_MIN_CORES = 4;
/** Each thread holds its own parser and typed programs: memory, more than cores, sets the limit. */
const MAX_THREADS = 4;

export interface WalkOptions {
  typeFacts?: boolean;
  maxFileSize?: number;
  /** Threads that analyse files, the main thread included (default: one per core, up to 4, for runs of 1000 files or more on 4 cores or more). */
  threads?: number;
  onProgress?: (progress: { filesDone: number; filesTotal: number; sites: number }) => void;
  signal?: AbortSignal;
  annotateSites?: (file: string, text: string, sites: Site[]) => void;
  /** false: the main thread leaves every file to the worker threads (to test them). */
  mainThreadTakesJobs?: boolean;
}

export interface WalkResult {
  filesParsed: number;
  /** Of those, the files a worker thread analysed. */
  filesParsedElsewhere: number;
  sites: Site[];
  problems: FileProblem[];
  warnings: FileProblem[];
}

/**
 * Reads every file, tests it with the prefilter and analyses the ones it lets through: in this thread,
 * and beside it in worker threads on a large run. Whatever thread took a file, the progress, the
 * results and `onFile` come in file order, as from a walk over one file after the other.
 * `analyser` is the main thread's (with the run's every option); worker threads build theirs from
 * the configuration's answers for their files.
 */
export async function walkFiles(
  configured: Pick<ConfiguredFiles, "files" | "maxFor" | "policyFor">,
  analyser: Analyser,
  options: WalkOptions,
  onFile: (analysed: { file: string; source: SourceText; sites: Site[] }) => Promise<void> | void,
): Promise<WalkResult> {
  const { files } = configured;
  const filesTotal = files.length;
  const result: WalkResult = { filesParsed: 0, filesParsedElsewhere: 0, sites: [], problems: [], warnings: [] };
  const warned = new Set<string>();
  const stopped = () => options.signal?.aborted === true;
  // Files analysed by a worker thread: the main thread tells annotateSites about them.
  const analysedElsewhere = new Set<number>();

  // The contents of the files the prefilter let through, as read, until their outcome is handed out.
  const contents = new Map<number, DecodedFile>();

  const order = new InOrder<FileOutcome>(filesTotal, async (index, outcome) => {
    const file = files[index]!;
    const decoded = contents.get(index);
    contents.delete(index);
    options.onProgress?.({ filesDone: index, filesTotal, sites: result.sites.length });
    if (outcome.problem) result.problems.push(outcome.problem);
    if (outcome.parsed) result.filesParsed++;
    if (outcome.parsed && analysedElsewhere.has(index)) result.filesParsedElsewhere++;
    for (const warning of outcome.warnings ?? []) {
      if (!warned.has(warning.file)) result.warnings.push(warning);
      warned.add(warning.file);
    }
    // The main thread's Analyser told annotateSites itself; a worker thread's has no such option.
    if (analysedElsewhere.has(index) && outcome.parsed && !outcome.problem && decoded) options.annotateSites?.(file, decoded.text, outcome.sites);
    result.sites.push(...outcome.sites);
    if (outcome.sites.length > 0 && decoded) await onFile({ file, source: sourceTextOf(decoded), sites: outcome.sites });
  }, stopped);

  const threadTotal = threadCount(options.threads, filesTotal);
  const memory = createQueueMemory();
  // The file index of each job.
  let jobIndexes: number[] = [];
  let analysed = 0;
  const settle = (index: number, outcome: FileOutcome) => {
    if (order.has(index)) return;
    order.set(index, outcome);
    analysed++;
  };
  const threads = AnalysisThreads.start({ threads: threadTotal, memory, typeFacts: options.typeFacts }, (job, outcome) => {
    const index = jobIndexes[job]!;
    analysedElsewhere.add(index);
    settle(index, outcome);
    // A hand-out's error surfaces at the main thread's next flush.
    order.flush().catch(() => {});
  });
  try {
    const prefilterOptions = { maxFileSize: options.maxFileSize, signal: options.signal, onTurn: () => order.flush() };
    const candidates = await prefilterFiles(files, prefilterOptions, (index, outcome) => order.set(index, outcome));
    // With worker threads, smallest files first: a small file is as likely as a large one to need a
    // typed program, which may take seconds to build, and the thread that builds it should start
    // early; large files take long to parse alone, and are shared out last. In one thread, file
    // order: each outcome can be handed out at once.
    if (threads) candidates.sort((a, b) => a.decoded.bytes.length - b.decoded.bytes.length || a.index - b.index);
    for (const { index, decoded } of candidates) contents.set(index, decoded);
    jobIndexes = candidates.map(({ index }) => index);
    const jobFiles = jobIndexes.map((index) => files[index]!);
    const jobTexts = candidates.map(({ decoded }) => decoded.text);
    const handedOver = handedOverMemory(jobIndexes.length, threads ? threadTotal : 1);
    const queue = new JobQueue({ ...memory, handedOver }, jobIndexes.length, threads ? threadTotal : 1, 0);
    threads?.send({ files: jobFiles, texts: jobTexts, settings: jobFiles.map((file) => fileSettings(file, configured)), handedOver });
    const context = { queue, analyser, files: jobFiles, texts: jobTexts };
    // After a worker thread's crash, no job it held or was handed would be done: the others stop and this thread does what is left.
    const halted = () => stopped() || threads?.crashed === true;
    while (options.mainThreadTakesJobs !== false) {
      await order.flush();
      if (halted()) break;
      const job = queue.next();
      if (job === "done") break;
      if (job === "wait") {
        // Another thread may still hand a job over: its outcomes come in meanwhile.
        await sleep(1);
        continue;
      }
      const outcome = runJob(job, context);
      if (outcome) settle(jobIndexes[job]!, outcome);
      // Lets the worker threads' outcomes and a signal in.
      await nextTurn();
    }
    if (halted()) queue.stop();
    if (!stopped()) {
      await threads?.until(() => analysed === jobIndexes.length);
      for (const [job, index] of jobIndexes.entries()) {
        if (stopped()) break;
        if (!order.has(index)) settle(index, analyseCandidate(analyser, jobFiles[job]!, jobTexts[job]!));
      }
    }
    await order.flush();
  } finally {
    await threads?.terminate();
  }
  options.onProgress?.({ filesDone: filesTotal, filesTotal, sites: result.sites.length });
  return result;
}

function threadCount(requested: number | undefined, files: number): number {
  if (requested !== undefined) return Math.max(1, Math.trunc(requested));
  const cores = availableParallelism();
  return files >= PARALLEL_MIN_FILES && cores >= PARALLEL_MIN_CORES ? Math.min(cores, MAX_THREADS) : 1;
}
