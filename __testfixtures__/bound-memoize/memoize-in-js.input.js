import memoize from "memoize";

export const computed = { count: 0 };

export const titleCase = memoize((title) => {
  computed.count++;
  return String(title).toLowerCase().replace(/\W+/g, "-");
});
