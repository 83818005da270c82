import ts from "../../typescript.cts";
import { codeMessage } from "../codes.ts";
import { isNameUsed } from "../identifiers.ts";
import { memoizedFunctionFacts } from "../memoized-function.ts";
import { requiredModule, resolveModuleRef, skipWrappers } from "../module-ref.ts";
import { optionValue } from "../options-object.ts";
import { findDeclaration } from "../scope.ts";
import type { RewritePlan } from "../site.ts";
import { withoutDefault, type AdapterVerdict, type CallContext, type LibraryAdapter } from "./adapter.ts";
import { sizeOption } from "./size-option.ts";

const RESELECT = "reselect";
const MEMOIZERS = new Set(["createSelector", "createSelectorCreator", "weakMapMemoize", "lruMemoize"]);

/**
 * reselect 5: `createSelector(...inputs, resultFn, options?)`, `createSelectorCreator(options | memoize,
 * ...memoizeOptions)`, and the memoizers themselves. A selector has two caches, `memoize` (of the result
 * function) and `argsMemoize` (of the selector's arguments), both `weakMapMemoize` by default: object
 * arguments sit in WeakMaps, but every distinct primitive argument is kept forever. From 5.3,
 * `maxSize` bounds weakMapMemoize (by generations: up to 2 × maxSize results, so memocap writes
 * max / 2); before 5.3 it is silently ignored, and the bound is `lruMemoize` with `maxSize` (exact LRU).
 * reselect 4 memoized the last call only.
 */
export const reselect: LibraryAdapter = {
  id: RESELECT,
  prefilter: /reselect/,
  isLibraryModule: (module) => module === RESELECT,
  isMemoizer(ref) {
    const path = withoutDefault(ref.path);
    return ref.module === RESELECT && path.length === 1 && MEMOIZERS.has(path[0]!);
  },
  analyse: analyseReselect,
};

interface Installed {
  major: number;
  /** weakMapMemoize reads `maxSize` (5.3 and later). */
  weakMapMaxSize: boolean;
  described: string;
}

const PARTS = [
  { memoizer: "memoize", options: "memoizeOptions" },
  { memoizer: "argsMemoize", options: "argsMemoizeOptions" },
] as const;
type Part = (typeof PARTS)[number];

type Memoizer = "weakMap" | "lru" | "other";

/** One of a selector's two caches. */
type PartState =
  | { kind: "bounded"; detail: string }
  /** weakMapMemoize with no bound it reads; `ignoredMaxSize`: a maxSize it ignores (`memoizeOptions.maxSize 100`), which lruMemoize would honour. */
  | { kind: "unbounded"; detail: string; ignoredMaxSize?: string }
  | { kind: "unreadable"; detail: string };

type OptionEntry = Extract<RewritePlan, { kind: "set-options" }>["options"][number];

function analyseReselect(context: CallContext): AdapterVerdict {
  const name = withoutDefault(context.ref.path)[0]!;
  const installed = installedReselect(context);
  if (installed.major < 5) {
    return { bounded: true, max: 1, code: "MC112", detail: `${installed.described} memoizes the last call`, verdict: "none", findings: [] };
  }
  switch (name) {
    case "lruMemoize":
      return analyseLruMemoize(context.call);
    case "weakMapMemoize":
      return analyseWeakMapMemoize(context, installed);
    case "createSelectorCreator":
      return analyseSelectorCreator(context, installed);
    default:
      return analyseCreateSelector(context, installed);
  }
}

function installedReselect({ versionOf }: CallContext): Installed {
  const installed = versionOf(RESELECT);
  if (!installed) return { major: 5, weakMapMaxSize: false, described: "reselect version not found, written for any 5.x" };
  const weakMapMaxSize = installed.major > 5 || (installed.major === 5 && installed.minor >= 3);
  return { major: installed.major, weakMapMaxSize, described: `reselect ${installed.version} (${installed.source})` };
}

function analyseLruMemoize(call: ts.CallExpression): AdapterVerdict {
  const size = sizeOption(call.arguments[1], "maxSize", () => true);
  if (size.kind === "bounded") return { bounded: true, max: size.max, code: "MC110", detail: `lruMemoize maxSize ${size.max}`, verdict: "none", findings: [] };
  if (size.kind === "expression") return { bounded: true, code: "MC110", detail: `lruMemoize maxSize ${size.text}`, verdict: "none", findings: [] };
  return { bounded: true, max: 1, code: "MC112", detail: "lruMemoize keeps one result unless maxSize says more", verdict: "none", findings: [] };
}

