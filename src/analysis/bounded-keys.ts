import ts from "../typescript.cts";
import type { AdapterVerdict, CallContext, LibraryAdapter } from "./libraries/adapter.ts";
import type { CacheKeys } from "./libraries/cache-keys.ts";
import { functionNode, memoizedFunctionFacts } from "./memoized-function.ts";
import { findDeclaration } from "./scope.ts";
import type { ParameterTypeFacts, TypeFacts } from "./types/type-facts.ts";

/** A cache that cannot grow past a few entries, whatever its bound: reported, never rewritten. */
export interface BoundedByConstruction {
  code: "MC125" | "MC126";
  detail: string;
  /** The most entries the cache can hold. */
  entries: number;
}

/** The adapter's verdict, unless it would rewrite a cache that is bounded by construction: then bounded, left as it is. */
export function unlessBoundedByConstruction(adapter: LibraryAdapter, context: CallContext, verdict: AdapterVerdict): AdapterVerdict {
  if (verdict.verdict !== "rewrite" || verdict.bounded || !adapter.cacheKeys) return verdict;
  const keys = adapter.cacheKeys(context);
  const bounded = keys && boundedByConstruction(context.call, keys, context.types, context.max);
  if (!bounded) return verdict;
  return { bounded: true, max: bounded.entries, code: bounded.code, detail: bounded.detail, verdict: "none", findings: verdict.findings, fn: verdict.fn };
}

/**
 * Is this memoizer call's cache bounded by what it keys on? A function of no parameters keeps one
 * entry; keys typed `boolean`, an enum or a union of literals (the checker says) keep at most the
 * product of their counts of values. Counted only up to `max`: a cache that can hold more than the
 * bound memocap would give it is still bounded by the rewrite.
 *
 * Where the library keys on what a call passes rather than on the declared parameters, the types
 * guarantee the key only for calls the checker sees: a memoized function handed to other code (an
 * argument, a JSX attribute, a value stored elsewhere) may be called with anything (`items.map(f)`
 * passes each item), so it is not bounded by construction.
 */
export function boundedByConstruction(call: ts.CallExpression, keys: CacheKeys, types: TypeFacts, max: number): BoundedByConstruction | undefined {
  const { memoized, by } = keys;
  if (by.kind === "resolver") {
    const result = types.functionOf(by.resolver)?.result;
    if (result?.finiteValues === undefined || result.finiteValues > max) return undefined;
    return { code: "MC126", detail: `at most ${result.finiteValues} ${entries(result.finiteValues)}: the resolver returns ${result.text}`, entries: result.finiteValues };
  }
  const declared = memoizedFunctionFacts(memoized);
  if (declared?.hasRest) return undefined;
  // The checker only when the parameters' types matter, or the declaration is out of sight.
  const typed = declared?.arity === 0 ? undefined : types.functionOf(memoized);
  if (typed?.parameters.some((parameter) => parameter.rest)) return undefined;
  const arity = declared?.arity ?? typed?.parameters.length;
  if (arity === 0) {
    if (by.kind === "declared-parameters" && (by.count ?? 0) > 0) return undefined;
    // `function () { return [].join.call(arguments); }` takes its arguments all the same.
    if (by.kind === "arguments" && (readsArguments(memoized) || mayBeCalledWithOtherArguments(call, 0))) return undefined;
    return { code: "MC125", detail: by.kind === "arguments" ? "as long as it is called without arguments, as its type says" : "whatever a call passes", entries: 1 };
  }
  if (!typed || arity === undefined) return undefined;
  const parameters = typed.parameters;

  let keyed: ParameterTypeFacts[];
  if (by.kind === "declared-parameters") {
    const count = by.count ?? runtimeLength(parameters);
    if (count === 0 || count > parameters.length) return undefined;
    keyed = parameters.slice(0, count);
  } else {
    keyed = by.which === "first" ? parameters.slice(0, 1) : parameters;
    if (mayBeCalledWithOtherArguments(call, by.which === "first" ? Number.POSITIVE_INFINITY : parameters.length)) return undefined;
  }
  let total = 1;
  const parts: string[] = [];
  for (const [index, parameter] of keyed.entries()) {
    const values = parameterValues(parameter, by.kind === "arguments" && by.which === "all");
    if (values === undefined) return undefined;
    total *= values;
    if (total > max) return undefined;
    parts.push(`argument ${index + 1} \`${parameter.name}\` is ${parameter.text}`);
  }
  return { code: "MC126", detail: `at most ${total} ${entries(total)}: ${parts.join(", ")}`, entries: total };
}

