/**
 * `fix --prettier`: the files memocap rewrites are formatted with the project's own prettier and
 * configuration, and nothing else is.
 */
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, memocap } from "./helpers/cli.ts";
import { writeProject } from "./helpers/report-project.ts";

const PACKAGE_JSON = `{ "name": "app", "version": "1.0.0", "dependencies": { "lodash": "^4.17.21", "lru-cache": "^11.0.0" } }\n`;
const PRICES = `import memoize from "lodash/memoize";\n\nexport const priceFor = memoize((sku: string) => sku.length);\n`;
const PRICES_FORMATTED = `import memoize from 'lodash/memoize';\nimport { LRUCache } from 'lru-cache';\n\nexport const priceFor = memoize((sku: string) => sku.length);\npriceFor.cache = new LRUCache({ max: 500 });\n`;
// Not a site: memocap does not touch it, so --prettier does not format it either.
const UNFORMATTED = `export const   untouched = "double quoted"\n`;

/** A project with a .prettierrc (single quotes, tabs) and the repository's prettier in its node_modules. */
function project(files: Record<string, string> = {}): string {
  const dir = writeProject({
    "package.json": PACKAGE_JSON,
    ".prettierrc": `{ "singleQuote": true, "useTabs": true }\n`,
    "src/prices.ts": PRICES,
    "src/other.ts": UNFORMATTED,
    ...files,
  });
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(ROOT, "node_modules", "prettier"), join(dir, "node_modules", "prettier"), "dir");
  return dir;
}

describe("fix --prettier", () => {
  it("formats the rewritten files with the project's configuration, and only them; a second run changes nothing", () => {
    const dir = project({ "src/nested.ts": `import memoize from "lodash/memoize";\n\nexport function make() {\n  return memoize((id: string) => id.trim());\n}\n` });
    const run = memocap(["fix", "--prettier"], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "src/prices.ts"), "utf8")).toBe(PRICES_FORMATTED);
    // Tabs from .prettierrc, where the rewrite wrapped the call.
    expect(readFileSync(join(dir, "src/nested.ts"), "utf8")).toBe(
      "import memoize from 'lodash/memoize';\nimport { LRUCache } from 'lru-cache';\n\nexport function make() {\n\treturn Object.assign(\n\t\tmemoize((id: string) => id.trim()),\n\t\t{ cache: new LRUCache({ max: 500 }) },\n\t);\n}\n",
    );
    expect(readFileSync(join(dir, "src/other.ts"), "utf8")).toBe(UNFORMATTED);

    const again = memocap(["fix", "--prettier", "--dry"], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/0 would be rewritten in 0 files/);
  });

  it("with --dry, the diff shows the formatted text and nothing is written", () => {
    const dir = project();
    const run = memocap(["fix", "--prettier", "--dry"], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("-import memoize from \"lodash/memoize\";\n+import memoize from 'lodash/memoize';\n+import { LRUCache } from 'lru-cache';\n");
    expect(run.stdout).toContain("+priceFor.cache = new LRUCache({ max: 500 });\n");
    expect(readFileSync(join(dir, "src/prices.ts"), "utf8")).toBe(PRICES);
  });

  it("leaves a file .prettierignore names unformatted (still rewritten)", () => {
    const dir = project({ ".prettierignore": "src/prices.ts\n" });
    expect(memocap(["fix", "--prettier"], dir).status).toBe(0);
    const text = readFileSync(join(dir, "src/prices.ts"), "utf8");
    expect(text).toContain('import { LRUCache } from "lru-cache";');
    expect(text).toContain("priceFor.cache = new LRUCache({ max: 500 });");
  });

  it("keeps CRLF line endings", () => {
    const dir = project({ "src/prices.ts": PRICES.replace(/\n/g, "\r\n") });
    expect(memocap(["fix", "--prettier"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "src/prices.ts"), "utf8")).toBe(PRICES_FORMATTED.replace(/\n/g, "\r\n"));
  });

  it("a configuration prettier cannot read leaves the file as it was (exit 3)", () => {
    const dir = project({ ".prettierrc": "{ not json" });
    const run = memocap(["fix", "--prettier"], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^error: src\/prices\.ts: formatting failed, file left unchanged: /m);
    expect(readFileSync(join(dir, "src/prices.ts"), "utf8")).toBe(PRICES);
  });

  it("without prettier in the project: exit 2, one line, nothing written", () => {
    const dir = writeProject({ "package.json": PACKAGE_JSON, "src/prices.ts": PRICES });
    const run = memocap(["fix", "--prettier"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`memocap: --prettier: prettier is not installed where memocap runs (${dir}); install it in the project or leave out --prettier\n`);
    expect(readFileSync(join(dir, "src/prices.ts"), "utf8")).toBe(PRICES);
  });
});
