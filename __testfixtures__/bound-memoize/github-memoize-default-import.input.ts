import memoize from "@github/memoize";

export const computed = { count: 0 };

export const slug = memoize((title: string) => {
  computed.count++;
  return title.trim().toLowerCase().replace(/\s+/g, "-");
});

export const fetchPrice = memoize(
  async (sku: string, currency: string) => {
    computed.count++;
    return { sku, currency, cents: sku.length * 100 };
  },
  { hash: (sku, currency) => `${sku}/${currency}` },
);
