import memoize from "lodash/memoize";

export const computed = { count: 0 };

interface User {
  id: string;
  name: string;
}

const users = new Map<string, User>([["u1", { id: "u1", name: "Ada" }]]);

// Most ids are unknown: `undefined` is the common answer and must stay cached.
export const findUser = memoize((id: string) => {
  computed.count++;
  return users.get(id);
});

export const warnings: string[] = [];

export const handlers = {
  warnOnce: memoize((code: string): void => {
    computed.count++;
    warnings.push(`deprecated: ${code}`);
  }),
};
