import ts from "../../typescript.cts";
import { codeMessage, CODES } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import type { CallContext, LibraryAdapter } from "../libraries/adapter.ts";
import type { Site } from "../site.ts";
import { NO_ASYNC_SUPPORT, type AsyncSupport } from "./async-support.ts";
import { memoizedFunction, returnsPromise, type FunctionNode } from "./async-function.ts";
import { findCore } from "./core.ts";
import { fetchCachePlan } from "./fetch-cache.ts";
import { memoizerApiUse } from "./memoizer-api-use.ts";
import { freshName, placementOf, type Placement } from "./placement.ts";
import { splitPlan } from "./split-plan.ts";
import { TRANSFORM_NAME } from "./transform-name.ts";
import { asyncTypes, type AsyncTypes } from "./type-view.ts";

/**
 * Gives an async (or promise-returning) memoized function its verdict, in this order:
 * - split: a sound synchronous core moves into a memoized function of its own (the site's library,
 *   bounded by bound-memoize in the next step) and the call becomes the async function itself,
 *   which awaits its I/O and calls the core;
 * - fallback: the promises stay cached, bounded, and a rejected one is dropped before an immediate
 *   retry: the library's promise mode (its bound comes from bound-memoize), else an LRUCache whose
 *   `fetchMethod` is the function;
 * - left: the adapter's own verdict stands (bounded, rejections still cached), and the reason says why.
 * Sites already bounded, or that the library already evicts rejections for, keep the adapter's verdict;
 * so do all sites when split-async is not selected (`splitAsync` false), with the reason in MC201.
 */
export function applyAsyncVerdict(site: Site, context: CallContext, adapter: LibraryAdapter, splitAsync = true): void {
  const memoized = memoizedFunction(context.call.arguments[0]);
  const types = asyncTypes(context.types);
  // An async generator gives an iterator, not a promise: nothing here applies to it.
  if (memoized?.node.asteriskToken) return;
  if (!site.async && !(memoized && returnsPromise(memoized.node, types))) return;
  site.async = true;
  const support = adapter.asyncSupport?.(context) ?? NO_ASYNC_SUPPORT;

  if (site.verdict !== "rewrite") {
    site.asyncVerdict = { verdict: "left", reason: notRewritten(site, support) };
    return;
  }
  if (support.evictsRejections) {
    site.asyncVerdict = { verdict: "fallback", reason: `${adapter.id} drops a rejected promise itself: its promise cache only needs a bound` };
    return;
  }
  if (!splitAsync) return leave(site, "split-async is not selected: bounded as it is");

  const async: AsyncSite = {
    site,
    context,
    library: adapter.id,
    support,
    memoized,
    types,
    placement: placementOf(context.sourceFile, context.call),
    apiUse: memoizerApiUse(context.call, context.ref.module),
  };
  const cause = split(async);
  if (cause === undefined) return;
  const notSplit = `not split: ${cause}`;
  if (support.promiseOption) return promiseMode(async, support.promiseOption, notSplit);
  const noFetch = fetchCache(async, notSplit);
  if (noFetch) leave(site, `${notSplit}; no fallback: ${noFetch}`);
}

/** What the analysis of one async call site works from. */
interface AsyncSite {
  site: Site;
  context: CallContext;
  library: string;
  support: AsyncSupport;
  memoized: ReturnType<typeof memoizedFunction>;
  types: AsyncTypes;
  placement: Placement | undefined;
  /** `f.cache`, `memClear(f)`... in the file: a function that is no longer memoized has none of these. */
  apiUse: string | undefined;
}

