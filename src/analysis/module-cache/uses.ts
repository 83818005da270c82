import ts from "../../typescript.cts";
import { skipParentheses, type CacheStore } from "./candidates.ts";
import { snippet } from "./snippet.ts";

/** One way the code uses a cache, as far as the rewrite cares. */
export type CacheUse =
  | { kind: "get"; node: ts.Expression; ref: ts.Expression; key: ts.Expression }
  | { kind: "has"; node: ts.Expression; ref: ts.Expression; key: ts.Expression; form: "method" | "in" | "has-own-method" | "has-own-call" }
  | { kind: "set"; node: ts.Expression; ref: ts.Expression; key: ts.Expression; value: ts.Expression | undefined }
  /** Object: `cache[k] ??= v`, `cache[k] ||= v`, `cache[k] ?? (cache[k] = v)`, `cache[k] || (cache[k] = v)`. */
  | { kind: "fill"; node: ts.Expression; ref: ts.Expression; key: ts.Expression; value: ts.Expression }
  /** `cache[k] += 1`, `cache[k]++`: the new value depends on the old one. */
  | { kind: "update"; node: ts.Expression; ref: ts.Expression; key: ts.Expression }
  | { kind: "delete"; node: ts.Expression; ref: ts.Expression; key: ts.Expression | undefined; valueUsed: boolean }
  | { kind: "clear"; node: ts.Node; detail: string }
  /** `cache.size`, or on an object `Object.keys(cache).length`. */
  | { kind: "size"; node: ts.Expression; ref: ts.Expression; compared: boolean }
  | { kind: "iterate"; node: ts.Node }
  | { kind: "reassign"; node: ts.Node }
  | { kind: "instanceof"; node: ts.Node }
  | { kind: "escape"; node: ts.Node; detail: string }
  | { kind: "unsupported"; node: ts.Node; detail: string };

/** How one reference is used; undefined when it is part of a use found through another reference. */
export function classifyUse(ref: ts.Expression, store: CacheStore): CacheUse | undefined {
  const outer = climbWrappers(ref);
  const parent = outer.parent;
  const common = commonUse(ref, outer, parent);
  if (common) return common;
  return store === "object" ? objectUse(ref, outer, parent) : mapUse(ref, outer, parent);
}

function commonUse(ref: ts.Expression, outer: ts.Expression, parent: ts.Node): CacheUse | undefined {
  if (ts.isBinaryExpression(parent) && parent.left === outer && isAssignmentOperator(parent.operatorToken.kind)) return { kind: "reassign", node: parent };
  if (ts.isBinaryExpression(parent) && parent.left === outer && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) return { kind: "instanceof", node: parent };
  if (ts.isForOfStatement(parent) && parent.expression === outer) return { kind: "iterate", node: parent };
  if (ts.isSpreadElement(parent)) return { kind: "iterate", node: parent };
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression.getText();
    if (parent.arguments?.[0] === outer && ["Array.from", "Object.fromEntries", "Map", "Set"].includes(callee)) return { kind: "iterate", node: parent };
  }
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return undefined;
  if (ts.isBinaryExpression(parent) && parent.right === outer && parent.operatorToken.kind === ts.SyntaxKind.InKeyword) return undefined;
  if (ts.isForInStatement(parent) && parent.expression === outer) return undefined;
  if (ts.isCallExpression(parent) && isHasOwnCall(parent, outer)) return undefined;
  if (ts.isCallExpression(parent) && isObjectKeysCall(parent, outer)) return undefined;
  return { kind: "escape", node: parent, detail: escapeDetail(ref, outer, parent) };
}

function mapUse(ref: ts.Expression, outer: ts.Expression, parent: ts.Node): CacheUse {
  if (ts.isElementAccessExpression(parent) && parent.expression === outer) {
    if (parent.argumentExpression.getText() === "Symbol.iterator") return { kind: "iterate", node: parent };
    return { kind: "unsupported", node: parent, detail: `\`${snippet(parent)}\`` };
  }
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== outer) return { kind: "escape", node: parent, detail: "used as a value" };
  const method = parent.name.text;
  const call = methodCall(parent);
  const key = call?.arguments[0];
  switch (method) {
    case "get":
    case "has":
      if (call && key) return method === "get" ? { kind: "get", node: call, ref, key } : { kind: "has", node: call, ref, key, form: "method" };
      break;
    case "set":
      if (call && key) return setUse(call, ref, key);
      break;
    case "delete":
      if (call) return { kind: "delete", node: call, ref, key, valueUsed: !isValueDiscarded(call) };
      break;
    case "clear":
      if (call) return { kind: "clear", node: call, detail: "clear()" };
      break;
    case "size":
      if (!call) return { kind: "size", node: parent, ref, compared: isCompared(parent) };
      break;
    case "keys":
    case "values":
    case "entries":
    case "forEach":
      if (call) return { kind: "iterate", node: call };
      break;
  }
  return { kind: "unsupported", node: parent, detail: `\`.${method}\`${call ? "()" : ""}` };
}

