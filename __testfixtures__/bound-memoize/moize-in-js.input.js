import moize from "moize";

export const computed = { count: 0 };

export const parseQuery = moize.infinite(function parseQuery(query) {
  computed.count++;
  return Object.fromEntries(new URLSearchParams(query));
});

export const fetchUser = moize.infinite(async (id) => ({ id }), { isPromise: true });
