import { getLibFiles, libFolderInMemoryPath } from "@ts-morph/common";
import { ts } from "ts-morph";

/** A file of the analysed text, typed: its checker and its source file in the checker's program. */
export interface TypedFile {
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
  program: ts.Program;
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
  private readonly parsed = new Map<string, ts.SourceFile>();
  private program: ts.Program | undefined;
  private current: { path: string; text: string } | undefined;

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
          return fallback ? ts.resolveModuleName(literal.text, fallback, compilerOptions, host, undefined, redirectedReference, mode) : resolved;
        }),
    };
    this.host = host;
  }

  /** A checker whose program holds `file` with the content `text`. */
  open(file: string, text: string): TypedFile | undefined {
    const path = file.replaceAll("\\", "/");
    this.current = { path, text };
    this.program = ts.createProgram({ rootNames: [path], options: this.options, host: this.host, oldProgram: this.program });
    const sourceFile = this.program.getSourceFile(path);
    return sourceFile && { checker: this.program.getTypeChecker(), sourceFile, program: this.program };
  }

  private sourceFile(name: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions, onError: ((message: string) => void) | undefined, base: ts.CompilerHost): ts.SourceFile | undefined {
    if (name === this.current?.path) return ts.createSourceFile(name, this.current.text, languageVersion, true);
    const key = `${name}\0${versionKey(languageVersion)}`;
    const lib = LIB_FILES.get(name);
    const cache = lib === undefined ? this.parsed : PARSED_LIB_FILES;
    let sourceFile = cache.get(key);
    if (!sourceFile) {
      sourceFile = lib === undefined ? base.getSourceFile(name, languageVersion, onError) : ts.createSourceFile(name, lib, languageVersion, true);
      if (sourceFile) cache.set(key, sourceFile);
    }
    return sourceFile;
  }
}

function versionKey(languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof languageVersion === "number") return String(languageVersion);
  return `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}:${languageVersion.jsDocParsingMode}`;
}

/** TypeScript's lib files, which ts-morph carries as text rather than on disk. */
const LIB_FILES: ReadonlyMap<string, string> = new Map(getLibFiles().map((lib) => [`${libFolderInMemoryPath}/${lib.fileName}`, lib.text]));

/** Lib files never change, so they are parsed once per process (at most one copy per lib file and target). */
const PARSED_LIB_FILES = new Map<string, ts.SourceFile>();
