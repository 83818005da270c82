import memoizee from "memoizee";

export const computed = { count: 0 };

/** @param {string} path */
function resolvePath(path) {
  computed.count++;
  return path.split("/").filter(Boolean);
}

export const resolve = memoizee(resolvePath, { primitive: true });
