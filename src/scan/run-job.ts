import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Analyser } from "../analysis/analyser.ts";
import type { CompilerSettings } from "../analysis/types/compiler-settings.ts";
import { TypesElsewhere } from "../analysis/types/typed-projects.ts";
import { analyseCandidate, type FileOutcome } from "./file-outcome.ts";
import type { JobQueue } from "./job-queue.ts";

export interface JobContext {
  queue: JobQueue;
  analyser: Analyser;
  /** The file of each job, and its text. */
  files: readonly string[];
  texts: readonly string[];
}

/**
 * Analyses a job `queue.next()` gave this thread. When its typed program belongs to a project
 * another thread builds programs for, the job is handed over to that thread instead: undefined.
 */
export function runJob(job: number, context: JobContext): FileOutcome | undefined {
  const { queue, analyser, files, texts } = context;
  let owner: number | undefined;
  const claimTypes = (file: string, settings: CompilerSettings) => {
    owner = queue.ownerOf(projectOf(file, settings));
    return owner === queue.thread;
  };
  try {
    try {
      return analyseCandidate(analyser, files[job]!, texts[job]!, { claimTypes });
    } catch (error) {
      if (!(error instanceof TypesElsewhere) || owner === undefined) throw error;
      if (queue.handOver(job, owner)) return undefined;
      return analyseCandidate(analyser, files[job]!, texts[job]!);
    }
  } finally {
    queue.finished();
  }
}

/** The files whose programs share most of their files: same compiler settings, same package. */
function projectOf(file: string, settings: CompilerSettings): string {
  return `${settings.key}\0${packageFolderOf(dirname(file))}`;
}

const packageFolders = new Map<string, string>();

/** The nearest folder with a package.json, from `folder` up (the file-system root when none). */
function packageFolderOf(folder: string): string {
  let found = packageFolders.get(folder);
  if (found === undefined) {
    const parent = dirname(folder);
    found = existsSync(join(folder, "package.json")) || parent === folder ? folder : packageFolderOf(parent);
    packageFolders.set(folder, found);
  }
  return found;
}
