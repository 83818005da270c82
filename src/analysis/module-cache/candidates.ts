import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";

export type CacheStore = "map" | "weakmap" | "object";

/** A module-level variable or class-static member created as an empty Map, WeakMap or object. */
export interface CacheCandidate {
  store: CacheStore;
  /** As the report shows it: `cache`, `Parser.#cache`. */
  name: string;
  declaration: ts.VariableDeclaration | ts.PropertyDeclaration;
  /** The initializer without parentheses: the creation, or the creation `as T`. */
  initializer: ts.Expression;
  creation: ts.NewExpression | ts.ObjectLiteralExpression | ts.CallExpression;
  /** `const cache: T = …` */
  annotation?: ts.TypeNode;
  /** `… as T` or `<T>…` */
  assertion?: ts.TypeNode;
  /** `export const`, or a non-private static member of an exported class. */
  exported: boolean;
  /** For a static member: its class. */
  owner?: ts.ClassDeclaration;
  /** `new Map(entries)`: filled at creation. */
  seeded: boolean;
}

/** Module-level declarations and class-static members that start as an empty Map, WeakMap or object. */
export function findCacheCandidates(sourceFile: ts.SourceFile): CacheCandidate[] {
  const candidates: CacheCandidate[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const creation = creationOf(declaration.initializer);
        if (creation) candidates.push({ ...creation, name: declaration.name.text, declaration, annotation: declaration.type, exported });
      }
    } else if (ts.isClassDeclaration(statement)) {
      candidates.push(...staticCandidates(statement));
    }
  }
  return candidates;
}

function staticCandidates(owner: ts.ClassDeclaration): CacheCandidate[] {
  const found: CacheCandidate[] = [];
  const className = owner.name?.text;
  for (const member of owner.members) {
    if (!ts.isPropertyDeclaration(member) || !member.initializer || !hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
    if (!ts.isIdentifier(member.name) && !ts.isPrivateIdentifier(member.name)) continue;
    if (!className) continue;
    const creation = creationOf(member.initializer);
    if (!creation) continue;
    const classExported = hasModifier(owner, ts.SyntaxKind.ExportKeyword);
    found.push({
      ...creation,
      name: `${className}.${member.name.text}`,
      declaration: member,
      annotation: member.type,
      exported: classExported && !isPrivateMember(member),
      owner,
    });
  }
  return found;
}

export function isPrivateMember(member: ts.PropertyDeclaration): boolean {
  return ts.isPrivateIdentifier(member.name) || hasModifier(member, ts.SyntaxKind.PrivateKeyword);
}

type Creation = Pick<CacheCandidate, "store" | "initializer" | "creation" | "assertion" | "seeded">;

function creationOf(initializer: ts.Expression): Creation | undefined {
  const outer = skipParentheses(initializer);
  let inner = outer;
  let assertion: ts.TypeNode | undefined;
  if (ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer)) {
    assertion = outer.type;
    inner = skipParentheses(outer.expression);
  }
  const base = { initializer: outer, assertion };
  if (ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && isGlobal(inner.expression)) {
    const store = inner.expression.text === "Map" ? "map" : inner.expression.text === "WeakMap" ? "weakmap" : undefined;
    if (store) return { ...base, store, creation: inner, seeded: (inner.arguments?.length ?? 0) > 0 };
  }
  if (ts.isObjectLiteralExpression(inner) && inner.properties.length === 0) {
    return { ...base, store: "object", creation: inner, seeded: false };
  }
  if (isObjectCreateNull(inner)) return { ...base, store: "object", creation: inner, seeded: false };
  return undefined;
}

function isObjectCreateNull(node: ts.Expression): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = node.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "Object" &&
    isGlobal(callee.expression) &&
    callee.name.text === "create" &&
    node.arguments[0]!.kind === ts.SyntaxKind.NullKeyword
  );
}

/** Not declared in the file: the built-in (an imported `Map` from immutable is not). */
function isGlobal(identifier: ts.Identifier): boolean {
  return findDeclaration(identifier) === undefined;
}

export function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}
