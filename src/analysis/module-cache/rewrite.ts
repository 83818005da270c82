import ts from "../../typescript.cts";
import { codeMessage, type Code } from "../codes.ts";
import type { KeyFinding, RewritePlan, Site } from "../site.ts";
import type { TypeFacts } from "../types/type-facts.ts";
import type { Write } from "./cache-shape.ts";
import type { CacheCandidate } from "./candidates.ts";
import { mapConstruction, objectConstruction, objectUseEdits, retype, UnsupportedUse, type KeyWriting } from "./edits.ts";
import { combine, declaredNullability, fileChecker, keyKind, valueNullability, type KeyKind, type Nullability } from "./types.ts";
import { mapType, objectType, type DeclaredCacheType } from "./type-annotations.ts";
import type { CacheUse } from "./uses.ts";
import { snippet } from "./snippet.ts";

export type Verdict = Pick<Site, "bounded" | "verdict"> & { code: Code; detail?: string; node?: ts.Node; plan?: RewritePlan[]; findings?: KeyFinding[] };

/** The file being analysed: its syntax tree, and the type checker's answers about it when asked. */
export interface FileContext {
  sourceFile: ts.SourceFile;
  types: TypeFacts;
}

type Keyed = Extract<DeclaredCacheType, { kind: "keyed" }>;

const isTypeScript = (sourceFile: ts.SourceFile) => /\.[cm]?tsx?$/.test(sourceFile.fileName);

/**
 * The rewrite of a cache whose every use LRUCache supports: or why its types forbid one. Declared
 * types must restate as LRUCache<K, V>; keys and values must not be undefined or null.
 */
export function rewriteVerdict({ sourceFile, types }: FileContext, candidate: CacheCandidate, uses: CacheUse[], cacheWrites: Write[], max: number): Verdict {
  const checker = fileChecker(sourceFile);
  const typescript = isTypeScript(sourceFile);
  const readType = candidate.store === "object" ? objectType : mapType;
  const declared = [candidate.annotation, candidate.assertion].filter((node): node is ts.TypeNode => node !== undefined);
  const declaredTypes = declared.map((node) => ({ node, type: readType(node) }));
  const unknownType = declaredTypes.find(({ type }) => type.kind === "other");
  if (unknownType?.type.kind === "other") throw new UnsupportedUse(unknownType.node, `typed as \`${unknownType.type.text}\``);
  const keyed = [constructionType(candidate), ...declaredTypes.map(({ type }) => type)].find(
    (type): type is Keyed => type?.kind === "keyed",
  );

  if (keyed && declaredNullability(keyed.key, checker) === "maybe") {
    return { bounded: false, verdict: "skip", code: "MC922", detail: `keys typed \`${snippet(keyed.key)}\``, node: keyed.key };
  }
  const findings: KeyFinding[] = [];
  const values = valuesNullability(keyed, uses, checker, types);
  const iterated = uses.some((use) => use.kind === "iterate" || (use.kind === "size" && !use.compared));
  if (values.nullability === "maybe") return { bounded: false, verdict: "skip", code: "MC922", detail: values.detail, node: values.node };
  if (values.nullability === "unknown") {
    if (iterated) return { bounded: false, verdict: "skip", code: "MC922", detail: "values of unknown type in a cache that is iterated or counted", node: candidate.declaration };
    findings.push(finding("MC421"));
  }
  if (uses.some((use) => use.kind === "iterate")) findings.push(finding("MC420"));
  // The project's checker is asked only where the declared types do not already tell.
  const valuesMayBePromises = !keyed || !isPlainlyNotAnObject(keyed.value, true);
  if (valuesMayBePromises && cacheWrites.some((write) => write.kind !== "update" && write.value && (isPromise(write.value) || types.valueOf(write.value)?.thenable))) {
    findings.push(finding("MC201"));
  }
  const keysMayBeObjects = candidate.store === "map" && (!keyed || !isPlainlyNotAnObject(keyed.key, false));
  if (keysMayBeObjects && cacheWrites.some((write) => types.valueOf(write.key)?.kind === "object")) findings.push(finding("MC401"));

  const plan = candidate.store === "object"
    ? objectPlan(candidate, uses, keyed, { sourceFile, typescript }, { checker, types }, max, findings)
    : mapPlan(candidate, keyed, typescript, max);
  return { bounded: false, verdict: "rewrite", code: "MC120", plan, findings };
}

/** `string`, `number`, a literal type (and, for values, an array or function type): no promise, no object key. */
function isPlainlyNotAnObject(node: ts.TypeNode, arraysAndFunctionsToo: boolean): boolean {
  const keywords = [ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword, ts.SyntaxKind.SymbolKeyword];
  if (keywords.includes(node.kind) || ts.isLiteralTypeNode(node) || ts.isTemplateLiteralTypeNode(node)) return true;
  if (ts.isUnionTypeNode(node)) return node.types.every((member) => isPlainlyNotAnObject(member, arraysAndFunctionsToo));
  return arraysAndFunctionsToo && (ts.isArrayTypeNode(node) || ts.isFunctionTypeNode(node));
}

/** `new Map<K, V>()`: the type arguments say what the map holds. */
function constructionType(candidate: CacheCandidate): DeclaredCacheType | undefined {
  const creation = candidate.creation;
  if (!ts.isNewExpression(creation) || creation.typeArguments?.length !== 2) return undefined;
  return { kind: "keyed", key: creation.typeArguments[0]!, value: creation.typeArguments[1]! };
}

