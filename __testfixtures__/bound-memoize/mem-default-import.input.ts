import mem from "mem";

export const computed = { count: 0 };

export const userName = mem((id: string) => {
  computed.count++;
  return `user:${id}`;
});

// Keyed on `currency` alone: a second `locale` gets the first one's answer (reported, left as it is).
export const format = mem((currency: string, locale: string) => `${locale}:${currency}`, { maxAge: 60_000 });

export const byKey = mem((from: string, to: string) => `${from}->${to}`, { cacheKey: (args) => args.join("|") });

export const explicitMap = mem(
  (path: string) => {
    computed.count++;
    return path.split("/");
  },
  { cache: new Map() },
);

export const weak = mem((node: object) => Object.keys(node).length, { cache: new WeakMap() });
