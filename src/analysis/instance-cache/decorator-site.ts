import ts from "../../typescript.cts";
import { codeMessage, type Code } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import type { KeyFinding, Site } from "../site.ts";
import { classContext, memberNamed, type ClassContext } from "./class-context.ts";
import { overrideFacts } from "./class-hierarchy.ts";
import type { DecoratorLibrary } from "./decorator-libraries.ts";
import { decoratorMode, type DecoratorMode } from "./decorator-mode.ts";
import type { DecoratorConfig } from "./decorator-options.ts";
import { memberPlan, type MemberPlanContext } from "./member-plan.ts";
import { firstParameterMayBeNullish, memberShape, type MemberShape } from "./member-shape.ts";
import type { MemoDecorators } from "./memo-decorator.ts";
import { SHARE_INSTANCE_CACHE, type CacheKey, type MemoizeMemberPlan } from "./plan.ts";
import { functionReadsThis } from "./reads-this.ts";

export interface DecoratorSiteContext extends MemberPlanContext {
  file: string;
}

/**
 * The verdict on a memoized method or getter (memo-libs.md §3): a per-instance store for a function
 * that does not read `this` is waste (one shared bounded store instead); a shared store for one that
 * does is wrong (each instance gets its own bounded store, held weakly); per-instance stores are
 * bounded per instance. Libraries with no bound of their own are migrated to lru-cache used directly.
 */
export function decoratorSite(member: ts.ClassElement, found: MemoDecorators, context: DecoratorSiteContext): Site {
  const { sourceFile } = context;
  const decorator = found.memo[0]!;
  const start = decorator.node.getStart(sourceFile);
  const position = sourceFile.getLineAndCharacterOfPosition(start);
  const classNode = member.parent as ts.ClassLikeDeclaration;
  const where = classContext(classNode, sourceFile);
  const shape = memberShape(member, sourceFile);
  const memberName = "name" in shape ? shape.name : member.name?.getText(sourceFile);
  const usesThis = ts.isFunctionLike(member) ? functionReadsThis(member) : true;
  const verdict = judge(member, found, shape, where, usesThis, context);
  const site: Site = {
    file: context.file,
    start,
    end: decorator.node.end,
    line: position.line + 1,
    column: position.character + 1,
    kind: "decorator",
    library: decorator.library.id,
    module: decorator.module,
    callee: decorator.node.expression.getText(sourceFile),
    name: [where?.name, memberName].filter(Boolean).join("."),
    arity: ts.isFunctionLike(member) ? member.parameters.length : undefined,
    async: "async" in shape ? shape.async : false,
    bounded: verdict.bounded ?? false,
    code: verdict.code,
    message: verdict.message,
    verdict: verdict.verdict,
    findings: verdict.findings ?? [],
    usesThis,
  };
  if (verdict.verdict !== "rewrite") return site;
  if (siteDirectives(sourceFile, decorator.node).ignore) return { ...site, verdict: "skip", code: "MC901", message: `${codeMessage("MC901")}; ${site.message}` };
  return { ...site, transform: SHARE_INSTANCE_CACHE, plan: verdict.plan, needsLruCache: verdict.needsLruCache };
}

interface Verdict {
  code: Code;
  verdict: Site["verdict"];
  message: string;
  bounded?: boolean;
  findings?: KeyFinding[];
  plan?: [MemoizeMemberPlan];
  needsLruCache?: boolean;
}

function judge(
  member: ts.ClassElement,
  found: MemoDecorators,
  shape: MemberShape | { unsupported: string },
  where: ClassContext | undefined,
  usesThis: boolean,
  context: DecoratorSiteContext,
): Verdict {
  const decorator = found.memo[0]!;
  const library = decorator.library;
  const mode = decoratorMode(context.file);
  if (!worksUnder(library, mode)) return skip("MC320", modeDetail(library, mode));
  if (library.oneValue) return none("MC310", `${library.id} keeps one value per instance`);
  const config = library.config(decorator.exportName, decorator.args);
  if (config.kind === "not-literal") return skip("MC902");
  if (config.kind === "store-option") return config.keepsNothing ? none("MC310", config.detail) : skip("MC311", config.detail);
  if ("unsupported" in shape) return skip("MC321", shape.unsupported);
  if (config.kind === "unsupported") return skip("MC321", config.detail);
  if (shape.accessor === "get" && !library.getters) return skip("MC321", `${library.id} does not decorate getters`);

  const hierarchy = where ? overrideFacts(where.node, shape.name, shape.isStatic) : { overridden: false, overrides: "no" as const };
  const hierarchyDetail = hierarchy.overridden
    ? "overridden in a subclass"
    : hierarchy.overrides === "yes"
      ? "overrides a base class method"
      : hierarchy.overrides === "unknown"
        ? "its class extends a class memocap cannot see"
        : undefined;
  const perInstance = usesThis || hierarchyDetail !== undefined;
  const zeroArguments = shape.parameters.length === 0;
  const problem = problemOf(library, config, perInstance, zeroArguments, usesThis, hierarchyDetail);
  if (!problem) return none("MC310", zeroArguments ? "no arguments" : undefined);

  const findings = findingsOf(library, decorator.exportName, config, shape);
  const key: CacheKey = zeroArguments ? { kind: "instance" } : (config.key ?? library.defaultKey);
  const blocked = rewriteBlocker(member, found, shape, where, library, config, key, context);
  if (blocked) return { code: "MC321", verdict: "skip", findings, message: `${codeMessage("MC321", blocked)}; ${codeMessage(problem.code, problem.detail)}` };
  return {
    code: problem.code,
    verdict: "rewrite",
    findings,
    message: codeMessage(problem.code, problem.detail),
    plan: [memberPlan(found, shape, where!, key, perInstance || zeroArguments, config, context)],
    needsLruCache: key.kind !== "instance",
  };
}

