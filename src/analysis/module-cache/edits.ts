import ts from "../../typescript.cts";
import { lineEnding, indentationAt } from "../../rewrite/source-layout.ts";
import type { RewritePlan } from "../site.ts";
import { skipParentheses, type CacheCandidate } from "./candidates.ts";
import { isRepeatableKey } from "./functions.ts";
import { writtenTypeArguments } from "./type-annotations.ts";
import { climbWrappers, type CacheUse } from "./uses.ts";
import { snippet } from "./snippet.ts";

/** The rewrite cannot be expressed: the site is left, with this use as the reason. */
export class UnsupportedUse extends Error {
  constructor(readonly node: ts.Node, detail: string) {
    super(detail);
  }
}

/** How an object cache's keys are written for the LRUCache: as they are, or through String(). */
export interface KeyWriting {
  /** Wrap this key in String(…), as the object's property lookup did. */
  wrap(key: ts.Expression): boolean;
}

export interface EditContext {
  sourceFile: ts.SourceFile;
  /** TypeScript file: reads that were typed V stay V with `!`. */
  typescript: boolean;
}

/** `new Map<K, V>()` → `new LRUCache<K, V>({ max })`; type arguments kept as written. */
export function mapConstruction(candidate: CacheCandidate, typeArguments: string | undefined, max: number): RewritePlan {
  const creation = candidate.creation as ts.NewExpression;
  const text = candidate.declaration.getSourceFile().text;
  const written = writtenTypeArguments(text, creation.expression.end, creation);
  return { kind: "new-lru-cache", start: creation.getStart(), end: creation.end, typeArguments: written || (typeArguments ?? ""), max };
}

/** `{}` / `Object.create(null)` (and any `as T` on it) → `new LRUCache<K, V>({ max })`. */
export function objectConstruction(candidate: CacheCandidate, typeArguments: string, max: number): RewritePlan {
  return { kind: "new-lru-cache", start: candidate.initializer.getStart(), end: candidate.initializer.end, typeArguments, max };
}

/** A declared type `Map<K, V>` / `Record<K, V>` / `{ [k: K]: V }` → `LRUCache<K, V>`. */
export function retype(node: ts.TypeNode, typeArguments: string): RewritePlan {
  return { kind: "lru-cache-type", start: node.getStart(), end: node.end, typeArguments };
}

/** The edits that turn one use of an object cache into the LRUCache method that does the same. */
export function objectUseEdits(use: CacheUse, keys: KeyWriting, context: EditContext): RewritePlan[] {
  switch (use.kind) {
    case "get":
      return getEdits(use.node as ts.ElementAccessExpression, keys, context);
    case "has":
      return hasEdits(use, keys);
    case "set":
      return setEdits(use.node as ts.BinaryExpression, use.ref, use.key, use.value!, keys, context);
    case "fill":
      return splitIntoStatements(use.node, use.value, use.ref, use.key, "fill", keys, context);
    case "delete":
      if (use.valueUsed) throw new UnsupportedUse(use.node, "the result of `delete` is used (LRUCache.delete answers whether the key was there)");
      return keyedCall(use.node, use.ref, "delete", use.key!, keys, use.node.getStart(), use.node.end);
    case "size":
      return [{ kind: "replace-text", start: use.node.getStart(), end: use.node.end, text: `${use.ref.getText()}.size` }];
    case "update":
      throw new UnsupportedUse(use.node, `\`${snippet(use.node)}\` updates a cached value in place`);
    default:
      throw new UnsupportedUse(use.node, `\`${snippet(use.node)}\``);
  }
}

function keyOpen(key: ts.Expression, keys: KeyWriting): string {
  return keys.wrap(key) ? "String(" : "";
}

function keyClose(key: ts.Expression, keys: KeyWriting): string {
  return keys.wrap(key) ? ")" : "";
}

function keyText(key: ts.Expression, keys: KeyWriting): string {
  return `${keyOpen(key, keys)}${key.getText()}${keyClose(key, keys)}`;
}

