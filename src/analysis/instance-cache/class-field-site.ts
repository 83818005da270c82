import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import { skipWrappers } from "../module-ref.ts";
import { findDeclaration } from "../scope.ts";
import type { Site } from "../site.ts";
import { classContext, isStaticMember, memberNameText } from "./class-context.ts";
import { eagerEvaluationBlocker } from "./eager-references.ts";
import { hasMultilineLiteral } from "./multiline-literals.ts";
import { FileNames, joinedName } from "./names.ts";
import { SHARE_INSTANCE_CACHE, type ShareClassFieldPlan } from "./plan.ts";
import { functionReadsThis, mentionsReceiver } from "./reads-this.ts";

/**
 * The memoizer call a class field is initialised with: `compute = memoize(fn)`, or the same call
 * bound by bound-memoize (`Object.assign(memoize(fn), { cache })`, options inside the call).
 */
export function fieldMemoizerCall(initializer: ts.Expression): ts.CallExpression | undefined {
  const node = skipWrappers(initializer);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const isObjectAssign = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text === "assign";
  if (isObjectAssign && node.arguments[0]) {
    const inner = skipWrappers(node.arguments[0]);
    return ts.isCallExpression(inner) ? inner : undefined;
  }
  return node;
}

/** The function a memoizer memoizes, when it is written inline or declared in this file. */
export function memoizedFunctionNode(argument: ts.Expression | undefined): ts.SignatureDeclaration | undefined {
  if (!argument) return undefined;
  const node = skipWrappers(argument);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node);
  if (declaration && ts.isFunctionDeclaration(declaration)) return declaration;
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const initializer = skipWrappers(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}

/** Does the memoized function, or anything around it in the call, read the instance? */
export function callReadsThis(call: ts.CallExpression, initializer: ts.Expression): boolean | undefined {
  if (mentionsReceiver(initializer)) return true;
  const fn = memoizedFunctionNode(call.arguments[0]);
  if (!fn) return undefined;
  // A `function` reads the receiver the memoizer passes on: the instance the field is called on.
  return ts.isArrowFunction(fn) ? false : functionReadsThis(fn);
}

/**
 * An instance field holding a memoized function that does not read `this` makes one cache per
 * instance for a function whose results do not depend on the instance: the call moves to one
 * constant before the class, so that every instance shares one (bounded) cache.
 */
export function classFieldSite(field: ts.PropertyDeclaration, memoizeSite: Site, sourceFile: ts.SourceFile, names: FileNames): Site | undefined {
  const initializer = field.initializer;
  if (!initializer || isStaticMember(field) || memoizeSite.verdict === "skip") return undefined;
  // Bounded by construction (one entry, or a few, per instance, as a decorated method without
  // arguments is: MC310): left as it is.
  if (memoizeSite.code === "MC125" || memoizeSite.code === "MC126") return undefined;
  const call = fieldMemoizerCall(initializer);
  if (!call || callReadsThis(call, initializer) !== false) return undefined;
  const classNode = field.parent as ts.ClassLikeDeclaration;
  const where = classContext(classNode, sourceFile);
  const fieldName = memberNameText(field.name) ?? field.name.getText(sourceFile);
  const site: Site = {
    ...memoizeSite,
    kind: "class-field",
    name: [where?.name, fieldName].filter(Boolean).join("."),
    code: "MC301",
    message: codeMessage("MC301", "class field"),
    findings: [],
    usesThis: false,
    plan: undefined,
    transform: undefined,
    needsLruCache: false,
  };
  const blocked = blocker(field, classNode, call, initializer, where?.insertAt);
  if (blocked || !where) {
    return { ...site, verdict: "skip", code: "MC321", message: `${codeMessage("MC321", blocked ?? "the class is not in a statement list")}; ${site.message}` };
  }
  if (siteDirectives(sourceFile, field).ignore) return { ...site, verdict: "skip", code: "MC901", message: `${codeMessage("MC901")}; ${site.message}` };
  const plan: ShareClassFieldPlan = {
    kind: "share-class-field",
    initializerStart: initializer.getStart(sourceFile),
    initializerEnd: initializer.end,
    constName: names.fresh(joinedName(where.name, fieldName.replace(/^#/, ""))),
    constAt: where.insertAt,
    reindent: !hasMultilineLiteral(initializer, sourceFile),
  };
  return { ...site, verdict: "rewrite", transform: SHARE_INSTANCE_CACHE, plan: [plan] };
}

function blocker(field: ts.PropertyDeclaration, classNode: ts.ClassLikeDeclaration, call: ts.CallExpression, initializer: ts.Expression, insertAt: number | undefined): string | undefined {
  if (insertAt === undefined) return undefined;
  const typeParameters = new Set((classNode.typeParameters ?? []).map((parameter) => parameter.name.text));
  if (typeParameters.size > 0 && mentionsName(initializer, typeParameters)) return "the initializer uses the class's type parameters";
  if (ts.getModifiers(field)?.some((modifier) => modifier.kind === ts.SyntaxKind.AccessorKeyword)) return "an accessor field";
  const allowed = new Set<ts.Node>([call]);
  const outer = skipWrappers(initializer);
  if (outer !== call) allowed.add(outer);
  return eagerEvaluationBlocker(initializer, allowed, insertAt);
}

function mentionsName(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node) && names.has(node.text)) return true;
  return ts.forEachChild(node, (child) => mentionsName(child, names)) ?? false;
}
