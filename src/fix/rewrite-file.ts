import type { Analyser } from "../analysis/analyser.ts";
import type { Site } from "../analysis/site.ts";
import { assertParses, runTransform } from "./jscodeshift-runner.ts";
import { TRANSFORMS, type TransformEntry } from "./transforms.ts";

export interface FileRewrite {
  output: string;
  rewritten: Site[];
}

/**
 * Runs every transform that has sites in the file, each on the output of the one before, parsing
 * the result after each step and analysing it again so that the next step sees true offsets.
 * Ends with a proof that the result is a fixed point: no site the analysis would rewrite is left.
 * `transforms` is every registered transform, in order; tests pass others.
 */
export async function rewriteFile(
  file: string,
  text: string,
  sites: Site[],
  analyser: Analyser,
  transforms: readonly TransformEntry[] = TRANSFORMS,
): Promise<FileRewrite> {
  // The package cannot take lru-cache (MC903): the sites that need it stay as they are, by decision,
  // also when a later step analyses the file again and finds them afresh.
  const lruCacheHeldBack = sites.some((site) => site.code === "MC903");
  const toRewrite = (site: Site) => site.verdict === "rewrite" && !(lruCacheHeldBack && site.needsLruCache);
  let current = text;
  let currentSites = sites;
  const rewritten: Site[] = [];
  for (const transform of transforms) {
    const mine = currentSites.filter((site) => toRewrite(site) && site.transform === transform.name);
    if (mine.length === 0) continue;
    const output = await runTransform(transform.run, file, current, { sites: mine });
    try {
      assertParses(file, output);
    } catch (error) {
      throw new Error(`${transform.name} produced code that does not parse (${firstLine(error)}); file left unchanged`);
    }
    rewritten.push(...mine);
    current = output;
    currentSites = analyser.analyse(file, current);
  }
  const left = currentSites.filter(toRewrite).length;
  if (rewritten.length > 0 && left > 0) {
    throw new Error(`rewrite did not reach a fixed point (${left} site(s) still unbounded); file left unchanged`);
  }
  // The file's own sites, at their places in the text as it was: a later step also meets what an
  // earlier one wrote (the memoized core of a split, bounded next), which is part of that rewrite.
  return { output: current, rewritten: rewritten.length > 0 ? sites.filter(toRewrite) : [] };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
