import ts from "../../typescript.cts";
import { declaresType, declaresValue, isDeclaredName } from "./import-slice.ts";

/**
 * What an answer of the type facts (type-facts.ts) rests on, so that a partial program (one that
 * leaves some of the project's files out, TypedProject.open) can tell whether it gives the answer
 * the whole program would.
 *
 * A left-out import makes the names it brings in unresolved: their type is the checker's error
 * type, which spreads through every expression built on them, and an interface or class extending
 * one silently loses that base. So the audit walks every type the facts look at — union and
 * intersection members, constraints, type arguments, bases, `then`, call signatures — and records
 * the declarations they come from; the program must hold the imports those declarations use
 * (import-slice.ts). Meeting the error type, or a type the audit cannot follow (mapped,
 * conditional, indexed access, aliases built from them), leaves the answer open.
 */
export interface TypeAudit {
  /** Met the checker's error type (an unresolved name) or a type it cannot follow. */
  open: boolean;
  /** The declarations, in the project's files, of the types the answer rests on. */
  declarations: Set<ts.Node>;
}

const UNFOLLOWED = ts.TypeFlags.Any | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Index;
const UNFOLLOWED_OBJECTS = ts.ObjectFlags.Mapped | ts.ObjectFlags.ReverseMapped;
/** Generic types instantiate new types as they are walked: past this depth the answer is left open. */
const MAX_DEPTH = 8;

/** The audit of `valueFacts(type)`. */
export function auditValue(type: ts.Type, checker: ts.TypeChecker, isProjectFile: (file: ts.SourceFile) => boolean): TypeAudit {
  const walk = new AuditWalk(checker, isProjectFile);
  walk.type(type);
  return walk.audit;
}

/** The audit of `functionFacts(type)`: the function's type, each call signature's parameters and result, the settled result. */
export function auditFunction(type: ts.Type, checker: ts.TypeChecker, location: ts.Node, isProjectFile: (file: ts.SourceFile) => boolean): TypeAudit {
  const walk = new AuditWalk(checker, isProjectFile);
  walk.type(type);
  for (const signature of type.getCallSignatures()) {
    for (const parameter of signature.getParameters()) {
      walk.symbol(parameter);
      walk.type(checker.getTypeOfSymbolAtLocation(parameter, location));
    }
    const result = signature.getReturnType();
    walk.type(result);
    const awaited = checker.getAwaitedType(result);
    if (awaited) walk.type(awaited);
  }
  return walk.audit;
}

