import memoize from "fast-memoize";

export const computed = { count: 0 };

export const route = memoize((method, path) => {
  computed.count++;
  return `${method.toUpperCase()} ${path}`;
});

/** @param {number} cents */
function formatCents(cents) {
  computed.count++;
  return `$${(cents / 100).toFixed(2)}`;
}

export const price = memoize(formatCents, {});
