/** The statements fix's verifier checks for new errors (src/fix/rewritten-statements.ts). */
import { describe, expect, it } from "vitest";
import { rewrittenStatements } from "../src/fix/rewritten-statements.ts";
import ts from "../src/typescript.cts";

const BEFORE = `import { helper } from "./helper";

const prefix = "id";

const cache = new Map<string, number>();

export function lookup(key: string) {
  return cache.get(key);
}

export function total(keys: string[]): number {
  return keys.map((key) => lookup(key) ?? 0).reduce((a, b) => a + b, 0);
}

export const label = (key: string): string => \`\${prefix}:\${key}\`;
`;

function rewritten(after: string): string[] {
  const sourceFile = ts.createSourceFile("/project/a.ts", after, ts.ScriptTarget.Latest, true);
  return rewrittenStatements(sourceFile, BEFORE).map((statement) => statement.getText().split("\n")[0]!);
}

describe("rewritten statements", () => {
  it("the edited ones, the ones using what they declare, and the users of those whose type is inferred; not the statement below an added import", () => {
    const after = BEFORE.replace(`import { helper } from "./helper";\n`, `import { helper } from "./helper";\nimport { LRUCache } from "lru-cache";\n`).replace("new Map<string, number>()", "new LRUCache<string, number>({ max: 500 })");
    expect(rewritten(after)).toEqual([
      `import { LRUCache } from "lru-cache";`,
      "const cache = new LRUCache<string, number>({ max: 500 });",
      // Uses `cache`; its result type is inferred, so its callers may see another type.
      "export function lookup(key: string) {",
      "export function total(keys: string[]): number {",
    ]);
  });

  it("a function whose result type is written stops the spread", () => {
    const after = BEFORE.replace("export function lookup(key: string) {", "export function lookup(key: string): number | undefined {").replace("new Map<string, number>()", "new Map<string, number>([])");
    expect(rewritten(after)).toEqual([
      "const cache = new Map<string, number>([]);",
      "export function lookup(key: string): number | undefined {",
    ]);
  });
});
