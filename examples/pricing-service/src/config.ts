export interface Config {
  host: string;
  port: number;
  warehouseUrl: URL;
  ratesUrl: URL;
  upstreamTimeoutMs: number;
}

/** Runs `load` the first time the returned function is called and hands back the same value afterwards. */
function memoize<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

function readInteger(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export const loadConfig = memoize(
  (): Config => ({
    host: process.env.HOST ?? "0.0.0.0",
    port: readInteger("PORT", 8080, 0, 65_535),
    warehouseUrl: new URL(process.env.WAREHOUSE_URL ?? "http://localhost:8081"),
    ratesUrl: new URL(process.env.RATES_URL ?? "http://localhost:8082"),
    upstreamTimeoutMs: readInteger("UPSTREAM_TIMEOUT_MS", 2_000, 1, 60_000),
  }),
);
