import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { rewriteFile } from "../src/fix/rewrite-file.ts";
import { TRANSFORMS } from "../src/fix/transforms.ts";

const FIXTURES = join(import.meta.dirname, "..", "__testfixtures__");

/**
 * jscodeshift's defineTest convention: `<case>.input.<ext>` rewrites to `<case>.output.<ext>`. Cases in a
 * subfolder (one with its own package.json, say, pinning older majors) are named `<subfolder>/<case>`.
 */
function fixtureCases(transform: string): Array<{ name: string; input: string; output: string }> {
  const dir = join(FIXTURES, transform);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.input\.[cm]?[jt]sx?$/.test(name))
    .map((name) => ({ name, input: join(dir, name), output: join(dir, name.replace(".input.", ".output.")) }));
}

// One Analyser for every fixture, as in a run: its typed programs share the parsed libraries.
const analyser = new Analyser({ max: 500 });

async function rewrite(path: string, text: string): Promise<string> {
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