function analyseWeakMapMemoize(context: CallContext, installed: Installed): AdapterVerdict {
  const { call, max } = context;
  const options = call.arguments[1];
  if (options && !ts.isObjectLiteralExpression(skipWrappers(options))) {
    return { bounded: false, code: "MC902", verdict: "skip", findings: [] };
  }
  const state = weakMapState(options && (skipWrappers(options) as ts.ObjectLiteralExpression), "weakMapMemoize", installed);
  if (state.kind !== "unbounded") return partVerdict([state], installed);
  if (installed.weakMapMaxSize) {
    const plan: RewritePlan = { kind: "set-options", argIndex: 1, options: [{ name: "maxSize", value: String(generationSize(max)) }] };
    return rewrite([state], installed, [plan]);
  }
  const lru = lruMemoizeReference(call, context.sourceFile);
  if (!lru) return { bounded: false, code: "MC906", detail: lruUnavailable, verdict: "skip", findings: [] };
  const plan: RewritePlan[] = [...lru.plan, { kind: "replace-callee", text: lru.text }];
  if (!state.ignoredMaxSize) plan.push({ kind: "set-options", argIndex: 1, options: [{ name: "maxSize", value: String(max) }] });
  return rewrite([state], installed, plan);
}

function analyseCreateSelector(context: CallContext, installed: Installed): AdapterVerdict {
  const located = selectorOptions(context.call);
  const fn = memoizedFunctionFacts(located.resultFunction);
  if ("unreadable" in located) return { bounded: false, code: "MC902", detail: located.unreadable, verdict: "skip", findings: [], fn };
  const states = PARTS.map((part) => partState(located.literal, part, memoizerOption(located.literal, part, "weakMap"), installed));
  return { ...selectorVerdict(context, installed, states, located.index), fn };
}

function analyseSelectorCreator(context: CallContext, installed: Installed): AdapterVerdict {
  const { call, max } = context;
  const [first, ...rest] = call.arguments;
  if (!first) return { bounded: false, code: "MC902", detail: "createSelectorCreator without a memoizer", verdict: "skip", findings: [] };
  const node = skipWrappers(first);
  if (ts.isObjectLiteralExpression(node)) {
    const states = PARTS.map((part) => partState(node, part, memoizerOption(node, part, "weakMap"), installed));
    return selectorVerdict(context, installed, states, 0);
  }
  // `createSelectorCreator(memoize, ...memoizeOptions)`: its argsMemoize is the default weakMapMemoize.
  const states = [partState(undefined, PARTS[0], memoizerKind(first), installed), partState(undefined, PARTS[1], "weakMap", installed)];
  const unbounded = unboundedParts(states);
  if (states.some((state) => state.kind === "unreadable") || unbounded.length === 0) return partVerdict(states, installed);
  if (unbounded.includes(PARTS[0]) && rest.length > 0) {
    return { bounded: false, code: "MC906", detail: "weakMapMemoize with positional memoize options: write createSelectorCreator({ memoize, memoizeOptions })", verdict: "skip", findings: [] };
  }
  const bound = boundEntries(unbounded, states, installed, max, call, context.sourceFile);
  if (!bound) return { bounded: false, code: "MC906", detail: lruUnavailable, verdict: "skip", findings: [] };
  const positional: OptionEntry[] = [
    { name: "memoize", value: first.getText() },
    ...(rest.length > 0 ? [{ name: "memoizeOptions", value: `[${rest.map((argument) => argument.getText()).join(", ")}]` }] : []),
  ];
  const replaced = (entry: OptionEntry) => bound.entries.some((other) => other.within === undefined && other.name === entry.name);
  const entries = [...positional.filter((entry) => !replaced(entry)), ...bound.entries];
  const last = call.arguments[call.arguments.length - 1]!;
  const plan: RewritePlan[] = [...bound.plan, { kind: "replace-text", start: first.getStart(), end: last.end, text: objectText(entries) }];
  return rewrite(states, installed, plan);
}

/** The verdict for a selector (or selector creator) whose options object is argument `argIndex`. */
function selectorVerdict(context: CallContext, installed: Installed, states: PartState[], argIndex: number): AdapterVerdict {
  const unbounded = unboundedParts(states);
  if (states.some((state) => state.kind === "unreadable") || unbounded.length === 0) return partVerdict(states, installed);
  const bound = boundEntries(unbounded, states, installed, context.max, context.call, context.sourceFile);
  if (!bound) return { bounded: false, code: "MC906", detail: lruUnavailable, verdict: "skip", findings: [] };
  return rewrite(states, installed, [...bound.plan, { kind: "set-options", argIndex, options: bound.entries }]);
}

