import type { LibraryAdapter } from "./adapter.ts";
import { mayHoldModuleCache } from "../module-cache/prefilter.ts";
import { DECORATOR_PREFILTER } from "../instance-cache/decorator-libraries.ts";
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

const LIBRARY_PREFILTER = new RegExp([...LIBRARY_ADAPTERS.map((adapter) => adapter.prefilter.source), DECORATOR_PREFILTER.source].join("|"));

/**
 * The prefilter: a file that names none of the libraries and declares no module cache that it
 * writes to is never parsed. One regular expression for the libraries; module caches need a
 * second look at the names they declare (src/analysis/module-cache/prefilter.ts).
 */
export const PREFILTER = {
  test: (text: string): boolean => LIBRARY_PREFILTER.test(text) || mayHoldModuleCache(text),
};
