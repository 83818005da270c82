import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";
import { endOfLineAfter, endsWithSemicolon, indentationAt, lineEnding, startsAsiHazard } from "./source-layout.ts";
import { setOptions } from "./set-options.ts";

/** The parts of a jscodeshift (Babel) node the edits need. */
export interface LocatedNode {
  type: string;
  start?: number | null;
  end?: number | null;
  arguments?: LocatedNode[];
  callee?: LocatedNode;
  properties?: Array<LocatedNode & { key?: { type: string; name?: string; value?: unknown }; value?: LocatedNode; computed?: boolean }>;
}

export interface PlanContext {
  source: string;
  edits: MagicString;
  call: LocatedNode;
  lruCache: string;
  /** The file's `lruCacheKeepingUndefined` helper, when a plan keeps undefined results (see keep-undefined-cache.ts). */
  keepUndefinedCache?: string;
}

/** Carries out one step of a site's plan as text edits, touching nothing but the edited spots. */
export function applyPlan(plan: RewritePlan, context: PlanContext): void {
  switch (plan.kind) {
    case "assign-cache-after-statement":
      return assignCacheAfterStatement(plan, context);
    case "wrap-assign-cache":
      return wrapAssignCache(plan, context);
    case "set-option":
      return setOption(plan.argIndex, plan.name, plan.value, context);
    case "set-lru-option":
      return setOption(plan.argIndex, plan.name, lruOptionValue(plan, context.lruCache), context);
    case "set-argument":
      return setArgument(plan, context);
    case "replace-callee":
      return replaceCallee(plan, context);
    case "set-options":
      return setOptions(plan, context.source, context.edits, context.call);
    case "replace-text":
      if (plan.start === plan.end) context.edits.appendLeft(plan.start, plan.text);
      else context.edits.overwrite(plan.start, plan.end, plan.text);
      return;
  }
}

/** `new LRUCache({ max })`, or the file's helper that also keeps undefined results. */
function newCache(plan: { max: number; keepUndefined?: true }, { lruCache, keepUndefinedCache }: PlanContext): string {
  if (!plan.keepUndefined) return `new ${lruCache}({ max: ${plan.max} })`;
  if (!keepUndefinedCache) throw new Error("a plan keeps undefined results but the file has no lruCacheKeepingUndefined helper");
  return `${keepUndefinedCache}(${plan.max})`;
}

function assignCacheAfterStatement(plan: Extract<RewritePlan, { kind: "assign-cache-after-statement" }>, context: PlanContext): void {
  const { source, edits } = context;
  const at = endOfLineAfter(source, plan.statementEnd);
  const semicolon = endsWithSemicolon(source, plan.statementEnd) || startsAsiHazard(source, at) ? ";" : "";
  const indent = indentationAt(source, plan.statementEnd);
  edits.appendLeft(at, `${lineEnding(source)}${indent}${plan.target}.cache = ${newCache(plan, context)}${semicolon}`);
}

function wrapAssignCache(plan: Extract<RewritePlan, { kind: "wrap-assign-cache" }>, context: PlanContext): void {
  const { edits, call } = context;
  edits.prependRight(call.start!, "Object.assign(");
  edits.appendLeft(call.end!, `, { cache: ${newCache(plan, context)} })`);
}

function lruOptionValue(plan: Extract<RewritePlan, { kind: "set-lru-option" }>, lruCache: string): string {
  const options = `{ max: ${plan.max} }`;
  const cache =
    plan.anyCast === "type-arguments"
      ? `new ${lruCache}<any, any>(${options})`
      : plan.anyCast === "jsdoc"
        ? `/** @type {any} */ (new ${lruCache}(${options}))`
        : plan.anyCast === "as-map"
          ? `new ${lruCache}(${options}) as Map<never, never>`
          : `new ${lruCache}(${options})`;
  return plan.form === "factory" ? `{ create: () => ${cache} }` : cache;
}

function setArgument(plan: Extract<RewritePlan, { kind: "set-argument" }>, { edits, call }: PlanContext): void {
  const args = call.arguments ?? [];
  const current = args[plan.argIndex];
  if (current) {
    edits.overwrite(current.start!, current.end!, plan.value);
    return;
  }
  if (args.length !== plan.argIndex) throw new Error(`cannot add argument ${plan.argIndex} to a call with ${args.length}`);
  const last = args[args.length - 1];
  // A call expression always ends with its closing parenthesis.
  if (last) edits.appendLeft(last.end!, `, ${plan.value}`);
  else edits.appendLeft(call.end! - 1, plan.value);
}

function replaceCallee(plan: Extract<RewritePlan, { kind: "replace-callee" }>, { edits, call }: PlanContext): void {
  if (!call.callee) throw new Error("call has no callee");
  edits.overwrite(call.callee.start!, call.callee.end!, plan.text);
}

function setOption(argIndex: number, name: string, value: string, { source, edits, call }: PlanContext): void {
  const args = call.arguments ?? [];
  const options = args[argIndex];
  const property = `${name}: ${value}`;
  if (!options) {
    const last = args[args.length - 1];
    if (!last || args.length !== argIndex) throw new Error(`cannot add options at argument ${argIndex}`);
    edits.appendLeft(last.end!, `, { ${property} }`);
    return;
  }
  if (options.type !== "ObjectExpression") throw new Error("options argument is not an object literal");
  const properties = options.properties ?? [];
  const existing = properties.find((candidate) => !candidate.computed && (candidate.key?.name === name || candidate.key?.value === name));
  if (existing?.value) {
    edits.overwrite(existing.value.start!, existing.value.end!, value);
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
