/**
 * fix type-checks each rewritten file before and after its rewrite, with the project's tsconfig.json,
 * and leaves a file whose rewrite adds type errors as it was, reported with them (exit 3).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { TypedProject } from "../src/analysis/types/typed-project.ts";
import { RewriteVerifier } from "../src/fix/verify.ts";
import { memocap, ROOT } from "./helpers/cli.ts";
import { validateOutput } from "./helpers/schemas.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project whose imports resolve to this repository's node_modules (lodash's types, lru-cache). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-verify-"));
  made.push(dir);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const PACKAGE_JSON = `{\n  "name": "shop",\n  "version": "1.0.0",\n  "dependencies": {\n    "lodash": "^4.17.21"\n  }\n}\n`;
const TSCONFIG = JSON.stringify({
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, esModuleInterop: true, skipLibCheck: true, types: [] },
  include: ["src"],
});
const VERBATIM_TSCONFIG = JSON.stringify({
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, verbatimModuleSyntax: true, skipLibCheck: true, types: [] },
  include: ["src"],
});

/**
 * A CommonJS TypeScript file (a package without `"type": "module"`) under `verbatimModuleSyntax`,
 * which imports with `import x = require()`: the lodash rewrite adds
 * `import { LRUCache } from "lru-cache"`, ESM syntax such a file may not contain (TS1295), so the
 * rewrite is rolled back. (The ES module beside it, `.mts`, is rewritten.)
 */
const PRICE_SERVICE = `import memoize = require("lodash/memoize");

interface PriceTable {
  price(sku: string): number;
}

function priceService(table: PriceTable) {
  const lookup = memoize((sku: string) => table.price(sku));
  return { total: (skus: string[]) => skus.reduce((sum, sku) => sum + lookup(sku), 0) };
}

export = priceService;
`;

const CATALOGUE = `import memoize from "lodash/memoize.js";

export const slugOf = memoize((title: string) => title.toLowerCase().replaceAll(" ", "-"));
`;

const BREAKS_TYPES = "rewrite rolled back: it would add a type error";
const TS1295_MESSAGE = "ECMAScript imports and exports cannot be written in a CommonJS file under 'verbatimModuleSyntax'. Adjust the 'type' field in the nearest 'package.json' to make this file an ECMAScript module, or adjust your 'verbatimModuleSyntax', 'module', and 'moduleResolution' settings in TypeScript.";
const TS1295 = `TS1295 ${TS1295_MESSAGE}`;