function skip(code: Code, detail?: string): Verdict {
  return { code, verdict: "skip", message: codeMessage(code, detail) };
}

function none(code: Code, detail?: string): Verdict {
  return { code, verdict: "none", bounded: true, message: codeMessage(code, detail) };
}

function worksUnder(library: DecoratorLibrary, mode: DecoratorMode): boolean {
  return mode === "unknown" || library.mode === mode;
}

function modeDetail(library: DecoratorLibrary, mode: DecoratorMode): string {
  if (library.mode === "standard") return `${library.id} needs standard decorators; with experimentalDecorators it ${library.id === "memoize" ? "does nothing" : "throws when the class is defined"}`;
  return `${library.id} needs experimentalDecorators; the project compiles ${mode} decorators`;
}

/** What is wrong with the member's cache, or nothing when it is bounded as it is. */
function problemOf(
  library: DecoratorLibrary,
  config: Extract<DecoratorConfig, { kind: "migratable" }>,
  perInstance: boolean,
  zeroArguments: boolean,
  usesThis: boolean,
  hierarchyDetail: string | undefined,
): { code: Code; detail?: string } | undefined {
  if (config.tags) return { code: "MC304", detail: "the tags are dropped: typescript-memoize's clear(tags) no longer empties this cache" };
  if (library.store === "shared") {
    if (perInstance) return { code: "MC302", detail: usesThis ? undefined : hierarchyDetail };
    return zeroArguments ? undefined : { code: "MC305" };
  }
  if (zeroArguments) return undefined;
  if (!perInstance) return { code: "MC301" };
  return { code: "MC303", detail: usesThis ? undefined : `does not read this, but ${hierarchyDetail}: kept per instance` };
}

function findingsOf(library: DecoratorLibrary, exportName: string, config: Extract<DecoratorConfig, { kind: "migratable" }>, shape: MemberShape): KeyFinding[] {
  const findings: KeyFinding[] = [];
  const key = config.key ?? library.defaultKey;
  if ((key.kind === "first-argument" || key.kind === "string-first-argument") && (shape.parameters.length > 1 || shape.parameters.some((parameter) => parameter.rest))) {
    findings.push({ code: "MC404", message: codeMessage("MC404", `${library.id}; the method takes ${shape.parameters.length} parameters`) });
  }
  if (shape.async && !library.evictsRejections(exportName)) findings.push({ code: "MC201", message: codeMessage("MC201") });
  return findings;
}

/** Why the delegate cannot be written safely, if it cannot. */
function rewriteBlocker(
  member: ts.ClassElement,
  found: MemoDecorators,
  shape: MemberShape,
  where: ClassContext | undefined,
  library: DecoratorLibrary,
  config: Extract<DecoratorConfig, { kind: "migratable" }>,
  key: CacheKey,
  context: DecoratorSiteContext,
): string | undefined {
  const classNode = member.parent as ts.ClassLikeDeclaration;
  // Another decorator would stay on the renamed body: it would run on cache misses only, under another name.
  if (found.others > 0 || found.memo.length > 1) return "the member has other decorators";
  if (!where) return "the class is not in a statement list";
  if (context.typed && !where.name) return "the class has no name to type the cache with";
  if (context.typed && where.generic) return "the class is generic";
  if (memberNamed(classNode, shape.name, shape.isStatic).filter((other) => ts.isMethodDeclaration(other)).length > 1) return "the method is overloaded";
  if (memberNamed(classNode, `${shape.name}Uncached`, shape.isStatic).length > 0) return `the class already has a member ${shape.name}Uncached`;
  const text = context.sourceFile.text;
  const usedClear = library.clearFunctions.find((name) => new RegExp(`\\b${name}\\s*\\(`).test(text));
  if (usedClear) return `${usedClear}() is used in this file and needs the library's cache`;
  if (new RegExp(`\\.${shape.name}\\.(cache|clear)\\b`).test(text)) return `the memoized method's own cache is used (.${shape.name}.cache)`;
  const parameterNames = new Set(shape.parameters.map((parameter) => parameter.name));
  if (config.key?.kind === "key-function") {
    const keyText = config.key.text;
    const root = keyText.split(/[.(]/)[0]!;
    if (!config.key.inline && parameterNames.has(root)) return `a parameter shadows the key function ${root}`;
    if (config.key.inline && shape.parameters.some((parameter) => new RegExp(`\\b${parameter.name}\\b`).test(keyText) && !declaresOwnParameter(keyText, parameter.name))) {
      return "the key function uses a name a parameter shadows";
    }
  }
  if (config.ttl && shape.parameters.length === 0) return "an expiry on a member without arguments";
  if (shape.parameters.length > 0 && shape.parameters[0]!.rest) return "the first parameter is a rest parameter";
  if (key.kind === "first-argument" && context.typed && firstParameterMayBeNullish(member as ts.MethodDeclaration)) {
    return "the first parameter, the key, can be undefined or null, which LRUCache's types refuse";
  }
  return undefined;
}

function declaresOwnParameter(arrowText: string, name: string): boolean {
  const head = arrowText.slice(0, arrowText.indexOf("=>"));
  return new RegExp(`\\b${name}\\b`).test(head);
}

