import memoize from "memoize";

export const computed = { count: 0 };

export const userName = memoize((id: string) => {
  computed.count++;
  return `user:${id}`;
});

// Keyed on `currency` alone: a second `locale` gets the first one's answer (reported, left as it is).
export const format = memoize((currency: string, locale: string) => `${locale}:${currency}`, { maxAge: 60_000 });

export const byKey = memoize((from: string, to: string) => `${from}->${to}`, { cacheKey: (args) => args.join("|") });

export const explicitMap = memoize(
  (path: string) => {
    computed.count++;
    return path.split("/");
  },
  { cache: new Map() },
);

export const weak = memoize((node: object) => Object.keys(node).length, { cache: new WeakMap() });
