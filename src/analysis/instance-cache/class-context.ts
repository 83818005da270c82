import ts from "../../typescript.cts";

/** Where a class sits: its name, and the statement before which module-level stores for it go. */
export interface ClassContext {
  node: ts.ClassLikeDeclaration;
  /** The class's name, or the variable a class expression is assigned to. */
  name: string | undefined;
  /** The start of the line that opens the class's statement (or its first leading comment). */
  insertAt: number;
  generic: boolean;
}

export function classContext(node: ts.ClassLikeDeclaration, sourceFile: ts.SourceFile): ClassContext | undefined {
  const statement = enclosingStatement(node);
  if (!statement) return undefined;
  return { node, name: className(node), insertAt: lineStartBefore(statement, sourceFile), generic: (node.typeParameters?.length ?? 0) > 0 };
}

function className(node: ts.ClassLikeDeclaration): string | undefined {
  if (node.name) return node.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** The statement, in a statement list, that holds the node. */
export function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const owner = current.parent;
    if (ts.isSourceFile(owner) || ts.isBlock(owner) || ts.isModuleBlock(owner) || ts.isCaseClause(owner) || ts.isDefaultClause(owner)) {
      return current as ts.Statement;
    }
  }
  return undefined;
}

/** The start of the line holding the statement's first token, or its first leading comment. */
export function lineStartBefore(statement: ts.Node, sourceFile: ts.SourceFile): number {
  const text = sourceFile.text;
  const comments = ts.getLeadingCommentRanges(text, statement.pos) ?? [];
  const first = comments[0]?.pos ?? statement.getStart(sourceFile);
  return text.lastIndexOf("\n", first - 1) + 1;
}

/** Member names of a class, with whether each is static. */
export function memberNamed(node: ts.ClassLikeDeclaration, name: string, isStatic: boolean): ts.ClassElement[] {
  return node.members.filter((member) => member.name && memberNameText(member.name) === name && isStaticMember(member) === isStatic);
}

export function memberNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

export function isStaticMember(member: ts.ClassElement): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}
