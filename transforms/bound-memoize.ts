/**
 * Bounds unbounded memoizers (lodash `memoize`, memoizee, ...) in place, with the library's own
 * bound or an LRUCache through its cache hook. The memocap CLI passes the analysed sites in
 * `options.sites`; run alone (`jscodeshift -t transforms/bound-memoize.ts`), the transform runs the
 * analysis for its one file itself.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import MagicString from "magic-string";
import type { Site } from "../src/analysis/site.ts";
import { applyPlan } from "../src/rewrite/apply-plan.ts";
import { locateCall } from "../src/rewrite/locate.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { analyseStandalone } from "../src/rewrite/standalone.ts";

export const TRANSFORM_NAME = "bound-memoize";

export default async function boundMemoize(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const sites: Site[] = (options.sites as Site[] | undefined) ?? (await analyseStandalone(file, options));
  const mine = sites.filter((site) => site.verdict === "rewrite" && site.transform === TRANSFORM_NAME);
  if (mine.length === 0) return undefined;

  const j = api.jscodeshift;
  const root = j(file.source);
  const edits = new MagicString(file.source);
  const lruCache = mine.some((site) => site.needsLruCache)
    ? ensureLruCacheBinding(j, root, file.source, edits, moduleKind(j, root, file.path))
    : "LRUCache";
  for (const site of mine) {
    const call = locateCall(j, root, site);
    for (const plan of site.plan ?? []) applyPlan(plan, { source: file.source, edits, call, lruCache });
  }
  return edits.toString();
}
