import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileInfo, Options } from "jscodeshift";
import type { Site } from "../analysis/site.ts";

declare const __dirname: string | undefined;

/**
 * Under plain `jscodeshift -t transforms/<name>.ts`, jscodeshift loads the transform through
 * @babel/register, whose require hook would push ts-morph itself through Babel (and fail on it).
 * So the analysis runs in a worker thread, which has a module system of its own without that hook,
 * loaded from the built package. One worker serves every file of the process.
 */
/** The sites of `file` a transform rewrites: from memocap's analysis in `options.sites`, or its own when run alone. */
export async function sitesToRewrite(transform: string, file: FileInfo, options: Options): Promise<Site[]> {
  const sites = (options.sites as Site[] | undefined) ?? (await analyseStandalone(file, options));
  return sites.filter((site) => site.verdict === "rewrite" && site.transform === transform);
}

export async function analyseStandalone(file: FileInfo, options: Options): Promise<Site[]> {
  const max = options.max === undefined ? undefined : Number(options.max);
  return analysisWorker().request({ path: file.path, text: file.source, max: max && max > 0 ? max : undefined });
}

interface Request {
  path: string;
  text: string;
  max: number | undefined;
}

type Reply = { id: number; sites: Site[] } | { id: number; error: string };

class AnalysisWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(sites: Site[]): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor(entry: string) {
    this.worker = new Worker(entry);
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (error) => this.failAll(error));
  }

  request(request: Request): Promise<Site[]> {
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (!waiting) return;
    if ("error" in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.sites);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

let shared: AnalysisWorker | undefined;

function analysisWorker(): AnalysisWorker {
  shared ??= new AnalysisWorker(workerEntry());
  return shared;
}

function workerEntry(): string {
  const here = typeof __dirname === "string" ? __dirname : process.cwd();
  // From src/rewrite (the TypeScript sources, under jscodeshift) or dist/src/rewrite (built).
  const candidates = [join(here, "../../dist/src/analysis/worker.js"), join(here, "../analysis/worker.js")];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error("memocap is not built: run `npm run build` (or `npm ci`) in the memocap folder first");
  return found;
}
