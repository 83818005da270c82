import { createSelector, createSelectorCreator, lruMemoize, weakMapMemoize } from "reselect";

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
  { memoizeOptions: { maxSize: 250 }, argsMemoizeOptions: { maxSize: 250 } },
);

export const selectCount = createSelector([(s: State) => s.items], (items) => items.length, {
  memoizeOptions: { resultEqualityCheck: (a: number, b: number) => a === b, maxSize: 250 },
  argsMemoizeOptions: { maxSize: 250 },
});

// lruMemoize keeps one result per cache unless told more: bounded, left alone.
export const selectJoined = createSelector([(s: State) => s.items], (items) => items.join(), { memoize: lruMemoize, argsMemoize: lruMemoize });

export const createWeakSelector = createSelectorCreator({ memoize: weakMapMemoize, argsMemoize: weakMapMemoize, memoizeOptions: { maxSize: 250 }, argsMemoizeOptions: { maxSize: 250 } });

export const square = weakMapMemoize((n: number) => {
  computed.count++;
  return n * n;
}, { maxSize: 250 });
