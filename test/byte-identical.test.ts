/**
 * Byte-identical when nothing changes: in a rewritten file only the edited code changes (every hunk
 * of the diff is explained by a site it fixed, the lru-cache import or a helper at the end, and no
 * kept code is reformatted), checked over every fixture pair of every transform. The same check over
 * real packages, where also every file without a rewritten site stays byte for byte, is in
 * byte-identical-corpus.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { rewriteFile } from "../src/fix/rewrite-file.ts";
import { TRANSFORMS } from "../src/fix/transforms.ts";
import { unexplainedEdits } from "./helpers/edit-scope.ts";

const FIXTURES = join(import.meta.dirname, "..", "__testfixtures__");
const analyser = new Analyser({ max: 500 });

function inputs(transform: string): string[] {
  const dir = join(FIXTURES, transform);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.input\.[cm]?[jt]sx?$/.test(name))
    .map((name) => join(dir, name));
}

async function rewrite(file: string, text: string) {
  return rewriteFile(file, text, analyser.analyse(file, text), analyser);
}

// fixtures.test.ts proves that each input rewrites to its output; here the output is checked against
// the sites the analysis gives the input (those it rewrites), without running the transforms again.
for (const { name } of TRANSFORMS) {
  describe(`${name} fixtures change only what their sites explain`, () => {
    for (const input of inputs(name)) {
      it(input.slice(FIXTURES.length + 1), () => {
        const text = readFileSync(input, "utf8");
        const output = readFileSync(input.replace(".input.", ".output."), "utf8");
        const rewritten = analyser.analyse(input, text).filter((site) => site.verdict === "rewrite");
        if (rewritten.length === 0) {
          expect(output).toBe(text);
          return;
        }
        expect(unexplainedEdits(input, text, output, rewritten)).toEqual([]);
      });
    }
  });
}

describe("the check itself fails what it must", () => {
  const input = join(FIXTURES, "bound-memoize", "memoizee-esm.input.ts");
  const text = readFileSync(input, "utf8");

  it("a rewrite printed by recast (jscodeshift's toSource after an AST edit) spreads options objects over lines: reported", async () => {
    const { rewritten } = await rewrite(input, text);
    const j = jscodeshift.withParser("tsx");
    const root = j(text);
    root
      .find(j.CallExpression, { callee: { name: "memoizee" } })
      .forEach((path) => {
        const options = path.node.arguments[1];
        if (options?.type === "ObjectExpression") options.properties.push(j.objectProperty(j.identifier("max"), j.numericLiteral(500)));
        else path.node.arguments.push(j.objectExpression([j.objectProperty(j.identifier("max"), j.numericLiteral(500))]));
      });
    const reprinted = root.toSource();
    expect(reprinted).not.toBe(text);
    const problems = unexplainedEdits(input, text, reprinted, rewritten);
    // `{ primitive: true }` becomes `{\n    primitive: true,\n    max: 500\n  }`: kept code spaced anew.
    expect(problems).toContainEqual(expect.stringMatching(/:15: kept code reformatted before `primitive`: " " became "\\n    "/));
    // `})` becomes `}, {\n  max: 500\n})`: the option added over three lines.
    expect(problems).toContainEqual(expect.stringMatching(/:8: a one-line edit breaks the line/));
  });

  it("a neighbour changed outside any site: reported, whether its code or only its spacing changed", async () => {
    const { output, rewritten } = await rewrite(input, text);
    const neighbour = "export const computed = { count: 0 };";
    expect(output).toContain(neighbour);
    const changed = unexplainedEdits(input, text, output.replace(neighbour, "export const computed = { count: 1 };"), rewritten);
    expect(changed).toEqual([expect.stringMatching(/:3: a change no rewritten site explains/)]);
    const respaced = unexplainedEdits(input, text, output.replace(neighbour, "export const computed = {count: 0};"), rewritten);
    expect(respaced).toContainEqual(expect.stringMatching(/:3: kept code reformatted before `count`/));
  });
});
