/**
 * Partial programs (src/analysis/types/typed-projects.ts): type answers come from a program that
 * holds the analysed file and only the imports the answer rests on, and they must be the answers
 * of the whole program. Each case analyses a project twice — as memocap does, and with every
 * program forced whole — and compares the sites; and it checks which files the programs held.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { Site } from "../src/analysis/site.ts";
import { TypedProject } from "../src/analysis/types/typed-project.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-partial-"));
  const all = { "tsconfig.json": `{ "compilerOptions": { "strict": true, "module": "preserve", "types": [] } }`, ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Analysis {
  sites: Site[];
  /** For each program built: whether it was partial, and the project's files it held (names relative to the project). */
  programs: Array<{ partial: boolean; files: string[] }>;
}

function analyse(dir: string, file: string, whole: boolean, wholeProgramLimit = 0): Analysis {
  const programs: Analysis["programs"] = [];
  const open = TypedProject.prototype.open;
  const spy = vi.spyOn(TypedProject.prototype, "open").mockImplementation(function (this: TypedProject, path: string, text: string, holds?: ReadonlySet<string>) {
    const typed = open.call(this, path, text, whole ? undefined : holds);
    if (typed) {
      const files = typed.program.getSourceFiles().map((sourceFile) => sourceFile.fileName).filter((name) => name.startsWith(dir)).map((name) => name.slice(dir.length + 1)).sort();
      programs.push({ partial: typed.partial !== undefined, files });
    }
    return typed;
  });
  try {
    const path = join(dir, file);
    // Every program of these small projects is partial unless an answer needs the whole one.
    const sites = new Analyser({ max: 500, wholeProgramLimit }).analyse(path, readFileSync(path, "utf8"));
    return { sites, programs };
  } finally {
    spy.mockRestore();
  }
}

/** Memocap's analysis, checked against the whole program's. */
function analyseBothWays(dir: string, file: string): Analysis {
  const partial = analyse(dir, file, false);
  const whole = analyse(dir, file, true);
  expect(whole.programs.every((program) => !program.partial)).toBe(true);
  expect(partial.sites).toEqual(whole.sites);
  return partial;
}

const heldFiles = (analysis: Analysis) => new Set(analysis.programs.flatMap((program) => program.files));
const codes = (site: Site) => [site.code, ...site.findings.map((finding) => finding.code)];

const READ_THROUGH = (valueType: string, make: string) => `const cache = new Map<string, ${valueType}>();
export function get(key: string) {
  let value = cache.get(key);
  if (!value) {
    value = ${make}(key);
    cache.set(key, value);
  }
  return value;
}
`;

/** A module nobody's answer needs: importing it must not put it in a program. */
const UNRELATED = `import { helper } from "./deep";\nexport const unrelated = (n: number) => helper(n) + 1;\n`;
const DEEP = `export function helper(n: number) { return n * 2; }\n`;

