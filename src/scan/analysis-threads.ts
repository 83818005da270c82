import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { FileOutcome } from "./file-outcome.ts";
import type { FileSettings } from "./file-settings.ts";
import type { QueueMemory } from "./job-queue.ts";

/** The jobs of a run, sent to each worker thread once the prefilter pass has found them. */
export interface ThreadJobs {
  files: string[];
  /** As the prefilter pass read them: a file is read once. */
  texts: string[];
  settings: FileSettings[];
  handedOver: Int32Array;
}

/** What a worker thread is started with. */
export interface ThreadInit {
  port: MessagePort;
  /** Its number among the run's threads (the main thread is 0). */
  thread: number;
  threads: number;
  memory: Omit<QueueMemory, "handedOver">;
  typeFacts?: boolean;
}

export type ThreadMessage = { job: number; outcome: FileOutcome } | { done: true };

/**
 * Worker threads that take jobs beside the main thread (src/scan/worker.ts). They start loading
 * the analysis at once; their jobs come once the prefilter pass has found them.
 */
export class AnalysisThreads {
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private running = 0;
  private onChange: () => void = () => {};
  /** A worker thread ended before it was done (it crashed, or could not load). */
  crashed = false;

  private constructor(entry: URL, init: Omit<ThreadInit, "port" | "thread">, onOutcome: (job: number, outcome: FileOutcome) => void) {
    for (let thread = 1; thread < init.threads; thread++) {
      const { port1, port2 } = new MessageChannel();
      const workerData: ThreadInit = { ...init, port: port2, thread };
      const worker = new Worker(entry, { workerData, transferList: [port2] });
      let done = false;
      port1.on("message", (message: ThreadMessage) => {
        if ("job" in message) onOutcome(message.job, message.outcome);
        else done = true;
        this.onChange();
      });
      // An error (a crash of the thread) is followed by exit: the main thread does its unfinished jobs.
      worker.on("error", () => {});
      worker.on("exit", () => {
        if (!done) this.crashed = true;
        this.running--;
        port1.close();
        this.onChange();
      });
      this.workers.push(worker);
      this.ports.push(port1);
      this.running++;
    }
  }

  /** Worker threads for a run of `init.threads` threads, or none when the built worker script is missing (sources unbuilt). */
  static start(init: Omit<ThreadInit, "port" | "thread">, onOutcome: (job: number, outcome: FileOutcome) => void): AnalysisThreads | undefined {
    const entry = workerEntry();
    return init.threads > 1 && entry ? new AnalysisThreads(entry, init, onOutcome) : undefined;
  }

  send(jobs: ThreadJobs): void {
    for (const port of this.ports) port.postMessage(jobs);
  }

  /** Resolves once `settled()` holds after a message, or once no worker thread is left. */
  until(settled: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (settled() || this.running === 0) {
          this.onChange = () => {};
          resolve();
        }
      };
      this.onChange = check;
      check();
    });
  }

  /** Ends every worker thread: the run no longer needs them, whether they finished, wait or still start. */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The built worker script: beside this module in dist, or in dist when running from the sources (tests). */
function workerEntry(): URL | undefined {
  const candidates = [new URL("./worker.js", import.meta.url), new URL("../../dist/src/scan/worker.js", import.meta.url)];
  return candidates.find((candidate) => candidate.protocol === "file:" && existsSync(fileURLToPath(candidate)));
}
