import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { scan } from "../src/index.ts";
import { ROOT } from "./helpers/cli.ts";

/**
 * One file that uses every library memocap knows at once, in a project where each is installed
 * (the versions of this repository's devDependencies): scan names each site's library, its verdict
 * and every key bug with its own code.
 */
const LIBRARIES = ["lodash", "memoizee", "fast-memoize", "@formatjs/fast-memoize", "mem", "memoize", "p-memoize", "moize", "micro-memoize", "memize", "memoizerific", "reselect", "nano-memoize", "promise-memoize", "utils-decorators", "@github/memoize", "memoize-one", "proxy-memoize", "lru-cache"];

const SOURCE = `import _ from "lodash";
import memoizee from "memoizee";
import fastMemoize from "fast-memoize";
import { memoize as formatjsMemoize } from "@formatjs/fast-memoize";
import mem from "mem";
import memoize from "memoize";
import pMemoize from "p-memoize";
import moize from "moize";
import { memoize as microMemoize } from "micro-memoize";
import memize from "memize";
import memoizerific from "memoizerific";
import { createSelector, lruMemoize } from "reselect";
import nanomemoize from "nano-memoize";
import promiseMemoize from "promise-memoize";
import { memoizify } from "utils-decorators";
import githubMemoize from "@github/memoize";
import memoizeOne from "memoize-one";
import { memoize as proxyMemoize } from "proxy-memoize";

interface Point { x: number; y: number }

export const byFirst = _.memoize((a: string, b: string) => a + b);
export const byPoint = _.memoize((p: Point) => p.x + p.y);
export const rest = memoizee((...parts: string[]) => parts.join("/"));
export const bounded = memoizee((k: string) => k, { max: 100 });
export const json = fastMemoize((x: number, y = 1) => x + y);
export const intl = formatjsMemoize((locale: string) => locale);
export const joined = mem((a: string, b: string) => a + b);
export const norm = memoize((p: Point) => p.x + p.y);
export const load = pMemoize(async (id: string) => id);
export const forever = moize.infinite((k: string) => k);
export const sized = moize((k: string) => k);
export const one = microMemoize((w: number, h: number) => w * h);
export const fast = memize((k: string) => k);
const shared = memoizerific(0);
export const left = shared((k: string) => k);
export const right = shared((k: number) => k);
export const select = createSelector([(s: { a: number[] }) => s.a, (_s: unknown, id: number) => id], (a, id) => a[id]);
export const lru = lruMemoize((n: number) => n * 2);
export const tax = nanomemoize((cents: number, rate = 0.2) => cents * (1 + rate));
export const user = promiseMemoize(async (id: number) => ({ id }));
export const price = memoizify((sku: string) => sku.length);
export const slug = githubMemoize((title: string) => title.toLowerCase());
export const last = memoizeOne((n: number) => n);
export const visible = proxyMemoize((s: { n: number }) => s.n);
`;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "memocap-every-library-"));
  for (const name of LIBRARIES) {
    const link = join(project, "node_modules", name);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", name), link, "dir");
  }
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true } }));
  writeFileSync(join(project, "caches.ts"), SOURCE);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

it("scan of one file using every library lists each site with its library, verdict and key bugs", async () => {
  const result = await scan({ paths: [project], cwd: project });
  expect(result.problems).toEqual([]);
  const rows = result.sites.map((site) => [site.name, site.library, site.verdict, site.code, ...site.findings.map((finding) => finding.code)]);
  expect(rows).toEqual([
    ["byFirst", "lodash", "rewrite", "MC101", "MC402"],
    ["byPoint", "lodash", "rewrite", "MC101", "MC401"],
    ["rest", "memoizee", "rewrite", "MC102", "MC403"],
    ["bounded", "memoizee", "none", "MC110"],
    ["json", "fast-memoize", "rewrite", "MC103", "MC405"],
    ["intl", "fast-memoize", "rewrite", "MC103"],
    ["joined", "mem", "rewrite", "MC104", "MC404"],
    ["norm", "memoize", "rewrite", "MC105", "MC401"],
    ["load", "p-memoize", "rewrite", "MC106"],
    ["forever", "moize", "rewrite", "MC107"],
    ["sized", "moize", "none", "MC112"],
    ["one", "micro-memoize", "none", "MC112"],
    ["fast", "memize", "rewrite", "MC108"],
    ["shared", "memoizerific", "rewrite", "MC109", "MC406"],
    ["select", "reselect", "rewrite", "MC114"],
    ["lru", "reselect", "none", "MC112"],
    ["tax", "nano-memoize", "rewrite", "MC115", "MC405"],
    ["user", "promise-memoize", "rewrite", "MC116"],
    ["price", "utils-decorators", "rewrite", "MC117"],
    ["slug", "@github/memoize", "rewrite", "MC118"],
    ["last", "memoize-one", "none", "MC112"],
    ["visible", "proxy-memoize", "none", "MC112"],
  ]);
});
