import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";

export type ModuleCachePlan = Extract<RewritePlan, { kind: "new-lru-cache" | "lru-cache-type" | "replace-text" }>;

export function isModuleCachePlan(plan: RewritePlan): plan is ModuleCachePlan {
  return plan.kind === "new-lru-cache" || plan.kind === "lru-cache-type" || plan.kind === "replace-text";
}

/**
 * Carries out one edit of a module-cache plan. Replacements keep what other edits appended at their
 * edges (`update`, not `overwrite`), and insertions attach to the text before them, in plan order:
 * so edits nested inside a key or a value compose with the edits around them.
 */
export function applyModuleCachePlan(plan: ModuleCachePlan, edits: MagicString, lruCache: string): void {
  switch (plan.kind) {
    case "new-lru-cache":
      edits.update(plan.start, plan.end, `new ${lruCache}${plan.typeArguments}({ max: ${plan.max} })`);
      return;
    case "lru-cache-type":
      edits.update(plan.start, plan.end, `${lruCache}${plan.typeArguments}`);
      return;
    case "replace-text":
      if (plan.start === plan.end) edits.appendLeft(plan.start, plan.text);
      else edits.update(plan.start, plan.end, plan.text);
      return;
  }
}
