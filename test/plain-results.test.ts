/**
 * A memoized function whose syntax shows it returns no promise needs no typed program to be known
 * synchronous (src/analysis/memoized-function.ts returnsPlainValue); anything else is asked of the
 * type checker as before.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { functionNode, returnsPlainValue } from "../src/analysis/memoized-function.ts";
import { TypedProject } from "../src/analysis/types/typed-project.ts";
import ts from "../src/typescript.cts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** The function `fn` declared in `code`, as the analysis finds it from a memoizer's argument. */
function plain(code: string): boolean {
  const sourceFile = ts.createSourceFile("/project/a.ts", `${code}\nmemoize(fn);\n`, ts.ScriptTarget.Latest, true);
  const call = (sourceFile.statements.at(-1) as ts.ExpressionStatement).expression as ts.CallExpression;
  const fn = functionNode(call.arguments[0]!);
  expect(fn).toBeDefined();
  return returnsPlainValue(fn!);
}

describe("returns a plain value, by its syntax", () => {
  it.each([
    ["a literal", `const fn = (k: string) => 1;`],
    ["arithmetic and a template", `function fn(a: number, b: number) { if (a > b) return a * b; return \`\${a}\`; }`],
    ["an object literal without then", `const fn = function (one: string, two: string) { return { one, two, size: one.length }; };`],
    ["an array, a comparison, a negation", `const fn = (k: string) => (k ? [k] : !k);`],
    ["a primitive result type, whatever the body", `function fn(k: string): string | undefined { return lookup(k); }`],
    ["no return at all", `function fn(k: string) { console.log(k); }`],
    ["a generator (an iterator, not a thenable)", `function* fn(k: string) { yield lookup(k); }`],
  ])("%s", (_name, code) => {
    expect(plain(code)).toBe(true);
  });

  it.each([
    ["async", `const fn = async (k: string) => 1;`],
    ["a call's result", `const fn = (k: string) => lookup(k);`],
    ["an object literal with a then", `const fn = (k: string) => ({ then: (resolve: (v: string) => void) => resolve(k) });`],
    ["an object literal with a spread", `const fn = (k: string) => ({ ...defaults, k });`],
    ["one operand of ?? that may be a promise", `const fn = (k: string) => cached[k] ?? fetchIt(k);`],
    ["a type assertion (the checker reads the type written)", `const fn = (k: string) => k as unknown as Promise<string>;`],
    ["one return of several that is a call", `function fn(k: string) { if (!k) return 0; return load(k); }`],
    ["a written result type that is not primitive", `function fn(k: string): Result { return { k }; }`],
  ])("not %s", (_name, code) => {
    expect(plain(code)).toBe(false);
  });
});

describe("the analysis", () => {
  it("builds no typed program for a memoized function that plainly computes a value, and the same site as with one", () => {
    const open = vi.spyOn(TypedProject.prototype, "open");
    const code = `import moize from "moize";\nconst area = (w: number, h: number) => ({ w, h, area: w * h });\nexport const memoized = moize(area);\n`;
    const [site] = new Analyser({ max: 500 }).analyse("/project/plain.ts", code);
    expect(open).not.toHaveBeenCalled();
    expect(site).toMatchObject({ library: "moize", async: false });
  });

  it("asks the type checker for a function whose syntax does not tell: a promise it returns is still found", () => {
    const open = vi.spyOn(TypedProject.prototype, "open");
    const code = `import moize from "moize";\nconst load = (id: string) => Promise.resolve(id.length);\nexport const memoized = moize(load);\n`;
    const [site] = new Analyser({ max: 500 }).analyse("/project/promise.ts", code);
    expect(open).toHaveBeenCalled();
    expect(site).toMatchObject({ library: "moize", async: true });
  });
});
