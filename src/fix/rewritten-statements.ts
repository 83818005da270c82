import { diffLines } from "diff";
import ts from "../typescript.cts";

/**
 * The top-level statements of `after` whose checking a rewrite of `before` into `after` can
 * change: those it edited, and those that name, directly or not, something an edited statement
 * declares with a type that is inferred (the uses of a cache whose type became LRUCache; the
 * callers of a function using it whose result type is not written).
 */
export function rewrittenStatements(sourceFile: ts.SourceFile, before: string): ts.Statement[] {
  const statements = [...sourceFile.statements];
  const changed = changedRanges(before, sourceFile.text);
  // A statement's own text, not the comments and blank lines before it: an import added above it does not change it.
  const affected = new Set(statements.filter((statement) => changed.some(([start, end]) => start < statement.end && statement.getStart() < Math.max(end, start + 1))));
  const namesOf = (statement: ts.Statement) => namesTypedByInference(statement);
  let names = new Set([...affected].flatMap(namesOf));
  while (names.size > 0) {
    const users = statements.filter((statement) => !affected.has(statement) && mentionsAny(statement, names));
    users.forEach((statement) => affected.add(statement));
    names = new Set(users.flatMap(namesOf));
  }
  return statements.filter((statement) => affected.has(statement));
}

/** The offsets of `after` that a line diff marks as added, and the points where lines were removed. */
function changedRanges(before: string, after: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let offset = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) ranges.push([offset, offset + part.value.length]);
    else if (part.removed) ranges.push([offset, offset]);
    if (!part.removed) offset += part.value.length;
  }
  return ranges;
}

/** The names a top-level statement declares whose type is inferred, so that a change of the statement may change it. */
function namesTypedByInference(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.filter((declaration) => !declaration.type && !hasWrittenResult(declaration.initializer)).flatMap((declaration) => bindingNames(declaration.name));
  if (ts.isFunctionDeclaration(statement)) return statement.name && !statement.type ? [statement.name.text] : [];
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/** A function expression whose result type is written. */
function hasWrittenResult(initializer: ts.Expression | undefined): boolean {
  return initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) && initializer.type !== undefined;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function mentionsAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  return ts.isIdentifier(node) ? names.has(node.text) : ts.forEachChild(node, (child) => mentionsAny(child, names) || undefined) === true;
}
