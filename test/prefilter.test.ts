/**
 * The prefilter keeps files that cannot hold a site out of the parser: precise enough that few files
 * are parsed, and never wrong about a file that has a site.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import { PREFILTER } from "../src/analysis/libraries/index.ts";

const ROOT = join(import.meta.dirname, "..");

describe("library prefilter", () => {
  it("lets through every way of importing a library", () => {
    const imports = [
      `import memoize from "lodash/memoize";`,
      `import { memoize } from 'lodash-es';`,
      `const memoize = require("lodash.memoize");`,
      `var _memoize = _interopRequireDefault(require("lodash/memoize.js"));`,
      "const memoizee = require(`memoizee`);",
      `import moize = require("moize");`,
      `import mem from "mem";`,
      `import { createSelector } from "reselect";`,
      `import { memoize } from "@formatjs/fast-memoize";`,
      `import memoize from "@github/memoize/decorator";`,
      `import { Memoize } from "typescript-memoize";`,
      `import { memoize } from "decko";`,
      `import { Memoize } from "lodash-decorators/memoize";`,
    ];
    for (const line of imports) expect(PREFILTER.test(`${line}\nexport const f = 1;\n`), line).toBe(true);
  });

  it("keeps out files that name a library only in comments, identifiers or other strings", () => {
    const texts = [
      `/* Built-in method references for those with the same name as other \`lodash\` methods. */\nexport const x = 1;`,
      `// memoize this once lodash is in\nexport function memoize<T>(fn: T): T { return fn; }`,
      `import memoize from "./memoize.js";\nexport default memoize;`,
      `describe("moize.compose", () => { it("memoizes", () => {}); });`,
      `const message = "use reselect's createSelector";`,
    ];
    for (const text of texts) expect(PREFILTER.test(text), text).toBe(false);
  });
});

describe("prefilter and analysis agree", () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      .map((entry) => join(entry.parentPath, entry.name));

  it("passes every fixture and example file that has a site", () => {
    // Every part of the analysis on every file: the prefilter's findings must not decide what is found.
    const analyser = new Analyser({ max: 500, typeFacts: false, exhaustive: true });
    const files = [...sourceFiles(join(ROOT, "__testfixtures__")), ...sourceFiles(join(ROOT, "examples"))];
    const withSites = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      try {
        return analyser.analyse(file, text).length > 0;
      } catch {
        return false;
      }
    });
    expect(withSites.length).toBeGreaterThan(100);
    const missed = withSites.filter((file) => !PREFILTER.test(readFileSync(file, "utf8")));
    expect(missed).toEqual([]);
  });

  it("finds the same sites in every fixture and example file when the analysis skips what the prefilter rules out", () => {
    const everyPart = new Analyser({ max: 500, typeFacts: false, exhaustive: true });
    const skipping = new Analyser({ max: 500, typeFacts: false });
    const files = [...sourceFiles(join(ROOT, "__testfixtures__")), ...sourceFiles(join(ROOT, "examples"))];
    const sitesOf = (analyser: Analyser, file: string) => {
      try {
        return analyser.analyse(file, readFileSync(file, "utf8"));
      } catch (error) {
        return (error as Error).message;
      }
    };
    const differing = files.filter((file) => JSON.stringify(sitesOf(skipping, file)) !== JSON.stringify(sitesOf(everyPart, file)));
    expect(differing).toEqual([]);
  });
});
