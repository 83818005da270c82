import memoizee from "memoizee";

export const computed = { count: 0 };

export const plain = memoizee((id: number) => {
  computed.count++;
  return { id, name: `user-${id}` };
}, { max: 500 });

export const primitive = memoizee(
  (id: number) => {
    computed.count++;
    return `order-${id}`;
  },
  { primitive: true, max: 500 },
);

export const multiline = memoizee((id: number) => id * 3, {
  primitive: true,
  length: 1,
  max: 500,
});

export const infinite = memoizee((id: number) => id * 4, { max: 500 });

export const empty = memoizee((id: number) => id * 5, { max: 500 });

export const alreadyBounded = memoizee((id: number) => id * 6, { max: 100 });
