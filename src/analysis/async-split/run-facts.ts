import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";

/** A stretch of the memoized function's code that could become the synchronous core. */
export interface Run {
  /** The statements, or the one expression (an arrow's body). */
  nodes: readonly ts.Node[];
  /** Text range: from the first node's start (comments before it stay behind) to the last node's end. */
  start: number;
  end: number;
  /** The run ends the function: its returns are the function's returns. */
  tail: boolean;
  /**
   * The one `await` of a returned expression whose rest is the core (`return compile(await read(p))`):
   * it stays in the function, and the core takes its value as a parameter.
   */
  awaited?: ts.AwaitExpression;
}

/** A name the run reads that is declared outside it. */
export interface OuterRead {
  identifier: ts.Identifier;
  /** undefined: a global (or a name the syntactic resolver cannot place). */
  declaration: ts.Node | undefined;
}

export interface RunFacts {
  reads: OuterRead[];
  /** Why the run cannot be lifted out of the function, whatever its inputs: `this`, awaits, outer writes. */
  problems: string[];
  /** Names declared outside the run that it assigns (`property`: whose objects it changes). */
  outerWrites: Array<{ name: string; declaration: ts.Node | undefined; property: boolean; at: number }>;
  /** Names the run declares at its top level, with their declarations. */
  declared: Map<string, ts.Node>;
  /** `return` statements that belong to the memoized function. */
  returns: number;
  /** Calls, `new` or tagged templates: work worth caching. */
  computes: boolean;
}

/** Methods that change the object they are called on. */
const MUTATORS = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "add", "delete", "clear", "assign", "defineProperty"]);

/** Reads, writes and control flow of a run, as far as lifting it into a function of its own goes. */
export function runFacts(run: Run): RunFacts {
  const facts: RunFacts = { reads: [], problems: [], outerWrites: [], declared: new Map(), returns: 0, computes: false };
  const inside = (node: ts.Node) => node.pos >= run.start && node.end <= run.end;
  const problem = (text: string) => {
    if (!facts.problems.includes(text)) facts.problems.push(text);
  };
  for (const node of run.nodes) for (const [name, declaration] of topLevelDeclarations(node)) facts.declared.set(name, declaration);

  const noteWrite = (target: ts.Expression): void => noteWrites(writeRoots(target));
  const noteWrites = (roots: WriteRoot[]): void => {
    for (const { identifier, property } of roots) {
      if (identifier.kind === ts.SyntaxKind.ThisKeyword) continue; // reported as a use of `this`
      const declaration = findDeclaration(identifier as ts.Identifier);
      if (declaration && inside(declaration)) continue;
      const name = (identifier as ts.Identifier).text;
      facts.outerWrites.push({ name, declaration, property, at: identifier.getStart() });
      problem(property ? `changes \`${name}\`, state outside it` : `assigns \`${name}\`, a variable outside it`);
    }
  };

  /** `ownsThis`: inside a nested non-arrow function or class, where `this` and `arguments` are its own. */
  const visit = (node: ts.Node, ownsThis: boolean, ownsFlow: boolean): void => {
    if (node === run.awaited) return;
    if (ts.isIdentifier(node)) {
      if (isValueReference(node)) {
        if (node.text === "arguments" && !ownsThis) problem("uses `arguments`");
        else {
          const declaration = findDeclaration(node);
          if (!declaration || !inside(declaration)) facts.reads.push({ identifier: node, declaration });
        }
      }
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.ThisKeyword:
        if (!ownsThis) problem("uses `this`");
        return;
      case ts.SyntaxKind.SuperKeyword:
        if (!ownsThis) problem("uses `super`");
        return;
      case ts.SyntaxKind.AwaitExpression:
        if (!ownsFlow) problem("awaits");
        break;
      case ts.SyntaxKind.YieldExpression:
        if (!ownsFlow) problem("yields");
        break;
      case ts.SyntaxKind.ReturnStatement:
        if (!ownsFlow) facts.returns++;
        break;
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression:
      case ts.SyntaxKind.TaggedTemplateExpression:
        facts.computes = true;
        break;
    }
    if (ts.isForOfStatement(node) && node.awaitModifier && !ownsFlow) problem("awaits");
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) noteWrite(node.left);
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrementOrDecrement(node.operator)) noteWrite(node.operand);
    if (ts.isDeleteExpression(node)) noteWrite(node.expression);
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) noteWrite(node.initializer);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
      const base = node.expression.expression;
      const receiver = ts.isIdentifier(base) && (base.text === "Object" || base.text === "Reflect") ? node.arguments[0] : base;
      const root = receiver && objectRoot(receiver);
      if (root) noteWrites([{ identifier: root, property: true }]);
    }
    const arrow = ts.isArrowFunction(node);
    const ownFunction = !arrow && (ts.isFunctionLike(node) || ts.isClassLike(node));
    ts.forEachChild(node, (child) => visit(child, ownsThis || ownFunction, ownsFlow || arrow || ownFunction));
  };
  for (const node of run.nodes) visit(node, false, false);
  return facts;
}

