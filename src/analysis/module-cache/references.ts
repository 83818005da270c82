import ts from "../../typescript.cts";
import { findDeclaration } from "../scope.ts";
import { isPrivateMember, skipParentheses, type CacheCandidate } from "./candidates.ts";
import { identifiersNamed } from "./name-occurrences.ts";
import { snippet } from "./snippet.ts";

/** Where a candidate is named: the expressions that denote the cache, and places it may leak through. */
export interface CacheReferences {
  /** `cache`, or `Owner.cache` / `this.cache` / `this.#cache` for a static member. */
  refs: ts.Expression[];
  /** Uses that let the cache be reached from code memocap does not see. */
  escapes: Array<{ node: ts.Node; detail: string }>;
}

/** References of every candidate of the file, in source order. */
export function findReferences(sourceFile: ts.SourceFile, candidates: CacheCandidate[]): Map<CacheCandidate, CacheReferences> {
  const result = new Map<CacheCandidate, CacheReferences>(candidates.map((candidate) => [candidate, { refs: [], escapes: [] }]));
  const moduleLevel = new Map<string, CacheCandidate[]>();
  const statics = new Map<string, CacheCandidate[]>();
  const owners = new Map<ts.ClassDeclaration, CacheCandidate[]>();
  for (const candidate of candidates) {
    const key = candidate.declaration.name.getText(sourceFile);
    const index = candidate.owner ? statics : moduleLevel;
    index.set(key, [...(index.get(key) ?? []), candidate]);
    if (candidate.owner) owners.set(candidate.owner, [...(owners.get(candidate.owner) ?? []), candidate]);
  }

  const note = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const named = moduleLevel.get(node.text);
      if (named && isValueReference(node)) {
        const declaration = findDeclaration(node);
        const candidate = named.find((entry) => entry.declaration === declaration);
        if (candidate && node !== candidate.declaration.name) result.get(candidate)!.refs.push(node);
      }
      for (const [owner, members] of owners) {
        if (node.text === owner.name?.text && node !== owner.name && isValueReference(node) && findDeclaration(node) === owner) {
          noteClassUse(node, members, result);
        }
      }
    }
    if (ts.isPropertyAccessExpression(node)) {
      const named = statics.get(node.name.text);
      if (named) for (const candidate of named) noteStaticAccess(node, candidate, result.get(candidate)!);
    }
  };
  const classNames = [...owners.keys()].flatMap((owner) => (owner.name ? [owner.name.text] : []));
  const identifiers = identifiersNamed(sourceFile, new Set([...moduleLevel.keys(), ...statics.keys(), ...classNames]));
  if (identifiers) {
    for (const node of nodesNoted(identifiers)) note(node);
  } else {
    const visit = (node: ts.Node): void => {
      note(node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return result;
}

/**
 * The nodes a walk of the whole tree would note for these identifiers, in the order it would: each
 * identifier, and the property access it is the name of (`Owner.cache`), which comes before its
 * children. A walk meets nodes by where they start, a node before its descendants.
 */
function nodesNoted(identifiers: ReadonlyArray<ts.Identifier | ts.PrivateIdentifier>): ts.Node[] {
  const nodes: ts.Node[] = identifiers.filter((node) => ts.isIdentifier(node));
  for (const node of identifiers) if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) nodes.push(node.parent);
  return nodes.sort((a, b) => a.pos - b.pos || b.end - a.end);
}

function noteStaticAccess(access: ts.PropertyAccessExpression, candidate: CacheCandidate, references: CacheReferences): void {
  const owner = candidate.owner!;
  const receiver = skipParentheses(access.expression);
  const insideClass = owner.pos <= access.pos && access.end <= owner.end;
  if (ts.isIdentifier(receiver) && findDeclaration(receiver) === owner) references.refs.push(access);
  else if (receiver.kind === ts.SyntaxKind.ThisKeyword && insideClass && isStaticThis(receiver, owner)) references.refs.push(access);
  else if (insideClass) references.escapes.push({ node: access, detail: `reached through \`${snippet(receiver)}\`` });
}

/** The class itself leaks (passed, exported, aliased): its public static caches leak with it. */
function noteClassUse(identifier: ts.Identifier, members: CacheCandidate[], result: Map<CacheCandidate, CacheReferences>): void {
  const parent = identifier.parent;
  const isMemberAccess = ts.isPropertyAccessExpression(parent) && parent.expression === identifier;
  const isConstruction = ts.isNewExpression(parent) && parent.expression === identifier;
  if (isMemberAccess || isConstruction) return;
  for (const member of members) {
    if (!isPrivateMember(member.declaration as ts.PropertyDeclaration)) {
      result.get(member)!.escapes.push({ node: identifier, detail: `the class ${identifier.text} is used as a value` });
    }
  }
}

/** Is `this` the class itself here: in a static member, static block or static field of `owner`? */
function isStaticThis(node: ts.Node, owner: ts.ClassDeclaration): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isClassStaticBlockDeclaration(current)) return current.parent === owner;
    if (ts.isMethodDeclaration(current) || ts.isGetAccessor(current) || ts.isSetAccessor(current) || ts.isPropertyDeclaration(current)) {
      return current.parent === owner && (ts.getCombinedModifierFlags(current) & ts.ModifierFlags.Static) !== 0;
    }
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return false;
  }
  return false;
}

/** An identifier that reads or writes a variable (not a property name, a declaration name, a label or a type). */
function isValueReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === identifier;
  if (ts.isQualifiedName(parent)) return parent.left === identifier;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) === identifier;
  if (ts.isBindingElement(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === identifier && (ts.isDeclarationStatement(parent) || isNamedDeclaration(parent))) return false;
  return true;
}

function isNamedDeclaration(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isGetAccessor(node) ||
    ts.isSetAccessor(node) ||
    ts.isEnumMember(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassExpression(node) ||
    ts.isTypeParameterDeclaration(node)
  );
}
