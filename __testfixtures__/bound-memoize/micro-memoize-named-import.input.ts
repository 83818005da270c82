import { memoize } from "micro-memoize";

export const computed = { count: 0 };

// micro-memoize keeps the last call by default: bounded, left alone.
export const lastCall = memoize((n: number) => n * 2);

// micro-memoize 5 takes a finite maxSize only and keeps one entry otherwise: bounded, reported (MC430).
export const distance = memoize(
  (from: string, to: string) => {
    computed.count++;
    return `${from}->${to}`.length;
  },
  { maxSize: Infinity },
);

export const bounded = memoize((n: number) => n + 1, { maxSize: 20 });
