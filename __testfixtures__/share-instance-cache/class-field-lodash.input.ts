import memoize from "lodash/memoize.js";

export const computed = { count: 0 };

export class Geo {
  constructor(private readonly unit: string) {}

  /** Great-circle distance from the office, in km. */
  readonly distanceTo = memoize((city: string) => {
    computed.count++;
    return city.length * 42;
  });

  // Reads this: one cache per instance is right, bound-memoize bounds it.
  readonly describe = memoize((city: string) => `${city} in ${this.unit}`);

  static readonly slug = memoize((city: string) => city.toLowerCase());
}
