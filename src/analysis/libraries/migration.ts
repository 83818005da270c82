import ts from "../../typescript.cts";
import type { Code } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import { isNameUsed } from "../identifiers.ts";
import { resolveModuleRef, skipWrappers } from "../module-ref.ts";
import { optionValue, propertyName } from "../options-object.ts";
import { findDeclaration } from "../scope.ts";
import type { KeyFinding, MigrationHelper, RewritePlan } from "../site.ts";
import type { AdapterVerdict, CallContext, LibraryAdapter } from "./adapter.ts";

export const MIGRATE_TRANSFORM = "migrate-to-lru-cache";
const OPTIONS_ARGUMENT = 1;

/** A library with no bound of its own, whose calls are replaced by a wrapper over lru-cache. */
export interface MigratedLibrary {
  helper: MigrationHelper;
  /** Name of the wrapper function written into the file (a number is added when taken). */
  helperName: string;
  unbounded: Code;
  /** Option name → undefined when the wrapper keeps it, else why it cannot. */
  options: Record<string, string | undefined>;
  /** Why a call cannot be migrated, beyond its options (undefined: it can). */
  blocker?(call: ts.CallExpression): string | undefined;
  /** Said of a migrated site: what the wrapper does differently, if anything. */
  detail?(options: ts.ObjectLiteralExpression | undefined, context: CallContext): string | undefined;
}

/**
 * The verdict for a call of a library that is migrated to lru-cache: the callee becomes the file's
 * wrapper function (declared once, at the end of the file), the options gain `max`, and the import
 * goes once no call needs it. The wrapper takes the same arguments and keys as the library did, so
 * the memoized function is called as before.
 */
export function migrationVerdict(library: MigratedLibrary, adapter: LibraryAdapter, context: CallContext, findings: KeyFinding[]): AdapterVerdict {
  const blocked = whyNotMigrated(library, context.call);
  if (blocked) return { bounded: false, code: blocked.code, detail: blocked.detail, verdict: "skip", findings };
  const helper = helperName(context.sourceFile, library.helperName);
  const plan: RewritePlan[] = [
    { kind: "replace-callee", text: helper.name },
    { kind: "set-options", argIndex: OPTIONS_ARGUMENT, options: [{ name: "max", value: String(context.max) }] },
  ];
  if (!helper.declared) plan.push({ kind: "declare-helper", helper: library.helper, name: helper.name });
  const removal = importRemoval(context.call, context.sourceFile, (call) => isMigrated(library, adapter, call, context.sourceFile));
  if (removal) plan.push(removal);
  const options = context.call.arguments[OPTIONS_ARGUMENT];
  const detail = library.detail?.(options && ts.isObjectLiteralExpression(options) ? options : undefined, context);
  return { bounded: false, code: library.unbounded, detail, verdict: "rewrite", plan, needsLruCache: true, transform: MIGRATE_TRANSFORM, findings };
}

function whyNotMigrated(library: MigratedLibrary, call: ts.CallExpression): { code: Code; detail: string } | undefined {
  if (call.arguments.length > OPTIONS_ARGUMENT + 1) return { code: "MC905", detail: "more arguments than the function and its options" };
  if (call.arguments[0] && ts.isSpreadElement(call.arguments[0])) return { code: "MC905", detail: "the arguments are spread" };
  const options = call.arguments[OPTIONS_ARGUMENT];
  if (options) {
    if (!ts.isObjectLiteralExpression(options)) return { code: "MC902", detail: "options are not an object literal" };
    for (const property of options.properties) {
      if (ts.isSpreadAssignment(property)) return { code: "MC902", detail: "spread options" };
      const name = property.name && propertyName(property.name);
      if (name === undefined) return { code: "MC902", detail: "a computed option name" };
      if (!(name in library.options)) return { code: "MC905", detail: `option ${name} is not one memocap knows` };
      const why = library.options[name];
      if (why) return { code: "MC905", detail: `option ${name}: ${why}` };
    }
  }
  const blocker = library.blocker?.(call);
  return blocker ? { code: "MC905", detail: blocker } : undefined;
}

function isMigrated(library: MigratedLibrary, adapter: LibraryAdapter, call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const ref = resolveModuleRef(call.expression);
  return ref !== undefined && adapter.isMemoizer(ref) && !whyNotMigrated(library, call) && !siteDirectives(sourceFile, call).ignore;
}

