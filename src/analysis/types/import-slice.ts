import ts from "../../typescript.cts";
import { requiredModule } from "../module-ref.ts";
import type { PartialProgram } from "./typed-project.ts";

/** An import a piece of code uses: the file that imports, and the module named. */
export interface ImportUse {
  file: string;
  specifier: string;
}

/**
 * The imports some code uses, directly or through the top-level declarations it names — a helper
 * function, a constant, a type declared beside it or in a module the program holds, and so on
 * through what those declarations are typed with (typingPartsOf). These are the modules a partial
 * program must hold for the checker to type the code as the whole program does.
 *
 * A slice grows with the program: names that did not resolve (their module was left out) are
 * resolved again with the next program's checker, and code already walked is not walked again.
 */
export class ImportSlice {
  private readonly walked = new Set<ts.Node>();
  private pending: ts.Node[] = [];
  private unresolved: ts.Identifier[] = [];
  private readonly uses = new Map<string, ImportUse>();

  /** Code whose imports the slice must hold. */
  add(nodes: Iterable<ts.Node>): void {
    for (const node of nodes) {
      if (this.walked.has(node)) continue;
      this.walked.add(node);
      this.pending.push(node);
    }
  }

  /** Every import the slice's code uses, as far as `checker`'s program resolves its names. */
  importsWith(checker: ts.TypeChecker): ImportUse[] {
    const retry = this.unresolved;
    this.unresolved = [];
    for (const name of retry) this.name(name, checker);
    const visit = (node: ts.Node): void => {
      // What is thrown types no other expression (code after it is unreachable, nothing more).
      if (ts.isThrowStatement(node)) return;
      if (ts.isIdentifier(node)) {
        if (!isDeclaredName(node)) this.name(node, checker);
        return;
      }
      ts.forEachChild(node, visit);
    };
    for (let node = this.pending.pop(); node; node = this.pending.pop()) visit(node);
    return [...this.uses.values()];
  }

  private name(name: ts.Identifier, checker: ts.TypeChecker): void {
    const member = memberOf(name, checker);
    if (member === "of a value") return;
    if (member === "of a left-out module") this.unresolved.push(name);
    else this.identifier(name, checker);
  }

  private identifier(name: ts.Identifier, checker: ts.TypeChecker): void {
    const symbol = checker.getSymbolAtLocation(name);
    if (!symbol) {
      // A member of a namespace the program left out; or a name nothing declares.
      this.unresolved.push(name);
      return;
    }
    // `ShardId` names an interface in a type and a constant in an expression: follow the one used.
    const meaning = isTypePosition(name) ? declaresType : declaresValue;
    let declarations = symbol.declarations ?? [];
    if (symbol.flags & ts.SymbolFlags.Alias) {
      for (const declaration of declarations) {
        const use = importOf(declaration);
        if (use) this.uses.set(`${use.file}\0${use.specifier}`, use);
      }
      // Through the import, when the program holds the module: what it declares there.
      declarations = checker.getAliasedSymbol(symbol).declarations ?? [];
      if (declarations.length === 0) this.unresolved.push(name);
    }
    for (const declaration of declarations.filter(meaning)) {
      // A namespace import: the members it is used with are followed one by one.
      if (ts.isSourceFile(declaration)) continue;
      const topLevel = topLevelStatementOf(declaration);
      if (topLevel && !this.walked.has(topLevel)) {
        this.walked.add(topLevel);
        this.pending.push(...typingPartsOf(topLevel));
      }
    }
  }
}

/**
 * What `b` in `a.b` is a member of. Of a namespace (a module's, or an enum): followed like any
 * name. Of a value: not followed, since it is typed by the value's type, whose declarations are
 * followed from the value's own (and resolving it would check the expression, a cost that grows
 * with the types involved). Of a module the program left out: resolved again with the next program.
 */
function memberOf(name: ts.Identifier, checker: ts.TypeChecker): "not a member" | "of a namespace" | "of a value" | "of a left-out module" {
  const parent = name.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.name !== name) return "not a member";
  let receiver: ts.Expression = parent.expression;
  while (ts.isPropertyAccessExpression(receiver)) receiver = receiver.expression;
  if (!ts.isIdentifier(receiver)) return "of a value";
  let symbol = checker.getSymbolAtLocation(receiver);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
    if (!symbol.declarations?.length) return "of a left-out module";
  }
  return symbol && symbol.flags & (ts.SymbolFlags.Module | ts.SymbolFlags.Enum) ? "of a namespace" : "of a value";
}

/** The name a declaration gives (`{ name }` uses `name`; every other node whose `name` is the identifier declares it). */
export function isDeclaredName(name: ts.Identifier): boolean {
  const parent = name.parent;
  return !ts.isShorthandPropertyAssignment(parent) && !ts.isPropertyAccessExpression(parent) && (parent as { name?: ts.Node }).name === name;
}

