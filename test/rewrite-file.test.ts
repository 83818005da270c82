/**
 * rewriteFile composes transforms: each runs on the output of the one before, at offsets found by
 * analysing that output again; the output is parsed after every step; the result is a fixed point.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";
import type { Site } from "../src/analysis/site.ts";
import { rewriteFile } from "../src/fix/rewrite-file.ts";
import { TRANSFORMS, type TransformEntry } from "../src/fix/transforms.ts";
import boundMemoize, { TRANSFORM_NAME as BOUND_MEMOIZE } from "../transforms/bound-memoize.ts";

const FILE = "/virtual/pricing.ts";
const TWO_SITES = `import memoize from "lodash/memoize";

export const priceOf = memoize((sku: string) => sku.length * 100);
export const taxOf = memoize((sku: string) => sku.length / 10);
`;

/** bound-memoize limited to the first of its sites: a stand-in for "another transform". */
const firstSiteOnly: TransformEntry = {
  name: BOUND_MEMOIZE,
  description: "test: bound only the first site",
  run: (file: FileInfo, api: API, options: Options) => boundMemoize(file, api, { ...options, sites: (options.sites as Site[]).slice(0, 1) }),
};
const boundAll = TRANSFORMS.find((transform) => transform.name === BOUND_MEMOIZE)!;

function rewrite(text: string, transforms: readonly TransformEntry[], file = FILE, mark?: (sites: Site[]) => void) {
  const analyser = new Analyser({ max: 500 });
  const sites = analyser.analyse(file, text);
  mark?.(sites);
  return rewriteFile(file, text, sites, analyser, transforms);
}

describe("rewriteFile", () => {
  it("runs the second transform on the output of the first, at the offsets of that output", async () => {
    const inTwoSteps = await rewrite(TWO_SITES, [firstSiteOnly, boundAll]);
    const inOneStep = await rewrite(TWO_SITES, [boundAll]);

    // The first step inserted lines above the second site: stale offsets would miss it.
    expect(inTwoSteps.output).toBe(inOneStep.output);
    expect(inTwoSteps.output).toMatch(/^priceOf\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
    expect(inTwoSteps.output).toMatch(/^taxOf\.cache = new LRUCache\(\{ max: 500 \}\);$/m);
    expect(inTwoSteps.output.match(/from "lru-cache"/g)).toHaveLength(1);
    // Both steps were handed taxOf (the stand-in shares bound-memoize's name); the first left it alone.
    expect(new Set(inTwoSteps.rewritten.map((site) => site.name))).toEqual(new Set(["priceOf", "taxOf"]));
  });

  it("the registered transforms compose on one file (a memoizer and a module cache)", async () => {
    const text = `import memoize from "lodash/memoize";

const lengths = new Map<string, number>();

export function lengthOf(key: string): number {
  let value = lengths.get(key);
  if (value === undefined) {
    value = key.length;
    lengths.set(key, value);
  }
  return value;
}

export const doubled = memoize((key: string) => key.repeat(2));
`;
    const analyser = new Analyser({ max: 500 });
    const sites = analyser.analyse(FILE, text);
    const transforms = new Set(sites.filter((site) => site.verdict === "rewrite").map((site) => site.transform));
    expect(transforms.size).toBeGreaterThanOrEqual(2);

    const { output, rewritten } = await rewriteFile(FILE, text, sites, analyser);

    expect(new Set(rewritten.map((site) => site.transform))).toEqual(transforms);
    expect(output.match(/from "lru-cache"/g)).toHaveLength(1);
    expect(analyser.analyse(FILE, output).filter((site) => !site.bounded)).toEqual([]);
    const again = await rewriteFile(FILE, output, analyser.analyse(FILE, output), analyser);
    expect(again.output).toBe(output);
    expect(again.rewritten).toEqual([]);
  });

  it("stops with the file unchanged when a step's output does not parse", async () => {
    const breaks: TransformEntry = { name: BOUND_MEMOIZE, description: "test: breaks the code", run: (file) => `${file.source}\nexport const = ;\n` };
    await expect(rewrite(TWO_SITES, [breaks])).rejects.toThrow(/^bound-memoize produced code that does not parse \(.+\); file left unchanged$/);
  });

  it("refuses a result that still has a site to rewrite (no fixed point)", async () => {
    await expect(rewrite(TWO_SITES, [firstSiteOnly])).rejects.toThrow(/did not reach a fixed point \(1 site\(s\) still unbounded\)/);
  });

  it("keeps sites held back for lru-cache (MC903) held back in later steps", async () => {
    const mixed = `import memoize from "lodash/memoize";
import memoizee from "memoizee";

export const priceOf = memoize((sku: string) => sku.length * 100);
export const stockOf = memoizee((sku: string) => sku.length);
`;
    const holdBackLruSites = (sites: Site[]) => {
      for (const site of sites.filter((candidate) => candidate.needsLruCache)) Object.assign(site, { verdict: "skip", code: "MC903" });
    };
    const result = await rewrite(mixed, [boundAll, boundAll], FILE, holdBackLruSites);

    expect(result.output).toMatch(/memoizee\(\(sku: string\) => sku\.length, \{ max: 500 \}\)/);
    expect(result.output).not.toMatch(/LRUCache/);
    expect(result.rewritten.map((site) => site.library)).toEqual(["memoizee"]);
  });

  it("edits a tab-indented, CRLF file at the right offsets", async () => {
    const text = `import memoize from "lodash/memoize";\r\n\r\nexport function prices() {\r\n\t\tconst priceOf = memoize((sku: string) => sku.length);\r\n\t\treturn priceOf;\r\n}\r\n`;
    const { output } = await rewrite(text, [boundAll]);
    expect(output).toBe(
      `import memoize from "lodash/memoize";\r\nimport { LRUCache } from "lru-cache";\r\n\r\nexport function prices() {\r\n\t\tconst priceOf = memoize((sku: string) => sku.length);\r\n\t\tpriceOf.cache = new LRUCache({ max: 500 });\r\n\t\treturn priceOf;\r\n}\r\n`,
    );
  });
});