/** The options that bound the unbounded parts, for the installed reselect, and the plan that makes lruMemoize available. */
function boundEntries(
  unbounded: Part[],
  states: PartState[],
  installed: Installed,
  max: number,
  call: ts.CallExpression,
  sourceFile: ts.SourceFile,
): { entries: OptionEntry[]; plan: RewritePlan[] } | undefined {
  if (installed.weakMapMaxSize) {
    return { entries: unbounded.map((part) => ({ within: part.options, name: "maxSize", value: String(generationSize(max)) })), plan: [] };
  }
  const lru = lruMemoizeReference(call, sourceFile);
  if (!lru) return undefined;
  const entries = unbounded.flatMap((part): OptionEntry[] => {
    const state = states[PARTS.indexOf(part)];
    const keepsSize = state?.kind === "unbounded" && state.ignoredMaxSize !== undefined;
    return [{ name: part.memoizer, value: lru.text }, ...(keepsSize ? [] : [{ within: part.options, name: "maxSize", value: String(max) }])];
  });
  return { entries, plan: lru.plan };
}

function rewrite(states: PartState[], installed: Installed, plan: RewritePlan[]): AdapterVerdict {
  const how = installed.weakMapMaxSize
    ? "maxSize is max / 2: weakMapMemoize keeps up to two generations"
    : "lruMemoize with maxSize: weakMapMemoize reads maxSize from reselect 5.3";
  const detail = [...states.flatMap((state) => (state.kind === "unbounded" ? [state.detail] : [])), installed.described, how].join("; ");
  const findings = states.flatMap((state) =>
    state.kind === "unbounded" && state.ignoredMaxSize !== undefined
      ? [{ code: "MC430", message: codeMessage("MC430", `${installed.described} ignores ${state.ignoredMaxSize}: weakMapMemoize reads maxSize from 5.3 on`) }]
      : [],
  );
  return { bounded: false, code: "MC114", detail, verdict: "rewrite", plan, findings };
}

/** Bounded or unreadable: nothing to rewrite. */
function partVerdict(states: PartState[], installed: Installed): AdapterVerdict {
  const unreadable = states.find((state) => state.kind === "unreadable");
  if (unreadable) return { bounded: false, code: "MC902", detail: unreadable.detail, verdict: "skip", findings: [] };
  return { bounded: true, code: "MC110", detail: [...states.map((state) => state.detail), installed.described].join("; "), verdict: "none", findings: [] };
}

function unboundedParts(states: PartState[]): Part[] {
  return PARTS.filter((_, index) => states[index]?.kind === "unbounded");
}

function partState(options: ts.ObjectLiteralExpression | undefined, part: Part, memoizer: Memoizer | "unreadable", installed: Installed): PartState {
  if (memoizer === "unreadable") return { kind: "unreadable", detail: `spread options may set ${part.memoizer}` };
  if (memoizer === "lru") return { kind: "bounded", detail: `${part.memoizer}: lruMemoize` };
  if (memoizer === "other") return { kind: "bounded", detail: `${part.memoizer}: a memoizer memocap does not judge` };
  const value = options && optionValue(options, part.options);
  if (value?.kind === "absent" && value.hasSpread) return { kind: "unreadable", detail: `spread options may set ${part.options}` };
  const nested = value?.kind === "expression" ? skipWrappers(value.node) : undefined;
  if (value && value.kind !== "absent" && !(nested && ts.isObjectLiteralExpression(nested))) {
    return { kind: "unreadable", detail: `${part.options} is not an object literal` };
  }
  return weakMapState(nested as ts.ObjectLiteralExpression | undefined, `${part.memoizer} (weakMapMemoize)`, installed, part.options);
}

function weakMapState(options: ts.ObjectLiteralExpression | undefined, what: string, installed: Installed, optionsName = "options"): PartState {
  const size = sizeOption(options, "maxSize", (value) => Number.isInteger(value) && value >= 1);
  switch (size.kind) {
    case "unreadable":
      return { kind: "unreadable", detail: size.detail };
    case "bounded":
    case "expression": {
      const text = size.kind === "bounded" ? String(size.max) : size.text;
      if (installed.weakMapMaxSize) return { kind: "bounded", detail: `${what}: ${optionsName}.maxSize ${text}` };
      return { kind: "unbounded", detail: `${what}: ${optionsName}.maxSize ${text} is ignored before reselect 5.3`, ignoredMaxSize: `${optionsName}.maxSize ${text}` };
    }
    default:
      return { kind: "unbounded", detail: what };
  }
}

