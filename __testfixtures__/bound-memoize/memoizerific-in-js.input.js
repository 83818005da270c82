import memoizerific from "memoizerific";

export const computed = { count: 0 };

export const colour = memoizerific(Infinity)((r, g, b) => {
  computed.count++;
  return `#${[r, g, b].map((part) => part.toString(16).padStart(2, "0")).join("")}`;
});
