import ts from "../../typescript.cts";
import { siteDirectives } from "../directives.ts";
import type { ClassContext } from "./class-context.ts";
import type { DecoratorConfig } from "./decorator-options.ts";
import type { MemberShape } from "./member-shape.ts";
import type { MemoDecorators } from "./memo-decorator.ts";
import { joinedName, type FileNames } from "./names.ts";
import type { CacheKey, MemoizeMemberPlan } from "./plan.ts";

export interface MemberPlanContext {
  sourceFile: ts.SourceFile;
  max: number;
  names: FileNames;
  typed: boolean;
}

/** The migration of a memoized member, with every name and offset the rewrite needs. */
export function memberPlan(
  found: MemoDecorators,
  shape: MemberShape,
  where: ClassContext,
  key: CacheKey,
  perInstance: boolean,
  config: Extract<DecoratorConfig, { kind: "migratable" }>,
  context: MemberPlanContext,
): MemoizeMemberPlan {
  const { sourceFile } = context;
  const text = sourceFile.text;
  const decorators = found.memo.map((memo) => ({ start: memo.node.getStart(sourceFile), end: afterWhitespace(text, memo.node.end) }));
  const memberStart = Math.max(...decorators.map((range) => range.end));
  const uncachedName = `${shape.name}Uncached`;
  const store = perInstance ? "per-instance" : "shared";
  const storeName = context.names.fresh(joinedName(where.name, shape.name) + (store === "per-instance" && key.kind !== "instance" ? "Caches" : "Cache"));
  const decorator = found.memo[0]!;
  return {
    kind: "memoize-member",
    store,
    storeName,
    storeAt: where.insertAt,
    types: context.typed ? storeTypes(where.name!, shape, uncachedName, key) : undefined,
    key,
    max: siteMax(decorator.node, context),
    ttl: config.ttl,
    evictRejections: decorator.library.evictsRejections(decorator.exportName) && mayReturnPromise(shape),
    decorators,
    memberStart,
    accessor: shape.accessor,
    name: shape.name,
    nameStart: shape.nameNode.getStart(sourceFile),
    nameEnd: shape.nameNode.end,
    uncachedName,
    modifiers: shape.modifiers,
    parameters: shape.parameters,
    returnType: shape.returnType,
    typed: context.typed,
    decoratorBinding: decorator.binding,
  };
}

/** The offset of the next non-blank character: a removed decorator takes its line break and indent with it. */
function afterWhitespace(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** Async, or a return type that may be a promise, or none written down. */
function mayReturnPromise(shape: MemberShape): boolean {
  return shape.async || shape.returnType === undefined || /Promise|Thenable/.test(shape.returnType);
}

function siteMax(node: ts.Decorator, context: MemberPlanContext): number {
  return siteDirectives(context.sourceFile, node).max ?? context.max;
}

/**
 * Type arguments named through the class, so that they are right whatever the method's types are
 * and wherever they are declared: `ReturnType<PriceList["formatUncached"]>`. Results are boxed
 * (`{ value }`) so that `undefined` results are cached as the library cached them.
 */
function storeTypes(className: string, shape: MemberShape, uncachedName: string, key: CacheKey): { key?: string; value: string } {
  const owner = shape.isStatic ? `(typeof ${className})` : className;
  const member = `${owner}["${uncachedName}"]`;
  const value = `{ value: ${shape.accessor === "get" ? member : `ReturnType<${member}>`} }`;
  return { key: keyType(key, member, owner), value };
}

function keyType(key: CacheKey, member: string, owner: string): string | undefined {
  switch (key.kind) {
    case "first-argument":
      return `Parameters<${member}>[0]`;
    case "string-first-argument":
    case "json-arguments":
    case "json-arguments-as-strings":
    case "to-string-arguments":
      return "string";
    case "key-function":
      return key.inline ? "{}" : `ReturnType<typeof ${key.text}>`;
    case "key-method":
      return `ReturnType<${owner}["${key.name}"]>`;
    case "instance":
      return undefined;
  }
}
