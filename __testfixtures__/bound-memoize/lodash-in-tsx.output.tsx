import memoize from "lodash/memoize";
import { LRUCache } from "lru-cache";

declare global {
  namespace JSX {
    interface IntrinsicElements {
      [name: string]: unknown;
    }
  }
}

export const computed = { count: 0 };

export const label = memoize((id: number) => {
  computed.count++;
  return <span className="label">{id}</span>;
});
label.cache = new LRUCache({ max: 500 });
