import ts from "../typescript.cts";
import { KEEP_UNDEFINED_CACHE } from "./keep-undefined.ts";
import { skipWrappers } from "./module-ref.ts";

export type OptionValue =
  | { kind: "absent"; hasSpread: boolean }
  | { kind: "number"; value: number }
  | { kind: "infinite" }
  | { kind: "expression"; node: ts.Expression };

/** The value of option `name` in an object literal, as far as the syntax tells. */
export function optionValue(object: ts.ObjectLiteralExpression, name: string): OptionValue {
  let found: OptionValue = { kind: "absent", hasSpread: false };
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      if (found.kind === "absent") found = { kind: "absent", hasSpread: true };
      continue;
    }
    if (!property.name || propertyName(property.name) !== name) continue;
    if (ts.isPropertyAssignment(property)) found = literalValue(property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) found = { kind: "expression", node: property.name };
  }
  return found;
}

function literalValue(expression: ts.Expression): OptionValue {
  const node = skipWrappers(expression);
  if (ts.isNumericLiteral(node)) return { kind: "number", value: Number(node.text) };
  if (ts.isIdentifier(node) && node.text === "Infinity") return { kind: "infinite" };
  if (ts.isPropertyAccessExpression(node) && node.getText() === "Number.POSITIVE_INFINITY") return { kind: "infinite" };
  return { kind: "expression", node };
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** `new LRUCache({ max: 100 })`, or memocap's `lruCacheKeepingUndefined(100)`, → 100. */
export function lruCacheMax(expression: ts.Expression): number | undefined {
  const node = skipWrappers(expression);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text.startsWith(KEEP_UNDEFINED_CACHE)) {
    const [max] = node.arguments;
    return max && ts.isNumericLiteral(max) ? Number(max.text) : undefined;
  }
  if (!ts.isNewExpression(node)) return undefined;
  const [options] = node.arguments ?? [];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const max = optionValue(options, "max");
  return max.kind === "number" ? max.value : undefined;
}

/** Is option `name` set, or possibly set (through a spread, or options that are not a literal)? */
export function mayHaveOption(options: ts.Expression | undefined, name: string): boolean {
  if (!options) return false;
  if (!ts.isObjectLiteralExpression(options)) return true;
  const value = optionValue(options, name);
  return value.kind !== "absent" || value.hasSpread;
}
