import ts from "../../typescript.cts";
import tsMorphCommon from "../../ts-morph-common.cts";

const { getLibFiles, libFolderInMemoryPath } = tsMorphCommon;

/** A file of the analysed text, typed: its checker and its source file in the checker's program. */
export interface TypedFile {
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
  program: ts.Program;
  /** Only in a partial program (see TypedProject.open): the project files it leaves out. */
  partial?: PartialProgram;
}

export interface PartialProgram {
  /** For each file of the program, the project files it imports (module name → file) that the program leaves out: their imports resolve to nothing. */
  leftOut: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * A type checker over the real file system for the files of one tsconfig.json (or the defaults),
 * built one analysed file at a time: the program holds that file, with the text being analysed,
 * and what it imports. Parsed dependencies and module resolutions are kept for the run, so that
 * the next file's program costs little more than what is new in it.
 *
 * The compiler API is used directly rather than through a ts-morph Project: a Project keeps every
 * dependency it resolved as a root file, so each later program grows, and one file's typed program
 * measured 27-52 ms with a Project against 7-27 ms here (examples/pricing-service).
 */
export class TypedProject {
  private readonly host: ts.CompilerHost;
  private readonly resolutions: ts.ModuleResolutionCache;
  private readonly parsed = new Map<string, ts.SourceFile>();
  private program: ts.Program | undefined;
  private current: { path: string; text: string; sourceFile?: ts.SourceFile } | undefined;
  /** While a partial program is built: the project files it may hold, and the imports it leaves out. */
  private partial: { holds: ReadonlySet<string>; leftOut: Map<string, Map<string, string>> } | undefined;

  /**
   * `fallbacks`: modules to resolve from another file when the program's own resolution cannot find
   * them (module name → a file to resolve it from).
   */
  constructor(
    private readonly options: ts.CompilerOptions,
    fallbacks: ReadonlyMap<string, string> = new Map(),
  ) {
    const base = ts.createCompilerHost(options, true);
    const resolutions = ts.createModuleResolutionCache(base.getCurrentDirectory(), (name) => base.getCanonicalFileName(name), options);
    this.resolutions = resolutions;
    const host: ts.CompilerHost = {
      ...base,
      // JSDoc matters only where it types JavaScript; parsing it in every .d.ts doubled the cost.
      jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
      getDefaultLibLocation: () => libFolderInMemoryPath,
      getDefaultLibFileName: (compilerOptions) => `${libFolderInMemoryPath}/${ts.getDefaultLibFileName(compilerOptions)}`,
      fileExists: (name) => name === this.current?.path || LIB_FILES.has(name) || base.fileExists(name),
      readFile: (name) => (name === this.current?.path ? this.current.text : LIB_FILES.get(name) ?? base.readFile(name)),
      getSourceFile: (name, languageVersion, onError) => this.sourceFile(name, languageVersion, onError, base),
      resolveModuleNameLiterals: (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
        literals.map((literal) => {
          const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
          const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, resolutions, redirectedReference, mode);
          const fallback = resolved.resolvedModule ? undefined : fallbacks.get(literal.text);
          return this.leaveOut(containingFile, literal.text, fallback ? ts.resolveModuleName(literal.text, fallback, compilerOptions, host, undefined, redirectedReference, mode) : resolved);
        }),
    };
    this.host = host;
  }

  /**
   * A checker whose program holds `file` with the content `text` and what it imports. With `holds`,
   * a partial program: of the project's own files (not those of packages in node_modules) it holds
   * only those named, and an import of any other resolves to nothing. Partial programs are cheap
   * and answer most type questions (src/analysis/types/type-audit.ts says when they cannot).
   */
  open(file: string, text: string, holds?: ReadonlySet<string>): TypedFile | undefined {
    const path = file.replaceAll("\\", "/");
    if (this.current?.path !== path || this.current.text !== text) this.current = { path, text };
    this.partial = holds && { holds, leftOut: new Map() };
    try {
      // A partial program neither reuses the last program's module resolutions nor lends its own.
      const program = ts.createProgram({ rootNames: [path], options: this.options, host: this.host, oldProgram: holds ? undefined : this.program });
      if (!holds) this.program = program;
      const sourceFile = program.getSourceFile(path);
      const partial = this.partial && { leftOut: this.partial.leftOut };
      // The checker is built on first use: a partial program may be wanted only for its imports.
      return sourceFile && { get checker() { return program.getTypeChecker(); }, sourceFile, program, partial };
    } finally {
      this.partial = undefined;
    }
  }

