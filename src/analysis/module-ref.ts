import ts from "../typescript.cts";
import { findDeclaration } from "./scope.ts";

/**
 * What an expression refers to, as a module plus a property path into it:
 * `_.memoize` after `import _ from "lodash"` is { module: "lodash", path: ["default", "memoize"] }.
 */
export interface ModuleRef {
  module: string;
  path: string[];
}

/** Helpers that compilers wrap around `require` (Babel, tsc, esbuild); they pass the module through. */
const INTEROP_HELPERS = new Set([
  "_interopRequireDefault",
  "_interopRequireWildcard",
  "__importDefault",
  "__importStar",
  "__toESM",
  "_interop_require_default",
  "_interop_require_wildcard",
]);

const MAX_ALIAS_DEPTH = 8;

export function resolveModuleRef(expression: ts.Expression, depth = 0): ModuleRef | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const node = skipWrappers(expression);

  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node);
    return declaration ? refOfDeclaration(declaration, depth) : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = resolveModuleRef(node.expression, depth + 1);
    return base && { module: base.module, path: [...base.path, node.name.text] };
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const base = resolveModuleRef(node.expression, depth + 1);
    return base && { module: base.module, path: [...base.path, node.argumentExpression.text] };
  }
  if (ts.isCallExpression(node)) {
    const required = requiredModule(node);
    if (required !== undefined) return { module: required, path: [] };
    const callee = skipWrappers(node.expression);
    const [onlyArgument] = node.arguments;
    if (ts.isIdentifier(callee) && INTEROP_HELPERS.has(callee.text) && onlyArgument) {
      return resolveModuleRef(onlyArgument, depth + 1);
    }
  }
  return undefined;
}

/** `require("x")` → "x". */
export function requiredModule(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const [argument] = call.arguments;
  if (ts.isIdentifier(callee) && callee.text === "require" && call.arguments.length === 1 && argument && ts.isStringLiteralLike(argument)) {
    return argument.text;
  }
  return undefined;
}

/** Parentheses, type assertions, `!` and the `(0, x)` that compilers emit to drop `this`. */
export function skipWrappers(expression: ts.Expression): ts.Expression {
  let node = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      node = node.expression;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) {
      node = node.right;
    } else {
      return node;
    }
  }
}

function refOfDeclaration(declaration: ts.Node, depth: number): ModuleRef | undefined {
  // A type-only import binds no value: nothing called through it is a memoizer.
  if (ts.isImportClause(declaration)) {
    return isTypeOnly(declaration) ? undefined : { module: moduleOfImport(declaration.parent), path: ["default"] };
  }
  if (ts.isNamespaceImport(declaration)) {
    return isTypeOnly(declaration.parent) ? undefined : { module: moduleOfImport(declaration.parent.parent), path: [] };
  }
  if (ts.isImportSpecifier(declaration)) {
    if (declaration.isTypeOnly || isTypeOnly(declaration.parent.parent)) return undefined;
    const imported = (declaration.propertyName ?? declaration.name).text;
    return { module: moduleOfImport(declaration.parent.parent.parent), path: [imported] };
  }
  if (ts.isImportEqualsDeclaration(declaration)) {
    const reference = declaration.moduleReference;
    if (ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression)) {
      return { module: reference.expression.text, path: [] };
    }
    return undefined;
  }
  if (ts.isVariableDeclaration(declaration)) {
    return declaration.initializer ? resolveModuleRef(declaration.initializer, depth + 1) : undefined;
  }
  if (ts.isBindingElement(declaration)) {
    return refOfBindingElement(declaration, depth);
  }
  return undefined;
}

/** `const { memoize: m } = require("lodash")` → lodash, ["memoize"]. */
function refOfBindingElement(element: ts.BindingElement, depth: number): ModuleRef | undefined {
  const pattern = element.parent;
  if (!ts.isObjectBindingPattern(pattern) || element.dotDotDotToken) return undefined;
  const key = element.propertyName ?? element.name;
  if (!ts.isIdentifier(key) && !ts.isStringLiteralLike(key)) return undefined;
  const owner = pattern.parent;
  let base: ModuleRef | undefined;
  if (ts.isVariableDeclaration(owner) && owner.initializer) base = resolveModuleRef(owner.initializer, depth + 1);
  else if (ts.isBindingElement(owner)) base = refOfBindingElement(owner, depth + 1);
  return base && { module: base.module, path: [...base.path, key.text] };
}

/** `import type …`: the prefilter passes over such imports too (src/analysis/libraries/import-evidence.ts). */
export function isTypeOnly(clause: ts.ImportClause): boolean {
  return clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
}

function moduleOfImport(declaration: ts.ImportDeclaration | ts.JSDocImportTag): string {
  return ts.isStringLiteralLike(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : "";
}
