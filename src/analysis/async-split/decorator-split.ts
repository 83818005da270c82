import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import type { Site } from "../site.ts";
import type { TypeFacts } from "../types/type-facts.ts";
import { returnsPromise } from "./async-function.ts";
import { findCore } from "./core.ts";
import { freshName, placementOf } from "./placement.ts";
import { coreCallText, coreDeclaration } from "./split-plan.ts";
import { asyncTypes } from "./type-view.ts";
import { TRANSFORM_NAME } from "./transform-name.ts";

/**
 * Decorator libraries that also memoize a plain function: the core of a decorated async method is
 * memoized with that function (bounded by bound-memoize next, through an LRUCache), keyed as the
 * decorator keyed.
 */
const FUNCTION_FORMS: Record<string, { module: string; name: string; keys: "first-argument" | "all-arguments" }> = {
  mem: { module: "mem", name: "mem", keys: "first-argument" },
  memoize: { module: "memoize", name: "memoize", keys: "first-argument" },
};

/**
 * A decorated async method (a site of share-instance-cache) gets the same verdicts as a memoizer
 * call: split, when its library has a function memoizer and its body a sound core (the decorator
 * goes; the core is memoized at module level, shared by every instance, since it reads no `this`);
 * left to share-instance-cache otherwise, with the reason.
 */
export function applyDecoratorAsyncVerdict(site: Site, sourceFile: ts.SourceFile, facts: TypeFacts, splitAsync = true): void {
  const decorator = decoratorAt(sourceFile, site.start);
  const member = decorator?.parent;
  const types = asyncTypes(facts);
  if (!member || !ts.isMethodDeclaration(member) || !member.body) {
    if (site.async) site.asyncVerdict = { verdict: "left", reason: "not split: only a decorated method is split" };
    return;
  }
  if (!site.async && !returnsPromise(member, types)) return;
  site.async = true;
  if (site.verdict !== "rewrite") {
    site.asyncVerdict = { verdict: "left", reason: `left as it is (${site.code})` };
    return;
  }
  if (!site.findings.some((finding) => finding.code === "MC201")) {
    site.asyncVerdict = { verdict: "fallback", reason: `${site.library} drops a rejected promise itself: its store only needs a bound` };
    return;
  }
  const left = (reason: string) => {
    site.asyncVerdict = { verdict: "left", reason: `not split: ${reason}` };
    const finding = site.findings.find((candidate) => candidate.code === "MC201")!;
    finding.message = codeMessage("MC201", site.asyncVerdict.reason);
  };
  if (!splitAsync) return left("split-async is not selected");

  const form = FUNCTION_FORMS[site.library];
  if (!form) return left(`${site.library} has no memoizer for a plain function to hold the core`);
  if (member.parameters.some((parameter) => !parameter.type)) return left("its parameters have no types");
  const placement = placementOf(sourceFile, member);
  const callee = placement && memoizerBinding(sourceFile, form.module);
  if (!placement || !callee) return left("the file is not an ES module that can import the memoizer");
  const search = findCore(member, { types, insertionPoint: placement.statement, firstArgumentOnly: form.keys === "first-argument", library: site.library, typed: placement.typed });
  if (!search.found) return left(search.cause);

  const coreName = freshName(sourceFile, `${site.name ?? "memoized"}`, "Core");
  const name = callee.kind === "existing" ? callee.name : freshName(sourceFile, form.name, "");
  const text = {
    sourceFile,
    fn: member,
    holder: member,
    core: search.core,
    coreName,
    memoizer: { callee: name },
    placement,
    directiveMax: siteDirectives(sourceFile, decorator).max,
  };
  site.code = "MC203";
  site.message = codeMessage("MC203", `core: ${search.core.where}, as ${coreName}(${search.core.inputs.map((input) => input.name).join(", ")}); the decorator goes`);
  site.transform = TRANSFORM_NAME;
  site.needsLruCache = true;
  site.plan = [
    {
      kind: "split-async-method",
      insertAt: placement.insertAt,
      declaration: coreDeclaration(text),
      decorator: lineOf(sourceFile, decorator),
      decoratorBinding: rootName(decorator.expression),
      coreStart: search.core.run.start,
      coreEnd: search.core.run.end,
      coreCall: coreCallText(text),
      defaultImport: callee.kind === "missing" ? { module: form.module, name } : undefined,
    },
  ];
  site.findings = site.findings.filter((finding) => finding.code !== "MC201");
  site.asyncVerdict = { verdict: "split", reason: `${search.core.where} is memoized as \`${coreName}\`; the method is no longer memoized: its I/O runs on every call and its errors are never cached` };
}

function decoratorAt(sourceFile: ts.SourceFile, start: number): ts.Decorator | undefined {
  let found: ts.Decorator | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end <= start || node.pos > start) return;
    if (ts.isDecorator(node) && node.getStart(sourceFile) === start) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The decorator's text, with its line when it stands on one of its own. */
function lineOf(sourceFile: ts.SourceFile, decorator: ts.Decorator): { start: number; end: number } {
  const text = sourceFile.text;
  const start = decorator.getStart(sourceFile);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const rest = /^[ \t]*(\r?\n)?/.exec(text.slice(decorator.end))!;
  if (text.slice(lineStart, start).trim() === "" && rest[1]) return { start: lineStart, end: decorator.end + rest[0].length };
  return { start, end: decorator.end + rest[0].length };
}

function rootName(expression: ts.Expression): string {
  let node = ts.isCallExpression(expression) ? expression.expression : expression;
  while (ts.isPropertyAccessExpression(node)) node = node.expression;
  return node.getText();
}

/** The local name of the module's default export (`memoize`, `M.default`), or that an import must be added (ESM only). */
function memoizerBinding(sourceFile: ts.SourceFile, module: string): { kind: "existing"; name: string } | { kind: "missing" } | undefined {
  let esm = false;
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    esm = true;
    if (!ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== module || statement.importClause?.isTypeOnly) continue;
    const clause = statement.importClause;
    if (clause?.name) return { kind: "existing", name: clause.name.text };
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return { kind: "existing", name: `${bindings.name.text}.default` };
  }
  return esm && !/\.c[jt]s$/.test(sourceFile.fileName) ? { kind: "missing" } : undefined;
}
