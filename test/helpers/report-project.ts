import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Writes `files` (path → text) into a fresh temp folder and returns it. */
export function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "memocap-report-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/**
 * A small package with one site of each outcome the reports distinguish: rewritten (MC101, with a
 * key finding), already bounded (MC110), left by comment (MC901), left because memocap cannot
 * tell (MC902), and a file that does not parse.
 */
export const MIXED_PROJECT: Record<string, string> = {
  "package.json": `{ "name": "mixed", "version": "1.0.0", "dependencies": {} }\n`,
  "src/prices.ts": `import memoize from "lodash/memoize";\n\nexport const priceFor = memoize((sku: string, currency: string) => sku + currency);\n`,
  "src/stock.ts": `import memoizee from "memoizee";\n\nexport const stockOf = memoizee((sku: string) => sku.length, { max: 100 });\n`,
  "src/months.ts": `import memoize from "lodash/memoize";\n\n// memocap-ignore: twelve keys at most\nexport const monthName = memoize((month: number) => String(month));\n`,
  "src/rates.ts": `import memoizee from "memoizee";\n\nconst options = { primitive: true };\nexport const rateOf = memoizee((currency: string) => currency.length, options);\n`,
  "src/broken.ts": `import memoize from "lodash/memoize";\nexport const f = memoize((k: string) => {;\n`,
};

/** The same package without the file that does not parse. */
export const PARSEABLE_PROJECT: Record<string, string> = Object.fromEntries(Object.entries(MIXED_PROJECT).filter(([path]) => path !== "src/broken.ts"));
