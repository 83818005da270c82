import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const geoDistanceTo = Object.assign(memoize((city: string) => {
  computed.count++;
  return city.length * 42;
}), { cache: new LRUCache({ max: 500 }) });

export class Geo {
  constructor(private readonly unit: string) {}

  /** Great-circle distance from the office, in km. */
  readonly distanceTo = geoDistanceTo;

  // Reads this: one cache per instance is right, bound-memoize bounds it.
  readonly describe = Object.assign(memoize((city: string) => `${city} in ${this.unit}`), { cache: new LRUCache({ max: 500 }) });

  static readonly slug = Object.assign(memoize((city: string) => city.toLowerCase()), { cache: new LRUCache({ max: 500 }) });
}