/**
 * Can the cache hold undefined or null? The declared value type first; then each value written, by
 * the project's type checker where it answers, else by syntax and the file's own checker.
 */
function valuesNullability(
  keyed: Keyed | undefined,
  uses: CacheUse[],
  checker: ts.TypeChecker,
  types: TypeFacts,
): { nullability: Nullability; detail?: string; node?: ts.Node } {
  if (keyed) {
    const declared = declaredNullability(keyed.value, checker);
    if (declared === "maybe") return { nullability: "maybe", detail: `values typed \`${snippet(keyed.value)}\``, node: keyed.value };
    if (declared === "never") return { nullability: "never" };
  }
  const written = uses.flatMap((use) => (use.kind === "set" || use.kind === "fill" ? [use] : []));
  const each = written.map((use) => ({ use, nullability: writtenNullability(use.value, checker, types) }));
  const maybe = each.find((entry) => entry.nullability === "maybe");
  if (maybe) return { nullability: "maybe", detail: `\`${snippet(maybe.use.node)}\` can store undefined or null`, node: maybe.use.node };
  return { nullability: combine(each.map((entry) => entry.nullability)) };
}

function writtenNullability(value: ts.Expression | undefined, checker: ts.TypeChecker, types: TypeFacts): Nullability {
  const typed = value && types.valueOf(value);
  if (typed?.mayBeUndefined || typed?.mayBeNull) return "maybe";
  if (typed?.mayBeUndefined === false && typed.mayBeNull === false) return "never";
  return valueNullability(value, checker);
}

function mapPlan(candidate: CacheCandidate, keyed: Keyed | undefined, typescript: boolean, max: number): RewritePlan[] {
  const plans: RewritePlan[] = [];
  const contextual = candidate.annotation !== undefined || candidate.assertion !== undefined;
  plans.push(mapConstruction(candidate, typescript && !contextual && !keyed ? "<any, any>" : "", max));
  for (const node of [candidate.annotation, candidate.assertion]) {
    if (node && mapType(node).kind === "keyed") plans.push(retype(node, writtenTypeArgumentsOfReference(node)));
  }
  return plans;
}

function writtenTypeArgumentsOfReference(node: ts.TypeNode): string {
  const reference = node as ts.TypeReferenceNode;
  const text = node.getSourceFile().text;
  return text.slice(reference.typeName.end, node.end).trim();
}

function objectPlan(
  candidate: CacheCandidate,
  uses: CacheUse[],
  keyed: Keyed | undefined,
  context: { sourceFile: ts.SourceFile; typescript: boolean },
  checkers: { checker: ts.TypeChecker; types: TypeFacts },
  max: number,
  findings: KeyFinding[],
): RewritePlan[] {
  const keys = keyWriting(uses, checkers);
  if (keys.wrapsAny) findings.push(finding("MC422"));
  const valueType = keyed ? keyed.value.getText() : "any";
  const typeArguments = context.typescript ? `<${keys.type}, ${valueType}>` : "";
  const plans: RewritePlan[] = [];
  const annotation = candidate.annotation && objectType(candidate.annotation).kind === "keyed" ? candidate.annotation : undefined;
  if (annotation) plans.push(retype(annotation, typeArguments));
  plans.push(objectConstruction(candidate, annotation ? "" : typeArguments, max));
  for (const use of uses) plans.push(...objectUseEdits(use, keys, context));
  return plans;
}

/** String keys stay; numbers used consistently stay; anything else goes through String(), as the object did. */
function keyWriting(uses: CacheUse[], { checker, types }: { checker: ts.TypeChecker; types: TypeFacts }): KeyWriting & { type: "string" | "number"; wrapsAny: boolean } {
  const keyExpressions = uses.flatMap((use) => ("key" in use && use.key ? [use.key] : []));
  const kindOf = (key: ts.Expression): KeyKind => {
    const local = keyKind(key, checker);
    if (local !== "other") return local;
    const typed = types.valueOf(key)?.text;
    return typed === "string" || typed === "number" ? typed : "other";
  };
  const kinds = new Map(keyExpressions.map((key) => [key, kindOf(key)]));
  const symbol = keyExpressions.find((key) => kinds.get(key) === "symbol");
  if (symbol) throw new UnsupportedUse(symbol, `a symbol key \`${snippet(symbol)}\``);
  const all = new Set(kinds.values());
  if (all.size === 1 && all.has("number")) return { type: "number", wrapsAny: false, wrap: () => false };
  const wrap = (key: ts.Expression) => kinds.get(key) !== "string";
  return { type: "string", wrapsAny: keyExpressions.some(wrap), wrap };
}

function isPromise(value: ts.Expression): boolean {
  const bare = ts.isParenthesizedExpression(value) ? value.expression : value;
  if (ts.isNewExpression(bare) && bare.expression.getText() === "Promise") return true;
  if (!ts.isCallExpression(bare)) return false;
  const callee = bare.expression;
  if (ts.isPropertyAccessExpression(callee) && ["then", "catch", "finally"].includes(callee.name.text)) return true;
  if (ts.isPropertyAccessExpression(callee) && callee.expression.getText() === "Promise") return true;
  return false;
}

function finding(code: Code): KeyFinding {
  return { code, message: codeMessage(code) };
}