/** Splits the site when a sound core exists; otherwise returns why not. */
function split({ site, context, library, support, memoized, types, placement, apiUse }: AsyncSite): string | undefined {
  if (!memoized) return "the memoized function is not visible in this file";
  if (!memoized.inline) return "the memoized function is declared elsewhere; only a function written in the call is split";
  if (!support.syncCore) return `${library} does not memoize a synchronous function`;
  if (apiUse) return `the memoizer's own API is used (\`${apiUse}\`)`;
  if (!placement) return "memocap cannot place a declaration before the call";
  if (placement.typed && hasUntypedParameter(memoized.node)) return "its parameters have no types, which the memoizer's signature supplied";
  const search = findCore(memoized.node, {
    types,
    insertionPoint: placement.statement,
    firstArgumentOnly: support.syncCore.keys === "first-argument",
    library,
    typed: placement.typed,
  });
  if (!search.found) return search.cause;

  const { core } = search;
  const coreName = freshName(context.sourceFile, site.name ?? "memoized", "Core");
  const plan = splitPlan({
    sourceFile: context.sourceFile,
    call: context.call,
    holder: context.call,
    fn: memoized.node,
    core,
    coreName,
    memoizer: support.syncCore,
    placement,
    directiveMax: siteDirectives(context.sourceFile, context.call).max,
  });
  rewriteAs(site, "MC203", `core: ${core.where}, as ${coreName}(${core.inputs.map((input) => input.name).join(", ")})`, [plan]);
  site.asyncVerdict = { verdict: "split", reason: `${core.where} is memoized as \`${coreName}\`; the async wrapper is not memoized: its I/O runs on every call and its errors are never cached` };
  return undefined;
}

/** moize `isPromise`, micro-memoize `isPromise`/`async`: set here, bounded by bound-memoize next. */
function promiseMode({ site, library }: AsyncSite, option: NonNullable<AsyncSupport["promiseOption"]>, notSplit: string): void {
  const plan = { kind: "set-option" as const, argIndex: option.argIndex, name: option.name, value: option.value };
  rewriteAs(site, "MC204", `${library} ${option.name}: ${option.value}; ${notSplit}`, [plan]);
  site.needsLruCache = false;
  site.asyncVerdict = { verdict: "fallback", reason: `${library}'s promise mode (\`${option.name}: ${option.value}\`) drops a rejected promise; ${notSplit}` };
}

/** An LRUCache whose fetchMethod is the function; returns why not when it cannot stand in for the call. */
function fetchCache({ site, context, support, memoized, types, placement, apiUse }: AsyncSite, notSplit: string): string | undefined {
  const argument = context.call.arguments[0];
  if (support.fetchCacheBlocked) return support.fetchCacheBlocked;
  if (!memoized || !argument) return "the memoized function is not visible in this file";
  if (apiUse) return `the memoizer's own API is used (\`${apiUse}\`)`;
  if (!placement) return "memocap cannot place a declaration before the call";
  const cacheName = freshName(context.sourceFile, site.name ?? "memoized", "Cache");
  const fetched = fetchCachePlan({ sourceFile: context.sourceFile, call: context.call, argument, fn: memoized.node, cacheName, max: context.max, placement, types });
  if ("blocked" in fetched) return fetched.blocked;
  const note = fetched.note ? `; ${fetched.note}` : "";
  rewriteAs(site, "MC204", `LRUCache fetchMethod; ${notSplit}${note}`, [fetched.plan]);
  site.needsLruCache = true;
  site.asyncVerdict = { verdict: "fallback", reason: `an LRUCache fetch drops a rejected promise${note}; ${notSplit}` };
  return undefined;
}

/** The site is rewritten by split-async: its rejections no longer stay cached (no MC201). */
function rewriteAs(site: Site, code: "MC203" | "MC204", detail: string, plan: NonNullable<Site["plan"]>): void {
  site.code = code;
  site.message = codeMessage(code, detail);
  site.transform = TRANSFORM_NAME;
  site.plan = plan;
  site.findings = site.findings.filter((finding) => finding.code !== "MC201");
}

/** The adapter's bound stands; the rejection finding says why nothing better was done. */
function leave(site: Site, reason: string): void {
  site.asyncVerdict = { verdict: "left", reason };
  const message = codeMessage("MC201", reason);
  const existing = site.findings.find((finding) => finding.code === "MC201");
  if (existing) existing.message = message;
  else site.findings.push({ code: "MC201", message });
}

function notRewritten(site: Site, support: AsyncSupport): string {
  if (site.verdict === "skip") return `left as it is (${site.code})`;
  return support.evictsRejections ? "bounded, and rejected promises are dropped" : `bounded already; ${CODES.MC201}`;
}

/** A parameter without an annotation: typed by the memoizer's signature, an implicit any without it. */
function hasUntypedParameter(fn: FunctionNode): boolean {
  return fn.parameters.some((parameter) => !parameter.type && !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"));
}
