import memoizerific from "memoizerific";

export const computed = { count: 0 };

export const tileKey = memoizerific(0)((x: number, y: number, zoom: number) => {
  computed.count++;
  return `${zoom}/${x}/${y}`;
});

// One wrapper for two functions: they share one cache (reported, left as it is).
const shared = memoizerific(0);
export const double = shared((n: number) => {
  computed.count++;
  return n * 2;
});
export const negate = shared((n: number) => -n);

export const bounded = memoizerific(100)((n: number) => n * 3);
