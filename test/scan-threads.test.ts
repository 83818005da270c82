/**
 * A large run analyses files in worker threads beside the main thread (src/scan/walk.ts): whatever
 * thread took a file, the result, the progress and what `fix` is handed are those of one thread.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { DEFAULT_MAX } from "../src/analysis/analyse-file.ts";
import type { Site } from "../src/analysis/site.ts";
import { discoverConfiguredFiles } from "../src/config/configured-files.ts";
import { fix } from "../src/fix/fix.ts";
import { scan, type RunOptions } from "../src/scan.ts";
import { createQueueMemory, handedOverMemory, JobQueue } from "../src/scan/job-queue.ts";
import { walkFiles } from "../src/scan/walk.ts";
import { MIXED_PROJECT, writeProject } from "./helpers/report-project.ts";

const GENERATED = 240;
const PACKAGES = 4;
const generatedPath = (index: number) => `packages/p${index % PACKAGES}/src/m${String(index).padStart(3, "0")}.ts`;

/** Every tenth file a lodash site, every tenth a module cache, one in twenty an async site; the rest no site. */
function generated(index: number): string {
  const filler = Array.from({ length: 30 }, (_, line) => `export const value${index}_${line} = ${line} * ${index};`).join("\n");
  switch (index % 10) {
    case 0:
      return `import memoize from "lodash/memoize";\n${filler}\nexport const cached${index} = memoize((key: string) => key.repeat(${index % 7}));\n`;
    case 1:
      return `const seen = new Map<string, number>();\n${filler}\nexport function count${index}(key: string): number {\n  let n = seen.get(key);\n  if (n === undefined) {\n    n = key.length * ${index};\n    seen.set(key, n);\n  }\n  return n;\n}\n`;
    case 2:
      return index % 20 === 2
        ? `import memoize from "lodash/memoize";\nexport const load${index} = memoize(async (id: string) => { const response = await fetch(id); return response.text(); });\n`
        : `// memoize is mentioned, lodash too, but nothing is imported\n${filler}\n`;
    default:
      return `${filler}\n`;
  }
}

const PROJECT: Record<string, string> = {
  ...MIXED_PROJECT,
  "memocap.config.json": JSON.stringify({
    max: 300,
    overrides: [{ files: ["src/hot/**"], max: 50 }],
    libraries: { memoizee: { max: 70 }, moize: { rewrite: false } },
  }),
  "src/hot/prices.ts": `import memoize from "lodash/memoize";\nexport const hot = memoize((sku: string) => sku.toUpperCase());\n`,
  "src/hot/stock.ts": `import memoizee from "memoizee";\nexport const stock = memoizee((sku: string) => sku.length);\n`,
  "src/moized.ts": `import moize from "moize";\nexport const m = moize.infinite((key: string) => key.length);\n`,
  "src/binary.js": "const a = 1;\u0000\n",
  // A tsconfig.json that does not parse: a warning, once, for the first file whose sites ask for types.
  "legacy/tsconfig.json": "{ not json",
  "legacy/old.ts": `import memoize from "lodash/memoize";\nexport const old = memoize((key: string) => key.trim());\n`,
  // Four packages: the threads share out their typed programs, a package each.
  ...Object.fromEntries(Array.from({ length: PACKAGES }, (_, index) => [`packages/p${index}/package.json`, `{ "name": "p${index}" }\n`])),
  ...Object.fromEntries(Array.from({ length: GENERATED }, (_, index) => [generatedPath(index), generated(index)])),
};

let dir: string;