/** `cache[k]` → `cache.get(k)` (with `!` in TypeScript where the value, not its presence, is used). */
function getEdits(access: ts.ElementAccessExpression, keys: KeyWriting, context: EditContext): RewritePlan[] {
  const key = access.argumentExpression;
  const dot = access.questionDotToken ? "?." : ".";
  const bang = context.typescript && !isPresenceTest(access) && !ts.isNonNullExpression(access.parent) && !continuesOptionalChain(access) ? "!" : "";
  return [
    { kind: "replace-text", start: access.expression.end, end: key.getStart(), text: `${dot}get(${keyOpen(key, keys)}` },
    { kind: "replace-text", start: key.end, end: access.end, text: `${keyClose(key, keys)})${bang}` },
  ];
}

function hasEdits(use: Extract<CacheUse, { kind: "has" }>, keys: KeyWriting): RewritePlan[] {
  const { node, ref, key } = use;
  switch (use.form) {
    case "in":
      return [
        { kind: "replace-text", start: key.getStart(), end: key.getStart(), text: `${ref.getText()}.has(${keyOpen(key, keys)}` },
        { kind: "replace-text", start: key.end, end: node.end, text: `${keyClose(key, keys)})` },
      ];
    case "has-own-method": {
      const access = (node as ts.CallExpression).expression as ts.PropertyAccessExpression;
      return [
        { kind: "replace-text", start: access.name.getStart(), end: key.getStart(), text: `has(${keyOpen(key, keys)}` },
        { kind: "replace-text", start: key.end, end: node.end, text: `${keyClose(key, keys)})` },
      ];
    }
    case "has-own-call":
      return keyedCall(node, ref, "has", key, keys, node.getStart(), node.end);
    case "method":
      return [];
  }
}

/** Replaces [start, end), which holds `key`, by `ref.method(key)`, the key itself left in place. */
function keyedCall(node: ts.Node, ref: ts.Expression, method: string, key: ts.Expression, keys: KeyWriting, start: number, end: number): RewritePlan[] {
  if (key.getStart() < start || key.end > end) throw new UnsupportedUse(node, `\`${snippet(node)}\``);
  return [
    { kind: "replace-text", start, end: key.getStart(), text: `${ref.getText()}.${method}(${keyOpen(key, keys)}` },
    { kind: "replace-text", start: key.end, end, text: `${keyClose(key, keys)})` },
  ];
}

/** `cache[k] = v` → `cache.set(k, v)` where its value is not used; elsewhere split into statements. */
function setEdits(assignment: ts.BinaryExpression, ref: ts.Expression, key: ts.Expression, value: ts.Expression, keys: KeyWriting, context: EditContext): RewritePlan[] {
  const access = skipParentheses(assignment.left) as ts.ElementAccessExpression;
  if (!isDiscarded(assignment)) return splitIntoStatements(assignment, value, ref, key, "set", keys, context);
  return [
    { kind: "replace-text", start: access.expression.end, end: key.getStart(), text: `.set(${keyOpen(key, keys)}` },
    { kind: "replace-text", start: key.end, end: value.getStart(), text: `${keyClose(key, keys)}, ` },
    { kind: "replace-text", start: value.end, end: value.end, text: ")" },
  ];
}

function isDiscarded(node: ts.Expression): boolean {
  const parent = climbWrappers(node).parent;
  return ts.isExpressionStatement(parent) || (ts.isForStatement(parent) && parent.incrementor === climbWrappers(node));
}

/**
 * A fill (`cache[k] ??= f()`, `cache[k] || (cache[k] = f())`) or an assignment whose value is used,
 * as whole statements: `if (!cache.has(k)) cache.set(k, f());` then the statement's own use of
 * `cache.get(k)`. `f()` stays where it is; the key is written again, so it must be repeatable.
 */
