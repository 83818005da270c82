import ts from "../typescript.cts";

/**
 * Lexical name resolution on the syntax tree alone: which declaration does an identifier refer to?
 * The type checker would answer too, but building it costs far more than this walk, and a
 * memoizer's binding is nearly always a module-level import or require.
 */
export function findDeclaration(identifier: ts.Identifier): ts.Node | undefined {
  return findDeclarationFrom(identifier.parent, identifier.text);
}

/** The declaration `name` would refer to if it were written inside `node`. */
export function findDeclarationFrom(node: ts.Node, name: string): ts.Node | undefined {
  for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
    const found = declarationInScope(scope, name);
    if (found) return found;
  }
  return undefined;
}

function declarationInScope(scope: ts.Node, name: string): ts.Node | undefined {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    return declarationInStatements(scope.statements, name);
  }
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      const found = declarationInBindingName(parameter.name, name, parameter);
      if (found) return found;
    }
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name?.text === name) return scope;
    return undefined;
  }
  if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) return declarationInList(initializer, name);
    return undefined;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    return declarationInBindingName(scope.variableDeclaration.name, name, scope.variableDeclaration);
  }
  if (ts.isClassExpression(scope) && scope.name?.text === name) return scope;
  return undefined;
}

function declarationInStatements(statements: ts.NodeArray<ts.Statement>, name: string): ts.Node | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      const found = declarationInList(statement.declarationList, name);
      if (found) return found;
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return bindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const specifier = bindings.elements.find((element) => element.name.text === name);
        if (specifier) return specifier;
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isImportEqualsDeclaration(statement)) &&
      statement.name?.text === name
    ) {
      return statement;
    }
  }
  return undefined;
}

function declarationInList(list: ts.VariableDeclarationList, name: string): ts.Node | undefined {
  for (const declaration of list.declarations) {
    const found = declarationInBindingName(declaration.name, name, declaration);
    if (found) return found;
  }
  return undefined;
}

function declarationInBindingName(binding: ts.BindingName, name: string, declaration: ts.Node): ts.Node | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? declaration : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = declarationInBindingName(element.name, name, element);
    if (found) return found;
  }
  return undefined;
}
