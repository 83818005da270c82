import { fileURLToPath } from "node:url";
import ts from "../typescript.cts";
import { CompilerSettingsLocator, VERIFICATION_OPTIONS } from "../analysis/types/compiler-settings.ts";
import { ImportSlice, leftOutFiles } from "../analysis/types/import-slice.ts";
import { TypedProject } from "../analysis/types/typed-project.ts";
import { MAX_PARTIAL_ROUNDS, WHOLE_PROGRAM_LIMIT } from "../analysis/types/typed-projects.ts";
import { rewrittenStatements } from "./rewritten-statements.ts";
import type { ProblemDiagnostic } from "../files/problem.ts";

/**
 * lru-cache, which fix adds to package.json, is usually not installed yet when the rewrite is
 * checked: its types then come from memocap's own copy, so that the code written around an
 * LRUCache is checked as it will be once installed (an unresolved import would make it `any`, and
 * the callbacks of a migration's wrapper implicitly `any`).
 */
const LRU_CACHE_FALLBACK: ReadonlyMap<string, string> = new Map([["lru-cache", fileURLToPath(import.meta.url)]]);

/**
 * Type-checks a rewritten file before and after its rewrite, with the compiler options of its
 * nearest tsconfig.json (one program per tsconfig.json, built one file at a time as the analysis'
 * typed pass is, so that the libraries a file imports are parsed once per run). A file importing
 * much of its project is checked in a partial program that holds what the rewritten statements use.
 *
 * Diagnostics are compared by code and message, not by position, since a rewrite moves the code
 * below it: the rewrite is worse when some code and message occurs more often after it than before.
 * JavaScript files get what TypeScript reports for them under the project's options: every error
 * with `checkJs` (or a `// @ts-check` comment), else only syntax errors and the few errors
 * TypeScript reports in any JavaScript file (a `const` declared twice, ...), and none with
 * `checkJs: false`.
 */
export class RewriteVerifier {
  private readonly settings = new CompilerSettingsLocator(VERIFICATION_OPTIONS);
  private readonly projects = new Map<string, TypedProject>();

  /** The errors of `after` that `before` does not have, positioned in `after`. */
  addedDiagnostics(file: string, before: string, after: string): ProblemDiagnostic[] {
    const project = this.projectFor(file, after);
    const partial = project.importsExceed(file, after, WHOLE_PROGRAM_LIMIT) ? partialCheck(project, file, before, after) : undefined;
    const holds = partial?.holds;
    const checked = this.check(project, file, after, holds);
    if (!checked) return [];
    // Code the rewrite did not change has the same errors before and after (in a partial program,
    // left-out imports among them): only errors in the statements it changed can be new.
    const rewritten = partial?.statements ?? rewrittenStatements(checked.sourceFile, before);
    const inRewritten = (error: CheckedError) => rewritten.some((statement) => statement.getStart() <= error.start && error.start < statement.end);
    // Most rewrites add no error there: then the text before need not be checked.
    if (!checked.errors.some(inRewritten)) return [];
    // First the same error on the same code (it moved), then the same error anywhere (the code it
    // is reported on was rewritten): what is left over is new.
    const unmatched = new Counter(this.check(project, file, before, holds)?.errors ?? [], (error) => `${identity(error)}\0${error.span}`);
    const moved = checked.errors.filter((error) => !unmatched.take(`${identity(error)}\0${error.span}`));
    const rest = new Counter(unmatched.remaining(), identity);
    return moved.filter((error) => !rest.take(identity(error)) && inRewritten(error)).map(({ span: _span, start: _start, ...diagnostic }) => diagnostic);
  }

  /** The errors TypeScript reports for `file` with the content `text`. */
  diagnostics(file: string, text: string): ProblemDiagnostic[] {
    return (this.check(this.projectFor(file, text), file, text)?.errors ?? []).map(({ span: _span, start: _start, ...diagnostic }) => diagnostic);
  }

