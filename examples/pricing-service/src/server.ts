import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { findProduct, searchProducts, type Product } from "./catalogue.ts";
import { loadConfig } from "./config.ts";
import { BASE_CURRENCY, isCurrency, type Currency } from "./currency.ts";
import { fetchStock, warehouseFor } from "./inventory.ts";
import { priceFor, quote } from "./pricing.ts";

class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

type Handler = (params: string[], url: URL, request: IncomingMessage) => unknown;

function productOr404(sku: string): Product {
  const product = findProduct(sku);
  if (!product) throw new HttpError(404, `no product ${sku}`);
  return product;
}

function listing({ costCents, ...product }: Product) {
  return { ...product, listPrice: priceFor(product.sku), currency: BASE_CURRENCY };
}

function quantityParam(url: URL): number {
  const quantity = Number(url.searchParams.get("quantity") ?? 1);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
    throw new HttpError(400, "quantity must be an integer from 1 to 10000");
  }
  return quantity;
}

function currencyParam(url: URL): Currency {
  const currency = url.searchParams.get("currency")?.toUpperCase() ?? BASE_CURRENCY;
  if (!isCurrency(currency)) throw new HttpError(400, `unsupported currency ${currency}`);
  return currency;
}

const routes: ReadonlyArray<readonly [RegExp, Handler]> = [
  [/^\/healthz$/, () => ({ ok: true })],
  [/^\/products$/, (_params, url) => searchProducts(url.searchParams.get("q") ?? "").map(listing)],
  [/^\/products\/([^/]+)$/, ([sku]) => listing(productOr404(sku))],
  [
    /^\/products\/([^/]+)\/quote$/,
    async ([sku], url, request) => {
      const result = await quote({
        sku,
        quantity: quantityParam(url),
        currency: currencyParam(url),
        region: url.searchParams.get("region") ?? "DE",
        coupon: url.searchParams.get("coupon") ?? undefined,
        customerId: request.headers["x-customer-id"]?.toString(),
      });
      if (!result) throw new HttpError(404, `no product ${sku}`);
      return result;
    },
  ],
  [
    /^\/products\/([^/]+)\/stock$/,
    ([sku], url) => fetchStock(productOr404(sku).sku, warehouseFor(url.searchParams.get("region") ?? "DE")),
  ],
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "malformed path");
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  try {
    if (request.method !== "GET") throw new HttpError(405, "method not allowed");
    for (const [pattern, handler] of routes) {
      const match = pattern.exec(url.pathname);
      if (match) return send(response, 200, await handler(match.slice(1).map(decodeSegment), url, request));
    }
    throw new HttpError(404, `no route for ${url.pathname}`);
  } catch (error) {
    if (error instanceof HttpError) return send(response, error.status, { error: error.message });
    console.error(`${request.method} ${url.pathname} failed`, error);
    send(response, 500, { error: "internal error" });
  }
}

const { host, port } = loadConfig();
const server = createServer((request, response) => void handle(request, response));

server.listen(port, host, () => console.log(`pricing-service listening on http://${host}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
