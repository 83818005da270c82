import { workerData } from "node:worker_threads";
import { Analyser } from "../analysis/analyser.ts";
import { DEFAULT_MAX } from "../analysis/analyse-file.ts";
import type { ThreadInit, ThreadJobs, ThreadMessage } from "./analysis-threads.ts";
import { configuredAnswers } from "./file-settings.ts";
import { JobQueue } from "./job-queue.ts";
import { runJob } from "./run-job.ts";

/**
 * Worker thread entry of a scan (src/scan/analysis-threads.ts): loads the analysis, waits for the
 * run's jobs, then takes and analyses them until none is left, sending each outcome as it is known.
 */
const { port, thread, threads, memory, typeFacts } = workerData as ThreadInit;

port.once("message", (jobs: ThreadJobs) => {
  analyseJobs(jobs);
  port.close();
});

function analyseJobs(jobs: ThreadJobs): void {
  const queue = new JobQueue({ ...memory, handedOver: jobs.handedOver }, jobs.files.length, threads, thread);
  // As analyseFiles builds the main thread's Analyser, with the configuration's answers sent as data.
  const analyser = new Analyser({ max: DEFAULT_MAX, typeFacts, ...configuredAnswers(jobs.files, jobs.settings) });
  const context = { queue, analyser, files: jobs.files, texts: jobs.texts };
  for (let job = queue.next(); job !== "done"; job = queue.next()) {
    if (job === "wait") {
      queue.waitBlocking();
      continue;
    }
    const outcome = runJob(job, context);
    if (outcome) port.postMessage({ job, outcome } satisfies ThreadMessage);
  }
  port.postMessage({ done: true } satisfies ThreadMessage);
}
