import type { Analyser } from "../analysis/analyser.ts";
import type { Site } from "../analysis/site.ts";
import { assertParses, runTransform } from "./jscodeshift-runner.ts";
import { TRANSFORMS } from "./transforms.ts";

export interface FileRewrite {
  output: string;
  rewritten: Site[];
}

/**
 * Runs every transform that has sites in the file, each on the output of the one before, parsing
 * the result after each step and analysing it again so that the next step sees true offsets.
 * Ends with a proof that the result is a fixed point: no site the analysis would rewrite is left.
 */
export async function rewriteFile(file: string, text: string, sites: Site[], analyser: Analyser): Promise<FileRewrite> {
  // Sites held back by the package (MC903) are still unbounded in the output, by decision.
  const heldBack = sites.filter((site) => site.code === "MC903").length;
  let current = text;
  let currentSites = sites;
  const rewritten: Site[] = [];
  for (const transform of TRANSFORMS) {
    const mine = currentSites.filter((site) => site.verdict === "rewrite" && site.transform === transform.name);
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
  const left = currentSites.filter((site) => site.verdict === "rewrite").length;
  if (rewritten.length > 0 && left > heldBack) {
    throw new Error(`rewrite did not reach a fixed point (${left - heldBack} site(s) still unbounded); file left unchanged`);
  }
  return { output: current, rewritten };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
