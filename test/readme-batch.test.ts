/**
 * The README's batch example, taken from README.md as it is written, run with tsx (and type-checked
 * with tsc) against a copy of test/fixtures/workspace, importing memocap as a user's script would:
 * through node_modules/memocap, which points at this (built) package.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, copyToTemp } from "./helpers/cli.ts";

const MARKER = "<!-- readme-batch-example:";

/** The first ```ts block after `marker` in the README. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`no \`\`\`ts block after ${marker}`);
  return block[1]!;
}

describe("the README's batch example", () => {
  let workspace: string;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    workspace = copyToTemp("test/fixtures/workspace");
    mkdirSync(join(workspace, "node_modules"));
    symlinkSync(ROOT, join(workspace, "node_modules", "memocap"), "dir");
    writeFileSync(join(workspace, "batch.mts"), readmeBlock(MARKER));
    run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "batch.mts"], { cwd: workspace, encoding: "utf8" });
  });

  it("runs as written: one line per package", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(["@shop/pricing: 1 rewritten, 1 left, 0 problems", "@shop/catalog: 2 rewritten, 0 left, 0 problems", "@shop/rates: 2 rewritten, 2 left, 0 problems", ""].join("\n"));
  });

  it("rewrote each package, added lru-cache to each, and wrote each package's review notes", () => {
    for (const [dir, name] of [
      ["a", "@shop/pricing"],
      ["b", "@shop/catalog"],
      ["c", "@shop/rates"],
    ] as const) {
      const packageJson = JSON.parse(readFileSync(join(workspace, "packages", dir, "package.json"), "utf8"));
      expect(packageJson.dependencies["lru-cache"], dir).toBe("^11.0.0");
      const notes = readFileSync(join(workspace, "packages", dir, "memocap-report.md"), "utf8");
      expect(notes).toMatch(/^## memocap: bounded caches\n\n1 package: /);
      expect(notes).toContain(`### \`${name}\` (packages/${dir})`);
    }
    expect(readFileSync(join(workspace, "packages/a/src/prices.ts"), "utf8")).toContain("priceFor.cache = new LRUCache({ max: 500 });");
    expect(readFileSync(join(workspace, "packages/c/src/rates.ts"), "utf8")).toContain("rateOf.cache = new LRUCache({ max: 50 });");
    expect(existsSync(join(workspace, "memocap-report.md"))).toBe(false);
  });

  it("type-checks against memocap's declarations (strict), and so does the Programmatic API example", () => {
    // Not run: it would fix the folder it runs in.
    writeFileSync(join(workspace, "api-example.mts"), readmeBlock("### Programmatic API"));
    writeFileSync(
      join(workspace, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules/@types")],
        },
        files: ["batch.mts", "api-example.mts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: workspace, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
