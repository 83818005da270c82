import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";
import { skipParentheses } from "./candidates.ts";
import { assignmentsTo, derivesFromInputs, encloses, reachingAssignment, runtimeFunction } from "./functions.ts";
import { climbWrappers, sameText, type CacheUse } from "./uses.ts";
import { snippet } from "./snippet.ts";

export type Write = Extract<CacheUse, { kind: "set" | "fill" | "update" }>;
/** A read of the key, or a call given the cache and the key (`hasOwnProp(cache, key)`: a helper that looks it up). */
type Lookup = Extract<CacheUse, { kind: "get" | "has" | "fill" | "escape" }>;

/** What the writes say the store is. */
export type Shape =
  | { kind: "cache"; writes: Write[] }
  | { kind: "lookup-table"; detail: string; node: ts.Node }
  | { kind: "state"; detail: string; node: ts.Node };

/**
 * A cache is filled at run time, with keys computed from a function's inputs, by a function that
 * looked the key up first, with a value computed for it. A store filled only at load or from fixed
 * keys is a lookup table; one whose values are passed in, counted up, flags or collections that grow
 * later is state: evicting from it would lose information, not just time.
 */
export function cacheShape(uses: CacheUse[], refs: ts.Expression[]): Shape {
  const writes = uses.filter((use): use is Write => use.kind === "set" || use.kind === "fill" || use.kind === "update");
  const atRunTime = writes.filter((write) => runtimeFunction(write.node));
  const first = writes[0]!;
  if (atRunTime.length === 0) return { kind: "lookup-table", detail: "filled while the module loads", node: first.node };
  const keyed = atRunTime.filter((write) => derivesFromInputs(write.key));
  if (keyed.length === 0) return { kind: "lookup-table", detail: `written only with fixed keys such as \`${snippet(atRunTime[0]!.key)}\``, node: atRunTime[0]!.node };

  const mutated = mutatedValue(uses);
  if (mutated) return { kind: "state", detail: `\`${snippet(mutated)}\` changes a stored value in place`, node: mutated };

  const lookups = uses.filter(
    (use): use is Lookup => use.kind === "get" || use.kind === "has" || use.kind === "fill" || (use.kind === "escape" && ts.isCallExpression(use.node)),
  );
  const judged = keyed.map((write) => ({ write, reason: notACacheWrite(write, lookups, refs) }));
  // One counter, flag or growing collection in the store is state that eviction would lose.
  const state = judged.find(({ reason }) => reason?.losesState) ?? (judged.every(({ reason }) => reason) ? judged[0] : undefined);
  if (state?.reason) return { kind: "state", detail: state.reason.detail, node: state.write.node };
  return { kind: "cache", writes: judged.filter(({ reason }) => !reason).map(({ write }) => write) };
}

interface NotACacheWrite {
  detail: string;
  /** Evicting what it wrote would change results, not only cost a recomputation. */
  losesState: boolean;
}

/** Why a write is not a cache fill, or undefined when it is one. */
function notACacheWrite(write: Write, lookups: Lookup[], refs: ts.Expression[]): NotACacheWrite | undefined {
  const text = `\`${snippet(write.node)}\``;
  if (write.kind === "update") return { detail: `${text} counts up`, losesState: true };
  const value = write.value ? skipParentheses(write.value) : undefined;
  if (!value || isConstant(value)) return { detail: `${text} writes a flag, not a computed value`, losesState: true };
  if (readsCache(value, refs)) return { detail: `${text} computes the new value from the old one`, losesState: true };
  if (isEmptyCollection(value)) return { detail: `${text} stores a collection that is filled later`, losesState: true };
  const unrepeatable = unrepeatablePart(value);
  if (unrepeatable) return { detail: `${text} stores a value that cannot be computed again (\`${snippet(unrepeatable, 40)}\`)`, losesState: true };
  if (isPassedIn(value)) return { detail: `${text} stores a value passed in (a registry)`, losesState: false };
  if (write.kind === "fill") return undefined;
  const fn = runtimeFunction(write.node)!;
  const lookedUp = lookups.some((lookup) => {
    const where = runtimeFunction(lookup.node);
    const keys = lookup.kind === "escape" ? (lookup.node as ts.CallExpression).arguments : [lookup.key];
    return where !== undefined && (encloses(where, fn) || encloses(fn, where)) && keys.some((key) => sameText(key, write.key));
  });
  return lookedUp ? undefined : { detail: `${text} writes without looking the key up first`, losesState: false };
}

function isConstant(value: ts.Expression): boolean {
  return (
    value.kind === ts.SyntaxKind.TrueKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    value.kind === ts.SyntaxKind.NullKeyword ||
    ts.isNumericLiteral(value) ||
    ts.isStringLiteral(value) ||
    ts.isNoSubstitutionTemplateLiteral(value) ||
    (ts.isIdentifier(value) && value.text === "undefined")
  );
}

function readsCache(value: ts.Expression, refs: ts.Expression[]): boolean {
  const contains = (outer: ts.Node) => refs.some((ref) => outer.pos <= ref.pos && ref.end <= outer.end);
  if (contains(value)) return true;
  if (ts.isIdentifier(value)) return false;
  // `const n = counts.get(k) ?? 0; counts.set(k, n + 1)`: a local computed from the cache, combined.
  let found = false;
  const look = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      const declaration = findDeclaration(node);
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && contains(declaration.initializer)) found = true;
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, look);
  };
  look(value);
  return found;
}

