import memoize from "memoize";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

interface Profile {
  name: string;
}

async function fetchProfile(id: string): Promise<Profile> {
  upstream.calls++;
  computed.count++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`no profile for ${id}`);
  }
  return { name: `user ${id}` };
}

function normalise(user: string): string {
  computed.count++;
  return user.trim().toLowerCase();
}

// Not async, but it returns a promise: nothing synchronous surrounds the I/O.
export const profileName = memoize((id: string) => fetchProfile(id).then((profile) => profile.name.toUpperCase()));

// Not async either: the work before the promise is made is the core.
export const avatarUrl = memoize((user: string) => {
  const key = normalise(user);
  return Promise.resolve(`https://avatars.example/${key}.png`);
});
