import ts from "../../typescript.cts";
import { skipWrappers } from "../module-ref.ts";
import { optionValue } from "../options-object.ts";

/** What a size option (`maxSize`) of an options argument says about the bound. */
export type SizeOption =
  | { kind: "absent" }
  | { kind: "unreadable"; detail: string }
  | { kind: "bounded"; max: number }
  | { kind: "unbounded"; value: string }
  | { kind: "expression"; text: string };

/**
 * Reads option `name`. `Infinity` never bounds; which numbers do is the library's rule (`isBound`).
 */
export function sizeOption(options: ts.Expression | undefined, name: string, isBound: (value: number) => boolean): SizeOption {
  if (!options) return { kind: "absent" };
  if (!ts.isObjectLiteralExpression(options)) return { kind: "unreadable", detail: "options are not an object literal" };
  const value = optionValue(options, name);
  switch (value.kind) {
    case "absent":
      return value.hasSpread ? { kind: "unreadable", detail: `spread options may set ${name}` } : { kind: "absent" };
    case "infinite":
      return { kind: "unbounded", value: "Infinity" };
    case "number":
      return isBound(value.value) ? { kind: "bounded", max: value.value } : { kind: "unbounded", value: String(value.value) };
    case "expression":
      return { kind: "expression", text: value.node.getText() };
  }
}

/** A size given as an argument (`memoizerific(0)`, `moize.maxSize(Infinity)`); no argument or `undefined` is absent. */
export function sizeArgument(argument: ts.Expression | undefined, isBound: (value: number) => boolean): Exclude<SizeOption, { kind: "unreadable" }> {
  const node = argument && skipWrappers(argument);
  if (!node || (ts.isIdentifier(node) && node.text === "undefined")) return { kind: "absent" };
  if ((ts.isIdentifier(node) && node.text === "Infinity") || node.getText() === "Number.POSITIVE_INFINITY") return { kind: "unbounded", value: "Infinity" };
  const value = numericValue(node);
  if (value === undefined) return { kind: "expression", text: node.getText() };
  return isBound(value) ? { kind: "bounded", max: value } : { kind: "unbounded", value: String(value) };
}

function numericValue(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return undefined;
}