/**
 * The values a parameter can bring to the key: those of its type; one more (`undefined`) when it has
 * a default, which the key sees before the default applies; and one more again for a library that
 * tells an argument left out from one passed as `undefined` (it keys on the argument list).
 */
function parameterValues(parameter: ParameterTypeFacts, countsArguments: boolean): number | undefined {
  if (parameter.finiteValues === undefined) return undefined;
  const optional = parameter.defaulted || parameter.mayBeUndefined === true;
  return parameter.finiteValues + (parameter.defaulted ? 1 : 0) + (countsArguments && optional ? 1 : 0);
}

function runtimeLength(parameters: ParameterTypeFacts[]): number {
  const first = parameters.findIndex((parameter) => parameter.defaulted || parameter.rest);
  return first === -1 ? parameters.length : first;
}

/** Does the memoized function (where it can be seen) read `arguments`, outside functions of its own? */
function readsArguments(memoized: ts.Expression): boolean {
  const fn = functionNode(memoized);
  if (!fn?.body || ts.isArrowFunction(fn)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === "arguments") found = true;
    else if (!ts.isFunctionLike(node) || ts.isArrowFunction(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

function entries(count: number): string {
  return count === 1 ? "entry" : "entries";
}

/**
 * Can the memoized function be called with arguments other than those its parameters' types allow,
 * or with more than `keyedArguments` of them? Yes when it is handed to other code as it is made (an
 * argument, a JSX attribute), or when the variable that holds it is passed on, stored elsewhere or
 * called with more arguments. Exporting it is no such use: importers call it as its type says.
 */
function mayBeCalledWithOtherArguments(call: ts.CallExpression, keyedArguments: number): boolean {
  const made = outermost(call);
  const holder = made.parent;
  if (isHandedOn(made)) return true;
  if (!ts.isVariableDeclaration(holder) || holder.initializer !== made || !ts.isIdentifier(holder.name)) return false;
  const name = holder.name;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && !isPropertyName(node) && findDeclaration(node) === holder) {
      other = !isPlainUse(node, keyedArguments);
    }
    ts.forEachChild(node, visit);
  };
  visit(call.getSourceFile());
  return other;
}

/** The expression that evaluates to the memoized function: through parentheses, casts, `Object.assign(m, ...)` and a curried call. */
function outermost(call: ts.CallExpression): ts.Expression {
  let node: ts.Expression = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      node = parent;
    } else if (ts.isCallExpression(parent) && (parent.expression === node || (parent.arguments[0] === node && parent.expression.getText() === "Object.assign"))) {
      node = parent;
    } else {
      return node;
    }
  }
}

function isHandedOn(node: ts.Expression): boolean {
  const parent = node.parent;
  return ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) || ts.isJsxExpression(parent) || ts.isSpreadElement(parent);
}

/** A call with at most `keyedArguments` arguments, a property read (`f.cache`), an export or a type query. */
function isPlainUse(identifier: ts.Identifier, keyedArguments: number): boolean {
  let node: ts.Node = identifier;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) {
    return parent.arguments.length <= keyedArguments && !parent.arguments.some(ts.isSpreadElement);
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return true;
  if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent) || ts.isTypeQueryNode(parent) || ts.isTypeOfExpression(parent)) return true;
  return isCommonJsExport(node);
}

/** `module.exports = f`, `exports.f = f`, `module.exports = { f }`. */
function isCommonJsExport(node: ts.Node): boolean {
  let value: ts.Node = node;
  if (ts.isShorthandPropertyAssignment(node.parent) || (ts.isPropertyAssignment(node.parent) && node.parent.initializer === node)) value = node.parent.parent;
  const assignment = value.parent;
  if (!ts.isBinaryExpression(assignment) || assignment.right !== value || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const target = assignment.left.getText().replace(/\s+/g, "");
  return /^(module\.exports|exports)(\.[\w$]+)?$/.test(target);
}

function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}
