/**
 * Bounds unbounded memoizers (lodash `memoize`, memoizee, ...) in place, with the library's own
 * bound or an LRUCache through its cache hook. The memocap CLI passes the analysed sites in
 * `options.sites`; run alone (`jscodeshift -t transforms/bound-memoize.ts`), the transform runs the
 * analysis for its one file itself.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import MagicString from "magic-string";
import { applyPlan } from "../src/rewrite/apply-plan.ts";
import { locateCall } from "../src/rewrite/locate.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { ensureKeepUndefinedCache } from "../src/rewrite/keep-undefined-cache.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { sitesToRewrite } from "../src/rewrite/standalone.ts";
import { parseForTextEdits } from "../src/rewrite/parse-source.ts";

export const TRANSFORM_NAME = "bound-memoize";

export default async function boundMemoize(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const mine = await sitesToRewrite(TRANSFORM_NAME, file, options);
  if (mine.length === 0) return undefined;

  const j = api.jscodeshift;
  const root = parseForTextEdits(j, file.source);
  const edits = new MagicString(file.source);
  const lruCache = mine.some((site) => site.needsLruCache)
    ? ensureLruCacheBinding(j, root, file.source, edits, moduleKind(j, root, file.path), Math.min(...mine.map((site) => site.start)))
    : "LRUCache";
  const keepsUndefined = mine.some((site) => site.plan?.some((plan) => "keepUndefined" in plan && plan.keepUndefined));
  const keepUndefinedCache = keepsUndefined ? ensureKeepUndefinedCache(j, root, file.source, edits, lruCache, /\.[cm]?tsx?$/.test(file.path)) : undefined;
  // Edits at fixed offsets that several sites ask for (one import specifier for all) are made once.
  const madeOnce = new Set<string>();
  for (const site of mine) {
    const call = locateCall(j, root, site);
    for (const plan of site.plan ?? []) {
      const key = plan.kind === "replace-text" ? JSON.stringify(plan) : undefined;
      if (key && madeOnce.has(key)) continue;
      if (key) madeOnce.add(key);
      applyPlan(plan, { source: file.source, edits, call, lruCache, keepUndefinedCache });
    }
  }
  return edits.toString();
}
