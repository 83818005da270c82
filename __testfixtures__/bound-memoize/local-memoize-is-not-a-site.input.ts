import _ from "lodash";

function memoize<T>(fn: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, fn(key));
    return seen.get(key)!;
  };
}

export const upper = memoize((key) => key.toUpperCase());

export function shadowed(_: { memoize(fn: (n: number) => number): (n: number) => number }) {
  return _.memoize((n) => n + 1);
}

export const chunks = _.chunk([1, 2, 3], 2);
