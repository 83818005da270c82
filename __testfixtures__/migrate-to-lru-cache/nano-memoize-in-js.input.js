import nanomemoize from "nano-memoize";

export const computed = { count: 0 };

/**
 * @param {string} method
 * @param {string} path
 */
function route(method, path) {
  computed.count++;
  return `${method.toUpperCase()} ${path}`;
}

export const cachedRoute = nanomemoize(route);
