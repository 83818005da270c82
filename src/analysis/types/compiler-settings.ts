import { dirname, join } from "node:path";
import ts from "../../typescript.cts";
import type { FileProblem } from "../../files/problem.ts";

/** The compiler options a typed program runs with, and where they came from. */
export interface CompilerSettings {
  /** One typed program per key: the tsconfig.json's path, or a name for a set of defaults. */
  key: string;
  options: ts.CompilerOptions;
  /** Set when a tsconfig.json could not be used (the defaults were): the file and a one-line reason. */
  warning?: FileProblem;
}

/** `No inputs were found in config file`: the file list does not matter here, only the options. */
const NO_INPUTS = 18003;

/**
 * Options for files without a tsconfig.json (or with one that cannot be read). No automatic `@types`
 * globals: they cost more than they tell about a memoized function, and they would depend on the
 * folder memocap runs in.
 */
export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  esModuleInterop: true,
  resolveJsonModule: true,
  strict: true,
  types: [],
  lib: ["lib.es2023.d.ts"],
};

/**
 * The DOM lib is two thirds of the cost of a default program (0.45 of 0.75 s of CPU), so the
 * defaults add it only for a file that names a web global (`fetch(url).then(...)` is a promise
 * only with it).
 */
const WEB_GLOBAL = /\b(fetch|window|document|navigator|location|localStorage|sessionStorage|Request|Response|Headers|FormData|Blob|URL|URLSearchParams|WebSocket|XMLHttpRequest|AbortController|AbortSignal|crypto|performance|structuredClone|HTML\w*Element|Element|Event)\b/;
const DOM_LIBS = ["lib.dom.d.ts", "lib.dom.iterable.d.ts"];

/**
 * What the type facts need whatever the project says: JavaScript files typed too, nothing emitted,
 * and `strictNullChecks`, without which `undefined` and `null` vanish from every type and the
 * facts about them would be wrong.
 */
const REQUIRED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  noResolve: false,
  strictNullChecks: true,
  skipLibCheck: true,
  incremental: false,
  composite: false,
};

/**
 * For checking that a rewrite adds no type error (fix's verification): the project's own options,
 * `checkJs` and `strict` included, so that the diagnostics are those the project's build reports;
 * only what a one-file program needs is set. Without a tsconfig.json, the defaults as a bare `tsc`
 * run would have them: the `@types` packages that are installed count.
 */
export const VERIFICATION_OPTIONS: CompilerOptionsPolicy = {
  required: { allowJs: true, noEmit: true, skipLibCheck: true, incremental: false, composite: false },
  defaults: { ...DEFAULT_COMPILER_OPTIONS, types: undefined },
};

/** What a locator applies: options set whatever a tsconfig.json says, and the options used without one. */
export interface CompilerOptionsPolicy {
  required: ts.CompilerOptions;
  defaults: ts.CompilerOptions;
}

const TYPE_FACTS_OPTIONS: CompilerOptionsPolicy = { required: REQUIRED_OPTIONS, defaults: DEFAULT_COMPILER_OPTIONS };

type TsconfigOptions = { options: ts.CompilerOptions } | { warning: FileProblem };

/** Finds the nearest tsconfig.json of each file and reads it once per run. */
export class CompilerSettingsLocator {
  private readonly tsconfigOfDirectory = new Map<string, string | undefined>();
  private readonly optionsOfTsconfig = new Map<string, TsconfigOptions>();
  private readonly defaults: CompilerSettings;
  private readonly webDefaults: CompilerSettings;

  constructor(private readonly policy: CompilerOptionsPolicy = TYPE_FACTS_OPTIONS) {
    const { defaults, required } = policy;
    this.defaults = { key: "<defaults>", options: { ...defaults, ...required } };
    this.webDefaults = { key: "<defaults with the DOM>", options: { ...defaults, lib: [...(defaults.lib ?? []), ...DOM_LIBS], ...required } };
  }

  /** The settings for `file`, whose content is `text` (which picks among the defaults). */
  settingsFor(file: string, text: string): CompilerSettings {
    const tsconfig = this.nearestTsconfig(dirname(file));
    if (tsconfig) {
      let read = this.optionsOfTsconfig.get(tsconfig);
      if (!read) {
        read = readTsconfig(tsconfig, this.policy.required);
        this.optionsOfTsconfig.set(tsconfig, read);
      }
      if ("options" in read) return { key: tsconfig, options: read.options };
      return { ...this.defaultsFor(text), warning: read.warning };
    }
    return this.defaultsFor(text);
  }

  private defaultsFor(text: string): CompilerSettings {
    return WEB_GLOBAL.test(text) ? this.webDefaults : this.defaults;
  }

  private nearestTsconfig(directory: string): string | undefined {
    if (this.tsconfigOfDirectory.has(directory)) return this.tsconfigOfDirectory.get(directory);
    const candidate = join(directory, "tsconfig.json");
    const parent = dirname(directory);
    const found = ts.sys.fileExists(candidate) ? candidate : parent === directory ? undefined : this.nearestTsconfig(parent);
    this.tsconfigOfDirectory.set(directory, found);
    return found;
  }
}

/** The options of a tsconfig.json (with its `extends`), or a warning when it cannot be used. */
export function readTsconfig(tsconfig: string, required: ts.CompilerOptions = REQUIRED_OPTIONS): TsconfigOptions {
  let unrecoverable: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = diagnostic;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, host);
  const problem = unrecoverable ?? parsed?.errors.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.code !== NO_INPUTS);
  if (!parsed || problem) {
    const reason = problem ? ts.flattenDiagnosticMessageText(problem.messageText, " ").replace(/\.$/, "") : "cannot be read";
    return { warning: { file: tsconfig, reason: `${reason}; type facts use default compiler options` } };
  }
  return { options: { ...parsed.options, ...required } };
}
