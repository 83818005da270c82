import memoizee from "memoizee";

export const computed = { count: 0 };

export const plain = memoizee((id: number) => {
  computed.count++;
  return { id, name: `user-${id}` };
});

export const primitive = memoizee(
  (id: number) => {
    computed.count++;
    return `order-${id}`;
  },
  { primitive: true },
);

export const multiline = memoizee((id: number) => id * 3, {
  primitive: true,
  length: 1,
});

export const infinite = memoizee((id: number) => id * 4, { max: Infinity });

export const empty = memoizee((id: number) => id * 5, {});

export const alreadyBounded = memoizee((id: number) => id * 6, { max: 100 });