  /**
   * Do the project files `file` imports, directly or not, hold more than `limit` characters? An
   * estimate from the module names in their text (a name in a comment counts too), read and
   * resolved up to the limit: far cheaper than parsing them.
   */
  importsExceed(file: string, text: string, limit: number): boolean {
    const path = file.replaceAll("\\", "/");
    const seen = new Set([path]);
    const pending: Array<[string, string]> = [[path, text]];
    let total = 0;
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [from, source] = next;
      for (const [, name] of source.matchAll(MODULE_NAME)) {
        const target = ts.resolveModuleName(name!, from, this.options, this.host, this.resolutions).resolvedModule;
        if (!target || target.isExternalLibraryImport || seen.has(target.resolvedFileName)) continue;
        seen.add(target.resolvedFileName);
        const imported = this.host.readFile(target.resolvedFileName);
        if (imported === undefined) continue;
        total += imported.length;
        if (total > limit) return true;
        pending.push([target.resolvedFileName, imported]);
      }
    }
    return false;
  }

  private leaveOut(containingFile: string, specifier: string, resolved: ts.ResolvedModuleWithFailedLookupLocations): ts.ResolvedModuleWithFailedLookupLocations {
    const target = resolved.resolvedModule;
    if (!this.partial || !target || target.isExternalLibraryImport || this.partial.holds.has(target.resolvedFileName)) return resolved;
    const leftOut = this.partial.leftOut.get(containingFile) ?? new Map<string, string>();
    leftOut.set(specifier, target.resolvedFileName);
    this.partial.leftOut.set(containingFile, leftOut);
    return { resolvedModule: undefined };
  }

  private sourceFile(name: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions, onError: ((message: string) => void) | undefined, base: ts.CompilerHost): ts.SourceFile | undefined {
    if (name === this.current?.path) return (this.current.sourceFile ??= ts.createSourceFile(name, this.current.text, languageVersion, true));
    const lib = LIB_FILES.get(name);
    // A lib file's declarations read the same for every target: one parse serves them all (the DOM
    // lib alone is 1.5 MB).
    const libVersion = typeof languageVersion === "number" ? ts.ScriptTarget.Latest : { ...languageVersion, languageVersion: ts.ScriptTarget.Latest };
    const key = `${name}\0${versionKey(lib === undefined ? languageVersion : libVersion)}`;
    const cache = lib === undefined ? this.parsed : PARSED_LIB_FILES;
    let sourceFile = cache.get(key);
    if (!sourceFile) {
      sourceFile = lib === undefined ? base.getSourceFile(name, languageVersion, onError) : ts.createSourceFile(name, lib, libVersion, true);
      if (sourceFile) cache.set(key, sourceFile);
    }
    return sourceFile;
  }
}

function versionKey(languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof languageVersion === "number") return String(languageVersion);
  return `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}:${languageVersion.jsDocParsingMode}`;
}

/** The module names of imports, exports, requires and dynamic imports (and of anything that looks like one). */
const MODULE_NAME = /(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*["']([^"'\n]+)["']/g;

/** TypeScript's lib files, which ts-morph carries as text rather than on disk. */
const LIB_FILES: ReadonlyMap<string, string> = new Map(getLibFiles().map((lib) => [`${libFolderInMemoryPath}/${lib.fileName}`, lib.text]));

/** Lib files never change, so they are parsed once per process. */
const PARSED_LIB_FILES = new Map<string, ts.SourceFile>();
