import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { rewriteFile } from "../src/fix/rewrite-file.ts";
import { TRANSFORMS } from "../src/fix/transforms.ts";

const FIXTURES = join(import.meta.dirname, "..", "__testfixtures__");

/** jscodeshift's defineTest convention: `<case>.input.<ext>` rewrites to `<case>.output.<ext>`. */
function fixtureCases(transform: string): Array<{ name: string; input: string; output: string }> {
  const dir = join(FIXTURES, transform);
  return readdirSync(dir)
    .filter((name) => /\.input\.[cm]?[jt]sx?$/.test(name))
    .map((name) => ({ name, input: join(dir, name), output: join(dir, name.replace(".input.", ".output.")) }));
}

async function rewrite(path: string, text: string): Promise<string> {
  const analyser = new Analyser({ max: 500 });
  return (await rewriteFile(path, text, analyser.analyse(path, text), analyser)).output;
}

for (const { name } of TRANSFORMS) {
  describe(`${name} fixtures`, () => {
    for (const fixture of fixtureCases(name)) {
      it(`${fixture.name} rewrites to its output`, async () => {
        const output = await rewrite(fixture.input, readFileSync(fixture.input, "utf8"));
        expect(output).toBe(readFileSync(fixture.output, "utf8"));
      });

      it(`${fixture.name}: a second run changes nothing`, async () => {
        const output = readFileSync(fixture.output, "utf8");
        expect(await rewrite(fixture.output, output)).toBe(output);
      });
    }
  });
}
