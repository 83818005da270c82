/** The transform that carries out the async verdicts (transforms/split-async.ts). */
export const TRANSFORM_NAME = "split-async";
