import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";
import { endOfLineAfter, endsWithSemicolon, indentationAt, lineEnding, startsAsiHazard } from "./source-layout.ts";

/** The parts of a jscodeshift (Babel) node the edits need. */
export interface LocatedNode {
  type: string;
  start?: number | null;
  end?: number | null;
  arguments?: LocatedNode[];
  properties?: Array<LocatedNode & { key?: { type: string; name?: string; value?: unknown }; value?: LocatedNode; computed?: boolean }>;
}

export interface PlanContext {
  source: string;
  edits: MagicString;
  call: LocatedNode;
  lruCache: string;
}

/** Carries out one step of a site's plan as text edits, touching nothing but the edited spots. */
export function applyPlan(plan: RewritePlan, context: PlanContext): void {
  switch (plan.kind) {
    case "assign-cache-after-statement":
      return assignCacheAfterStatement(plan, context);
    case "wrap-assign-cache":
      return wrapAssignCache(plan, context);
    case "set-option":
      return setOption(plan, context);
  }
}

function newCache(lruCache: string, max: number): string {
  return `new ${lruCache}({ max: ${max} })`;
}

function assignCacheAfterStatement(plan: Extract<RewritePlan, { kind: "assign-cache-after-statement" }>, { source, edits, lruCache }: PlanContext): void {
  const at = endOfLineAfter(source, plan.statementEnd);
  const semicolon = endsWithSemicolon(source, plan.statementEnd) || startsAsiHazard(source, at) ? ";" : "";
  const indent = indentationAt(source, plan.statementEnd);
  edits.appendLeft(at, `${lineEnding(source)}${indent}${plan.target}.cache = ${newCache(lruCache, plan.max)}${semicolon}`);
}

function wrapAssignCache(plan: Extract<RewritePlan, { kind: "wrap-assign-cache" }>, { edits, call, lruCache }: PlanContext): void {
  edits.prependRight(call.start!, "Object.assign(");
  edits.appendLeft(call.end!, `, { cache: ${newCache(lruCache, plan.max)} })`);
}

function setOption(plan: Extract<RewritePlan, { kind: "set-option" }>, { source, edits, call }: PlanContext): void {
  const args = call.arguments ?? [];
  const options = args[plan.argIndex];
  const property = `${plan.name}: ${plan.value}`;
  if (!options) {
    const last = args[args.length - 1];
    if (!last || args.length !== plan.argIndex) throw new Error(`cannot add options at argument ${plan.argIndex}`);
    edits.appendLeft(last.end!, `, { ${property} }`);
    return;
  }
  if (options.type !== "ObjectExpression") throw new Error("options argument is not an object literal");
  const properties = options.properties ?? [];
  const existing = properties.find((candidate) => !candidate.computed && (candidate.key?.name === plan.name || candidate.key?.value === plan.name));
  if (existing?.value) {
    edits.overwrite(existing.value.start!, existing.value.end!, plan.value);
    return;
  }
  const last = properties[properties.length - 1];
  if (!last) {
    edits.overwrite(options.start!, options.end!, `{ ${property} }`);
    return;
  }
  const multiline = source.slice(options.start!, last.start!).includes("\n");
  const separator = multiline ? `${lineEnding(source)}${indentationAt(source, last.start!)}` : " ";
  edits.appendLeft(last.end!, `,${separator}${property}`);
}