function isTypePosition(name: ts.Identifier): boolean {
  let node: ts.Node = name;
  while (ts.isQualifiedName(node.parent) || (ts.isPropertyAccessExpression(node.parent) && ts.isExpressionWithTypeArguments(node.parent.parent))) node = node.parent;
  if (ts.isTypeReferenceNode(node.parent)) return true;
  const heritage = ts.isExpressionWithTypeArguments(node.parent) ? node.parent.parent : undefined;
  return heritage !== undefined && ts.isHeritageClause(heritage) && ts.isInterfaceDeclaration(heritage.parent);
}

/** Declarations that give a name a type meaning (and those that give it a value meaning). */
export const declaresType = (declaration: ts.Node) => !(ts.isVariableDeclaration(declaration) || ts.isFunctionDeclaration(declaration) || ts.isParameter(declaration) || ts.isBindingElement(declaration));
export const declaresValue = (declaration: ts.Node) => !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration));

/** The files of `uses` that the program leaves out, and `holds` does not hold yet. */
export function leftOutFiles(uses: readonly ImportUse[], partial: PartialProgram, holds: ReadonlySet<string>): string[] {
  const files = new Set<string>();
  for (const use of uses) {
    const file = partial.leftOut.get(use.file)?.get(use.specifier);
    if (file && !holds.has(file)) files.add(file);
  }
  return [...files];
}

/** The import or require that declares a name, as file and module. */
export function importOf(declaration: ts.Node): ImportUse | undefined {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    let specifier: string | undefined;
    if (ts.isImportDeclaration(node)) specifier = stringOf(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) specifier = stringOf(node.moduleReference.expression);
    else if (ts.isVariableDeclaration(node) && node.initializer) specifier = requiredBy(node.initializer);
    else if (ts.isBlock(node) || ts.isFunctionLike(node)) return undefined;
    if (specifier !== undefined) return { file: node.getSourceFile().fileName, specifier };
  }
  return undefined;
}

const stringOf = (node: ts.Expression) => (ts.isStringLiteralLike(node) ? node.text : undefined);

/** `"m"` of `require("m")` or `require("m").name`. */
function requiredBy(initializer: ts.Expression): string | undefined {
  const call = ts.isPropertyAccessExpression(initializer) ? initializer.expression : initializer;
  return ts.isCallExpression(call) ? requiredModule(call) : undefined;
}

/** The statement of the file, or of a namespace, that holds a declaration made outside functions and blocks. */
function topLevelStatementOf(declaration: ts.Node): ts.Node | undefined {
  let node = declaration;
  while (!ts.isSourceFile(node.parent) && !ts.isModuleBlock(node.parent)) {
    if (ts.isBlock(node.parent) || ts.isFunctionLike(node.parent)) return undefined;
    node = node.parent;
  }
  return node;
}

/**
 * The parts of a declaration its type rests on: a function's signature (its body only when the
 * result type is not written), a variable's annotation (else its initializer), a class's heritage
 * and the types of its members (their bodies where those are not written), the whole of anything
 * else (an interface, a type, an enum, a namespace).
 */
export function typingPartsOf(declaration: ts.Node): ts.Node[] {
  if (ts.isClassLike(declaration)) return [...(declaration.typeParameters ?? []), ...(declaration.heritageClauses ?? []), ...declaration.members.flatMap(memberTypingParts)];
  if (ts.isFunctionDeclaration(declaration)) return signatureParts(declaration) ?? [declaration];
  if (ts.isVariableStatement(declaration)) return declaration.declarationList.declarations.flatMap((variable) => typingPartsOf(variable));
  if (ts.isVariableDeclaration(declaration)) {
    const initializer = declaration.initializer;
    if (declaration.type) return [declaration.type];
    const signature = initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? signatureParts(initializer) : undefined;
    return signature ?? (initializer ? [initializer] : []);
  }
  return [declaration];
}

/** Type parameters, parameters and result type of a function whose result type is written. */
function signatureParts(fn: ts.SignatureDeclaration): ts.Node[] | undefined {
  return fn.type ? [...(fn.typeParameters ?? []), ...fn.parameters, fn.type] : undefined;
}

function memberTypingParts(member: ts.ClassElement): ts.Node[] {
  if (ts.isPropertyDeclaration(member)) return member.type ? [member.type] : member.initializer ? [member.initializer] : [];
  if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) return signatureParts(member) ?? [member];
  if (ts.isSetAccessorDeclaration(member) || ts.isConstructorDeclaration(member)) return [...member.parameters];
  if (ts.isClassStaticBlockDeclaration(member)) return [];
  return [member];
}
