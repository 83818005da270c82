/**
 * Every reason code memocap reports, with its one-line title. The same codes appear in the text,
 * JSON and SARIF output and in the README.
 */
export const CODES = {
  MC101: "unbounded lodash memoize: every distinct first argument is kept forever",
  MC102: "unbounded memoizee: every distinct argument list is kept forever",
  MC110: "bounded: the library's own size limit is set",
  MC111: "bounded: a custom cache is assigned to the memoized function",
  MC201: "async function cached as a promise: rejections stay cached",
  MC402: "lodash keys on the first argument only: later arguments are ignored",
  MC403: "memoizee keys on the first fn.length arguments: rest and default parameters are ignored",
  MC901: "left alone: memocap-ignore comment",
  MC902: "options are not an object literal: cannot tell whether the cache is bounded",
  MC903: "the package's lru-cache is older than 10: no named LRUCache export",
  MC904: "memoize.Cache is replaced for the whole module: the cache class decides the bound",
} as const;

export type Code = keyof typeof CODES;

export function codeMessage(code: Code, detail?: string): string {
  return detail ? `${CODES[code]} (${detail})` : CODES[code];
}
