/**
 * The helper a `keepUndefined` plan calls, `lruCacheKeepingUndefined(max)`: added to the file by
 * rewrite/keep-undefined-cache.ts, recognised as a bounded cache by the analysis. Kept free of
 * imports: transforms load it under jscodeshift's Babel hook, which must not meet ts-morph.
 */
export const KEEP_UNDEFINED_CACHE = "lruCacheKeepingUndefined";
