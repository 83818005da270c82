/**
 * Bounds hand-written module-level caches (`const cache = new Map()`, `{}`, `Object.create(null)`,
 * and private static ones) by making them an LRUCache; object caches get their reads and writes
 * restated as LRUCache calls. The memocap CLI passes the analysed sites in `options.sites`; run alone
 * (`jscodeshift -t transforms/bound-module-cache.ts`), the transform runs the analysis itself.
 */
import type { API, Collection, FileInfo, JSCodeshift, Options } from "jscodeshift";
import MagicString from "magic-string";
import type { Site } from "../src/analysis/site.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { applyModuleCachePlan, isModuleCachePlan } from "../src/rewrite/module-cache-edits.ts";
import { sitesToRewrite } from "../src/rewrite/standalone.ts";
import { parseForTextEdits } from "../src/rewrite/parse-source.ts";

export const TRANSFORM_NAME = "bound-module-cache";

export default async function boundModuleCache(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const mine = await sitesToRewrite(TRANSFORM_NAME, file, options);
  if (mine.length === 0) return undefined;

  const j = api.jscodeshift;
  const root = parseForTextEdits(j, file.source);
  for (const site of mine) assertCreationAt(j, root, site);
  const edits = new MagicString(file.source);
  const lruCache = ensureLruCacheBinding(j, root, file.source, edits, moduleKind(j, root, file.path));
  for (const site of mine) {
    for (const plan of site.plan ?? []) if (isModuleCachePlan(plan)) applyModuleCachePlan(plan, edits, lruCache);
  }
  return edits.toString();
}

/** The store the analysis pointed at must be in the tree at its offsets: refuse rather than guess. */
function assertCreationAt(j: JSCodeshift, root: Collection, site: Site): void {
  const found = root
    .find(j.Node)
    .filter((path) => {
      const node = path.node as { start?: number | null; end?: number | null };
      return node.start === site.start && node.end === site.end;
    })
    .size();
  if (found === 0) throw new Error(`${site.file}:${site.line}:${site.column}: no cache at the analysed offsets (the file changed?)`);
}
