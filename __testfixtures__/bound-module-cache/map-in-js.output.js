import { LRUCache } from "lru-cache";
export const computed = { count: 0 };

const widths = new LRUCache({ max: 500 });

/** @param {string} text */
export function widthOf(text) {
  let width = widths.get(text);
  if (width === undefined) {
    computed.count++;
    width = text.length * 7;
    widths.set(text, width);
  }
  return width;
}

export function measuredTexts() {
  return [...widths.keys()];
}
