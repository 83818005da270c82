import moize from "moize";

export const computed = { count: 0 };

export const distance = moize((from: string, to: string) => {
  computed.count++;
  return Math.abs(from.length - to.length);
}, { maxSize: 500 });

export const area = moize(
  (width: number, height: number) => {
    computed.count++;
    return width * height;
  },
  { maxSize: 500, profileName: "area" },
);

// memocap-max: 50
export const deepKeys = moize((query: { id: number }) => {
  computed.count++;
  return query.id;
}, { isDeepEqual: true, maxSize: 50 });

export const curried = moize({ maxSize: 500 })((id: number) => id * 2);

export const sized = moize.maxSize(500)((id: number) => id * 3);

// Async: moize's promise mode drops a rejected promise, so a retry calls the service again.
export const flaky = { failNext: false };
export const loadUser = moize(async (id: number) => {
  computed.count++;
  if (flaky.failNext) {
    flaky.failNext = false;
    throw new Error(`user ${id}: service unavailable`);
  }
  return { id, name: `user-${id}` };
}, { isPromise: true, maxSize: 500 });

// Already bounded: plain moize keeps one entry, the others set a size.
export const latest = moize((id: number) => id * 4);
export const recent = moize((id: number) => id * 5, { maxSize: 20 });
export const promised = moize.promise(async (id: number) => id * 6);
