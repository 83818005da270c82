import ts from "../../typescript.cts";
import type { AnalyseOptions } from "../analyse-file.ts";
import { codeMessage, type Code } from "../codes.ts";
import { siteDirectives } from "../directives.ts";
import type { Site } from "../site.ts";
import { cacheShape, type Write } from "./cache-shape.ts";
import { findCacheCandidates, type CacheCandidate } from "./candidates.ts";
import { findEviction } from "./eviction.ts";
import { UnsupportedUse } from "./edits.ts";
import { findReferences, type CacheReferences } from "./references.ts";
import { rewriteVerdict, type FileContext, type Verdict } from "./rewrite.ts";
import { classifyUse, type CacheUse } from "./uses.ts";
import { NO_TYPE_FACTS, type TypeFacts } from "../types/type-facts.ts";
import { snippet } from "./snippet.ts";

export const TRANSFORM_NAME = "bound-module-cache";

/** Every module-level (or class-static) Map, WeakMap or object of the file that is written like a cache. */
export function analyseModuleCaches(sourceFile: ts.SourceFile, file: string, options: AnalyseOptions, types: TypeFacts = NO_TYPE_FACTS): Site[] {
  const candidates = findCacheCandidates(sourceFile);
  if (candidates.length === 0) return [];
  const references = findReferences(sourceFile, candidates);
  const sites: Site[] = [];
  for (const candidate of candidates) {
    const site = analyseCandidate({ sourceFile, types }, file, candidate, references.get(candidate)!, options);
    if (site) sites.push(site);
  }
  return sites;
}


function analyseCandidate(context: FileContext, file: string, candidate: CacheCandidate, references: CacheReferences, options: AnalyseOptions): Site | undefined {
  const { sourceFile } = context;
  const uses = references.refs.map((ref) => classifyUse(ref, candidate.store)).filter((use): use is CacheUse => use !== undefined);
  uses.push(...references.escapes.map(({ node, detail }) => ({ kind: "escape", node, detail }) as const));
  const writes = uses.filter((use) => use.kind === "set" || use.kind === "fill" || use.kind === "update");
  if (writes.length === 0) return undefined;

  const directives = siteDirectives(sourceFile, candidate.initializer);
  const max = directives.max ?? options.max;
  const verdict = judge(context, candidate, uses, references.refs, max);
  if (!verdict) return undefined;

  const start = candidate.initializer.getStart(sourceFile);
  const position = sourceFile.getLineAndCharacterOfPosition(start);
  const site: Site = {
    file,
    start,
    end: candidate.initializer.end,
    line: position.line + 1,
    column: position.character + 1,
    kind: "module-cache",
    library: candidate.store === "object" ? "object" : candidate.store,
    module: candidate.store === "object" ? "Object" : candidate.store === "map" ? "Map" : "WeakMap",
    callee: candidate.creation.getText(sourceFile).slice(0, 60),
    name: candidate.name,
    async: false,
    bounded: verdict.bounded,
    code: verdict.code,
    message: codeMessage(verdict.code, withLine(sourceFile, verdict.detail, verdict.node)),
    verdict: verdict.verdict,
    findings: verdict.findings ?? [],
  };
  if (verdict.verdict === "rewrite" && directives.ignore) {
    return { ...site, verdict: "skip", code: "MC901", message: `${codeMessage("MC901")}; ${site.message}` };
  }
  if (verdict.verdict === "rewrite") {
    site.transform = TRANSFORM_NAME;
    site.plan = verdict.plan;
    site.needsLruCache = true;
    site.max = max;
  }
  return site;
}

function judge(context: FileContext, candidate: CacheCandidate, uses: CacheUse[], refs: ts.Expression[], max: number): Verdict | undefined {
  if (candidate.store === "weakmap") {
    // Reported only when it is used as a cache: then it is one that cannot leak.
    return cacheShape(uses, refs).kind === "cache" ? { bounded: true, verdict: "none", code: "MC124" } : undefined;
  }
  const eviction = findEviction(uses);
  if (eviction) return { bounded: true, verdict: "none", code: "MC121", detail: eviction.detail, node: eviction.node };

  const shape = cacheShape(uses, refs);
  if (shape.kind === "lookup-table") return { bounded: true, verdict: "none", code: "MC122", detail: shape.detail, node: shape.node };
  if (shape.kind === "state") return { bounded: false, verdict: "none", code: "MC123", detail: shape.detail, node: shape.node };

  const finite = finiteKeys(shape.writes, context.types, max);
  if (finite) return { bounded: true, verdict: "none", code: "MC126", detail: finite };

  const left = (code: Code, detail: string, node?: ts.Node): Verdict => ({ bounded: false, verdict: "skip", code, detail, node });
  const instance = uses.find((use) => use.kind === "instanceof");
  if (instance) return left("MC921", `\`${snippet(instance.node)}\``, instance.node);
  if (candidate.exported) return left("MC920", "exported", candidate.declaration);
  const escape = uses.find((use) => use.kind === "escape");
  if (escape?.kind === "escape") return left("MC920", escape.detail, escape.node);
  if (candidate.seeded) return left("MC923", "created with initial entries", candidate.creation);
  if (ts.getJSDocType(candidate.declaration)) return left("MC923", "typed with a JSDoc @type tag", candidate.declaration);
  const unsupported = uses.find((use) => use.kind === "unsupported");
  if (unsupported?.kind === "unsupported") return left("MC923", unsupported.detail, unsupported.node);

  try {
    return rewriteVerdict(context, candidate, uses, shape.writes, max);
  } catch (error) {
    if (error instanceof UnsupportedUse) return left("MC923", error.message, error.node);
    throw error;
  }
}

/**
 * Keys that can take only a few values, as the checker types them (a boolean, an enum, a union of
 * literals): at most as many entries as all the writes' keys have values, when that is within `max`.
 */
function finiteKeys(writes: Write[], types: TypeFacts, max: number): string | undefined {
  const keyTypes = new Map<string, number>();
  for (const write of writes) {
    const facts = types.valueOf(write.key);
    if (facts?.finiteValues === undefined) return undefined;
    keyTypes.set(facts.text, facts.finiteValues);
  }
  const total = [...keyTypes.values()].reduce((sum, count) => sum + count, 0);
  if (total > max) return undefined;
  return `at most ${total} ${total === 1 ? "entry" : "entries"}: keys are ${[...keyTypes.keys()].join(", ")}`;
}

function withLine(sourceFile: ts.SourceFile, detail: string | undefined, node: ts.Node | undefined): string | undefined {
  if (!detail || !node) return detail;
  return `${detail}, line ${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
}
