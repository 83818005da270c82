import ts from "../../typescript.cts";
import type { DelegateParameter, ModifierToken } from "./plan.ts";

/** A decorated method or getter as the rewrite sees it. */
export interface MemberShape {
  accessor: "method" | "get";
  name: string;
  nameNode: ts.Identifier;
  isStatic: boolean;
  async: boolean;
  parameters: DelegateParameter[];
  modifiers: ModifierToken[];
  returnType?: string;
}

/**
 * The shape of a memoized member, or why the delegate cannot be written for it: the delegate copies
 * the parameter list, so parameters must be plain names (no destructuring, no parameter decorators).
 */
export function memberShape(member: ts.ClassElement, sourceFile: ts.SourceFile): MemberShape | { unsupported: string } {
  if (!ts.isMethodDeclaration(member) && !ts.isGetAccessorDeclaration(member)) return { unsupported: "the decorator is not on a method or getter" };
  if (!member.name || !ts.isIdentifier(member.name)) return { unsupported: "the member's name is computed or private" };
  if (!member.body) return { unsupported: "the member has no body" };
  if (ts.isMethodDeclaration(member) && member.asteriskToken) return { unsupported: "the method is a generator" };
  if ((member.typeParameters?.length ?? 0) > 0) return { unsupported: "the method is generic" };
  const parameters: DelegateParameter[] = [];
  for (const parameter of member.parameters) {
    if (!ts.isIdentifier(parameter.name)) return { unsupported: "a parameter is destructured" };
    if (parameter.name.text === "this") return { unsupported: "the method declares a this parameter" };
    if (ts.canHaveDecorators(parameter) && (ts.getDecorators(parameter)?.length ?? 0) > 0) return { unsupported: "a parameter has a decorator" };
    parameters.push({ text: parameter.getText(sourceFile), name: parameter.name.text, rest: parameter.dotDotDotToken !== undefined });
  }
  const modifiers: ModifierToken[] = [];
  for (const modifier of ts.getModifiers(member) ?? []) {
    const kind = modifierKind(modifier.kind);
    if (!kind) return { unsupported: `the ${modifier.getText(sourceFile)} modifier` };
    modifiers.push({ kind, text: modifier.getText(sourceFile), start: modifier.getStart(sourceFile), end: modifier.end });
  }
  return {
    accessor: ts.isGetAccessorDeclaration(member) ? "get" : "method",
    name: member.name.text,
    nameNode: member.name,
    isStatic: modifiers.some((modifier) => modifier.kind === "static"),
    async: modifiers.some((modifier) => modifier.kind === "async"),
    parameters,
    modifiers,
    returnType: member.type?.getText(sourceFile),
  };
}

function modifierKind(kind: ts.SyntaxKind): ModifierToken["kind"] | undefined {
  switch (kind) {
    case ts.SyntaxKind.PublicKeyword:
    case ts.SyntaxKind.ProtectedKeyword:
    case ts.SyntaxKind.PrivateKeyword:
      return "accessibility";
    case ts.SyntaxKind.StaticKeyword:
      return "static";
    case ts.SyntaxKind.OverrideKeyword:
      return "override";
    case ts.SyntaxKind.AsyncKeyword:
      return "async";
    default:
      return undefined;
  }
}

/** Can the first parameter be left out or be null/undefined (a key LRUCache's types refuse)? */
export function firstParameterMayBeNullish(member: ts.SignatureDeclaration): boolean {
  const first = member.parameters[0];
  if (!first) return true;
  if (first.questionToken || first.initializer || first.dotDotDotToken) return true;
  const type = first.type?.getText();
  return type !== undefined && /\b(undefined|null|void|unknown)\b|\?/.test(type);
}
