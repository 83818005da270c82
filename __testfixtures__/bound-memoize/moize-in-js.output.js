import moize from "moize";

export const computed = { count: 0 };

export const parseQuery = moize(function parseQuery(query) {
  computed.count++;
  return Object.fromEntries(new URLSearchParams(query));
}, { maxSize: 500 });

export const fetchUser = moize(async (id) => ({ id }), { isPromise: true, maxSize: 500 });
