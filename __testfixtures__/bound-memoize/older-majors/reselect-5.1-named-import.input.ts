import { createSelector, weakMapMemoize } from "reselect";

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
);

// reselect 5.1 ignores maxSize for weakMapMemoize: still unbounded; lruMemoize honours this 100.
export const selectCount = createSelector([(s: State) => s.items], (items) => items.length, { memoizeOptions: { maxSize: 100 } });

export const square = weakMapMemoize((n: number) => {
  computed.count++;
  return n * n;
});
