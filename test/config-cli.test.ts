/** The CLI with a configuration file, and with a tsconfig.json it cannot use. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memocap } from "./helpers/cli.ts";

const SITE = `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => k.length);\n`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-config-cli-"));
  mkdirSync(join(dir, ".git"));
  const all = { "package.json": `{ "name": "shop", "dependencies": { "lodash": "^4.17.21" } }\n`, ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CONFIGURED = {
  "memocap.config.json": JSON.stringify({ max: 300, exclude: ["src/generated/**"], overrides: [{ files: ["src/hot/**"], max: 2000 }] }),
  "src/a.ts": SITE,
  "src/hot/b.ts": SITE,
  "src/generated/c.ts": SITE,
};

/** `file → bound` from a `fix --dry` diff. */
function boundsInDiff(stdout: string): Record<string, number> {
  const bounds: Record<string, number> = {};
  let file = "";
  for (const line of stdout.split("\n")) {
    const header = /^\+\+\+ b\/(.+)$/.exec(line);
    if (header) file = header[1]!;
    const bound = /^\+f\.cache = new LRUCache\(\{ max: (\d+) \}\);$/.exec(line);
    if (bound) bounds[file] = Number(bound[1]);
  }
  return bounds;
}

describe("memocap with a configuration", () => {
  it("fix --dry uses the configuration's max, its overrides and its exclude", () => {
    const dir = tree(CONFIGURED);
    const run = memocap(["fix", "--dry", "."], dir);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(boundsInDiff(run.stdout)).toEqual({ "src/a.ts": 300, "src/hot/b.ts": 2000 });
  });

  it("--max and --exclude on the command line win over it", () => {
    const dir = tree(CONFIGURED);
    const run = memocap(["fix", "--dry", ".", "--max", "42", "--exclude", "src/hot/**"], dir);
    expect(boundsInDiff(run.stdout)).toEqual({ "src/a.ts": 42, "src/generated/c.ts": 42 });
  });

  it("a bad configuration: one line naming the file and the reason, exit 2, nothing done; --no-config ignores it", () => {
    const dir = tree({ ...CONFIGURED, "memocap.config.json": `{ "max": 0, "overrides": [] }` });
    const run = memocap(["fix", "."], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`memocap: memocap.config.json: "max" must be a whole number of at least 1 (got 0)\n`);

    const ignored = memocap(["fix", "--dry", ".", "--no-config"], dir);
    expect(ignored.status).toBe(0);
    expect(boundsInDiff(ignored.stdout)).toEqual({ "src/a.ts": 500, "src/generated/c.ts": 500, "src/hot/b.ts": 500 });
  });
});

describe("memocap with a tsconfig.json it cannot use", () => {
  it("warns once, naming the file, and goes on with default compiler options (exit 0)", () => {
    const dir = tree({
      "tsconfig.json": `{ "extends": "@company/tsconfig-base" }`,
      "src/a.ts": `import memoize from "lodash/memoize";\nconst users = new Map<string, string>();\nexport const f = memoize((id: string) => users.get(id));\n`,
      "src/b.ts": SITE,
    });
    const run = memocap(["fix", "--dry", "."], dir);
    expect(run.status).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning:"));
    expect(warnings).toEqual([expect.stringMatching(/^warning: tsconfig\.json: .*@company\/tsconfig-base.*; type facts use default compiler options$/)]);
    // The type facts still work with the defaults: undefined results are kept.
    expect(run.stdout).toMatch(/^\+f\.cache = lruCacheKeepingUndefined\(500\);$/m);
  });
});
