/**
 * Moves memoizers that have no size limit of their own (nano-memoize, promise-memoize) to lru-cache:
 * each call becomes a call of a wrapper written once at the end of the file, which keys as the
 * library did and keeps at most `max` results; the library's import goes when nothing else uses it.
 * The memocap CLI passes the analysed sites in `options.sites`; run alone, the transform runs the
 * analysis for its one file itself.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import MagicString from "magic-string";
import type { RewritePlan } from "../src/analysis/site.ts";
import { applyPlan } from "../src/rewrite/apply-plan.ts";
import { locateCall } from "../src/rewrite/locate.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { helperDeclaration } from "../src/rewrite/migration-helpers.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { removeStatement } from "../src/rewrite/remove-statement.ts";
import { sitesToRewrite } from "../src/rewrite/standalone.ts";
import { parseForTextEdits } from "../src/rewrite/parse-source.ts";

export const TRANSFORM_NAME = "migrate-to-lru-cache";

type Removal = Extract<RewritePlan, { kind: "remove-statement" }>;
type HelperPlan = Extract<RewritePlan, { kind: "declare-helper" }>;

export default async function migrateToLruCache(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const mine = await sitesToRewrite(TRANSFORM_NAME, file, options);
  if (mine.length === 0) return undefined;

  const j = api.jscodeshift;
  const root = parseForTextEdits(j, file.source);
  const edits = new MagicString(file.source);
  const plans = mine.flatMap((site) => site.plan ?? []);
  const removals = uniqueBy(plans.filter((plan): plan is Removal => plan.kind === "remove-statement"), (plan) => plan.start);
  const helpers = uniqueBy(plans.filter((plan): plan is HelperPlan => plan.kind === "declare-helper"), (plan) => plan.name);

  // The LRUCache import takes the place of the first import that goes; the wrappers call `new LRUCache` when the sites run.
  const [replaced, ...removed] = removals;
  const firstUse = Math.min(...mine.map((site) => site.start));
  const lruCache = ensureLruCacheBinding(j, root, file.source, edits, moduleKind(j, root, file.path), firstUse, replaced);
  for (const removal of removed) removeStatement(file.source, edits, removal);
  for (const site of mine) {
    const call = locateCall(j, root, site);
    for (const plan of site.plan ?? []) {
      if (plan.kind !== "remove-statement" && plan.kind !== "declare-helper") applyPlan(plan, { source: file.source, edits, call, lruCache });
    }
  }
  const typescript = /\.[cm]?tsx?$/.test(file.path);
  for (const helper of helpers) {
    edits.append(helperDeclaration(helper.helper, { name: helper.name, lruCache, typescript }, file.source));
  }
  return edits.toString();
}

function uniqueBy<T>(items: T[], key: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
