import ts from "../../typescript.cts";
import { skipWrappers } from "../module-ref.ts";
import { propertyName } from "../options-object.ts";
import type { CacheKey } from "./plan.ts";
import { mentionsReceiver } from "./reads-this.ts";

/** What a memoizing decorator's arguments ask for, as far as the migration needs to know. */
export type DecoratorConfig =
  | {
      kind: "migratable";
      /** A key the options set; the library's default key otherwise. */
      key?: CacheKey;
      /** Expiry in ms (source text), kept as lru-cache's `ttl`. */
      ttl?: string;
      /** typescript-memoize `tags`: registers the instance's cache globally on every call. */
      tags: boolean;
    }
  /** The options give the store (`cache`, `type`): it decides where results live and how many. */
  | { kind: "store-option"; detail: string; keepsNothing?: boolean }
  | { kind: "not-literal" }
  | { kind: "unsupported"; detail: string };

export type KeyCall = Extract<CacheKey, { kind: "key-function" }>["call"];

/** The properties of an options object literal, by name; undefined when it has spreads or computed names. */
export function optionProperties(object: ts.ObjectLiteralExpression): Map<string, ts.Expression> | undefined {
  const properties = new Map<string, ts.Expression>();
  for (const property of object.properties) {
    const name = property.name && propertyName(property.name);
    if (!name) return undefined;
    if (ts.isPropertyAssignment(property)) properties.set(name, property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) properties.set(name, property.name);
    else return undefined;
  }
  return properties;
}

/**
 * A key function given in the options: an inline arrow function (called in place, so that TypeScript
 * still types its parameters from the arguments) or a name. Anything else, or an arrow that reads the
 * receiver of the class body, is not moved.
 */
export function keyFunction(expression: ts.Expression, call: KeyCall): CacheKey | { unsupported: string } {
  const node = skipWrappers(expression);
  if (ts.isArrowFunction(node)) {
    if (mentionsReceiver(node)) return { unsupported: "the key function reads this" };
    return { kind: "key-function", text: node.getText(), inline: true, call };
  }
  if (ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && isDottedName(node))) {
    return { kind: "key-function", text: node.getText(), inline: false, call };
  }
  return { unsupported: "the key function is neither an arrow function nor a name" };
}

/** A key resolver given as a method name (`"keyOf"`): the instance's method computes the key. */
export function keyMethod(expression: ts.Expression): CacheKey | undefined {
  const node = skipWrappers(expression);
  return ts.isStringLiteralLike(node) && /^[A-Za-z_$][\w$]*$/.test(node.text) ? { kind: "key-method", name: node.text } : undefined;
}

/** A number of milliseconds: a literal or an expression that reads no receiver. */
export function milliseconds(expression: ts.Expression): string | undefined {
  const node = skipWrappers(expression);
  if (mentionsReceiver(node) || ts.isFunctionLike(node)) return undefined;
  return node.getText();
}

function isDottedName(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && isDottedName(node.expression);
}

/** Reads `{ a, b }` options against the names a library knows; any other name cannot be kept. */
export function readKnownOptions(
  argument: ts.Expression | undefined,
  known: readonly string[],
): { properties: Map<string, ts.Expression> } | Exclude<DecoratorConfig, { kind: "migratable" }> {
  if (!argument) return { properties: new Map() };
  const node = skipWrappers(argument);
  if (!ts.isObjectLiteralExpression(node)) return { kind: "not-literal" };
  const properties = optionProperties(node);
  if (!properties) return { kind: "not-literal" };
  const unknown = [...properties.keys()].find((name) => !known.includes(name));
  if (unknown) return { kind: "unsupported", detail: `the ${unknown} option cannot be kept` };
  return { properties };
}
