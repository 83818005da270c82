/**
 * Instance-method caches (DESIGN §3.3). A memoizing decorator on a method or getter is migrated to a
 * bounded lru-cache store: shared by all instances when the method does not read `this`, one per
 * instance (in a WeakMap, so that it goes with the instance) when it does. A class field holding a
 * memoized function that does not read `this` shares one function; a memoized prototype method that
 * reads `this` is memoized per instance. The memocap CLI passes the analysed sites in
 * `options.sites`; run alone (`jscodeshift -t transforms/share-instance-cache.ts`), the transform
 * runs the analysis for its one file itself.
 */
import type { API, FileInfo, Options } from "jscodeshift";
import MagicString from "magic-string";
import type { InstanceCachePlan, MemoizeMemberPlan } from "../src/analysis/instance-cache/plan.ts";
import { applyShareClassField } from "../src/rewrite/instance-cache/class-field.ts";
import { codeStyle, fileIndentUnit } from "../src/rewrite/instance-cache/code-style.ts";
import { DeclarationsBefore } from "../src/rewrite/instance-cache/declarations.ts";
import { unusedDecoratorImports } from "../src/rewrite/instance-cache/decorator-imports.ts";
import { applyMemoizeMember } from "../src/rewrite/instance-cache/memoized-member.ts";
import { applyPerInstancePrototype } from "../src/rewrite/instance-cache/prototype.ts";
import { ensureLruCacheBinding } from "../src/rewrite/lru-import.ts";
import { moduleKind } from "../src/rewrite/module-kind.ts";
import { parseForTextEdits } from "../src/rewrite/parse-source.ts";
import { removeStatement } from "../src/rewrite/remove-statement.ts";
import { sitesToRewrite } from "../src/rewrite/standalone.ts";

export const TRANSFORM_NAME = "share-instance-cache";

const PLAN_KINDS = new Set(["memoize-member", "share-class-field", "per-instance-prototype"]);

export default async function shareInstanceCache(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  const mine = await sitesToRewrite(TRANSFORM_NAME, file, options);
  if (mine.length === 0) return undefined;

  const source = file.source;
  const j = api.jscodeshift;
  const root = parseForTextEdits(j, source);
  const edits = new MagicString(source);
  const style = codeStyle(source);
  const declarations = new DeclarationsBefore();
  const plans = mine.flatMap((site) => (site.plan ?? []).filter((plan): plan is InstanceCachePlan => PLAN_KINDS.has(plan.kind)));
  const members = plans.filter((plan): plan is MemoizeMemberPlan => plan.kind === "memoize-member");
  for (const plan of members) checkDecorator(source, plan, file.path);

  const removedDecorators = members.flatMap((plan) => plan.decorators);
  const imports = unusedDecoratorImports(j, root, source, new Set(members.map((plan) => plan.decoratorBinding)), removedDecorators);
  // A decorator import that goes makes room for lru-cache's, in its place.
  const [replaced, ...dropped] = imports.statements;
  const lruCache = mine.some((site) => site.needsLruCache)
    ? ensureLruCacheBinding(j, root, source, edits, moduleKind(j, root, file.path), Number.POSITIVE_INFINITY, replaced)
    : "LRUCache";
  for (const statement of mine.some((site) => site.needsLruCache) ? dropped : imports.statements) removeStatement(source, edits, statement);
  for (const part of imports.parts) {
    if (part.text) edits.overwrite(part.start, part.end, part.text);
    else edits.remove(part.start, part.end);
  }

  for (const plan of plans) {
    if (plan.kind === "memoize-member") applyMemoizeMember(plan, { source, edits, lruCache, style, declarations });
    else if (plan.kind === "share-class-field") applyShareClassField(plan, source, edits, style, declarations);
    else applyPerInstancePrototype(plan, source, edits, style, fileIndentUnit(source));
  }
  declarations.write(source, edits, style);
  return edits.toString();
}

/** The analysis and the text must agree: refuse rather than cut the wrong bytes. */
function checkDecorator(source: string, plan: MemoizeMemberPlan, path: string): void {
  for (const decorator of plan.decorators) {
    if (source[decorator.start] !== "@") throw new Error(`${path}: no decorator at the analysed offset ${decorator.start} (the file changed?)`);
  }
  if (source.slice(plan.nameStart, plan.nameEnd) !== plan.name) throw new Error(`${path}: no member ${plan.name} at the analysed offset (the file changed?)`);
}
