import type { API, FileInfo, Options } from "jscodeshift";
import boundMemoize, { TRANSFORM_NAME as BOUND_MEMOIZE } from "../../transforms/bound-memoize.ts";

export type TransformFunction = (file: FileInfo, api: API, options: Options) => Promise<string | undefined> | string | undefined;

export interface TransformEntry {
  name: string;
  description: string;
  run: TransformFunction;
}

/** Every rewrite, in the order they run on a file. */
export const TRANSFORMS: readonly TransformEntry[] = [
  { name: BOUND_MEMOIZE, description: "bound unbounded memoizers with the library's own limit or an LRUCache", run: boundMemoize },
];
