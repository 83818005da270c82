import nanomemoize from "nano-memoize";

export const computed = { count: 0 };

export const square = nanomemoize((n: number) => {
  computed.count++;
  return n * n;
});

export const distance = nanomemoize((from: { x: number; y: number }, to: { x: number; y: number }) => {
  computed.count++;
  return Math.hypot(to.x - from.x, to.y - from.y);
});

// fn.length is 1: nano-memoize passes and keys the first argument only (reported, MC405; kept as it was).
export const withTax = nanomemoize((cents: number, rate: number = 0.2) => {
  computed.count++;
  return Math.round(cents * (1 + rate));
});

export const expiring = nanomemoize((id: string) => id.toUpperCase(), { maxAge: 60_000 });
