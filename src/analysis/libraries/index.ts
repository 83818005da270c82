import type { LibraryAdapter } from "./adapter.ts";
import { mayHoldModuleCache } from "../module-cache/prefilter.ts";
import { DECORATOR_PREFILTER } from "../instance-cache/decorator-libraries.ts";
import { isImportedAt } from "./import-evidence.ts";
import { lodash } from "./lodash.ts";
import { memoizee } from "./memoizee.ts";
import { fastMemoize } from "./fast-memoize.ts";
import { mem } from "./mem.ts";
import { memoize } from "./memoize.ts";
import { pMemoize } from "./p-memoize.ts";
import { moize } from "./moize.ts";
import { memize } from "./memize.ts";
import { memoizerific } from "./memoizerific.ts";
import { microMemoize } from "./micro-memoize.ts";
import { reselect } from "./reselect.ts";
import { nanoMemoize } from "./nano-memoize.ts";
import { promiseMemoize } from "./promise-memoize.ts";
import { utilsDecorators } from "./utils-decorators.ts";
import { githubMemoize } from "./github-memoize.ts";
import { memoizeOne } from "./memoize-one.ts";
import { proxyMemoize } from "./proxy-memoize.ts";

export const LIBRARY_ADAPTERS: readonly LibraryAdapter[] = [
  lodash,
  memoizee,
  fastMemoize,
  mem,
  memoize,
  pMemoize,
  moize,
  memize,
  memoizerific,
  microMemoize,
  reselect,
  nanoMemoize,
  promiseMemoize,
  utilsDecorators,
  githubMemoize,
  memoizeOne,
  proxyMemoize,
];

const LIBRARY_PREFILTERS = [...LIBRARY_ADAPTERS.map((adapter) => adapter.prefilter), DECORATOR_PREFILTER];

/**
 * The libraries' prefilters, as one fast first test of a file: they name modules, so a match that
 * matters lies in a string, a few characters after its quote at most (`"@formatjs/fast-memoize"`).
 * Starting from a quote, which is rare, V8 runs this twice as fast as the plain union of the
 * patterns. A pattern that holds a quote itself (`["']mem["']`) is tested as it is.
 */
const NAMES_A_LIBRARY = new RegExp(
  [
    `["'\`][^"'\`\\s]{0,60}?(?:${LIBRARY_PREFILTERS.filter((pattern) => !/["']/.test(pattern.source)).map((pattern) => pattern.source).join("|")})`,
    ...LIBRARY_PREFILTERS.filter((pattern) => /["']/.test(pattern.source)).map((pattern) => pattern.source),
  ].join("|"),
);

/**
 * Every run of characters between two quotes that holds no space: where a module can be named. A
 * lookbehind rather than a matched opening quote, so that the closing quote of one string can open
 * the next run (and no module name is skipped however the quotes before it pair up). A backquote
 * opens a run only after `(`: `require(\`lodash\`)` names a module, `lodash` in a comment does not.
 */
const QUOTED_RUN = /(?<=["']|\(\s*`)[^"'`\s\\]{1,200}(?=["'`])/g;

/** A module a site can come from: one of a library adapter's, or a memoizing decorator's. */
const isSiteModule = (name: string): boolean => LIBRARY_ADAPTERS.some((adapter) => adapter.isLibraryModule(name)) || DECORATOR_PREFILTER.test(name);

/**
 * A site needs an import or require of its library: the library's module named in a string, right
 * after `from` or `require(` (src/analysis/libraries/import-evidence.ts). A file that names a
 * library only in comments, identifiers, other strings (`memoize` is a common word), re-exports or
 * type-only imports is not parsed.
 */
function importsLibraryModule(text: string): boolean {
  if (!NAMES_A_LIBRARY.test(text)) return false;
  for (const run of text.matchAll(QUOTED_RUN)) if (isSiteModule(run[0]) && isImportedAt(text, run.index - 1)) return true;
  return false;
}

/**
 * The prefilter: a file that imports none of the libraries and declares no module cache
 * that it writes to is never parsed. Module caches need a second look at the names they declare
 * (src/analysis/module-cache/prefilter.ts).
 */
export const PREFILTER = {
  test: (text: string): boolean => importsLibraryModule(text) || mayHoldModuleCache(text),
};

/** The prefilter's two findings, which tell the analysis of a file which of its parts can find a site. */
export interface PrefilterFacts {
  /** A library or memoizing decorator is imported: memoizer calls, decorators and instance caches may be sites. */
  importsLibrary: boolean;
  /** An empty store is declared and written through: module caches may be sites. */
  mayHoldModuleCache: boolean;
}

export function prefilterFacts(text: string): PrefilterFacts {
  return { importsLibrary: importsLibraryModule(text), mayHoldModuleCache: mayHoldModuleCache(text) };
}