/** `cache.set(k, v)` returns the cache: chained calls go on with it, any other use lets it out. */
function setUse(call: ts.CallExpression, ref: ts.Expression, key: ts.Expression): CacheUse {
  const value = call.arguments[1];
  if (isValueDiscarded(call)) return { kind: "set", node: call, ref, key, value };
  const outer = climbWrappers(call);
  if (ts.isPropertyAccessExpression(outer.parent) && outer.parent.expression === outer) {
    // `cache.set(a, x).set(b, y)` or `cache.set(k, v).get(k)`: the chained call is a use of its own.
    return { kind: "set", node: call, ref, key, value };
  }
  return { kind: "escape", node: call, detail: "the result of set(), the cache itself, is used" };
}

function objectUse(ref: ts.Expression, outer: ts.Expression, parent: ts.Node): CacheUse | undefined {
  if (ts.isElementAccessExpression(parent) && parent.expression === outer) return elementUse(ref, parent);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) {
    const call = methodCall(parent);
    if (parent.name.text === "hasOwnProperty" && call?.arguments.length === 1) return { kind: "has", node: call, ref, key: call.arguments[0]!, form: "has-own-method" };
    return { kind: "unsupported", node: parent, detail: `a fixed property \`${snippet(parent)}\`` };
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InKeyword) return { kind: "has", node: parent, ref, key: parent.left, form: "in" };
  if (ts.isCallExpression(parent) && isHasOwnCall(parent, outer)) return { kind: "has", node: parent, ref, key: parent.arguments[1]!, form: "has-own-call" };
  if (ts.isCallExpression(parent) && isObjectKeysCall(parent, outer)) {
    const length = climbWrappers(parent).parent;
    if (ts.isPropertyAccessExpression(length) && length.name.text === "length") return { kind: "size", node: length, ref, compared: isCompared(length) };
    return { kind: "unsupported", node: parent, detail: `iterated with ${snippet(parent.expression)}()` };
  }
  if (ts.isForInStatement(parent)) {
    if (deletesEachKey(parent, ref)) return { kind: "clear", node: parent, detail: "every key deleted in a for...in loop" };
    return { kind: "unsupported", node: parent, detail: "iterated with for...in" };
  }
  return { kind: "escape", node: parent, detail: "used as a value" };
}

function elementUse(ref: ts.Expression, access: ts.ElementAccessExpression): CacheUse | undefined {
  const key = access.argumentExpression;
  const outer = climbWrappers(access);
  const parent = outer.parent;
  if (ts.isBinaryExpression(parent) && parent.left === outer) {
    const operator = parent.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken) {
      return partOfFill(parent) ? undefined : { kind: "set", node: parent, ref, key, value: parent.right };
    }
    if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken) {
      return { kind: "fill", node: parent, ref, key, value: parent.right };
    }
    if (isAssignmentOperator(operator)) return { kind: "update", node: parent, ref, key };
    const fill = fillAssignment(parent, access);
    if (fill) return { kind: "fill", node: parent, ref, key, value: fill.right };
  }
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isIncrement(parent.operator)) {
    return { kind: "update", node: parent, ref, key };
  }
  if (ts.isDeleteExpression(parent)) return { kind: "delete", node: parent, ref, key, valueUsed: !isValueDiscarded(parent) };
  if (ts.isCallExpression(parent) && parent.expression === outer) return { kind: "unsupported", node: parent, detail: "a cached function called as a method of the cache" };
  if (isDestructuringTarget(outer)) return { kind: "unsupported", node: outer, detail: "a destructuring target" };
  return { kind: "get", node: access, ref, key };
}