function splitIntoStatements(
  node: ts.Expression,
  value: ts.Expression,
  ref: ts.Expression,
  key: ts.Expression,
  kind: "fill" | "set",
  keys: KeyWriting,
  context: EditContext,
): RewritePlan[] {
  if (!isRepeatableKey(key)) throw new UnsupportedUse(node, `the key \`${snippet(key)}\` would be evaluated twice`);
  const text = context.sourceFile.text;
  const cache = ref.getText();
  const k = keyText(key, keys);
  const bang = context.typescript ? "!" : "";
  const store = kind === "fill" ? `if (!${cache}.has(${k})) ${cache}.set(${k}, ` : `${cache}.set(${k}, `;
  const read = `${cache}.get(${k})${bang}`;
  const outer = climbWrappers(node);
  const parent = outer.parent;

  if (ts.isExpressionStatement(parent) && kind === "fill") {
    // Braces where the statement is an `if` branch: a bare `if` there would take over a following `else`.
    const [open, close] = isInStatementList(parent) ? ["", ""] : ["{ ", " }"];
    return [
      { kind: "replace-text", start: parent.getStart(), end: value.getStart(), text: `${open}${store}` },
      { kind: "replace-text", start: value.end, end: parent.end, text: `)${text.slice(outer.end, parent.end)}${close}` },
    ];
  }
  if (ts.isArrowFunction(parent) && parent.body === outer) {
    return [
      { kind: "replace-text", start: outer.getStart(), end: value.getStart(), text: `{ ${store}` },
      { kind: "replace-text", start: value.end, end: outer.end, text: `); return ${read}; }` },
    ];
  }
  const statement = ts.isReturnStatement(parent) ? parent : declarationStatement(parent, outer);
  if (!statement) throw new UnsupportedUse(node, `\`${snippet(node)}\` is part of a larger expression`);
  const semicolon = text[statement.end - 1] === ";" ? ";" : "";
  const restated = ts.isReturnStatement(statement) ? `return ${read}` : `${text.slice(statement.getStart(), outer.getStart())}${read}`;
  if (isInStatementList(statement)) {
    const separator = `${lineEnding(text)}${indentationAt(text, statement.getStart())}`;
    return [
      { kind: "replace-text", start: statement.getStart(), end: value.getStart(), text: store },
      { kind: "replace-text", start: value.end, end: statement.end, text: `)${semicolon}${separator}${restated}${semicolon}` },
    ];
  }
  return [
    { kind: "replace-text", start: statement.getStart(), end: value.getStart(), text: `{ ${store}` },
    { kind: "replace-text", start: value.end, end: statement.end, text: `); ${restated}; }` },
  ];
}

/** `const x = <outer>;` with one declarator. */
function declarationStatement(parent: ts.Node, outer: ts.Expression): ts.VariableStatement | undefined {
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== outer) return undefined;
  const list = parent.parent;
  if (!ts.isVariableDeclarationList(list)) return undefined;
  const statement = list.parent;
  return ts.isVariableStatement(statement) && list.declarations.length === 1 ? statement : undefined;
}

function isInStatementList(statement: ts.Statement): boolean {
  const owner = statement.parent;
  return ts.isSourceFile(owner) || ts.isBlock(owner) || ts.isModuleBlock(owner) || ts.isCaseClause(owner) || ts.isDefaultClause(owner);
}

/** `cache[k]?.name`: the chain already allows a missing value. */
function continuesOptionalChain(access: ts.Expression): boolean {
  const parent = climbWrappers(access).parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) && parent.questionDotToken !== undefined;
}

/** The read only asks whether there is a value: a condition, `!x`, the left of `??`/`||`/`&&`, a comparison with undefined or null. */
function isPresenceTest(access: ts.Expression): boolean {
  const outer = climbWrappers(access);
  const parent = outer.parent;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === outer) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === outer) return true;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isTypeOfExpression(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    const logical = [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken];
    if (logical.includes(operator) && parent.left === outer) return true;
    const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
    const other = parent.left === outer ? parent.right : parent.left;
    if (equality.includes(operator) && isNullish(other)) return true;
  }
  return false;
}

function isNullish(node: ts.Expression): boolean {
  const bare = skipParentheses(node);
  return bare.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(bare) && bare.text === "undefined") || ts.isVoidExpression(bare);
}
