import { memoize as m } from "lodash-es";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

const geoDistanceTo = Object.assign(m((city: string) => {
  computed.count++;
  return city.length * 42;
}), { cache: new LRUCache({ max: 500 }) });

export class Geo {
  readonly distanceTo = geoDistanceTo;
}
