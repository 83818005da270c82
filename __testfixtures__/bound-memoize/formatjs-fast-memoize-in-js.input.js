import * as fastMemoize from "@formatjs/fast-memoize";

export const computed = { count: 0 };

export const listFormat = fastMemoize.memoize((locale) => {
  computed.count++;
  return new Intl.ListFormat(locale).format(["a", "b"]);
});