describe("fix verifies each rewritten file with the type checker", () => {
  it("rolls back a rewrite that would break types: the file is left, reported with the new error, and fix exits 3", () => {
    const dir = project({ "package.json": PACKAGE_JSON, "tsconfig.json": VERBATIM_TSCONFIG, "src/price-service.ts": PRICE_SERVICE, "src/catalogue.mts": CATALOGUE });
    const run = memocap(["fix", "src"], dir);
    expect(run.status).toBe(3);
    const lines = run.stderr.split("\n");
    const error = lines.findIndex((line) => line.startsWith(`error: src/price-service.ts: ${BREAKS_TYPES}`));
    expect(error).toBeGreaterThanOrEqual(0);
    // One line per new diagnostic, under the error: line:column of the rewritten text, code, message.
    expect(lines[error + 1]).toBe(`    1:10  ${TS1295}`);
    expect(readFileSync(join(dir, "src/price-service.ts"), "utf8")).toBe(PRICE_SERVICE);
    // The other file is rewritten, and it alone asks for lru-cache.
    expect(readFileSync(join(dir, "src/catalogue.mts"), "utf8")).toContain("slugOf.cache = new LRUCache({ max: 500 });");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toContain('"lru-cache"');
  });

  it("adds no dependency for a file it rolled back", () => {
    const dir = project({ "package.json": PACKAGE_JSON, "tsconfig.json": VERBATIM_TSCONFIG, "src/price-service.ts": PRICE_SERVICE });
    const run = memocap(["fix", "src"], dir);
    expect(run.status).toBe(3);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(PACKAGE_JSON);
    expect(run.stderr).toMatch(/0 rewritten in 0 files/);
  });

  it("--dry prints no diff for that file and reports it the same way", () => {
    const dir = project({ "package.json": PACKAGE_JSON, "tsconfig.json": VERBATIM_TSCONFIG, "src/price-service.ts": PRICE_SERVICE, "src/catalogue.mts": CATALOGUE });
    const run = memocap(["fix", "--dry", "src"], dir);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain("+++ b/src/catalogue.mts");
    expect(run.stdout).not.toContain("price-service.ts");
    expect(run.stderr).toContain(`error: src/price-service.ts: ${BREAKS_TYPES}`);
    expect(run.stderr).toContain(TS1295);
  });

  it("--format json gives the new diagnostics with the problem, and the site as failed; the output validates", () => {
    const dir = project({ "package.json": PACKAGE_JSON, "tsconfig.json": VERBATIM_TSCONFIG, "src/price-service.ts": PRICE_SERVICE });
    const run = memocap(["fix", "--dry", "--format", "json", "src"], dir);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(validateOutput(report)).toBe(true);
    expect(report.problems).toEqual([
      {
        file: "src/price-service.ts",
        package: ".",
        reason: expect.stringContaining(BREAKS_TYPES),
        diagnostics: [{ line: 1, column: 10, code: "TS1295", message: TS1295_MESSAGE }],
      },
    ]);
    expect(report.sites[0].change).toEqual({ status: "failed", reason: expect.stringContaining(BREAKS_TYPES) });
    // The schema describes the diagnostics strictly.
    const [problem] = report.problems;
    expect(validateOutput({ ...report, problems: [{ ...problem, diagnostics: [{ ...problem.diagnostics[0], code: 1295 }] }] })).toBe(false);
    expect(validateOutput({ ...report, problems: [{ ...problem, diagnostics: [{ ...problem.diagnostics[0], line: 0 }] }] })).toBe(false);
    expect(report.changes).toEqual([]);
  });

  it("--no-verify skips the check and rewrites the file", () => {
    const dir = project({ "package.json": PACKAGE_JSON, "tsconfig.json": VERBATIM_TSCONFIG, "src/price-service.ts": PRICE_SERVICE });
    const run = memocap(["fix", "--no-verify", "src"], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "src/price-service.ts"), "utf8")).toContain("lookup.cache = new LRUCache({ max: 500 });");
  });
});

