import * as fastMemoize from "@formatjs/fast-memoize";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

export const listFormat = fastMemoize.memoize((locale) => {
  computed.count++;
  return new Intl.ListFormat(locale).format(["a", "b"]);
}, { cache: { create: () => /** @type {any} */ (new LRUCache({ max: 500 })) } });
