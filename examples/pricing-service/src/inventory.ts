import memoizee from "memoizee";
import { loadConfig } from "./config.ts";

export interface StockLevel {
  sku: string;
  warehouse: string;
  available: number;
  restockDate: string | null;
}

const WAREHOUSES = [
  { id: "ams-1", countries: ["NL", "BE", "LU", "DE", "FR", "AT"] },
  { id: "lhr-2", countries: ["GB", "IE"] },
  { id: "ewr-1", countries: ["US", "CA"] },
] as const;

export const warehouseFor = memoizee(
  (region: string): string => {
    const country = region.trim().toUpperCase().split("-")[0];
    return WAREHOUSES.find((warehouse) => (warehouse.countries as readonly string[]).includes(country))?.id ?? "ams-1";
  },
  { max: 100 },
);

export const fetchStock = memoizee(
  async (sku: string, warehouse: string): Promise<StockLevel> => {
    const { warehouseUrl, upstreamTimeoutMs } = loadConfig();
    const url = new URL(`/v2/warehouses/${warehouse}/stock/${encodeURIComponent(sku)}`, warehouseUrl);
    const response = await fetch(url, { signal: AbortSignal.timeout(upstreamTimeoutMs) });
    if (!response.ok) throw new Error(`warehouse ${warehouse} answered ${response.status} for ${sku}`);
    const body = (await response.json()) as { available: number; restock_date?: string };
    return { sku, warehouse, available: body.available, restockDate: body.restock_date ?? null };
  },
  { primitive: true },
);
