import { isAbsolute, resolve } from "node:path";
import ts from "../typescript.cts";
import { analyseSourceFile, type AnalyseOptions } from "./analyse-file.ts";
import { createVersionLookup } from "./installed-version.ts";
import { parseSyntax } from "./parse-syntax.ts";
import type { Site } from "./site.ts";
import { applySitePolicy, splitsAsync } from "./site-policy.ts";
import { TypedProjects } from "./types/typed-projects.ts";
import type { FileProblem } from "../files/problem.ts";

/**
 * The analysis pass. A file is parsed once, analysed, and dropped again so that memory stays flat
 * over a large tree. Its syntax tree is the compiler's, made as a ts-morph Project made it (latest
 * syntax, parent pointers, the script kind of the extension, a BOM left out) without the Project's
 * bookkeeping, which the analysis does not use and which cost a tenth of the parse (and without the
 * JSDoc it does not read: src/analysis/parse-syntax.ts).
 */
export class Analyser {
  private readonly options: AnalyseOptions;
  /** The typed pass: built per tsconfig.json when a site first needs a type answer. */
  private readonly typed: TypedProjects | undefined;

  constructor(options: AnalyseOptions) {
    // One version lookup per Analyser: its per-directory cache lives as long as the run.
    this.options = { ...options, versionOf: options.versionOf ?? createVersionLookup() };
    this.typed = options.typeFacts === false ? undefined : new TypedProjects(options.wholeProgramLimit);
  }

  /** tsconfig.json files that could not be used (the defaults were), one each. */
  get warnings(): readonly FileProblem[] {
    return this.typed?.warnings ?? [];
  }

  /**
   * Parses `text` as the file `file` (its extension picks TS, TSX or JS) and returns its sites.
   * `claimTypes` is asked before the file's typed program is built (a scan's threads share out the
   * projects); when it says no, the analysis stops with TypesElsewhere.
   */
  analyse(file: string, text: string, claimTypes?: TypedProjects["claim"]): Site[] {
    if (this.typed) this.typed.claim = claimTypes;
    const sourceFile = parseSyntax(syntaxFileName(file), text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const syntaxError = firstSyntaxError(sourceFile);
    if (syntaxError) throw new SourceSyntaxError(syntaxError);
    const max = this.options.maxFor?.(file) ?? this.options.max;
    const maxOfLibrary = (library: string) => this.options.maxFor?.(file, library) ?? max;
    const policy = this.options.policyFor?.(file);
    const types = this.typed?.factsFor(file, text, sourceFile);
    const sites = analyseSourceFile(sourceFile, file, { ...this.options, max, maxOfLibrary, splitAsync: !policy || splitsAsync(policy) }, types);
    if (policy) applySitePolicy(sites, policy);
    this.options.annotateSites?.(file, text, sites);
    return sites;
  }
}

export class SourceSyntaxError extends Error {}

/** The name a Project gives the tree: absolute, with forward slashes (the analysis reads its extension). */
function syntaxFileName(file: string): string {
  return (isAbsolute(file) ? file : resolve("/", file)).replaceAll("\\", "/");
}

function firstSyntaxError(sourceFile: ts.SourceFile): string | undefined {
  // parseDiagnostics is internal to TypeScript but stable; the parser itself never throws.
  const diagnostics = (sourceFile as ts.SourceFile & { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const [first] = diagnostics;
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return `syntax error at ${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
}
