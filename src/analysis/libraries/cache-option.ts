import ts from "../../typescript.cts";
import type { Code } from "../codes.ts";
import { skipWrappers } from "../module-ref.ts";
import { lruCacheMax, optionValue } from "../options-object.ts";
import type { KeyFinding, RewritePlan } from "../site.ts";
import type { AdapterVerdict, CallContext } from "./adapter.ts";

/**
 * Libraries bounded through a `cache` option that takes a store (mem, memoize, p-memoize) or a
 * store factory (fast-memoize): what the option holds now, and the plan that fills it with an
 * LRUCache when it holds nothing that bounds it.
 */
export interface CacheOptionLibrary {
  /** Code for the unbounded case. */
  unbounded: Code;
  /** Index of the options argument. */
  optionsIndex: number;
  /** `cache: new LRUCache(...)` or `cache: { create: () => new LRUCache(...) }`. */
  form: "instance" | "factory";
  /** The library's declared cache type rejects an LRUCache whatever the function (fast-memoize's `get(): V`). */
  typesRejectLruCache: boolean;
  /** The declared cache type is `Map` itself (@github/memoize), which no type arguments make an LRUCache fit. */
  typesWantMap?: boolean;
}

type CacheOption =
  | { kind: "default" }
  | { kind: "unreadable"; detail: string }
  | { kind: "map" }
  | { kind: "weak-map" }
  | { kind: "lru"; max: number | undefined; text: string }
  | { kind: "disabled" }
  | { kind: "custom"; text: string };

export function cacheOptionVerdict(library: CacheOptionLibrary, { call, fn, max, sourceFile }: CallContext, findings: KeyFinding[]): AdapterVerdict {
  const current = cacheOption(call.arguments[library.optionsIndex], library.form);
  const plan: RewritePlan = {
    kind: "set-lru-option",
    argIndex: library.optionsIndex,
    name: "cache",
    max,
    form: library.form,
    anyCast: library.typesRejectLruCache || fn?.untypedInline ? (isJavaScript(sourceFile) ? "jsdoc" : library.typesWantMap ? "as-map" : "type-arguments") : undefined,
  };
  const rewrite = (detail?: string): AdapterVerdict => ({ bounded: false, code: library.unbounded, detail, verdict: "rewrite", plan: [plan], needsLruCache: true, findings });
  switch (current.kind) {
    case "default":
      return rewrite();
    case "map":
      return rewrite("cache: new Map()");
    case "unreadable":
      return { bounded: false, code: "MC902", detail: current.detail, verdict: "skip", findings };
    case "weak-map":
      return { bounded: true, code: "MC124", detail: "cache: new WeakMap()", verdict: "none", findings };
    case "lru":
      return { bounded: true, max: current.max, code: "MC111", detail: current.text, verdict: "none", findings };
    case "disabled":
      return { bounded: true, code: "MC111", detail: "cache: false, only calls in flight are shared", verdict: "none", findings };
    case "custom":
      return { bounded: true, code: "MC111", detail: `cache: ${current.text}`, verdict: "none", findings };
  }
}

function cacheOption(options: ts.Expression | undefined, form: CacheOptionLibrary["form"]): CacheOption {
  if (!options) return { kind: "default" };
  if (!ts.isObjectLiteralExpression(options)) return { kind: "unreadable", detail: "options are not an object literal" };
  const value = optionValue(options, "cache");
  if (value.kind === "absent") return value.hasSpread ? { kind: "unreadable", detail: "spread options may set cache" } : { kind: "default" };
  if (value.kind !== "expression") return { kind: "custom", text: value.kind === "number" ? String(value.value) : "Infinity" };
  const store = form === "factory" ? createdStore(value.node) : value.node;
  if (!store) return { kind: "custom", text: abbreviated(value.node) };
  return storeKind(store);
}

/** `{ create: () => new X() }` (or `create() { return new X(); }`) → `new X()`. */
function createdStore(factory: ts.Expression): ts.Expression | undefined {
  const node = skipWrappers(factory);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const create = node.properties.find((property) => property.name && ts.isIdentifier(property.name) && property.name.text === "create");
  const body =
    create && ts.isPropertyAssignment(create) && (ts.isArrowFunction(skipWrappers(create.initializer)) || ts.isFunctionExpression(skipWrappers(create.initializer)))
      ? (skipWrappers(create.initializer) as ts.ArrowFunction | ts.FunctionExpression).body
      : create && ts.isMethodDeclaration(create)
        ? create.body
        : undefined;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body;
  const [onlyStatement] = body.statements;
  return body.statements.length === 1 && onlyStatement && ts.isReturnStatement(onlyStatement) ? onlyStatement.expression : undefined;
}

function storeKind(expression: ts.Expression): CacheOption {
  const node = skipWrappers(expression);
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "disabled" };
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const className = node.expression.text;
    if (className === "Map") return { kind: "map" };
    if (className === "WeakMap") return { kind: "weak-map" };
    if (/LRU/i.test(className)) return { kind: "lru", max: lruCacheMax(node) ?? quickLruMaxSize(node), text: abbreviated(node) };
  }
  return { kind: "custom", text: abbreviated(node) };
}

/** `new QuickLRU({ maxSize: 100 })` → 100. */
function quickLruMaxSize(node: ts.NewExpression): number | undefined {
  const [options] = node.arguments ?? [];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const maxSize = optionValue(options, "maxSize");
  return maxSize.kind === "number" ? maxSize.value : undefined;
}

function abbreviated(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isJavaScript(sourceFile: ts.SourceFile): boolean {
  return /\.[cm]?jsx?$/i.test(sourceFile.fileName);
}
