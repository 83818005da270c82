import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNearestPackageJson, LRU_CACHE_RANGE, planDependency } from "../src/fix/package-json.ts";

function json(value: unknown, indent: string | number = 2): string {
  return JSON.stringify(value, null, indent) + "\n";
}

function added(text: string, name = "lru-cache", range = LRU_CACHE_RANGE): string {
  const plan = planDependency(text, name, range);
  if (plan.kind !== "add") throw new Error(`expected "add", got ${JSON.stringify(plan)}`);
  return plan.newText;
}

describe("planDependency", () => {
  it("reports a dependency that is already declared", () => {
    const text = json({ name: "app", dependencies: { "lru-cache": "^11.1.0" } });
    expect(planDependency(text, "lru-cache", LRU_CACHE_RANGE)).toEqual({
      kind: "present",
      section: "dependencies",
      range: "^11.1.0",
    });
  });

  it("counts peerDependencies and optionalDependencies as present", () => {
    expect(planDependency(json({ peerDependencies: { "lru-cache": ">=10" } }), "lru-cache", "^11.0.0")).toEqual({
      kind: "present",
      section: "peerDependencies",
      range: ">=10",
    });
    expect(planDependency(json({ optionalDependencies: { "lru-cache": "11.0.0" } }), "lru-cache", "^11.0.0")).toEqual(
      { kind: "present", section: "optionalDependencies", range: "11.0.0" },
    );
  });

  it("adds a devDependency-only package to dependencies and keeps the dev entry", () => {
    const text = json({ name: "app", dependencies: { chalk: "^5.0.0" }, devDependencies: { "lru-cache": "^11.0.0" } });
    expect(JSON.parse(added(text))).toEqual({
      name: "app",
      dependencies: { chalk: "^5.0.0", "lru-cache": "^11.0.0" },
      devDependencies: { "lru-cache": "^11.0.0" },
    });
  });

  it("appends a missing dependencies section at the end", () => {
    const text = json({ name: "app", version: "1.0.0", devDependencies: { vitest: "^4.0.0" } });
    expect(added(text)).toBe(
      json({
        name: "app",
        version: "1.0.0",
        devDependencies: { vitest: "^4.0.0" },
        dependencies: { "lru-cache": "^11.0.0" },
      }),
    );
  });

  it("keeps top-level key order and edits dependencies in place", () => {
    const text = json({ name: "app", dependencies: { zod: "^3.0.0" }, scripts: { test: "vitest" } });
    expect(Object.keys(JSON.parse(added(text)))).toEqual(["name", "dependencies", "scripts"]);
  });

  it("inserts in alphabetical position when the keys are sorted", () => {
    const text = json({ dependencies: { chalk: "^5.0.0", "left-pad": "1.0.0", yargs: "^18.0.0" } });
    expect(Object.keys(JSON.parse(added(text)).dependencies)).toEqual(["chalk", "left-pad", "lru-cache", "yargs"]);
    expect(Object.keys(JSON.parse(added(json({ dependencies: { zod: "1" } }))).dependencies)).toEqual([
      "lru-cache",
      "zod",
    ]);
  });

  it("appends when the existing keys are not sorted", () => {
    const text = json({ dependencies: { yargs: "^18.0.0", chalk: "^5.0.0" } });
    expect(Object.keys(JSON.parse(added(text)).dependencies)).toEqual(["yargs", "chalk", "lru-cache"]);
  });

  it("keeps a 4-space indent", () => {
    const text = json({ name: "app", dependencies: { chalk: "^5.0.0" } }, 4);
    expect(added(text)).toBe(json({ name: "app", dependencies: { chalk: "^5.0.0", "lru-cache": "^11.0.0" } }, 4));
  });

  it("keeps a tab indent", () => {
    const text = json({ name: "app" }, "\t");
    expect(added(text)).toBe('{\n\t"name": "app",\n\t"dependencies": {\n\t\t"lru-cache": "^11.0.0"\n\t}\n}\n');
  });

  it("keeps CRLF line endings", () => {
    const text = '{\r\n  "name": "app"\r\n}\r\n';
    expect(added(text)).toBe('{\r\n  "name": "app",\r\n  "dependencies": {\r\n    "lru-cache": "^11.0.0"\r\n  }\r\n}\r\n');
  });

  it("keeps a missing final newline missing", () => {
    const text = '{\n  "name": "app"\n}';
    expect(added(text)).toBe('{\n  "name": "app",\n  "dependencies": {\n    "lru-cache": "^11.0.0"\n  }\n}');
  });

  it("keeps a byte order mark", () => {
    expect(added('\uFEFF{\n  "name": "app"\n}\n').startsWith('\uFEFF{\n  "name": "app",')).toBe(true);
  });

  it("changes only the lines around the new entry in an npm-formatted file", () => {
    const original = json({ name: "app", dependencies: { chalk: "^5.0.0" }, files: ["dist"] });
    const lines = added(original).split("\n");
    expect(lines.filter((line) => !original.split("\n").includes(line))).toEqual([
      '    "chalk": "^5.0.0",',
      '    "lru-cache": "^11.0.0"',
    ]);
  });

  it("flags a declared range below the needed major", () => {
    const text = json({ dependencies: { "lru-cache": "^7.0.0" } });
    expect(planDependency(text, "lru-cache", LRU_CACHE_RANGE)).toEqual({
      kind: "incompatible",
      section: "dependencies",
      range: "^7.0.0",
      reason: "lru-cache ^7.0.0 is declared in dependencies; memocap needs >=10 for the named LRUCache export",
    });
  });

  it("flags an old devDependency, since npm installs the dev range for the package itself", () => {
    const plan = planDependency(json({ devDependencies: { "lru-cache": "~6.0.0" } }), "lru-cache", LRU_CACHE_RANGE);
    expect(plan).toMatchObject({ kind: "incompatible", section: "devDependencies", range: "~6.0.0" });
  });

  it("honours minMajor", () => {
    const text = json({ dependencies: { "lru-cache": "^10.4.0" } });
    expect(planDependency(text, "lru-cache", LRU_CACHE_RANGE, 11).kind).toBe("incompatible");
    expect(planDependency(text, "lru-cache", LRU_CACHE_RANGE, 10).kind).toBe("present");
  });

  it.each(["latest", "github:isaacs/node-lru-cache", "git+https://example.com/lru-cache.git", "file:../lru-cache"])(
    "accepts the unparsable range %s",
    (range) => {
      const text = json({ dependencies: { "lru-cache": range } });
      expect(planDependency(text, "lru-cache", LRU_CACHE_RANGE)).toEqual({
        kind: "present",
        section: "dependencies",
        range,
      });
    },
  );

  it("reports JSON that does not parse", () => {
    const plan = planDependency('{\n  "name": "app",\n}\n', "lru-cache", LRU_CACHE_RANGE);
    expect(plan.kind).toBe("invalid");
    expect(plan.kind === "invalid" && plan.reason).toMatch(/^package\.json does not parse: \S/);
  });

  it("reports a package.json that is not an object, or whose dependencies are not", () => {
    expect(planDependency("[]", "lru-cache", LRU_CACHE_RANGE)).toEqual({
      kind: "invalid",
      reason: "package.json is not a JSON object",
    });
    expect(planDependency(json({ dependencies: ["lru-cache"] }), "lru-cache", LRU_CACHE_RANGE)).toEqual({
      kind: "invalid",
      reason: 'package.json "dependencies" is not an object',
    });
  });
});