describe("answers from partial programs are the whole program's", () => {
  it("holds the imports the memoized function's types use, not the file's other imports", () => {
    const dir = project({
      "users.ts": `export interface User { id: string }\nconst users = new Map<string, User>();\nexport function findUser(id: string) { return users.get(id); }\n`,
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import memoize from "lodash/memoize";\nimport { findUser } from "./users";\nimport { unrelated } from "./unrelated";\nexport const count = unrelated(1);\nexport const find = memoize(findUser);\n`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(analysis.sites[0]?.plan?.some((plan) => "keepUndefined" in plan && plan.keepUndefined)).toBe(true);
    expect(analysis.programs.every((program) => program.partial)).toBe(true);
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "users.ts"]));
  });

  it("a `then` inherited from an interface two imports away: the cached values are promises (MC201)", () => {
    const dir = project({
      "thenable.ts": `export interface Thenable { then(onfulfilled: (value: number) => void): void }\n`,
      "result.ts": `import type { Thenable } from "./thenable";\nexport interface Result extends Thenable { id: string }\n`,
      "make.ts": `import type { Result } from "./result";\nexport declare function make(key: string): Result;\n`,
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import type { Result } from "./result";\nimport { make } from "./make";\nimport { unrelated } from "./unrelated";\nexport const count = unrelated(1);\n${READ_THROUGH("Result", "make")}`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(codes(analysis.sites[0]!)).toContain("MC201");
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "make.ts", "result.ts", "thenable.ts"]));
  });

  it("a type declared in a namespace, extending an interface from a further import", () => {
    const dir = project({
      "thenable.ts": `export interface Thenable { then(onfulfilled: (value: number) => void): void }\n`,
      "shapes.ts": `import type { Thenable } from "./thenable";\nexport declare namespace Shapes {\n  interface Box extends Thenable { id: string }\n}\n`,
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import type { Shapes } from "./shapes";\nimport { unrelated } from "./unrelated";\nexport const count = unrelated(1);\ndeclare function make(key: string): Shapes.Box;\n${READ_THROUGH("Shapes.Box", "make")}`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(codes(analysis.sites[0]!)).toContain("MC201");
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "shapes.ts", "thenable.ts"]));
  });

  it("a type guard whose type comes from a further import narrows the value as in the whole program", () => {
    const dir = project({
      "impl.ts": `export function isDefinedImpl<T>(value: T | undefined): value is T { return value !== undefined; }\n`,
      "guards.ts": `import { isDefinedImpl } from "./impl";\nexport const isDefined = isDefinedImpl;\n`,
      "main.ts": `import { isDefined } from "./guards";
declare function lookup(key: string): string | undefined;
const cache = new Map();
export function get(key: string) {
  if (cache.has(key)) return cache.get(key);
  const value = lookup(key);
  if (isDefined(value)) cache.set(key, value);
  return value;
}
`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    // Narrowed to string: never undefined, so the cache is rewritten (not left for MC922).
    expect(analysis.sites[0]).toMatchObject({ code: "MC120", verdict: "rewrite" });
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "guards.ts", "impl.ts"]));
  });

  it("the same guard through a namespace import: its member is followed once the module is held", () => {
    const dir = project({
      "impl.ts": `export function isDefinedImpl<T>(value: T | undefined): value is T { return value !== undefined; }\n`,
      "guards.ts": `import { isDefinedImpl } from "./impl";\nexport const isDefined = isDefinedImpl;\n`,
      "main.ts": `import * as guards from "./guards";
declare function lookup(key: string): string | undefined;
const cache = new Map();
export function get(key: string) {
  if (cache.has(key)) return cache.get(key);
  const value = lookup(key);
  if (guards.isDefined(value)) cache.set(key, value);
  return value;
}
`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(analysis.sites[0]).toMatchObject({ code: "MC120", verdict: "rewrite" });
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "guards.ts", "impl.ts"]));
  });

  it("a plain `any` (Object.create) is the whole program's answer: no whole program is built for it", () => {
    const dir = project({
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import { unrelated } from "./unrelated";\nexport const count = unrelated(1);\nconst proto = { twice() { return 2; } };\nconst make = (key: string) => { const made = Object.create(proto); made.key = key; return made; };\n${READ_THROUGH("any", "make").replace("new Map<string, any>()", "new Map()")}`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(analysis.sites[0]).toMatchObject({ code: "MC120" });
    expect(analysis.programs.every((program) => program.partial)).toBe(true);
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts"]));
  });

  it("a conditional type over a further import: the program holds what the condition reads", () => {
    const dir = project({
      "types.ts": `import type { Flag } from "./flag";\nexport type Value = Flag extends true ? Promise<string> : string;\n`,
      "flag.ts": `export type Flag = true;\n`,
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import type { Value } from "./types";\nimport { unrelated } from "./unrelated";\nexport const count = unrelated(1);\ndeclare function make(key: string): Value;\n${READ_THROUGH("Value", "make")}`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(codes(analysis.sites[0]!)).toContain("MC201");
    expect(heldFiles(analysis)).toEqual(new Set(["main.ts", "types.ts", "flag.ts"]));
  });

  it("a type the audit cannot follow (a mapped type) is answered by the whole program", () => {
    const dir = project({
      "result.ts": `import type { Thenable } from "./thenable";\nexport interface Result extends Thenable { id: string }\n`,
      "thenable.ts": `export interface Thenable { then(onfulfilled: (value: number) => void): void }\n`,
      "main.ts": `import type { Result } from "./result";\ndeclare function make(key: string): { [K in keyof Result]: Result[K] };\n${READ_THROUGH("{ [K in keyof Result]: Result[K] }", "make")}`,
    });
    const analysis = analyseBothWays(dir, "main.ts");
    expect(codes(analysis.sites[0]!)).toContain("MC201");
    expect(analysis.programs.at(-1)?.partial).toBe(false);
  });

  it("the imports' size decides: a file importing little is typed by its whole program at once, one importing more than the limit by partial programs", () => {
    const dir = project({
      "users.ts": `export interface User { id: string }\nexport function findUser(id: string): User | undefined { return undefined; }\n`,
      "unrelated.ts": UNRELATED,
      "deep.ts": DEEP,
      "main.ts": `import memoize from "lodash/memoize";\nimport { findUser } from "./users";\nimport { unrelated } from "./unrelated";\nexport const count = unrelated(1);\nexport const find = memoize(findUser);\n`,
    });
    const small = analyse(dir, "main.ts", false, 10_000);
    expect(small.programs).toEqual([{ partial: false, files: ["deep.ts", "main.ts", "unrelated.ts", "users.ts"] }]);
    const large = analyse(dir, "main.ts", false, 100);
    expect(large.programs.every((program) => program.partial)).toBe(true);
    expect(large.sites).toEqual(small.sites);
  });
});
