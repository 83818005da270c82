/**
 * The rewrites' names, in the order `fix` runs them. Kept apart from src/fix/transforms.ts, which
 * loads the transforms themselves, so that reading a configuration does not load jscodeshift;
 * test/batch-api.test.ts checks that both lists agree.
 */
export const TRANSFORM_NAMES = ["split-async", "bound-memoize", "bound-module-cache", "migrate-to-lru-cache", "share-instance-cache"] as const;

export type TransformName = (typeof TRANSFORM_NAMES)[number];

/**
 * Why a selection of transforms cannot be used, or undefined when it can: every name must be known,
 * and split-async needs bound-memoize, which bounds the memoized core split-async writes (without it
 * that core would be a new unbounded cache).
 */
export function transformSelectionProblem(names: readonly string[]): string | undefined {
  if (names.length === 0) return "name at least one transform";
  const unknown = names.find((name) => !(TRANSFORM_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined) return `unknown transform "${unknown}" (known: ${TRANSFORM_NAMES.join(", ")})`;
  if (names.includes("split-async") && !names.includes("bound-memoize")) {
    return "split-async needs bound-memoize, which bounds the memoized core it writes: add bound-memoize";
  }
  return undefined;
}

/** `"bound-memoize, split-async"` → `["bound-memoize", "split-async"]`; repeated flags are joined. */
export function parseTransformList(values: string | readonly string[]): string[] {
  const list = typeof values === "string" ? [values] : values;
  return list.flatMap((value) => value.split(",")).map((name) => name.trim()).filter((name) => name !== "");
}
