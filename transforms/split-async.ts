/**
 * Splits memoized async functions: the synchronous core goes into a memoized function of its own
 * (the site's library; bound-memoize bounds it right after) and the async function is left
 * unmemoized, awaiting its I/O and calling the core. Where no sound core exists, the promises stay
 * cached, bounded, with rejections dropped: the library's promise mode, or an LRUCache `fetch`.
 *
 * The memocap CLI passes the analysed sites in `options.sites` and runs bound-memoize next; run
 * alone (`jscodeshift -t transforms/split-async.ts`), the transform analyses its one file itself
 * and bounds the cores it wrote before returning.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import MagicString from "magic-string";
import type { Site } from "../src/analysis/site.ts";
import { applyPlan } from "../src/rewrite/apply-plan.ts";
import { applyAsyncSplitPlan, isAsyncSplitPlan } from "../src/rewrite/async-split-edits.ts";
import { applySplitMethods, type SplitMethodPlan } from "../src/rewrite/async-split-method.ts";
import { locateCall } from "../src/rewrite/locate.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { parseForTextEdits } from "../src/rewrite/parse-source.ts";
import { analyseStandalone, sitesToRewrite } from "../src/rewrite/standalone.ts";
import boundMemoize, { TRANSFORM_NAME as BOUND_MEMOIZE } from "./bound-memoize.ts";

export const TRANSFORM_NAME = "split-async";

export default async function splitAsync(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const standalone = options.sites === undefined;
  const mine = await sitesToRewrite(TRANSFORM_NAME, file, options);
  if (mine.length === 0) return undefined;

  const j = api.jscodeshift;
  const root = parseForTextEdits(j, file.source);
  const edits = new MagicString(file.source);
  const lruCache = mine.some((site) => site.needsLruCache && site.plan?.some((plan) => plan.kind === "lru-fetch-cache"))
    ? ensureLruCacheBinding(j, root, file.source, edits, moduleKind(j, root, file.path), Math.min(...mine.map((site) => site.start)))
    : "LRUCache";
  const methods: SplitMethodPlan[] = [];
  for (const site of mine) {
    for (const plan of site.plan ?? []) {
      if (plan.kind === "split-async-method") methods.push(plan);
      else if (isAsyncSplitPlan(plan)) applyAsyncSplitPlan(plan, { edits, call: site, lruCache });
      else applyPlan(plan, { source: file.source, edits, call: locateCall(j, root, site), lruCache });
    }
  }
  if (methods.length > 0) applySplitMethods(methods, j, root, file.source, edits);
  const output = edits.toString();
  return standalone ? ((await boundWhatWasSplit(output, file, api, options, mine)) ?? output) : output;
}

/**
 * On its own, the transform finishes what the CLI's next step would: the memoizers it wrote (the
 * cores, and calls given a promise mode) are bounded by bound-memoize, and nothing else in the file.
 */
async function boundWhatWasSplit(output: string, file: FileInfo, api: API, options: Options, split: Site[]): Promise<string | undefined> {
  const declared = (site: Site) => site.plan?.flatMap((plan) => (plan.kind === "split-async" || plan.kind === "split-async-method" ? [plan.declaration] : []))[0];
  const written = new Set(split.map((site) => declared(site)?.match(/const (\S+) =/)?.[1] ?? site.name));
  const sites = (await analyseStandalone({ path: file.path, source: output }, options)).filter(
    (site) => site.verdict === "rewrite" && site.transform === BOUND_MEMOIZE && site.name !== undefined && written.has(site.name),
  );
  if (sites.length === 0) return undefined;
  return boundMemoize({ path: file.path, source: output }, api, { ...options, sites });
}