function isPassedIn(value: ts.Expression): boolean {
  if (!ts.isIdentifier(value)) return false;
  const declaration = findDeclaration(value);
  return declaration !== undefined && ts.isParameter(declaration);
}

/** `[]`, `{}`, `new Set()`, `new Map()`, directly or through the local that is stored. */
function isEmptyCollection(value: ts.Expression): boolean {
  const empty = (node: ts.Expression): boolean => {
    const bare = skipParentheses(node);
    if (ts.isArrayLiteralExpression(bare)) return bare.elements.length === 0;
    if (ts.isObjectLiteralExpression(bare)) return bare.properties.length === 0;
    if (ts.isNewExpression(bare) && ts.isIdentifier(bare.expression)) return ["Set", "Map", "Array", "WeakSet", "WeakMap"].includes(bare.expression.text) && (bare.arguments?.length ?? 0) === 0;
    return false;
  };
  if (empty(value)) return true;
  if (!ts.isIdentifier(value)) return false;
  const declaration = findDeclaration(value);
  if (!declaration || !ts.isVariableDeclaration(declaration)) return false;
  return [declaration.initializer, ...assignmentsTo(declaration)].some((source) => source !== undefined && empty(source));
}

const MUTATORS = new Set(["push", "unshift", "splice", "pop", "shift", "add", "set", "delete", "clear", "sort", "reverse", "fill", "copyWithin"]);

/**
 * `cache.get(k).push(x)`, `cache[k].count++`, or the same through a local read from the cache: the
 * stored values are changed after they are stored, so evicting one loses those changes.
 */
function mutatedValue(uses: CacheUse[]): ts.Node | undefined {
  for (const use of uses) {
    if (use.kind !== "get") continue;
    const direct = mutationOf(use.node);
    if (direct) return direct;
    const holder = climbWrappers(use.node).parent;
    if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && runtimeFunction(holder)) {
      const alias = mutationThroughLocal(holder);
      if (alias) return alias;
    }
  }
  return undefined;
}

/** The mutation applied to the value of `node`: a mutating method call on it, or an assignment to one of its properties. */
function mutationOf(node: ts.Expression): ts.Node | undefined {
  const outer = climbWrappers(node);
  const access = outer.parent;
  if (!(ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access)) || access.expression !== outer) return undefined;
  const above = climbWrappers(access).parent;
  if (ts.isPropertyAccessExpression(access) && MUTATORS.has(access.name.text) && ts.isCallExpression(above) && above.expression === climbWrappers(access)) return above;
  if (ts.isBinaryExpression(above) && above.left === climbWrappers(access) && above.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && above.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return above;
  if ((ts.isPrefixUnaryExpression(above) || ts.isPostfixUnaryExpression(above)) && (above.operator === ts.SyntaxKind.PlusPlusToken || above.operator === ts.SyntaxKind.MinusMinusToken)) return above;
  if (ts.isDeleteExpression(above)) return above;
  return undefined;
}

function mutationThroughLocal(declaration: ts.VariableDeclaration): ts.Node | undefined {
  const scope = runtimeFunction(declaration);
  const name = (declaration.name as ts.Identifier).text;
  let found: ts.Node | undefined;
  const look = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && findDeclaration(node) === declaration) found = mutationOf(node);
    ts.forEachChild(node, look);
  };
  if (scope) look(scope);
  return found;
}

const UNREPEATABLE_CALLS = new Set(["Math.random", "Date.now", "performance.now", "crypto.randomUUID", "process.hrtime", "Symbol"]);

/**
 * A part of the value that comes out different when computed again: a running count (`nextId++`),
 * the time, a random number, a new Symbol. Evicting such a value changes what callers get, so the
 * store is state. A stored local is followed to what was last assigned to it.
 */
function unrepeatablePart(value: ts.Expression, depth = 0): ts.Node | undefined {
  if (depth > 3) return undefined;
  if (ts.isIdentifier(value)) {
    const assigned = reachingAssignment(value);
    return assigned ? unrepeatablePart(assigned, depth + 1) : undefined;
  }
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.CommaToken) return unrepeatablePart(value.right, depth);
  if (ts.isParenthesizedExpression(value)) return unrepeatablePart(value.expression, depth);
  let found: ts.Node | undefined;
  const look = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrement(node.operator) && isOuterVariable(node.operand, value)) found = node;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind > ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isOuterVariable(node.left, value)) found = node;
    else if (ts.isCallExpression(node) && UNREPEATABLE_CALLS.has(node.expression.getText())) found = node;
    else if (ts.isNewExpression(node) && node.expression.getText() === "Date" && (node.arguments?.length ?? 0) === 0) found = node;
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, look);
  };
  look(value);
  return found;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

/** A variable declared outside the function that computes `value`: a count that outlives the call. */
function isOuterVariable(target: ts.Expression, value: ts.Expression): boolean {
  const bare = skipParentheses(target);
  if (!ts.isIdentifier(bare)) return false;
  const declaration = findDeclaration(bare);
  if (!declaration || !ts.isVariableDeclaration(declaration)) return false;
  const fn = runtimeFunction(value);
  return fn === undefined || declaration.pos < fn.pos || declaration.end > fn.end;
}
