import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FIXTURES, fn, loadFixture, measure, sideBySide, type FixtureModule, type Probe } from "./probe.ts";

/**
 * The fixtures under bound-memoize/older-majors are written for micro-memoize 4 and reselect 5.1,
 * which this repository has as the `micro-memoize-v4` and `reselect-5.1` packages; a fixture imports
 * them by their own names. So the fixtures run in a throw-away project whose node_modules maps each
 * name to that major (symbolic links), as an install of those versions would: Node's own
 * resolution, for ESM and CommonJS alike.
 */

const ROOT = join(import.meta.dirname, "..", "..");
const OLDER_MAJORS = join(FIXTURES, "bound-memoize", "older-majors");
const PACKAGES: Record<string, string> = { "micro-memoize": "micro-memoize-v4", reselect: "reselect-5.1", "lru-cache": "lru-cache" };
const MAX = 500;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "memocap-older-majors-"));
  mkdirSync(join(project, "node_modules"));
  for (const [name, installed] of Object.entries(PACKAGES)) {
    symlinkSync(join(ROOT, "node_modules", installed), join(project, "node_modules", name), "dir");
  }
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A fixture of `folder`, copied into the project so that its imports resolve to the older majors. */
function inProject(folder: string, name: string): string {
  const copy = join(project, name);
  copyFileSync(join(folder, name), copy);
  return copy;
}

const selector = (name: string) => (m: FixtureModule) => (id: unknown) => fn(m[name])(m.state, id);

const PROBES: Record<string, Probe> = {
  "micro-memoize 4 default import, maxSize: Infinity": { fixture: "micro-memoize-v4-default-import.input.ts", pick: (m) => fn(m.distance), args: (i) => [`from-${i}`, "to"] },
  "micro-memoize 4 in .js": { fixture: "micro-memoize-v4-in-js.input.js", pick: (m) => fn(m.parse), args: (i) => [`${i},${i + 1}`] },
  "micro-memoize 4 required": { fixture: "micro-memoize-v4-require.input.cjs", pick: (m) => fn(m.square), args: (i) => [i] },
  "reselect 5.1 createSelector → lruMemoize": { fixture: "reselect-5.1-named-import.input.ts", pick: selector("selectLabel"), args: (i) => [i] },
  "reselect 5.1 weakMapMemoize → lruMemoize": { fixture: "reselect-5.1-named-import.input.ts", pick: (m) => fn(m.square), args: (i) => [i] },
  "reselect 5.1 namespace import in .js": { fixture: "reselect-5.1-in-js.input.js", pick: selector("selectTotal"), args: (i) => [i] },
  "reselect 5.1 destructured from require": { fixture: "reselect-5.1-require.input.cjs", pick: selector("selectName"), args: (i) => [i] },
  "reselect 5.1 createSelectorCreator(weakMapMemoize) → its options form with lruMemoize": {
    fixture: "reselect-5.1-require.input.cjs",
    pick: (m) => createdSelector(m, "createWeakSelector"),
    args: (i) => [i],
  },
};

/** A selector made with the module's selector creator, counting its computations in the module's counter. */
function createdSelector(module: FixtureModule, creator: string): (...args: unknown[]) => unknown {
  const create = fn(module[creator]);
  const select = fn(
    create([(s: { names: string[] }) => s.names, (_s: unknown, index: number) => index], (names: string[], index: number) => {
      module.computed.count++;
      return `${names.length}:${index}`;
    }),
  );
  return (index) => select(module.state, index);
}

describe("older majors: input and output side by side, with micro-memoize 4 and reselect 5.1", () =>
  sideBySide(PROBES, (fixture) => inProject(OLDER_MAJORS, fixture), MAX),
);

describe("why the rewrite depends on the major", () => {
  const outcome = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: Error) => error.message);

  it("micro-memoize 4 drops a rejection with isPromise, which memocap writes for it; v5's `async` it ignores", async () => {
    const fixture = "micro-memoize-v4-default-import.input.ts";
    const [input, output] = await Promise.all([loadFixture(inProject(OLDER_MAJORS, fixture)), loadFixture(inProject(OLDER_MAJORS, fixture.replace(".input.", ".output.")))]);
    const calls = async (module: FixtureModule, name: string) => {
      const load = fn(module[name]) as (id: number) => Promise<unknown>;
      const start = module.computed.count;
      await outcome(load(-1));
      expect(await outcome(load(-1))).toBe("no user -1");
      return module.computed.count - start;
    };
    expect(await calls(input, "loadUser")).toBe(1);
    expect(await calls(output, "loadUser")).toBe(2);
    // `async: true` is micro-memoize 5's name: v4 keeps the rejection (MC202 says so; memocap leaves it).
    expect(await calls(output, "loadOrder")).toBe(1);
  });

  it("reselect 5.1 ignores weakMapMemoize's maxSize: the output written for 5.3 would stay unbounded there", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const writtenFor53 = await loadFixture(inProject(join(FIXTURES, "bound-memoize"), "reselect-named-import.output.ts"));
      const measured = await measure(writtenFor53, selector("selectLabel")(writtenFor53), (i) => [i], 10 * MAX);
      expect(measured.retained).toBe(10 * MAX);
    } finally {
      warn.mockRestore();
    }
  });
});
