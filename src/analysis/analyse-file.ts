import ts from "../typescript.cts";
import { applyAsyncVerdict } from "./async-split/analyse-async.ts";
import { applyDecoratorAsyncVerdict } from "./async-split/decorator-split.ts";
import { unlessBoundedByConstruction } from "./bounded-keys.ts";
import { codeMessage } from "./codes.ts";
import { siteDirectives } from "./directives.ts";
import type { CallContext, LibraryAdapter } from "./libraries/adapter.ts";
import { LIBRARY_ADAPTERS, prefilterFacts, type PrefilterFacts } from "./libraries/index.ts";
import { objectKeyFindings } from "./libraries/object-key.ts";
import { functionNode, memoizedFunctionFacts, returnsPlainValue } from "./memoized-function.ts";
import { analyseModuleCaches } from "./module-cache/analyse.ts";
import { analyseInstanceCaches } from "./instance-cache/analyse.ts";
import { isTypeOnly, requiredModule, resolveModuleRef, skipWrappers } from "./module-ref.ts";
import type { VersionLookup } from "./installed-version.ts";
import type { Site } from "./site.ts";
import type { SitePolicy } from "./site-policy.ts";
import { NO_TYPE_FACTS, type TypeFacts } from "./types/type-facts.ts";

export interface AnalyseOptions {
  /** Bound written into rewritten caches. */
  max: number;
  /**
   * The installed version of a library for a file, asked only for sites whose rewrite depends on
   * it. The Analyser reads node_modules, lockfiles and package.json when none is given.
   */
  versionOf?: VersionLookup;
  /**
   * The bound for one file (config `overrides`), or for one library's sites in it (config
   * `libraries`), when it is not `max`; the Analyser applies it.
   */
  maxFor?: (file: string, library?: string) => number | undefined;
  /** The bound of a library's sites in the file being analysed; the Analyser sets it from `maxFor`. */
  maxOfLibrary?: (library: string) => number;
  /** What may be rewritten in a file (config `transforms`/`libraries`, --transforms); the Analyser applies it. */
  policyFor?: (file: string) => SitePolicy;
  /** false: split-async does not run, so async sites keep the library's plain bound; the Analyser sets it from `policyFor`. */
  splitAsync?: boolean;
  /** Ask the type checker where a verdict or finding needs it (default true); false keeps the pass syntactic. */
  typeFacts?: boolean;
  /** Above this many characters of project files a file imports, its type answers come from partial programs (src/analysis/types/typed-projects.ts). */
  wholeProgramLimit?: number;
  /** Told every file's sites with the text they were found in (a baseline marks its sites); the Analyser calls it. */
  annotateSites?: (file: string, text: string, sites: Site[]) => void;
  /**
   * Run every part of the analysis on every file, also those the prefilter's findings rule out
   * (no library imported: no memoizer calls, decorators or instance caches; no empty store written
   * through: no module caches). Tests set it to check the prefilter against the analysis.
   */
  exhaustive?: boolean;
}

export { DEFAULT_MAX } from "./default-max.ts";

/** Every memoization site of one parsed file, with its verdict. */
export function analyseSourceFile(sourceFile: ts.SourceFile, file: string, options: AnalyseOptions, types: TypeFacts = NO_TYPE_FACTS): Site[] {
  const parts = options.exhaustive ? EVERY_PART : prefilterFacts(sourceFile.text);
  const sites = parts.importsLibrary ? memoizerCallSites(sourceFile, file, options, types) : [];
  if (parts.mayHoldModuleCache) sites.push(...analyseModuleCaches(sourceFile, file, options, types));
  if (parts.importsLibrary) {
    for (const site of analyseInstanceCaches(sourceFile, file, options.maxOfLibrary ?? (() => options.max), sites)) {
      if (site.kind === "decorator") applyDecoratorAsyncVerdict(site, sourceFile, types, options.splitAsync !== false);
      sites.push(site);
    }
  }
  return sites.sort((a, b) => a.start - b.start);
}

const EVERY_PART: PrefilterFacts = { importsLibrary: true, mayHoldModuleCache: true };

/** The calls of a library's memoizers. */
function memoizerCallSites(sourceFile: ts.SourceFile, file: string, options: AnalyseOptions, types: TypeFacts): Site[] {
  const { names, calls } = namesBoundToLibraries(sourceFile);
  const sites: Site[] = [];
  for (const call of calls) {
    if (!mayBeMemoizerCall(call, names)) continue;
    const site = analyseCall(sourceFile, file, call, options, types);
    if (site) sites.push(site);
  }
  return sites;
}