/** `cache[k] ?? (cache[k] = v)` / `cache[k] || (cache[k] = v)`: the assignment on the right, same cache and key. */
function fillAssignment(binary: ts.BinaryExpression, access: ts.ElementAccessExpression): ts.BinaryExpression | undefined {
  const operator = binary.operatorToken.kind;
  if (operator !== ts.SyntaxKind.QuestionQuestionToken && operator !== ts.SyntaxKind.BarBarToken) return undefined;
  const right = skipParentheses(binary.right);
  if (!ts.isBinaryExpression(right) || right.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = skipParentheses(right.left);
  if (!ts.isElementAccessExpression(target)) return undefined;
  const sameCache = sameText(target.expression, access.expression);
  return sameCache && sameText(target.argumentExpression, access.argumentExpression) ? right : undefined;
}

/** The `cache[k] = v` inside `cache[k] ?? (cache[k] = v)`: reported with the fill. */
function partOfFill(assignment: ts.BinaryExpression): boolean {
  let outer: ts.Node = assignment;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const binary = outer.parent;
  if (!ts.isBinaryExpression(binary) || binary.right !== outer) return false;
  const left = skipParentheses(binary.left);
  return ts.isElementAccessExpression(left) && fillAssignment(binary, left) === assignment;
}

export function sameText(a: ts.Node, b: ts.Node): boolean {
  return a.getText().replace(/\s+/g, "") === b.getText().replace(/\s+/g, "");
}

function methodCall(access: ts.PropertyAccessExpression): ts.CallExpression | undefined {
  const outer = climbWrappers(access);
  return ts.isCallExpression(outer.parent) && outer.parent.expression === outer ? outer.parent : undefined;
}

/** `Object.prototype.hasOwnProperty.call(cache, k)`, `{}.hasOwnProperty.call(cache, k)`, `Object.hasOwn(cache, k)`. */
function isHasOwnCall(call: ts.CallExpression, outer: ts.Expression): boolean {
  if (call.arguments[0] !== outer || call.arguments.length !== 2) return false;
  const callee = call.expression.getText().replace(/\s+/g, "");
  return callee === "Object.hasOwn" || /^(Object\.prototype|\{\})\.hasOwnProperty\.call$/.test(callee);
}

function isObjectKeysCall(call: ts.CallExpression, outer: ts.Expression): boolean {
  return call.arguments[0] === outer && /^Object\.(keys|values|entries|getOwnPropertyNames)$/.test(call.expression.getText());
}

function deletesEachKey(loop: ts.ForInStatement, ref: ts.Expression): boolean {
  let found = false;
  const look = (node: ts.Node): void => {
    if (ts.isDeleteExpression(node)) {
      const target = skipParentheses(node.expression);
      if (ts.isElementAccessExpression(target) && sameText(target.expression, ref)) found = true;
    }
    if (!found) ts.forEachChild(node, look);
  };
  look(loop.statement);
  return found;
}

/** Parentheses and `!` around a reference. */
export function climbWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  return current;
}

/** The value of `node` goes nowhere: a statement of its own, the left of a comma, `void`, a for-loop clause. */
export function isValueDiscarded(node: ts.Expression): boolean {
  const outer = climbWrappers(node);
  const parent = outer.parent;
  if (ts.isExpressionStatement(parent) || ts.isVoidExpression(parent)) return true;
  if (ts.isForStatement(parent)) return parent.initializer === outer || parent.incrementor === outer;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.CommaToken) {
    return parent.left === outer || isValueDiscarded(parent);
  }
  return false;
}

function isCompared(node: ts.Expression): boolean {
  const outer = climbWrappers(node);
  const parent = outer.parent;
  if (!ts.isBinaryExpression(parent)) return false;
  return [
    ts.SyntaxKind.LessThanToken,
    ts.SyntaxKind.LessThanEqualsToken,
    ts.SyntaxKind.GreaterThanToken,
    ts.SyntaxKind.GreaterThanEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ].includes(parent.operatorToken.kind);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

function isDestructuringTarget(node: ts.Expression): boolean {
  const parent = node.parent;
  return (ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent) || ts.isSpreadElement(parent)) &&
    ts.isBinaryExpression(parent.parent) && parent.parent.left === parent;
}

function escapeDetail(ref: ts.Expression, outer: ts.Expression, parent: ts.Node): string {
  if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return "exported";
  if (ts.isBinaryExpression(parent) && parent.right === outer && /^(module\.)?exports\b/.test(parent.left.getText())) return "exported";
  if ((ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) && isModuleExportsObject(parent.parent)) return "exported";
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return `passed to \`${snippet(parent.expression)}\``;
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return "returned from a function";
  if (ts.isVariableDeclaration(parent)) return `aliased as \`${snippet(parent.name)}\``;
  if (ts.isBinaryExpression(parent) && parent.right === outer) return `assigned to \`${snippet(parent.left)}\``;
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) return "stored in an object";
  if (ts.isTypeQueryNode(parent)) return `its type is used (\`typeof ${snippet(ref)}\`)`;
  return `used as a value in \`${snippet(parent, 40)}\``;
}

function isModuleExportsObject(node: ts.Node): boolean {
  const object = node;
  if (!ts.isObjectLiteralExpression(object)) return false;
  const parent = climbWrappers(object).parent;
  return ts.isBinaryExpression(parent) && /^(module\.)?exports\b/.test(parent.left.getText());
}
