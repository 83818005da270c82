import _ from "lodash";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

interface User {
  name: string;
  email: string;
}

async function fetchUser(id: string): Promise<User> {
  upstream.calls++;
  computed.count++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`user ${id} did not load`);
  }
  return { name: `User ${id}`, email: `${id}@example.com` };
}

// After the await there is only an object (not a cache key) and no work: nothing to split.
export const userCard = _.memoize(async (id: string): Promise<string> => {
  const user = await fetchUser(id);
  return `${user.name} <${user.email}>`;
});