describe("findNearestPackageJson", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "memocap-pkg-"));
    await mkdir(path.join(root, "repo", "packages", "a", "src", "deep"), { recursive: true });
    await mkdir(path.join(root, "repo", "src"), { recursive: true });
    await writeFile(path.join(root, "repo", "package.json"), "{}\n");
    await writeFile(path.join(root, "repo", "packages", "a", "package.json"), "{}\n");
    // A directory named package.json is not a manifest.
    await mkdir(path.join(root, "repo", "packages", "a", "src", "package.json"));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("finds the closest package.json above a file", async () => {
    const file = path.join(root, "repo", "packages", "a", "src", "deep", "index.ts");
    expect(await findNearestPackageJson(file)).toBe(path.join(root, "repo", "packages", "a", "package.json"));
    expect(await findNearestPackageJson(path.join(root, "repo", "src", "x.ts"))).toBe(
      path.join(root, "repo", "package.json"),
    );
  });

  it("looks in stopAt itself but not above it", async () => {
    const file = path.join(root, "repo", "src", "x.ts");
    expect(await findNearestPackageJson(file, path.join(root, "repo"))).toBe(path.join(root, "repo", "package.json"));
    expect(await findNearestPackageJson(file, path.join(root, "repo", "src"))).toBeUndefined();
  });

  it("returns undefined when there is none up to the root", async () => {
    expect(await findNearestPackageJson(path.join(root, "x.ts"))).toBeUndefined();
  });
});

describe("planDependency edits only the dependency", () => {
  it("leaves the rest of the file byte for byte (one-line arrays, odd spacing)", () => {
    const text = `{\n  "name": "app",\n  "files": ["dist", "bin"],\n  "dependencies": {\n    "lodash": "^4.17.21"\n  },\n  "scripts": {"build":  "tsc"}\n}\n`;
    const plan = planDependency(text, "lru-cache", "^11.0.0");
    expect(plan).toEqual({
      kind: "add",
      newText: `{\n  "name": "app",\n  "files": ["dist", "bin"],\n  "dependencies": {\n    "lodash": "^4.17.21",\n    "lru-cache": "^11.0.0"\n  },\n  "scripts": {"build":  "tsc"}\n}\n`,
    });
  });
});
