import ts from "../../typescript.cts";
import { skipParentheses } from "./candidates.ts";
import { reachingAssignment } from "./functions.ts";

/**
 * A type checker over the one file, without lib files or imports: enough to see the types of
 * literals, locals, local functions and local type aliases. Built only for files with a candidate.
 */
const checkers = new WeakMap<ts.SourceFile, ts.TypeChecker>();

export function fileChecker(sourceFile: ts.SourceFile): ts.TypeChecker {
  let checker = checkers.get(sourceFile);
  if (!checker) {
    const options: ts.CompilerOptions = { noLib: true, noResolve: true, allowJs: true, strict: true, types: [], jsx: ts.JsxEmit.Preserve };
    const host: ts.CompilerHost = {
      getSourceFile: (name) => (name === sourceFile.fileName ? sourceFile : undefined),
      getDefaultLibFileName: () => "lib.d.ts",
      writeFile: () => {},
      getCurrentDirectory: () => "/",
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => "\n",
      fileExists: (name) => name === sourceFile.fileName,
      readFile: () => undefined,
    };
    checker = ts.createProgram({ rootNames: [sourceFile.fileName], options, host }).getTypeChecker();
    checkers.set(sourceFile, checker);
  }
  return checker;
}

/** Can a value be undefined or null? "unknown" when the types cannot tell (any, or not resolvable here). */
export type Nullability = "never" | "maybe" | "unknown";

export function typeNullability(type: ts.Type): Nullability {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.TypeParameter | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional)) return "unknown";
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) return "maybe";
  if (type.isUnion()) return combine(type.types.map(typeNullability));
  return "never";
}

export function combine(values: Nullability[]): Nullability {
  if (values.includes("maybe")) return "maybe";
  if (values.includes("unknown")) return "unknown";
  return "never";
}

/**
 * A declared key or value type (`Map<K, V>`, `Record<string, V>`): `any` is unknown; a union with
 * undefined, null, void or unknown is maybe (LRUCache's types refuse it: TS2344). A name that the
 * file imports cannot be resolved here and is taken as declared.
 */
export function declaredNullability(node: ts.TypeNode, checker: ts.TypeChecker): Nullability {
  if (node.kind === ts.SyntaxKind.AnyKeyword) return "unknown";
  if (node.kind === ts.SyntaxKind.UnknownKeyword || node.kind === ts.SyntaxKind.UndefinedKeyword || node.kind === ts.SyntaxKind.VoidKeyword) return "maybe";
  if (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword) return "maybe";
  if (ts.isUnionTypeNode(node)) return combine(node.types.map((member) => declaredNullability(member, checker)));
  if (ts.isParenthesizedTypeNode(node)) return declaredNullability(node.type, checker);
  if (ts.isTypeReferenceNode(node)) {
    const type = checker.getTypeFromTypeNode(node);
    const resolved = !(type.flags & ts.TypeFlags.Any);
    return resolved ? typeNullability(type) === "maybe" ? "maybe" : "never" : "never";
  }
  return "never";
}

/**
 * A value written into the cache: literals, constructions and operators by syntax, a local by what
 * was last assigned to it, the rest by the file's checker.
 */
export function valueNullability(expression: ts.Expression | undefined, checker: ts.TypeChecker, depth = 0): Nullability {
  if (!expression) return "maybe";
  const node = skipParentheses(expression);
  if (depth > 4) return typeNullability(checker.getTypeAtLocation(node));
  if (node.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(node)) return "maybe";
  if (ts.isIdentifier(node) && node.text === "undefined") return "maybe";
  if (
    ts.isStringLiteralLike(node) ||
    ts.isNumericLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isFunctionLike(node) ||
    ts.isClassExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword
  ) {
    return "never";
  }
  if (ts.isConditionalExpression(node)) return combine([valueNullability(node.whenTrue, checker, depth + 1), valueNullability(node.whenFalse, checker, depth + 1)]);
  if (ts.isPrefixUnaryExpression(node) || ts.isTypeOfExpression(node) || ts.isDeleteExpression(node)) return "never";
  if (ts.isBinaryExpression(node) && !LOGICAL_OR_ASSIGNING.has(node.operatorToken.kind)) return "never";
  const checked = typeNullability(checker.getTypeAtLocation(node));
  if (checked === "unknown" && ts.isIdentifier(node)) {
    const assigned = reachingAssignment(node);
    if (assigned) return valueNullability(assigned, checker, depth + 1);
  }
  return checked;
}

/** Operators whose result can be an operand as it is (so possibly undefined); every other binary operator makes a number, string or boolean. */
const LOGICAL_OR_ASSIGNING = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

export type KeyKind = "string" | "number" | "symbol" | "other";

/** What an object key is at run time, as far as the checker tells: decides whether keys need String(). */
export function keyKind(expression: ts.Expression, checker: ts.TypeChecker): KeyKind {
  const node = skipParentheses(expression);
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return "string";
  if (ts.isNumericLiteral(node)) return "number";
  return typeKind(checker.getTypeAtLocation(node));
}

function typeKind(type: ts.Type): KeyKind {
  if (type.isUnion()) {
    const kinds = new Set(type.types.map(typeKind));
    return kinds.size === 1 ? [...kinds][0]! : kinds.has("symbol") ? "symbol" : "other";
  }
  if (type.flags & ts.TypeFlags.StringLike) return "string";
  if (type.flags & ts.TypeFlags.NumberLike) return "number";
  if (type.flags & ts.TypeFlags.ESSymbolLike) return "symbol";
  return "other";
}