  private projectFor(file: string, text: string): TypedProject {
    const settings = this.settings.settingsFor(file, text);
    let project = this.projects.get(settings.key);
    if (!project) {
      project = new TypedProject(settings.options, LRU_CACHE_FALLBACK);
      this.projects.set(settings.key, project);
    }
    return project;
  }

  private check(project: TypedProject, file: string, text: string, holds?: ReadonlySet<string>): { sourceFile: ts.SourceFile; errors: CheckedError[] } | undefined {
    const typed = project.open(file, text, holds);
    if (!typed) return undefined;
    const { program, sourceFile } = typed;
    const errors = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && !isAboutLruCacheModule(diagnostic, sourceFile))
      .map((diagnostic) => describe(diagnostic, sourceFile));
    return { sourceFile, errors };
  }
}

/**
 * The statements a rewrite changed, and the project files a partial program must hold to check
 * them as the whole program would (src/analysis/types/typed-projects.ts explains partial programs):
 * what those statements import, directly or through the declarations they name. The rest of the
 * file is checked against left-out imports, but the same way before and after. Undefined (the
 * whole program) when the files are not found in a few rounds.
 */
function partialCheck(project: TypedProject, file: string, before: string, after: string): { holds: Set<string>; statements: ts.Statement[] } | undefined {
  const holds = new Set([file.replaceAll("\\", "/")]);
  const slice = new ImportSlice();
  let statements: ts.Statement[] = [];
  for (let round = 0; round < MAX_PARTIAL_ROUNDS; round++) {
    // Every round's program holds the same parse of `after`: the statements stay valid.
    const typed = project.open(file, after, holds);
    if (!typed?.partial) return undefined;
    if (round === 0) {
      statements = rewrittenStatements(typed.sourceFile, before);
      slice.add(statements);
    }
    const missing = leftOutFiles(slice.importsWith(typed.checker), typed.partial, holds);
    if (missing.length === 0) return { holds, statements };
    for (const missingFile of missing) holds.add(missingFile);
  }
  return undefined;
}

/** A diagnostic, and the text it is reported on: the same error on code that only moved has the same span. */
interface CheckedError extends ProblemDiagnostic {
  span: string;
  /** Its offset in the text checked. */
  start: number;
}

/** A multiset of items by key. */
class Counter<T> {
  private readonly items = new Map<string, T[]>();

  constructor(items: T[], keyOf: (item: T) => string) {
    for (const item of items) this.items.set(keyOf(item), [...(this.items.get(keyOf(item)) ?? []), item]);
  }

  /** Removes one item with this key; false when there is none left. */
  take(key: string): boolean {
    return this.items.get(key)?.shift() !== undefined;
  }

  remaining(): T[] {
    return [...this.items.values()].flat();
  }
}

/**
 * `Cannot find module 'lru-cache'` (or its types), should memocap's own copy be missing too: fix
 * adds lru-cache to package.json, and until it is installed the import a rewrite adds cannot
 * resolve. That is expected, not a broken rewrite.
 */
function isAboutLruCacheModule(diagnostic: ts.Diagnostic, sourceFile: ts.SourceFile): boolean {
  if (diagnostic.start === undefined || diagnostic.length === undefined) return false;
  return /^(["'])lru-cache\1$/.test(sourceFile.text.slice(diagnostic.start, diagnostic.start + diagnostic.length));
}

function identity(diagnostic: ProblemDiagnostic): string {
  return `${diagnostic.code}\0${diagnostic.message}`;
}

function describe(diagnostic: ts.Diagnostic, sourceFile: ts.SourceFile): CheckedError {
  const start = diagnostic.start ?? 0;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return {
    line: line + 1,
    column: character + 1,
    code: `TS${diagnostic.code}`,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
    span: sourceFile.text.slice(start, start + (diagnostic.length ?? 0)),
    start,
  };
}