describe("RewriteVerifier", () => {
  const verifier = new RewriteVerifier();
  const dir = project({ "tsconfig.json": TSCONFIG, "src/keep.ts": "" });
  const file = join(dir, "src/rates.ts");
  const before = `export function rate(day: string): number {\n  return day.length;\n}\n\nexport const broken: number = "one";\n`;

  it("reports an error a (deliberately broken) rewrite adds, at its place in the new text", () => {
    const after = before.replace("export function", `const bound: number = "500";\nexport function`);
    expect(verifier.addedDiagnostics(file, before, after)).toEqual([
      { line: 1, column: 7, code: "TS2322", message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });

  it("compares by code and message, not by position: an error that was there before and moved is not new", () => {
    const moved = `// a comment that moves everything down\n\n${before}`;
    expect(verifier.diagnostics(file, moved)).toHaveLength(1);
    expect(verifier.addedDiagnostics(file, before, moved)).toEqual([]);
  });

  it("counts them: one more of an error already there is new", () => {
    const twice = `${before}export const alsoBroken: number = "two";\n`;
    expect(verifier.addedDiagnostics(file, before, twice)).toEqual([
      { line: 6, column: 14, code: "TS2322", message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });

  it("lru-cache not installed yet (fix adds it to package.json): its types come from memocap's own copy", () => {
    const bare = project({ "tsconfig.json": TSCONFIG, "src/keep.ts": "" });
    rmSync(join(bare, "node_modules"));
    const file = join(bare, "src/rates.ts");
    // Typed by lru-cache, the fetchMethod's parameters are not implicitly any (TS7006 under strict).
    const importing = `import { LRUCache } from "lru-cache";\n${before}export const cache = new LRUCache<string, number>({ max: 500, fetchMethod: async (key, _stale, { signal }) => (signal.aborted ? 0 : key.length) });\n`;
    expect(verifier.addedDiagnostics(file, before, importing)).toEqual([]);
    // And what lru-cache's types reject is still an error: a value type that allows undefined.
    const wrong = `import { LRUCache } from "lru-cache";\n${before}export const cache = new LRUCache<string, number | undefined>({ max: 500 });\n`;
    expect(verifier.addedDiagnostics(file, before, wrong).map((diagnostic) => diagnostic.code)).toEqual(["TS2344"]);
  });

  it("JavaScript without checkJs: syntax errors and TypeScript's errors for any JavaScript file only; all of them with // @ts-check", () => {
    const js = join(dir, "src/legacy.js");
    const plain = `const limit = 10;\nexport function clamp(n) {\n  return Math.min(n, limit);\n}\n`;
    const typeError = plain.replace("Math.min(n, limit)", "Math.min(n, limit).toUpperCase()");
    expect(verifier.addedDiagnostics(js, plain, typeError)).toEqual([]);
    expect(verifier.addedDiagnostics(js, `// @ts-check\n${plain}`, `// @ts-check\n${typeError}`)).toEqual([
      { line: 4, column: 29, code: "TS2339", message: "Property 'toUpperCase' does not exist on type 'number'." },
    ]);
    const redeclared = `${plain}const limit = 20;\n`;
    expect(verifier.addedDiagnostics(js, plain, redeclared).map((diagnostic) => diagnostic.code)).toEqual(["TS2451", "TS2451"]);
  });
});

describe("RewriteVerifier on a file that imports much of its project: a partial program", () => {
  // Over the size from which a whole program is not built (WHOLE_PROGRAM_LIMIT): a module the rewrite does not touch.
  const BIG = `export const big: string[] = [\n${'  "filler",\n'.repeat(90_000)}];\n`;
  const dir = project({
    "tsconfig.json": TSCONFIG,
    "src/big.ts": BIG,
    "src/types.ts": `export interface Rate { value: number }\n`,
  });
  const file = join(dir, "src/rates.ts");
  const before = `import { big } from "./big.js";\nimport type { Rate } from "./types.js";\n\nexport const size: number = big.length;\nexport const broken: number = "one";\nconst cache = new Map<string, Rate>();\nexport function rateOf(day: string): number | undefined {\n  return cache.get(day)?.value;\n}\n`;

  function programsOf(run: () => void): string[][] {
    const programs: string[][] = [];
    const open = TypedProject.prototype.open;
    const spy = vi.spyOn(TypedProject.prototype, "open").mockImplementation(function (this: TypedProject, path: string, text: string, holds?: ReadonlySet<string>) {
      const typed = open.call(this, path, text, holds);
      programs.push((typed?.program.getSourceFiles() ?? []).map((sourceFile) => sourceFile.fileName).filter((name) => name.startsWith(dir)).map((name) => name.slice(dir.length + 1)).sort());
      return typed;
    });
    try {
      run();
    } finally {
      spy.mockRestore();
    }
    return programs;
  }

  it("an error in a rewritten statement, typed by an import, is found; the module the rewrite does not touch is never parsed", () => {
    const after = before.replace("cache.get(day)?.value;", "cache.get(day)?.value.toUpperCase();");
    let added: ReturnType<RewriteVerifier["addedDiagnostics"]> = [];
    const programs = programsOf(() => {
      added = new RewriteVerifier().addedDiagnostics(file, before, after);
    });
    expect(added.map(({ code, message }) => ({ code, message }))).toEqual([{ code: "TS2339", message: "Property 'toUpperCase' does not exist on type 'number'." }]);
    expect(programs.flat()).not.toContain("src/big.ts");
    expect(programs.at(-1)).toEqual(["src/rates.ts", "src/types.ts"]);
  });

  it("errors of the code the rewrite did not touch are the same before and after: none is new", () => {
    const after = `import { LRUCache } from "lru-cache";\n${before.replace("new Map<string, Rate>()", "new LRUCache<string, Rate>({ max: 500 })")}`;
    expect(new RewriteVerifier().addedDiagnostics(file, before, after)).toEqual([]);
  });
});
