import promiseMemoize from "promise-memoize";

export const computed = { count: 0 };

export const loadUser = promiseMemoize(async (id: number) => {
  computed.count++;
  if (id < 0) throw new Error(`no user ${id}`);
  return { id, name: `user-${id}` };
});

export const search = promiseMemoize(
  async (query: string, page: number) => {
    computed.count++;
    return [`${query}#${page}`];
  },
  { resolve: "json", maxAge: 60_000 },
);