/** The wrapper's name: the one already declared at the top level of the file, else a free one. */
function helperName(sourceFile: ts.SourceFile, base: string): { name: string; declared: boolean } {
  for (let suffix = 1; ; suffix++) {
    const name = suffix === 1 ? base : `${base}${suffix}`;
    const declared = sourceFile.statements.some((statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === name);
    if (declared) return { name, declared: true };
    if (!isNameUsed(sourceFile, name)) return { name, declared: false };
  }
}

/**
 * The top-level import or require of the library can go when every use of every name it declares is
 * the callee of a call being migrated; the last of those calls carries the removal.
 */
function importRemoval(call: ts.CallExpression, sourceFile: ts.SourceFile, isMigratedCall: (call: ts.CallExpression) => boolean): RewritePlan | undefined {
  const root = calleeRoot(call.expression);
  const declaration = root && findDeclaration(root);
  const statement = declaration && declaringStatement(declaration);
  if (!statement) return undefined;
  const names = declaredNames(statement);
  const calls: ts.CallExpression[] = [];
  let removable = true;
  const visit = (node: ts.Node): void => {
    if (!removable) return;
    if (ts.isIdentifier(node) && names.has(node.text) && isReference(node) && !isInside(node, statement)) {
      const found = findDeclaration(node);
      if (found && isInside(found, statement)) {
        const using = callWithRoot(node);
        if (using && isMigratedCall(using)) calls.push(using);
        else removable = false;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const last = calls.reduce<ts.CallExpression | undefined>((latest, candidate) => (!latest || candidate.pos > latest.pos ? candidate : latest), undefined);
  if (!removable || last !== call) return undefined;
  return { kind: "remove-statement", start: statement.getStart(sourceFile), end: statement.end };
}

/** `m`, `m.x`, `(0, m.default)`: the identifier the callee starts from. */
function calleeRoot(callee: ts.Expression): ts.Identifier | undefined {
  let node = skipWrappers(callee);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipWrappers(node.expression);
  return ts.isIdentifier(node) ? node : undefined;
}

/** The call whose callee starts from `identifier`, if it is used that way. */
function callWithRoot(identifier: ts.Identifier): ts.CallExpression | undefined {
  let node: ts.Node = identifier;
  for (;;) {
    const parent = node.parent;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) node = parent;
    else if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent)) node = parent;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === node) node = parent;
    else return ts.isCallExpression(parent) && parent.expression === node && calleeRoot(parent.expression) === identifier ? parent : undefined;
  }
}

/** A top-level import, or a variable statement of one declaration whose value comes from a module. */
function declaringStatement(declaration: ts.Node): ts.Statement | undefined {
  let node: ts.Node | undefined = declaration;
  while (node && !ts.isImportDeclaration(node) && !ts.isVariableStatement(node)) node = node.parent;
  if (!node || !ts.isSourceFile(node.parent)) return undefined;
  if (ts.isImportDeclaration(node)) return node;
  const [only, ...more] = node.declarationList.declarations;
  if (!only || more.length > 0 || !only.initializer || !resolveModuleRef(only.initializer)) return undefined;
  return node;
}

function declaredNames(statement: ts.Statement): Set<string> {
  const names = new Set<string>();
  const collect = (node: ts.Node): void => {
    if ((ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node)) && node.name) names.add(node.name.text);
    if ((ts.isVariableDeclaration(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) names.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(statement);
  return names;
}

/** An identifier that names a binding (not a property name, not a declaration's own name). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  return true;
}

function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** Which of `names` are read as properties of the variable the call's result is stored in (`f.keys()`). */
export function usedHelpers(call: ts.CallExpression, names: readonly string[]): string[] {
  const parent = call.parent;
  if (!ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name)) return [];
  const variable = parent.name.text;
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === variable && names.includes(node.name.text)) {
      used.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(call.getSourceFile());
  return [...used];
}

/** `option: "json"` → "json". */
export function stringOption(options: ts.ObjectLiteralExpression | undefined, name: string): string | undefined {
  const value = options && optionValue(options, name);
  if (value?.kind !== "expression") return undefined;
  return ts.isStringLiteralLike(value.node) ? value.node.text : undefined;
}
