import memoize from "@github/memoize";

export const computed = { count: 0 };

/**
 * @param {number} width
 * @param {number} height
 */
function area(width, height) {
  computed.count++;
  return width * height;
}

export const cachedArea = memoize(area);
