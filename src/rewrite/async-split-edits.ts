import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";

export type AsyncSplitPlan = Extract<RewritePlan, { kind: "split-async" | "lru-fetch-cache" }>;

export function isAsyncSplitPlan(plan: RewritePlan): plan is AsyncSplitPlan {
  return plan.kind === "split-async" || plan.kind === "lru-fetch-cache";
}

export interface AsyncSplitContext {
  edits: MagicString;
  /** The memoized call's offsets. */
  call: { start: number; end: number };
  /** Local name of lru-cache's LRUCache in the file. */
  lruCache: string;
}

/** Carries out a split-async plan: text inserted and the call replaced, at the offsets the analysis gave. */
export function applyAsyncSplitPlan(plan: AsyncSplitPlan, { edits, call, lruCache }: AsyncSplitContext): void {
  switch (plan.kind) {
    case "split-async":
      edits.appendLeft(plan.insertAt, plan.declaration);
      edits.overwrite(call.start, call.end, plan.wrapper);
      return;
    case "lru-fetch-cache": {
      const semicolon = plan.semicolon ? ";" : "";
      const type = plan.anyKeys ? `/** @type {${lruCache}<any, any>} */ ` : "";
      edits.appendLeft(plan.insertAt, `${type}const ${plan.cacheName} = new ${lruCache}({ max: ${plan.max}, fetchMethod: ${plan.fetchMethod} })${semicolon}${plan.after}`);
      edits.overwrite(call.start, call.end, plan.wrapper);
      return;
    }
  }
}