/** The names a statement declares in the statement list it stands in. */
function topLevelDeclarations(statement: ts.Node): Array<[string, ts.Node]> {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name, declaration));
  }
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    return [[statement.name.text, statement]];
  }
  return [];
}

function bindingNames(binding: ts.BindingName, declaration: ts.Node): Array<[string, ts.Node]> {
  if (ts.isIdentifier(binding)) return [[binding.text, declaration]];
  return binding.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name, element)));
}

/** Every name a node declares anywhere inside it (for names the syntactic resolver cannot place, such as hoisted `var`). */
export function declaredAnywhere(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (at: ts.Node): void => {
    if ((ts.isVariableDeclaration(at) || ts.isParameter(at) || ts.isBindingElement(at)) && ts.isIdentifier(at.name)) names.add(at.name.text);
    if ((ts.isFunctionDeclaration(at) || ts.isClassDeclaration(at) || ts.isFunctionExpression(at)) && at.name) names.add(at.name.text);
    ts.forEachChild(at, visit);
  };
  visit(node);
  return names;
}

/** Identifiers in `node` that read a name, not property names, declarations, labels or types. */
export function isValueReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isQualifiedName(parent)) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === id
  ) {
    return false;
  }
  if (ts.isBindingElement(parent) && (parent.name === id || parent.propertyName === id)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return false;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && parent.tagName === id) {
    return !/^[a-z]/.test(id.text);
  }
  return !inTypePosition(id);
}

function inTypePosition(node: ts.Node): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isTypeNode(at) && !ts.isExpressionWithTypeArguments(at)) return true;
    if (ts.isStatement(at) || ts.isSourceFile(at) || ts.isFunctionLike(at)) return false;
  }
  return false;
}

interface WriteRoot {
  identifier: ts.Identifier | ts.ThisExpression;
  /** A property of what the name holds is written, not the name itself. */
  property: boolean;
}

/** The names an assignment target writes: `x` itself, or the object `x` in `x.a[b] = ...`; destructuring included. */
function writeRoots(target: ts.Expression): WriteRoot[] {
  const node = skipParentheses(target);
  if (ts.isIdentifier(node)) return [{ identifier: node, property: false }];
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const root = objectRoot(node.expression);
    return root ? [{ identifier: root, property: true }] : [];
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => writeRoots(ts.isSpreadElement(element) ? element.expression : element));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property) => {
      if (ts.isPropertyAssignment(property)) return writeRoots(property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) return [{ identifier: property.name, property: false }];
      if (ts.isSpreadAssignment(property)) return writeRoots(property.expression);
      return [];
    });
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return writeRoots(node.left);
  return [];
}

function objectRoot(expression: ts.Expression): ts.Identifier | ts.ThisExpression | undefined {
  let node = skipParentheses(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isNonNullExpression(node)) node = skipParentheses(node.expression);
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return node as ts.Identifier | ts.ThisExpression;
  return undefined;
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = node.expression;
  }
  return node;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrementOrDecrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}
