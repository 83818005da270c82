import { describe, expect, it } from "vitest";
import { analyseText } from "../src/index.ts";

const sitesOf = (code: string, path = "/project/a.ts") => analyseText(path, code);

describe("memoizers are resolved through imports, not by name", () => {
  const lodashForms: Record<string, string> = {
    "default import of lodash/memoize": `import memoize from "lodash/memoize"; export const f = memoize((k: string) => k);`,
    "default import of lodash/memoize.js": `import memoize from "lodash/memoize.js"; export const f = memoize((k: string) => k);`,
    "_.memoize after import _": `import _ from "lodash"; export const f = _.memoize((k: string) => k);`,
    "namespace import": `import * as _ from "lodash"; export const f = _.memoize((k: string) => k);`,
    "renamed named import from lodash-es": `import { memoize as m } from "lodash-es"; export const f = m((k: string) => k);`,
    "const _ = require('lodash')": `const _ = require("lodash"); const f = _.memoize((k) => k);`,
    "require('lodash.memoize')": `const memoize = require("lodash.memoize"); const f = memoize((k) => k);`,
    "require('lodash').memoize(fn)": `const f = require("lodash").memoize((k) => k);`,
    "destructured require": `const { memoize: m } = require("lodash"); const f = m((k) => k);`,
    "alias of _.memoize": `import _ from "lodash"; const m = _.memoize; export const f = m((k: string) => k);`,
    "Babel interop output": `var _memoize = _interopRequireDefault(require("lodash.memoize")); var f = (0, _memoize.default)(function (k) { return k; });`,
    "TypeScript import = require": `import _ = require("lodash"); export const f = _.memoize((k: string) => k);`,
  };
  for (const [form, code] of Object.entries(lodashForms)) {
    it(`lodash: ${form}`, () => {
      const sites = sitesOf(code, form.includes("require") && !form.includes("import") ? "/project/a.cjs" : "/project/a.ts");
      expect(sites).toHaveLength(1);
      expect(sites[0]).toMatchObject({ library: "lodash", bounded: false, code: "MC101", verdict: "rewrite", transform: "bound-memoize" });
    });
  }

  const memoizeeForms: Record<string, string> = {
    "ESM default import": `import memoizee from "memoizee"; export const f = memoizee((k: string) => k);`,
    "CommonJS require": `const memoizee = require("memoizee"); const f = memoizee((k) => k, { primitive: true });`,
    "memoizee/plain.js": `import memoizee from "memoizee/plain.js"; export const f = memoizee((k: string) => k);`,
  };
  for (const [form, code] of Object.entries(memoizeeForms)) {
    it(`memoizee: ${form}`, () => {
      const sites = sitesOf(code);
      expect(sites).toHaveLength(1);
      expect(sites[0]).toMatchObject({ library: "memoizee", bounded: false, code: "MC102", verdict: "rewrite" });
    });
  }

  it("a local function called memoize is not a site", () => {
    expect(sitesOf(`function memoize(fn: any) { return fn; } export const f = memoize((k: string) => k);`)).toEqual([]);
  });

  it("a parameter that shadows the lodash import is not a site", () => {
    expect(sitesOf(`import _ from "lodash"; export function g(_: any) { return _.memoize((k: string) => k); }`)).toEqual([]);
  });

  it("other lodash functions are not sites", () => {
    expect(sitesOf(`import _ from "lodash"; export const f = _.debounce(() => 1, 10);`)).toEqual([]);
  });
});

describe("verdicts", () => {
  it("memoizee with max is bounded and left alone", () => {
    const [site] = sitesOf(`import memoizee from "memoizee"; export const f = memoizee((k: string) => k, { max: 100 });`);
    expect(site).toMatchObject({ bounded: true, max: 100, code: "MC110", verdict: "none" });
  });

  it("memoizee with max: Infinity is unbounded", () => {
    const [site] = sitesOf(`import memoizee from "memoizee"; export const f = memoizee((k: string) => k, { max: Infinity });`);
    expect(site).toMatchObject({ bounded: false, verdict: "rewrite", plan: [{ kind: "set-option", name: "max", value: "500" }] });
  });

  it("memoizee with options from elsewhere is left with a reason", () => {
    const [site] = sitesOf(`import memoizee from "memoizee"; const o = {}; export const f = memoizee((k: string) => k, o);`);
    expect(site).toMatchObject({ bounded: false, verdict: "skip", code: "MC902" });
  });

  it("lodash memoize with a cache already assigned is bounded", () => {
    const [site] = sitesOf(`import memoize from "lodash/memoize"; import { LRUCache } from "lru-cache"; export const f = memoize((k: string) => k); f.cache = new LRUCache({ max: 7 });`);
    expect(site).toMatchObject({ bounded: true, max: 7, code: "MC111", verdict: "none" });
  });

  it("memocap-ignore leaves a site with its reason; memocap-max sets its bound", () => {
    const sites = sitesOf(`import memoize from "lodash/memoize";
// memocap-ignore
export const a = memoize((k: string) => k);
export const b = memoize((k: string) => k); // memocap-max: 25
`);
    expect(sites[0]).toMatchObject({ verdict: "skip", code: "MC901" });
    expect(sites[1]?.plan).toEqual([expect.objectContaining({ max: 25 })]);
  });

  it("_.memoize.Cache replaced for the module leaves the sites to that class", () => {
    const [site] = sitesOf(`import _ from "lodash"; _.memoize.Cache = WeakMap; export const f = _.memoize((k: object) => k);`);
    expect(site).toMatchObject({ verdict: "skip", code: "MC904" });
  });

  it("reports key bugs and async caching as findings", () => {
    const [lodash] = sitesOf(`import _ from "lodash"; export const add = _.memoize(async (a: number, b: number) => a + b);`);
    expect(lodash?.findings.map((finding) => finding.code)).toEqual(["MC402", "MC201"]);
    const [withResolver] = sitesOf(`import _ from "lodash"; export const add = _.memoize((a: number, b: number) => a + b, (a, b) => \`\${a},\${b}\`);`);
    expect(withResolver?.findings).toEqual([]);
    const [rest] = sitesOf(`import memoizee from "memoizee"; export const f = memoizee((...xs: number[]) => xs.length);`);
    expect(rest?.findings.map((finding) => finding.code)).toEqual(["MC403"]);
  });

  it("gives positions as 1-based line and column", () => {
    const [site] = sitesOf(`import _ from "lodash";\n\nexport const f =   _.memoize((k: string) => k);\n`);
    expect(site).toMatchObject({ line: 3, column: 20, callee: "_.memoize", name: "f" });
  });
});
