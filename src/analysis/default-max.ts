/** The bound written into rewritten caches when neither `--max` nor a configuration gives one. */
export const DEFAULT_MAX = 500;