beforeAll(() => {
  dir = writeProject(PROJECT);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Progress = { filesDone: number; filesTotal: number; sites: number };

async function scanWith(threads: number, extra: Partial<RunOptions> = {}) {
  const progress: Progress[] = [];
  const annotated: Array<[file: string, textLength: number, sites: number]> = [];
  const result = await scan({
    cwd: dir,
    threads,
    onProgress: (state) => progress.push(state),
    annotateSites: (file: string, text: string, sites: Site[]) => annotated.push([file, text.length, sites.length]),
    ...extra,
  });
  return { result, progress, annotated: annotated.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

describe("analysis in worker threads", () => {
  it("gives the result, progress and annotations of one thread", async () => {
    const serial = await scanWith(1);
    expect(serial.result.sites.length).toBeGreaterThan(GENERATED / 5);
    expect(serial.result.problems.map((problem) => problem.reason)).toEqual(["binary file", expect.stringMatching(/^syntax error/)]);
    expect(serial.result.warnings?.map((warning) => warning.file)).toEqual([`${dir}/legacy/tsconfig.json`]);
    const planOf = (name: string) => JSON.stringify(serial.result.sites.find((site) => site.file.endsWith(name))?.plan);
    expect(planOf("hot/stock.ts")).toContain(`"name":"max","value":"70"`);
    expect(planOf("hot/prices.ts")).toContain(`"max":50`);
    expect(planOf("p0/src/m000.ts")).toContain(`"max":300`);
    expect(serial.result.sites.find((site) => site.file.endsWith("moized.ts"))?.code).toBe("MC911");

    for (const threads of [2, 3]) {
      const parallel = await scanWith(threads);
      expect(parallel.result, `${threads} threads`).toEqual(serial.result);
      expect(parallel.progress, `${threads} threads`).toEqual(serial.progress);
      expect(parallel.annotated, `${threads} threads`).toEqual(serial.annotated);
    }
  });

  it("hands fix the same files, in the same order", async () => {
    const changesWith = async (threads: number) => {
      const planned: string[] = [];
      const result = await fix({ cwd: dir, dry: true, verify: false, threads, onChange: (change) => planned.push(change.file) });
      return { planned, diffs: result.changes.map((change) => change.diff), problems: result.problems };
    };
    const serial = await changesWith(1);
    expect(serial.planned.length).toBeGreaterThan(GENERATED / 5);
    expect(await changesWith(2)).toEqual(serial);
  });

  it("gives the same result when the worker threads analyse every file, handing projects to each other", async () => {
    const walk = async (options: { threads: number; mainThreadTakesJobs?: boolean }) => {
      const discovered = await discoverConfiguredFiles({ cwd: dir });
      const analyser = new Analyser({ max: DEFAULT_MAX, maxFor: discovered.maxFor, policyFor: discovered.policyFor });
      return walkFiles(discovered, analyser, options, () => {});
    };
    const serial = await walk({ threads: 1 });
    const workers = await walk({ threads: 3, mainThreadTakesJobs: false });
    expect(workers.filesParsedElsewhere).toBe(serial.filesParsed);
    expect({ ...workers, filesParsedElsewhere: 0 }).toEqual(serial);
  });

  it("stops where the one-thread run stops, and leaves no thread behind", async () => {
    const stoppedAt = async (threads: number) => {
      const controller = new AbortController();
      return scanWith(threads, {
        signal: controller.signal,
        onProgress: (state) => {
          if (state.filesDone === 40) controller.abort();
        },
      });
    };
    const serial = await stoppedAt(1);
    expect(serial.result.sites.length).toBeGreaterThan(0);
    // Told of file 40, the run stops after it.
    const filesSeen = new Set((await discoverConfiguredFiles({ cwd: dir })).files.slice(0, 41));
    expect(serial.result.sites.every((site) => filesSeen.has(site.file))).toBe(true);
    expect((await stoppedAt(2)).result).toEqual(serial.result);
  });
});

describe("the job queue the threads share", () => {
  const queueOf = (size: number, threads: number) => {
    const memory = { ...createQueueMemory(), handedOver: handedOverMemory(size, threads) };
    return Array.from({ length: threads }, (_, thread) => new JobQueue(memory, size, threads, thread));
  };

  it("gives each job once, a handed-over job to its owner, and says done once no thread can hand one over", () => {
    const [main, worker] = queueOf(3, 2) as [JobQueue, JobQueue];
    expect(main.next()).toBe(0);
    expect(worker.next()).toBe(1);
    expect(main.handOver(0, 1)).toBe(true);
    main.finished();
    expect(main.next()).toBe(2);
    main.finished();
    // The worker is busy and may still hand its job over.
    expect(main.next()).toBe("wait");
    worker.finished();
    expect(worker.next()).toBe(0);
    expect(main.next()).toBe("wait");
    worker.finished();
    expect(main.next()).toBe("done");
    expect(worker.next()).toBe("done");
  });

  it("makes the first thread to ask the owner of a project's programs", () => {
    const [main, worker] = queueOf(1, 2) as [JobQueue, JobQueue];
    expect(worker.ownerOf("effect")).toBe(1);
    expect(main.ownerOf("effect")).toBe(1);
    expect(main.ownerOf("moize")).toBe(0);
    expect(worker.ownerOf("moize")).toBe(0);
  });

  it("hands out nothing once stopped", () => {
    const [main] = queueOf(2, 1) as [JobQueue];
    expect(main.next()).toBe(0);
    main.finished();
    main.stop();
    expect(main.next()).toBe("done");
    expect(main.claimed).toBe(1);
  });
});
