export const computed = { count: 0 };

const widths = new Map();

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
