import ts from "../../typescript.cts";
import { skipWrappers } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import { memberNamed } from "./class-context.ts";

/**
 * Does a member take part in overriding: is it overridden by a subclass declared in the same file,
 * or does it override a member of a base class (in this file, or one memocap cannot see: a base
 * imported from elsewhere may declare it)? Syntactic, on this file only: a subclass in another file
 * is not seen. It does not need to be: a subclass that overrides a method does not change what the
 * base method computes; the check keeps the store per instance wherever the class hierarchy makes
 * "does not read this" less than certain.
 */
export function overrideFacts(node: ts.ClassLikeDeclaration, name: string, isStatic: boolean): { overridden: boolean; overrides: "yes" | "no" | "unknown" } {
  return { overridden: subclassesOf(node).some((subclass) => memberNamed(subclass, name, isStatic).length > 0), overrides: overridesBase(node, name, isStatic) };
}

function overridesBase(node: ts.ClassLikeDeclaration, name: string, isStatic: boolean, depth = 0): "yes" | "no" | "unknown" {
  const base = extendsExpression(node);
  if (!base) return "no";
  const baseClass = resolveClass(base);
  if (!baseClass || depth > 16) return "unknown";
  if (memberNamed(baseClass, name, isStatic).length > 0) return "yes";
  return overridesBase(baseClass, name, isStatic, depth + 1);
}

/** Classes of the file that extend `node`, directly or through other classes of the file. */
function subclassesOf(node: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
  const all: ts.ClassLikeDeclaration[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isClassLike(child)) all.push(child);
    ts.forEachChild(child, visit);
  };
  visit(node.getSourceFile());
  const found = new Set<ts.ClassLikeDeclaration>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const candidate of all) {
      if (found.has(candidate)) continue;
      const base = extendsExpression(candidate);
      const baseClass = base && resolveClass(base);
      if (baseClass && (baseClass === node || found.has(baseClass))) {
        found.add(candidate);
        grew = true;
      }
    }
  }
  return [...found];
}

function extendsExpression(node: ts.ClassLikeDeclaration): ts.Expression | undefined {
  const clause = node.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
  return clause?.types[0]?.expression;
}

/** The class an `extends` expression names, when it is declared in this file. */
function resolveClass(expression: ts.Expression): ts.ClassLikeDeclaration | undefined {
  const node = skipWrappers(expression);
  if (ts.isClassExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node);
  if (!declaration) return undefined;
  if (ts.isClassDeclaration(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const initializer = skipWrappers(declaration.initializer);
    if (ts.isClassExpression(initializer)) return initializer;
  }
  return undefined;
}