/** Option `memoize` / `argsMemoize`: its memoizer, the default when absent. */
function memoizerOption(options: ts.ObjectLiteralExpression | undefined, part: Part, fallback: Memoizer): Memoizer | "unreadable" {
  const value = options && optionValue(options, part.memoizer);
  if (!value || value.kind === "absent") return value?.hasSpread ? "unreadable" : fallback;
  return value.kind === "expression" ? memoizerKind(value.node) : "other";
}

function memoizerKind(expression: ts.Expression): Memoizer {
  const ref = resolveModuleRef(expression);
  if (ref?.module !== RESELECT) return "other";
  const path = withoutDefault(ref.path);
  if (path.length === 1 && path[0] === "weakMapMemoize") return "weakMap";
  if (path.length === 1 && path[0] === "lruMemoize") return "lru";
  return "other";
}

/**
 * createSelector's options are its last argument when that is an object literal; a last argument that
 * is visibly a function is the result function, and then there are none.
 */
function selectorOptions(
  call: ts.CallExpression,
): { index: number; literal?: ts.ObjectLiteralExpression; resultFunction?: ts.Expression } | { unreadable: string; resultFunction?: ts.Expression } {
  const args = call.arguments;
  const last = args[args.length - 1];
  if (!last || args.length < 2) return { unreadable: "createSelector without a result function" };
  const node = skipWrappers(last);
  if (ts.isObjectLiteralExpression(node)) return { index: args.length - 1, literal: node, resultFunction: args[args.length - 2] };
  const inputsAsArray = ts.isArrayLiteralExpression(skipWrappers(args[0]!));
  if (memoizedFunctionFacts(last) || (inputsAsArray && args.length === 2)) return { index: args.length, resultFunction: last };
  return { unreadable: "the last argument may be the options: not an object literal", resultFunction: args[args.length - 2] };
}

const lruUnavailable = "lruMemoize cannot be imported next to this call (the name is taken, or the callee is not a reselect import)";

/**
 * How this file can name reselect's lruMemoize: a binding it already has, the namespace the callee
 * comes from, or a specifier added to the import (or destructured require) the callee comes from.
 */
function lruMemoizeReference(call: ts.CallExpression, sourceFile: ts.SourceFile): { text: string; plan: RewritePlan[] } | undefined {
  const existing = existingLruMemoize(sourceFile);
  if (existing) return { text: existing, plan: [] };
  const callee = skipWrappers(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return { text: `${callee.expression.getText(sourceFile)}.lruMemoize`, plan: [] };
  if (!ts.isIdentifier(callee) || isNameUsed(sourceFile, "lruMemoize")) return undefined;
  const declaration = findDeclaration(callee);
  const elements =
    declaration && ts.isImportSpecifier(declaration)
      ? declaration.parent.elements
      : declaration && ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)
        ? declaration.parent.elements
        : undefined;
  const lastElement = elements?.[elements.length - 1];
  if (!lastElement) return undefined;
  return { text: "lruMemoize", plan: [{ kind: "replace-text", start: lastElement.end, end: lastElement.end, text: ", lruMemoize" }] };
}

/** A top-level `import { lruMemoize } from "reselect"` or `const { lruMemoize } = require("reselect")`: its local name. */
function existingLruMemoize(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === RESELECT) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
      const specifier = bindings.elements.find((element) => (element.propertyName ?? element.name).text === "lruMemoize" && !element.isTypeOnly);
      if (specifier) return specifier.name.text;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer && skipWrappers(declaration.initializer);
        if (!ts.isObjectBindingPattern(declaration.name) || !initializer || !ts.isCallExpression(initializer) || requiredModule(initializer) !== RESELECT) continue;
        const element = declaration.name.elements.find((candidate) => {
          const key = candidate.propertyName ?? candidate.name;
          return ts.isIdentifier(key) && key.text === "lruMemoize" && ts.isIdentifier(candidate.name);
        });
        if (element) return (element.name as ts.Identifier).text;
      }
    }
  }
  return undefined;
}

/** weakMapMemoize keeps the current generation and the one before: `maxSize` max / 2 keeps at most max. */
function generationSize(max: number): number {
  return Math.max(1, Math.floor(max / 2));
}

/** The options object for `entries`, nested ones grouped where the first of them comes. */
function objectText(entries: OptionEntry[]): string {
  const parts: string[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.within === undefined) parts.push(`${entry.name}: ${entry.value}`);
    else if (entries.findIndex((other) => other.within === entry.within) === index) {
      const inner = entries.filter((other) => other.within === entry.within).map((other) => `${other.name}: ${other.value}`);
      parts.push(`${entry.within}: { ${inner.join(", ")} }`);
    }
  }
  return `{ ${parts.join(", ")} }`;
}
