import { setImmediate as nextTurn } from "node:timers/promises";
import { PREFILTER } from "../analysis/libraries/index.ts";
import { readDecodedFile, type DecodedFile } from "../files/read.ts";
import { NOT_PARSED, type FileOutcome } from "./file-outcome.ts";

/** Files read between two turns of the event loop: a signal handler (Ctrl-C) runs within milliseconds. */
const FILES_PER_TURN = 256;

/** A file the prefilter let through: its index among the files, and its contents as read. */
export interface Candidate {
  index: number;
  decoded: DecodedFile;
}

/**
 * The first pass over every file: read it and test it with the prefilter, in the main thread (no
 * parser is needed, and the worker threads are still starting). A file that cannot be read, or that
 * the prefilter keeps out, is done: `settle` gets its outcome. Returns the files left for the
 * analysis, in order, with their contents (each file is read once); stops early when `signal` is
 * aborted. `onTurn` runs every few hundred files, after a turn of the event loop.
 */
export async function prefilterFiles(
  files: readonly string[],
  options: { maxFileSize?: number; signal?: AbortSignal; onTurn?: () => Promise<void> },
  settle: (index: number, outcome: FileOutcome) => void,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const [index, file] of files.entries()) {
    if (index % FILES_PER_TURN === FILES_PER_TURN - 1) {
      await nextTurn();
      await options.onTurn?.();
    }
    if (options.signal?.aborted) break;
    const read = readDecodedFile(file, { maxBytes: options.maxFileSize });
    if (!read.ok) settle(index, { parsed: false, sites: [], problem: read.problem });
    else if (PREFILTER.test(read.decoded.text)) candidates.push({ index, decoded: read.decoded });
    else settle(index, NOT_PARSED);
  }
  return candidates;
}
