import memoize from "micro-memoize";

export const computed = { count: 0 };

export const lastCall = memoize((n: number) => n * 2);

export const distance = memoize(
  (from: string, to: string) => {
    computed.count++;
    return `${from}->${to}`.length;
  },
  { maxSize: Infinity },
);

/** The I/O a memoized async function waits for (a stand-in for a request). */
async function fetchUser(id: number): Promise<{ id: number; name: string }> {
  await Promise.resolve();
  if (id < 0) throw new Error(`no user ${id}`);
  return { id, name: `user-${id}` };
}

export const loadUser = memoize(async (id: number) => {
  computed.count++;
  return await fetchUser(id);
}, { maxSize: Infinity });

// micro-memoize 4 reads `isPromise`; `async` is v5's name and is ignored here (reported, MC202).
export const loadOrder = memoize(async (id: number) => {
  computed.count++;
  return await fetchUser(id);
}, { async: true });
