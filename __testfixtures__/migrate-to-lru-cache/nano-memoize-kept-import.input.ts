import nanomemoize from "nano-memoize";

// A call left alone keeps the import: memocap-ignore, and an option with no lru-cache counterpart.
// memocap-ignore
export const ignored = nanomemoize((n: number) => n + 1);

export const custom = nanomemoize((a: number[], b: number[]) => a.length + b.length, { equals: (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y) });

export const keys = nanomemoize((n: number) => n * 3);
keys.keys();

export const halve = nanomemoize((n: number) => n / 2);
