import moize from "moize";

export const computed = { count: 0 };

export const distance = moize.infinite((from: string, to: string) => {
  computed.count++;
  return Math.abs(from.length - to.length);
});

export const area = moize(
  (width: number, height: number) => {
    computed.count++;
    return width * height;
  },
  { maxSize: Infinity, profileName: "area" },
);

// memocap-max: 50
export const deepKeys = moize.infinite((query: { id: number }) => {
  computed.count++;
  return query.id;
}, { isDeepEqual: true });

export const curried = moize({ maxSize: Infinity })((id: number) => id * 2);

export const sized = moize.maxSize(Infinity)((id: number) => id * 3);

// Async: moize's promise mode drops a rejected promise, so a retry calls the service again.
export const flaky = { failNext: false };
export const loadUser = moize.infinite(async (id: number) => {
  computed.count++;
  if (flaky.failNext) {
    flaky.failNext = false;
    throw new Error(`user ${id}: service unavailable`);
  }
  return { id, name: `user-${id}` };
});

// Already bounded: plain moize keeps one entry, the others set a size.
export const latest = moize((id: number) => id * 4);
export const recent = moize((id: number) => id * 5, { maxSize: 20 });
export const promised = moize.promise(async (id: number) => id * 6);
