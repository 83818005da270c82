import { createSelector, weakMapMemoize, lruMemoize } from "reselect";

interface State {
  items: string[];
}

export const computed = { count: 0 };
export const state: State = { items: ["apple", "pear", "plum"] };

export const selectLabel = createSelector(
  [(s: State) => s.items, (_s: State, id: number) => id],
  (items, id) => {
    computed.count++;
    return `${items[id % items.length]}-${id}`;
  },
  { memoize: lruMemoize, memoizeOptions: { maxSize: 500 }, argsMemoize: lruMemoize, argsMemoizeOptions: { maxSize: 500 } },
);

// reselect 5.1 ignores maxSize for weakMapMemoize: still unbounded; lruMemoize honours this 100.
export const selectCount = createSelector([(s: State) => s.items], (items) => items.length, { memoizeOptions: { maxSize: 100 }, memoize: lruMemoize, argsMemoize: lruMemoize, argsMemoizeOptions: { maxSize: 500 } });

export const square = lruMemoize((n: number) => {
  computed.count++;
  return n * n;
}, { maxSize: 500 });
