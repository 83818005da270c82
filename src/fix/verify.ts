import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { CompilerSettingsLocator, VERIFICATION_OPTIONS } from "../analysis/types/compiler-settings.ts";
import { TypedProject } from "../analysis/types/typed-project.ts";
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
 * typed pass is, so that the libraries a file imports are parsed once per run).
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
    const afterErrors = this.errors(file, after);
    // Most rewritten files have no error at all: then the text before need not be checked.
    if (afterErrors.length === 0) return [];
    // First the same error on the same code (it moved), then the same error anywhere (the code it
    // is reported on was rewritten): what is left over is new.
    const unmatched = new Counter(this.errors(file, before), (error) => `${identity(error)}\0${error.span}`);
    const moved = afterErrors.filter((error) => !unmatched.take(`${identity(error)}\0${error.span}`));
    const rest = new Counter(unmatched.remaining(), identity);
    return moved.filter((error) => !rest.take(identity(error))).map(({ span: _span, ...diagnostic }) => diagnostic);
  }

  /** The errors TypeScript reports for `file` with the content `text`. */
  diagnostics(file: string, text: string): ProblemDiagnostic[] {
    return this.errors(file, text).map(({ span: _span, ...diagnostic }) => diagnostic);
  }

  private errors(file: string, text: string): CheckedError[] {
    const settings = this.settings.settingsFor(file, text);
    let project = this.projects.get(settings.key);
    if (!project) {
      project = new TypedProject(settings.options, LRU_CACHE_FALLBACK);
      this.projects.set(settings.key, project);
    }
    const typed = project.open(file, text);
    if (!typed) return [];
    const { program, sourceFile } = typed;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && !isAboutLruCacheModule(diagnostic, sourceFile))
      .map((diagnostic) => describe(diagnostic, sourceFile));
  }
}

/** A diagnostic, and the text it is reported on: the same error on code that only moved has the same span. */
interface CheckedError extends ProblemDiagnostic {
  span: string;
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
  };
}