function analyseCall(sourceFile: ts.SourceFile, file: string, call: ts.CallExpression, options: AnalyseOptions, types: TypeFacts): Site | undefined {
  const ref = resolveModuleRef(call.expression);
  if (!ref) return undefined;
  const adapter = LIBRARY_ADAPTERS.find((candidate) => candidate.isMemoizer(ref));
  if (!adapter) return undefined;

  const directives = siteDirectives(sourceFile, call);
  const max = directives.max ?? options.maxOfLibrary?.(adapter.id) ?? options.max;
  const returnsPromise = isPromiseReturning(call.arguments[0], types);
  const declared = memoizedFunctionFacts(call.arguments[0]);
  const firstArgument = declared && returnsPromise && !declared.async ? { ...declared, async: true } : declared;
  const versionOf = (library: string) => options.versionOf?.(library, file);
  const context: CallContext = { call, ref, sourceFile, fn: firstArgument, max, versionOf, types };
  const verdict = unlessBoundedByConstruction(adapter, context, adapter.analyse(context));
  const objectKeys = adapter.identityKeyParts ? objectKeyFindings(adapter.identityKeyParts(context)) : [];
  const fn = verdict.fn ?? firstArgument;
  const start = call.getStart(sourceFile);
  const position = sourceFile.getLineAndCharacterOfPosition(start);
  const site: Site = {
    file,
    start,
    end: call.end,
    line: position.line + 1,
    column: position.character + 1,
    kind: "memoize-call",
    library: adapter.id,
    module: ref.module,
    callee: call.expression.getText(sourceFile),
    name: memoizedName(call),
    arity: fn?.arity,
    async: fn?.async ?? returnsPromise,
    bounded: verdict.bounded,
    max: verdict.max,
    code: verdict.code,
    message: codeMessage(verdict.code, verdict.detail),
    verdict: verdict.verdict,
    findings: [...verdict.findings, ...objectKeys],
  };
  if (verdict.verdict === "rewrite") {
    if (directives.ignore) {
      return { ...site, verdict: "skip", code: "MC901", message: `${codeMessage("MC901")}; ${site.message}` };
    }
    site.transform = verdict.transform ?? "bound-memoize";
    site.plan = verdict.plan;
    site.needsLruCache = verdict.needsLruCache ?? false;
  }
  applyAsyncVerdict(site, context, adapter, options.splitAsync !== false);
  return site;
}

/** Declared `async`, or typed as returning a promise or thenable (`.then` chains, another async call). */
function isPromiseReturning(argument: ts.Expression | undefined, types: TypeFacts): boolean {
  if (!argument) return false;
  const fn = skipWrappers(argument);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0) return true;
  const declared = functionNode(argument);
  if (declared && returnsPlainValue(declared)) return false;
  return types.functionOf(argument)?.returnsPromise === true;
}

/** Cheap test before resolving: the callee's root must be `require(...)` or a name bound to a library. */
function mayBeMemoizerCall(call: ts.CallExpression, candidateNames: ReadonlySet<string>): boolean {
  let root: ts.Expression = skipWrappers(call.expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipWrappers(root.expression);
    else if (ts.isCallExpression(root) && root.arguments.length === 1) {
      if (requiredModule(root) !== undefined) return true;
      root = skipWrappers(root.arguments[0]!);
    } else break;
  }
  return ts.isIdentifier(root) && candidateNames.has(root.text);
}

/**
 * Names declared anywhere in the file whose initializer or import mentions a library module, and
 * names declared from those (aliases such as `const m = _.memoize`); and the file's calls, in
 * source order, met in the same walk.
 */
function namesBoundToLibraries(sourceFile: ts.SourceFile): { names: Set<string>; calls: ts.CallExpression[] } {
  const names = new Set<string>();
  const aliases: Array<{ name: string; initializer: ts.Expression }> = [];
  // Every call of the file, in the same walk: the names are known only once it is over.
  const calls: ts.CallExpression[] = [];
  const isLibraryModule = (module: string) => LIBRARY_ADAPTERS.some((adapter: LibraryAdapter) => adapter.isLibraryModule(module));

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier) && isLibraryModule(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      if (clause && isTypeOnly(clause)) return;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) names.add(element.name.text);
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      names.add(node.name.text);
      return;
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      aliases.push(...declaredNames(node.name).map((name) => ({ name, initializer: node.initializer! })));
    }
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  const mentionsLibrary = (expression: ts.Expression): boolean => {
    let found = false;
    const look = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node)) {
        const module = requiredModule(node);
        if (module !== undefined && isLibraryModule(module)) found = true;
      }
      if (ts.isIdentifier(node) && names.has(node.text)) found = true;
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, look);
    };
    look(expression);
    return found;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const alias of aliases) {
      if (!names.has(alias.name) && mentionsLibrary(alias.initializer)) {
        names.add(alias.name);
        grew = true;
      }
    }
  }
  return { names, calls };
}

function declaredNames(binding: ts.BindingName): string[] {
  if (ts.isIdentifier(binding)) return [binding.text];
  return binding.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : declaredNames(element.name)));
}

/** The variable, property or field the memoized function is stored in, for the report. */
function memoizedName(call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    (ts.isCallExpression(node.parent) && node.parent.arguments[0] === node && node.parent.expression.getText() === "Object.assign") ||
    // A curried memoizer, `memoizerific(100)(fn)`: the name is that of the outer call's result.
    (ts.isCallExpression(node.parent) && node.parent.expression === node)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText();
  }
  if (ts.isBinaryExpression(parent) && parent.right === node) return parent.left.getText();
  return undefined;
}
