/**
 * The prefilter's second looks, shape by shape: each shape it keeps out of the parser is shown to
 * hold no site (the whole analysis runs on it and finds none), and each shape of a real site still
 * gets through, with the same sites whether the analysis skips the parts the prefilter rules out or
 * runs them all.
 */
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { PREFILTER, prefilterFacts } from "../src/analysis/libraries/index.ts";

const exhaustive = new Analyser({ max: 500, typeFacts: false, exhaustive: true });
const analyser = new Analyser({ max: 500, typeFacts: false });

/** A shape: its file's text, as TypeScript unless the name says otherwise. */
type Shapes = Record<string, string | { file: string; text: string }>;

function fileOf(title: string, shape: Shapes[string]): { file: string; text: string } {
  return typeof shape === "string" ? { file: `/project/${title.includes("JavaScript") ? "shape.js" : "shape.ts"}`, text: shape } : shape;
}

function keptOut(shapes: Shapes): void {
  for (const [title, shape] of Object.entries(shapes)) {
    it(`keeps out ${title}, which holds no site`, () => {
      const { file, text } = fileOf(title, shape);
      expect(PREFILTER.test(text)).toBe(false);
      expect(exhaustive.analyse(file, text)).toEqual([]);
    });
  }
}

function letThrough(shapes: Shapes): void {
  for (const [title, shape] of Object.entries(shapes)) {
    it(`lets through ${title}`, () => {
      const { file, text } = fileOf(title, shape);
      expect(PREFILTER.test(text)).toBe(true);
      const sites = exhaustive.analyse(file, text);
      expect(sites.length).toBeGreaterThan(0);
      expect(analyser.analyse(file, text)).toEqual(sites);
    });
  }
}

const CALL = `export const f = memoize((k: string) => k.length);`;

describe("library imports", () => {
  letThrough({
    "an import": `import memoize from "lodash/memoize";\n${CALL}`,
    "a named import among type-only specifiers": `import { type DebouncedFunc, memoize } from "lodash";\n${CALL}`,
    "a default import named `type`": `import type from "memoizee";\nexport const f = type((k: string) => k.length);`,
    "a require in JavaScript": `const memoize = require("lodash.memoize");\nexports.f = memoize((k) => k.length);`,
    "an interop helper around a require in JavaScript": `var _memoize = _interopRequireDefault(require("lodash/memoize.js"));\nexports.f = (0, _memoize.default)((k) => k.length);`,
    "a require of a template in JavaScript": "const memoizee = require(`memoizee`);\nmodule.exports = memoizee((k) => k.length);",
    "an import-equals": `import moize = require("moize");\nexport const f = moize((k: string) => k.length);`,
    "an alias of a namespace's member": `import * as _ from "lodash";\nconst m = _.memoize;\nexport const f = m((k: string) => k.length);`,
    "a comment between `from` and the module": `import memoize from /* the library */ "lodash/memoize";\n${CALL}`,
    "a comment between `require` and its parenthesis in JavaScript": `const memoize = require /* the library */ ("lodash.memoize");\nexports.f = memoize((k) => k.length);`,
    "a line comment before the module": `import memoize from // the library\n  "lodash/memoize";\n${CALL}`,
    "an import after a doc comment's example": `/**\n * import memoize from "lodash/memoize";\n */\nimport memoize from "lodash/memoize";\n${CALL}`,
    "an import next to a re-export and a type-only import": `export { default as m } from "lodash/memoize";\nimport type { Options } from "memoizee";\nimport memoizee from "memoizee";\nexport const f = memoizee((k: string) => k.length);`,
    "a memoizing decorator": `import { Memoize } from "typescript-memoize";\nexport class A {\n  @Memoize()\n  get(k: string): number {\n    return k.length;\n  }\n}`,
    "an ignored call": `import memoize from "lodash/memoize";\n// memocap-ignore\n${CALL}`,
  });

  keptOut({
    "an import in a doc comment's example": `/**\n * @example\n * import memoize from 'lodash/memoize';\n * const f = memoize(g);\n */\nexport function g(): void {}`,
    "an import with braces in a doc comment's example": `/**\n *   import { createSelector } from 'reselect'\n *   const s = createSelector([a], (x) => x)\n */\nexport const a = (state: { a: number }) => state.a;`,
    "a require in a doc comment's example": `/**\n * const memoize = require("lodash.memoize");\n */\nexport function g(): void {}`,
    "an import in a line comment": `// import memoize from "lodash/memoize";\nexport const x = 1;`,
    "re-exports": `export { createSelector, lruMemoize } from 'reselect'\nexport type { Selector } from 'reselect'\nexport * from "lodash";\nexport * as moize from "moize";`,
    "type-only imports": `import type { Selector } from "reselect";\nimport type * as M from "moize";\nimport type Memoizee from "memoizee";\nexport type S = Selector<{ a: number }, number>;`,
    "a type-only import called as a value (a type error)": `import type { memoize } from "lodash";\n${CALL}`,
    "a library's name in other strings": `const name = "memoize";\nexport const path = name.replace('micro-memoize', 'micro-memoize/mjs/index.mjs');\nexport type K = 'memoize' | 'memoizeOptions';`,
    "a dynamic import (which the analysis does not follow)": `export async function f() {\n  const { memoize } = await import("lodash");\n  return memoize((k: string) => k.length);\n}`,
    "a side-effect import": `import "lodash";\nexport const x = 1;`,
  });
});