class AuditWalk {
  readonly audit: TypeAudit = { open: false, declarations: new Set() };
  private readonly seenTypes = new Set<ts.Type>();
  private readonly seenAliases = new Set<ts.Symbol>();
  /** Object types of the project being walked, one inside another. */
  private depth = 0;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly isProjectFile: (file: ts.SourceFile) => boolean,
  ) {}

  type(type: ts.Type): void {
    if (this.seenTypes.has(type)) return;
    this.seenTypes.add(type);
    // Plain `any` (`Object.create(p)`, `JSON.parse(s)`) is the whole program's answer too; the error
    // type is a name the program could not resolve.
    if (type.flags & ts.TypeFlags.Any && type === this.checker.getAnyType()) return;
    if (type.flags & UNFOLLOWED) {
      this.audit.open = true;
      return;
    }
    if (type.aliasSymbol) this.alias(type.aliasSymbol);
    for (const argument of type.aliasTypeArguments ?? []) this.type(argument);
    if (type.symbol) this.symbol(type.symbol, "type");
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) this.type(member);
      return;
    }
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (constraint && constraint !== type) this.type(constraint);
      return;
    }
    if (type.flags & ts.TypeFlags.Object) this.object(type as ts.ObjectType);
  }

  /** Records the declarations of a symbol: those of its type meaning for a type's symbol, of its value meaning for a parameter or property. */
  symbol(symbol: ts.Symbol, meaning: "type" | "value" = "value"): void {
    for (const declaration of symbol.declarations ?? []) {
      if (!(meaning === "type" ? declaresType : declaresValue)(declaration)) continue;
      if (this.isProjectFile(declaration.getSourceFile())) this.audit.declarations.add(declaration);
    }
  }

  private object(type: ts.ObjectType): void {
    if (type.objectFlags & UNFOLLOWED_OBJECTS) {
      this.audit.open = true;
      return;
    }
    if (type.objectFlags & ts.ObjectFlags.Reference) {
      for (const argument of this.checker.getTypeArguments(type as ts.TypeReference)) this.type(argument);
    }
    // A type of the libraries or of a package is whole in every program: only its arguments may not be.
    const declarations = type.symbol?.declarations ?? [];
    if (declarations.length > 0 && !declarations.some((declaration) => this.isProjectFile(declaration.getSourceFile()))) return;
    if (++this.depth > MAX_DEPTH) {
      this.audit.open = true;
      return;
    }
    // A base the program cannot resolve is dropped without a trace: each written base must resolve.
    for (const declaration of declarations) {
      if (!ts.isClassLike(declaration) && !ts.isInterfaceDeclaration(declaration)) continue;
      for (const clause of declaration.heritageClauses ?? []) {
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        for (const base of clause.types) this.type(this.checker.getTypeAtLocation(base));
      }
    }
    const then = this.checker.getPropertyOfType(type, "then");
    if (then) {
      this.symbol(then);
      this.type(this.checker.getTypeOfSymbol(then));
    }
    for (const signature of type.getCallSignatures()) {
      for (const parameter of signature.getParameters()) this.type(this.checker.getTypeOfSymbol(parameter));
      this.type(signature.getReturnType());
    }
    this.depth--;
  }

  /** A type alias: its declaration must not compute the type from others (conditional, mapped, indexed, keyof, infer). */
  private alias(alias: ts.Symbol): void {
    if (this.seenAliases.has(alias)) return;
    this.seenAliases.add(alias);
    this.symbol(alias, "type");
    for (const declaration of alias.declarations ?? []) {
      if (!ts.isTypeAliasDeclaration(declaration)) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isConditionalTypeNode(node) || ts.isMappedTypeNode(node) || ts.isIndexedAccessTypeNode(node) || ts.isInferTypeNode(node) || (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword)) {
          this.audit.open = true;
          return;
        }
        if (ts.isTypeReferenceNode(node)) {
          const referenced = this.checker.getSymbolAtLocation(node.typeName);
          const target = referenced && referenced.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(referenced) : referenced;
          if (target && target.flags & ts.SymbolFlags.TypeAlias) this.alias(target);
        }
        ts.forEachChild(node, visit);
      };
      visit(declaration.type);
    }
  }
}

/**
 * The declarations behind the names `container` uses from outside itself whose type is the error
 * type here: what they are declared with must be typed before the container's flow (narrowing by a
 * type guard, the overload an argument selects, a callback's parameters) is as in the whole
 * program. A name no file declares (a module that is not installed) is untyped in the whole
 * program too.
 */
export function unsettledReferences(container: ts.Node, checker: ts.TypeChecker): ts.Node[] {
  const declarations: ts.Node[] = [];
  const errorType = (type: ts.Type) => type.flags & ts.TypeFlags.Any && type !== checker.getAnyType();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isNameOfDeclaration(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const declared = symbol?.declarations ?? [];
      if (declared.some((declaration) => isWithin(declaration, container))) return;
      const use = outermostUse(node);
      const type = ts.isTypeNode(use) || ts.isExpressionWithTypeArguments(use) ? checker.getTypeFromTypeNode(use as ts.TypeNode) : checker.getTypeAtLocation(use);
      if (!errorType(type)) return;
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      declarations.push(...(target?.declarations ?? []));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(container);
  return declarations;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && container.pos <= node.pos && node.end <= container.end;
}

function isNameOfDeclaration(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node) || isDeclaredName(node);
}

/** `Ns.a.b` for `Ns`, the type reference for a name in a type: the node whose type the use gives. */
function outermostUse(node: ts.Identifier): ts.Node {
  let use: ts.Node = node;
  while ((ts.isPropertyAccessExpression(use.parent) && use.parent.expression === use) || (ts.isQualifiedName(use.parent) && use.parent.left === use)) use = use.parent;
  if (ts.isTypeReferenceNode(use.parent) || ts.isExpressionWithTypeArguments(use.parent) || ts.isTypeQueryNode(use.parent)) return use.parent;
  return use;
}
