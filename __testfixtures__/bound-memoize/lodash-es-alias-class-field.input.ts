import { memoize as m } from "lodash-es";

export const computed = { count: 0 };

export class Geo {
  readonly distanceTo = m((city: string) => {
    computed.count++;
    return city.length * 42;
  });
}
