import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixSites, scanSites } from "../src/index.ts";
import { ROOT } from "./helpers/cli.ts";

/**
 * One file that uses micro-memoize, reselect, nano-memoize, promise-memoize, utils-decorators,
 * @github/memoize, memoize-one and proxy-memoize, scanned in two projects: one that declares the
 * older majors in its package.json and has nothing installed, one whose node_modules has the current ones.
 */
const SOURCE = `import memoizeOne from "memoize-one";
import { memoize as proxyMemoize } from "proxy-memoize";
import * as micro from "micro-memoize";
import { createSelector, weakMapMemoize } from "reselect";
import nanomemoize from "nano-memoize";
import promiseMemoize from "promise-memoize";
import { memoizify } from "utils-decorators";
import githubMemoize from "@github/memoize";

export const last = memoizeOne((n: number) => n);
export const visible = proxyMemoize((s: { n: number }) => s.n);
export const area = micro.memoize((w: number, h: number) => w * h, { maxSize: Infinity });
export const load = micro.memoize(async (id: number) => id, { isPromise: true });
export const select = createSelector([(s: { a: number[] }) => s.a, (_s: unknown, id: number) => id], (a, id) => a[id]);
export const squared = weakMapMemoize((n: number) => n * n, { maxSize: 100 });
export const withTax = nanomemoize((cents: number, rate = 0.2) => cents * (1 + rate));
export const fetchUser = promiseMemoize(async (id: number) => ({ id }));
export const price = memoizify((sku: string) => sku.length);
export const slug = githubMemoize((title: string) => title.toLowerCase());
`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function project(setUp: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-scan-versions-"));
  dirs.push(dir);
  setUp(dir);
  writeFileSync(join(dir, "caches.ts"), SOURCE);
  return dir;
}

type Row = [line: number, library: string, code: string, verdict: string, findings: string];

async function rows(dir: string): Promise<Row[]> {
  const result = await scanSites({ paths: [dir], cwd: dir });
  expect(result.problems).toEqual([]);
  return result.sites.map((site) => [site.line, site.library, site.code, site.verdict, site.findings.map((finding) => finding.code).join(",")]);
}

describe("scan lists every site with its library, verdict and key bugs, for the installed majors", () => {
  it("micro-memoize 4 and reselect 5.1, declared in package.json and not installed", async () => {
    const dir = project((root) => writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { "micro-memoize": "^4.2.0", reselect: "~5.1.1" } })));
    expect(await rows(dir)).toEqual([
      [10, "memoize-one", "MC112", "none", ""],
      [11, "proxy-memoize", "MC112", "none", ""],
      [12, "micro-memoize", "MC113", "rewrite", ""],
      [13, "micro-memoize", "MC112", "none", ""],
      [14, "reselect", "MC114", "rewrite", ""],
      [15, "reselect", "MC114", "rewrite", "MC430"],
      [16, "nano-memoize", "MC115", "rewrite", "MC405"],
      [17, "promise-memoize", "MC116", "rewrite", ""],
      [18, "utils-decorators", "MC117", "rewrite", ""],
      [19, "@github/memoize", "MC118", "rewrite", ""],
    ]);
  });

  it("micro-memoize 5.2 and reselect 5.3, installed", async () => {
    const dir = project((root) => {
      mkdirSync(join(root, "node_modules"));
      for (const name of ["micro-memoize", "reselect"]) symlinkSync(join(ROOT, "node_modules", name), join(root, "node_modules", name), "dir");
    });
    expect(await rows(dir)).toEqual([
      [10, "memoize-one", "MC112", "none", ""],
      [11, "proxy-memoize", "MC112", "none", ""],
      [12, "micro-memoize", "MC112", "none", "MC430"],
      [13, "micro-memoize", "MC112", "none", "MC202"],
      [14, "reselect", "MC114", "rewrite", ""],
      [15, "reselect", "MC110", "none", ""],
      [16, "nano-memoize", "MC115", "rewrite", "MC405"],
      [17, "promise-memoize", "MC116", "rewrite", ""],
      [18, "utils-decorators", "MC117", "rewrite", ""],
      [19, "@github/memoize", "MC118", "rewrite", ""],
    ]);
  });

  it("fix --dry rewrites the file for the declared majors, to a fixed point", async () => {
    const dir = project((root) => writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { "micro-memoize": "^4.2.0", reselect: "~5.1.1" } })));
    let after = "";
    const result = await fixSites({ paths: [dir], cwd: dir, dry: true, onChange: (change) => (after = change.after) });
    expect(result.problems).toEqual([]);
    expect(after).toContain(`import { createSelector, weakMapMemoize, lruMemoize } from "reselect";`);
    expect(after).toContain(`export const area = micro.memoize((w: number, h: number) => w * h, { maxSize: 500 });`);
    expect(after).toContain(`export const squared = lruMemoize((n: number) => n * n, { maxSize: 100 });`);
    expect(after).toContain(`export const withTax = boundedNanomemoize((cents: number, rate = 0.2) => cents * (1 + rate), { max: 500 });`);
    expect(after).toContain(`export const fetchUser = boundedPromiseMemoize(async (id: number) => ({ id }), { max: 500 });`);
    expect(after).not.toMatch(/from "(nano|promise)-memoize"/);
    expect(result.rewritten.map((site) => site.line)).toEqual([12, 14, 15, 16, 17, 18, 19]);
  });
});
