export { Analyser } from "./analyser.ts";
export { DEFAULT_MAX, type AnalyseOptions } from "./analyse-file.ts";
export { CODES, type Code } from "./codes.ts";
export { PREFILTER } from "./libraries/index.ts";
export type { Site, RewritePlan, KeyFinding } from "./site.ts";
