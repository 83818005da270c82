import type { API, FileInfo, Options } from "jscodeshift";
import boundMemoize, { TRANSFORM_NAME as BOUND_MEMOIZE } from "../../transforms/bound-memoize.ts";
import boundModuleCache, { TRANSFORM_NAME as BOUND_MODULE_CACHE } from "../../transforms/bound-module-cache.ts";
import migrateToLruCache, { TRANSFORM_NAME as MIGRATE_TO_LRU_CACHE } from "../../transforms/migrate-to-lru-cache.ts";
import shareInstanceCache, { TRANSFORM_NAME as SHARE_INSTANCE_CACHE } from "../../transforms/share-instance-cache.ts";
import splitAsync, { TRANSFORM_NAME as SPLIT_ASYNC } from "../../transforms/split-async.ts";

export type TransformFunction = (file: FileInfo, api: API, options: Options) => Promise<string | undefined> | string | undefined;

export interface TransformEntry {
  name: string;
  description: string;
  run: TransformFunction;
}

/** Every rewrite, in the order they run on a file. */
export const TRANSFORMS: readonly TransformEntry[] = [
  // First: the memoized cores it writes are unbounded calls of the site's library, which bound-memoize bounds next.
  {
    name: SPLIT_ASYNC,
    description: "memoized async functions: a memoized synchronous core and an unmemoized async wrapper, else a bounded promise cache that drops rejections",
    run: splitAsync,
  },
  { name: BOUND_MEMOIZE, description: "bound unbounded memoizers with the library's own limit or an LRUCache", run: boundMemoize },
  { name: BOUND_MODULE_CACHE, description: "make hand-written module-level Map and object caches LRUCaches", run: boundModuleCache },
  { name: MIGRATE_TO_LRU_CACHE, description: "move memoizers with no size limit of their own (nano-memoize, promise-memoize) to lru-cache", run: migrateToLruCache },
  // Last: a class field or prototype method it moves keeps the bound the transforms above gave it.
  {
    name: SHARE_INSTANCE_CACHE,
    description: "memoized methods, getters, class fields and prototype methods: one bounded store shared by all instances, or one per instance when the method reads this",
    run: shareInstanceCache,
  },
];
