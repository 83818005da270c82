import _ from "lodash";

export type TaxCategory = "standard" | "reduced";

export interface Product {
  sku: string;
  name: string;
  category: TaxCategory;
  costCents: number;
  tags: readonly string[];
}

const PRODUCTS: readonly Product[] = [
  { sku: "TEA-EB-250", name: "English Breakfast, loose leaf, 250 g", category: "reduced", costCents: 412, tags: ["tea", "black"] },
  { sku: "TEA-SEN-100", name: "Sencha Fukamushi, 100 g", category: "reduced", costCents: 538, tags: ["tea", "green", "japan"] },
  { sku: "TEA-ROO-250", name: "Rooibos Vanille, 250 g", category: "reduced", costCents: 365, tags: ["tea", "herbal", "caffeine-free"] },
  { sku: "TEA-MAT-030", name: "Matcha Uji, ceremonial grade, 30 g", category: "reduced", costCents: 1190, tags: ["tea", "green", "japan"] },
  { sku: "POT-CAST-09", name: "Cast iron teapot, 0.9 l", category: "standard", costCents: 2140, tags: ["teapot", "cast iron"] },
  { sku: "CUP-PORC-2", name: "Porcelain cups, set of 2", category: "standard", costCents: 980, tags: ["cups", "porcelain"] },
  { sku: "STR-MESH-L", name: "Mesh strainer, large", category: "standard", costCents: 310, tags: ["strainer", "accessories"] },
];

const bySku = new Map(PRODUCTS.map((product) => [product.sku, product]));

const searchIndex = PRODUCTS.map((product) => ({
  product,
  text: _.deburr([product.sku, product.name, ...product.tags].join(" ")).toLowerCase(),
}));

export function normaliseSku(sku: string): string {
  return sku.trim().toUpperCase();
}

export function findProduct(sku: string): Product | undefined {
  return bySku.get(normaliseSku(sku));
}

export const searchProducts = _.memoize((query: string): Product[] => {
  const terms = _.words(_.deburr(query).toLowerCase());
  if (terms.length === 0) return [];
  return searchIndex.filter(({ text }) => terms.every((term) => text.includes(term))).map(({ product }) => product);
});
