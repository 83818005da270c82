import { parentPort } from "node:worker_threads";
import { Analyser } from "./analyser.ts";
import { DEFAULT_MAX } from "./analyse-file.ts";

// One Analyser per bound for the worker's life: its typed programs share parsed dependencies.
const analysers = new Map<number, Analyser>();

function analyserFor(max: number): Analyser {
  let analyser = analysers.get(max);
  if (!analyser) {
    analyser = new Analyser({ max });
    analysers.set(max, analyser);
  }
  return analyser;
}

/** Worker thread entry: analyses one file's text per message (used by transforms run on their own). */
parentPort?.on("message", ({ id, path, text, max }: { id: number; path: string; text: string; max?: number }) => {
  try {
    parentPort?.postMessage({ id, sites: analyserFor(max ?? DEFAULT_MAX).analyse(path, text) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
