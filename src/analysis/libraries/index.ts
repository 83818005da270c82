import type { LibraryAdapter } from "./adapter.ts";
import { lodash } from "./lodash.ts";
import { memoizee } from "./memoizee.ts";

export const LIBRARY_ADAPTERS: readonly LibraryAdapter[] = [lodash, memoizee];

/** One regular expression for the prefilter: a file matching none of the adapters is never parsed. */
export const PREFILTER = new RegExp(LIBRARY_ADAPTERS.map((adapter) => adapter.prefilter.source).join("|"));
