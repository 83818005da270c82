import { memoize, strategies } from "@formatjs/fast-memoize";

export const computed = { count: 0 };

export const numberFormat = memoize((locale: string, currency: string) => {
  computed.count++;
  return new Intl.NumberFormat(locale, { style: "currency", currency });
}, { strategy: strategies.variadic });

export const collator = memoize((locale: string) => {
  computed.count++;
  return new Intl.Collator(locale);
});
