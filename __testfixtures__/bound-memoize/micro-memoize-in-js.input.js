import { memoize } from "micro-memoize";

export const computed = { count: 0 };

/** @param {string} path */
function normalise(path) {
  computed.count++;
  return path.replace(/\/+/g, "/");
}

export const normalisePath = memoize(normalise, {
  isKeyItemEqual: "shallow",
  maxSize: 100,
});
