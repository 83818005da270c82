/**
 * Byte-identical over real code: `fix` on the real-sites-dev corpus (11 published npm packages with
 * memoization sites of every kind, test/fixtures/corpus/real-sites-dev.txt) changes no file that has
 * no rewritten site, and in each changed file only what the sites it fixed explain (the check of
 * helpers/edit-scope.ts); a package.json only gains lru-cache.
 *
 * The packages are fetched once with npm (the CI machine has registry access) into .corpus-cache/
 * (gitignored) and fixed in a temp copy: about 8 s to fetch, then about 10 s per run on 2 cores.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { structuredPatch } from "diff";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixSites, type FixResult } from "../src/index.ts";
import { ROOT } from "./helpers/cli.ts";
import { fetchCorpus } from "./helpers/corpus.ts";
import { unexplainedEdits } from "./helpers/edit-scope.ts";

const CORPUS = join(ROOT, ".corpus-cache", "real-sites-dev");
const isSource = (file: string) => /\.[cm]?[jt]sx?$/.test(file);
const withoutBom = (text: string) => text.replace(/^\uFEFF/, "");
/** A file of the result, relative to the copy (the API gives paths as it found them, relative to `cwd`). */
const inCopy = (file: string) => relative(work, resolve(work, file));

let work: string;
let before: Map<string, string>;
let after: Map<string, string>;
let result: FixResult;

async function digests(root: string): Promise<Map<string, string>> {
  const files = await glob(["**/*"], { cwd: root, dot: true, followSymbolicLinks: false, ignore: [".fetching-*/**"] });
  return new Map(files.map((file) => [file, createHash("sha1").update(readFileSync(join(root, file))).digest("hex")]));
}

beforeAll(async () => {
  fetchCorpus(join(ROOT, "test", "fixtures", "corpus", "real-sites-dev.txt"), CORPUS);
  work = mkdtempSync(join(tmpdir(), "memocap-corpus-fix-"));
  cpSync(CORPUS, work, { recursive: true, filter: (source) => !source.includes(".fetching-") });
  before = await digests(work);
  result = await fixSites({ paths: [work], cwd: work });
  after = await digests(work);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("fix over the real-sites-dev corpus", () => {
  it("rewrites files in every package that has unbounded sites", () => {
    expect(result.changes.length).toBeGreaterThanOrEqual(20);
    const packages = new Set(result.changes.map((change) => inCopy(change.file).split("/")[0]));
    expect([...packages].sort()).toEqual(expect.arrayContaining(["cli-color-2.0.4", "np-11.2.2", "serverless-3.40.0", "tailwindcss-3.4.19", "wordpress-components-41.0.0"]));
  });

  it("changes exactly the files it reports: every file without a rewritten site stays byte for byte", () => {
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file)).sort();
    expect([...before.keys()].filter((file) => !after.has(file))).toEqual([]);
    const reported = [...result.changes.map((change) => change.file), ...result.dependencyChanges.map((change) => change.packageJson)].map(inCopy).sort();
    expect(changed).toEqual(reported);
    expect(changed.filter((file) => !isSource(file) && !file.endsWith("package.json"))).toEqual([]);
  });

  it("in each changed file, changes only what the sites it fixed explain", () => {
    const problems = result.changes.flatMap((change) => {
      const file = inCopy(change.file);
      const original = withoutBom(readFileSync(join(CORPUS, file), "utf8"));
      const rewritten = withoutBom(readFileSync(join(work, file), "utf8"));
      return unexplainedEdits(file, original, rewritten, change.rewritten);
    });
    expect(problems).toEqual([]);
  });

  it("a package.json only gains lru-cache", () => {
    expect(result.dependencyChanges.length).toBeGreaterThan(0);
    for (const change of result.dependencyChanges) {
      const file = inCopy(change.packageJson);
      const patch = structuredPatch(file, file, readFileSync(join(CORPUS, file), "utf8"), readFileSync(join(work, file), "utf8"), "", "", { context: 0 });
      for (const hunk of patch.hunks) {
        const added = hunk.lines.filter((line) => line.startsWith("+")).map((line) => line.slice(1));
        const removed = hunk.lines.filter((line) => line.startsWith("-")).map((line) => line.slice(1));
        // The line before it may only gain a comma; a package without dependencies gains the section.
        const others = added.filter((line) => !line.includes('"lru-cache"') && !removed.some((old) => `${old},` === line) && !/^\s*("dependencies": \{|\},?)\s*$/.test(line));
        expect(others, file).toEqual([]);
        expect(removed.filter((line) => !added.includes(`${line},`)), file).toEqual([]);
      }
    }
  });

  it("leaves nothing unbounded that it could rewrite, and no rewrite it verified was rolled back", () => {
    const rolledBack = result.problems.filter((problem) => problem.diagnostics);
    expect(rolledBack).toEqual([]);
    expect(result.problems.map((problem) => problem.reason).filter((reason) => !/larger than/.test(reason))).toEqual([]);
  });
});
