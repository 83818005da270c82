import { Project, ts } from "ts-morph";
import { analyseSourceFile, type AnalyseOptions } from "./analyse-file.ts";
import { createVersionLookup } from "./installed-version.ts";
import type { Site } from "./site.ts";
import { TypedProjects } from "./types/typed-projects.ts";
import type { FileProblem } from "../files/problem.ts";

/**
 * The ts-morph analysis pass. One Project holds the files being analysed; a file is parsed once,
 * analysed, and dropped again so that memory stays flat over a large tree.
 */
export class Analyser {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noResolve: true },
  });

  private readonly options: AnalyseOptions;
  /** The typed pass: built per tsconfig.json when a site first needs a type answer. */
  private readonly typed: TypedProjects | undefined;

  constructor(options: AnalyseOptions) {
    // One version lookup per Analyser: its per-directory cache lives as long as the run.
    this.options = { ...options, versionOf: options.versionOf ?? createVersionLookup() };
    this.typed = options.typeFacts === false ? undefined : new TypedProjects();
  }

  /** tsconfig.json files that could not be used (the defaults were), one each. */
  get warnings(): readonly FileProblem[] {
    return this.typed?.warnings ?? [];
  }

  /** Parses `text` as the file `file` (its extension picks TS, TSX or JS) and returns its sites. */
  analyse(file: string, text: string): Site[] {
    const sourceFile = this.project.createSourceFile(file, text, { overwrite: true });
    try {
      const syntaxError = firstSyntaxError(sourceFile.compilerNode);
      if (syntaxError) throw new SourceSyntaxError(syntaxError);
      const max = this.options.maxFor?.(file) ?? this.options.max;
      const types = this.typed?.factsFor(file, text, sourceFile.compilerNode);
      return analyseSourceFile(sourceFile.compilerNode, file, { ...this.options, max }, types);
    } finally {
      this.project.removeSourceFile(sourceFile);
    }
  }
}

export class SourceSyntaxError extends Error {}

function firstSyntaxError(sourceFile: ts.SourceFile): string | undefined {
  // parseDiagnostics is internal to TypeScript but stable; the parser itself never throws.
  const diagnostics = (sourceFile as ts.SourceFile & { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const [first] = diagnostics;
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return `syntax error at ${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
}