const READ_THROUGH = `export function f(k: string): number {\n  if (!cache.has(k)) cache.set(k, k.length * 2);\n  return cache.get(k)!;\n}`;
const OBJECT_FILL = `export function f(k) {\n  return cache[k] ?? (cache[k] = k.length * 2);\n}`;

describe("module caches", () => {
  letThrough({
    "a const Map": `const cache = new Map<string, number>();\n${READ_THROUGH}`,
    "a let Map": `let cache = new Map<string, number>();\n${READ_THROUGH}`,
    "an exported Map": `export const cache = new Map<string, number>();\n${READ_THROUGH}`,
    "a var object in JavaScript": `var cache = {};\n${OBJECT_FILL}`,
    "Object.create(null) in JavaScript": `var cache = Object.create(null);\n${OBJECT_FILL}`,
    "a JSDoc-typed Map in JavaScript": `/** @type {Map<string, number>} */\nconst cache = new Map();\nexport function f(k) {\n  if (!cache.has(k)) cache.set(k, k.length * 2);\n  return cache.get(k);\n}`,
    "a JSDoc cast in JavaScript": `const cache = /** @type {Record<string, number>} */ ({});\n${OBJECT_FILL}`,
    "a store in parentheses": `const cache = (new Map<string, number>());\n${READ_THROUGH}`,
    "a store after a bundler's comment in JavaScript": `var cache = /* @__PURE__ */ new Map();\nexport function f(k) {\n  if (!cache.has(k)) cache.set(k, k.length * 2);\n  return cache.get(k);\n}`,
    "a type annotation over several lines": `const cache: Map<\n  string,\n  number\n> = new Map();\n${READ_THROUGH}`,
    "an object type over several lines": `const cache: {\n  [key: string]: number;\n} = {};\nexport function f(k: string): number {\n  return cache[k] ?? (cache[k] = k.length * 2);\n}`,
    "the last declarator of a list in JavaScript": `var limit = 10,\n    cache = {};\n${OBJECT_FILL}`,
    "a declarator after a comma-first list in JavaScript": `var limit = 10\n  , cache = {}\n${OBJECT_FILL}`,
    "a typed later declarator": `let limit = 10,\n  cache: Record<string, number> = {};\nexport function f(k: string): number {\n  return cache[k] ?? (cache[k] = k.length * limit);\n}`,
    "a declarator after a comment line in JavaScript": `var limit = 10,\n    // results by key\n    cache = {};\n${OBJECT_FILL}`,
    "a declarator after brackets on its line": `const limits = Object.freeze({ max: 10 }), cache = new Map<string, number>();\n${READ_THROUGH}`,
    "a static Map": `export class A {\n  private static cache = new Map<string, number>();\n  static f(k: string): number {\n    if (!A.cache.has(k)) A.cache.set(k, k.length * 2);\n    return A.cache.get(k)!;\n  }\n}`,
    "a static Map typed over several lines": `export class A {\n  private static readonly cache: Map<\n    string,\n    number\n  > = new Map();\n  static f(k: string): number {\n    if (!this.cache.has(k)) this.cache.set(k, k.length * 2);\n    return this.cache.get(k)!;\n  }\n}`,
    "a static private object": `export class A {\n  static #byId: Record<string, number> = Object.create(null);\n  static f(id: string): number {\n    return (this.#byId[id] ??= id.length * 2);\n  }\n}`,
    "an optional-chained set": `const cache = new Map<string, number>();\nexport function f(k: string): number {\n  if (!cache.has(k)) cache?.set(k, k.length * 2);\n  return cache.get(k)!;\n}`,
    "a set on the next line": `const cache = new Map<string, number>();\nexport function f(k: string): number {\n  if (!cache.has(k))\n    cache\n      .set(k, k.length * 2);\n  return cache.get(k)!;\n}`,
    "a write through parentheses and `!`": `let cache: Record<string, number> | undefined = {};\nexport function f(k: string): number {\n  return (cache)![k] ?? ((cache)![k] = k.length * 2);\n}`,
    "a write with brackets and a string in the key": `const cache: Record<string, number> = {};\nexport function f(k: string[]): number {\n  return cache["id:" + k[0]] ?? (cache["id:" + k[0]] = k.length * 2);\n}`,
    "a counter": `const counts: Record<string, number> = {};\nexport function hit(k: string): void {\n  counts[k] += 1;\n}`,
    "a pre-incremented counter": `const counts: Record<string, number> = {};\nexport function hit(k: string): void {\n  ++counts[k];\n}`,
    "a module cache in a file that imports a library": `import memoize from "lodash/memoize";\nexport const g = memoize((k: string) => k.length);\nconst cache = new Map<string, number>();\n${READ_THROUGH}`,
    "an ignored module cache": `// memocap-ignore\nconst cache = new Map<string, number>();\n${READ_THROUGH}`,
    "a WeakMap looked up with the key it is written with": `const cache = new WeakMap<object, number>();\nexport function f(o: object): number {\n  if (!cache.has( o )) cache.set(o, Object.keys(o).length);\n  return cache.get(o)!;\n}`,
    "a WeakMap looked up through a function it is passed to": `const cache = new WeakMap<object, number>();\nexport function f(o: object): number {\n  const hit = lookUp(cache, o);\n  if (hit !== undefined) return hit;\n  const value = Object.keys(o).length;\n  cache.set(o, value);\n  return value;\n}`,
  });

  keptOut({
    "an object that is only read in JavaScript": `var defaultOptions = {};\nexport function getDefaultOptions() {\n  return defaultOptions;\n}\nexport function option(k) {\n  return defaultOptions[k];\n}\nexport function setDefaultOptions(options) {\n  defaultOptions = options;\n}`,
    "a Map that is only read": `const registry = new Map([["a", 1]]);\nexport const get = (k: string) => registry.get(k);`,
    "a static object that is only read": `export class A {\n  static #byId = Object.create(null);\n  static f(id: string): unknown {\n    return this.#byId[id];\n  }\n}`,
    "destructuring defaults over lines in JavaScript": `export function f(props) {\n  const {\n    anchor,\n    classes = {},\n    className,\n  } = props;\n  classes[anchor] = className;\n  return classes;\n}`,
    "parameter defaults on a declaration's line": `export const create = (schema: object, processors: Record<string, object> = {}) => (id: string) => {\n  processors[id] = schema;\n};`,
    "parameter defaults over lines in JavaScript": `export function useOffset({\n  offsets,\n  round = false\n} = {}) {\n  offsets[0] = round;\n  return offsets;\n}`,
    "a reset inside a function in JavaScript": `let cache;\nexport function reset() {\n  cache = {};\n}\nexport function set(k, v) {\n  cache[k] = v;\n}`,
    "a local Map": `export function f(xs: string[]) {\n  const seen = new Map<string, number>();\n  for (const x of xs) seen.set(x, 1);\n  return seen;\n}`,
    "a local object typed over several lines": `export function f(level: number) {\n\tconst props: {\n\t\trole?: string;\n\t\t'aria-level'?: number;\n\t} = {};\n\tprops['aria-level'] = level;\n\treturn props;\n}`,
    "a type parameter's default": `export const make: {\n  <Self>(id: string): Self\n} = <Self, Brand = {}>(id: string): Self => {\n  const Brand: Record<string, string> = Object.freeze({});\n  Brand[id] = id;\n  return id as Self;\n};`,
    "a static method's parameter default": `export class A {\n  static f(options: Record<string, number> = {}, k = "a") {\n    options[k] = 1;\n    return options;\n  }\n}`,
    "a WeakMap written with keys it never looks up (a side table)": `const owners = new WeakMap<object, string>();\nexport function register(o: object, owner: string): void {\n  owners.set(o, owner.trim());\n}\nexport function ownerOf(other: object): string | undefined {\n  return owners.get(other);\n}`,
    "a WeakMap that is only read": `const seeded = new WeakMap<object, number>([[globalThis, 1]]);\nexport const get = (o: object) => seeded.get(o);`,
    "code in a template literal": "export const polyfills = ['a', 'b'].map((name) => `const ${name} = {};`).join('\\n');",
  });
});

describe("prefilterFacts", () => {
  it("tells apart a library import and a module cache", () => {
    expect(prefilterFacts(`import memoize from "lodash/memoize";\n${CALL}`)).toEqual({ importsLibrary: true, mayHoldModuleCache: false });
    expect(prefilterFacts(`const cache = new Map<string, number>();\n${READ_THROUGH}`)).toEqual({ importsLibrary: false, mayHoldModuleCache: true });
  });
});
