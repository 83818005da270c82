import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { FileInfo, Options } from "jscodeshift";
import type { Site } from "../analysis/site.ts";

declare const __dirname: string | undefined;

/**
 * Under plain `jscodeshift -t transforms/<name>.ts`, jscodeshift loads the transform through
 * @babel/register as CommonJS and would also push ts-morph through Babel if it were required.
 * So the analysis is loaded as native ESM from the built package, through an `import()` that Babel
 * does not rewrite into `require`.
 */
const importNative = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

export async function analyseStandalone(file: FileInfo, options: Options): Promise<Site[]> {
  const entry = builtEntry();
  const module = (await importNative(entry)) as { analyseText(path: string, text: string, options: { max: number }): Site[] };
  const max = options.max === undefined ? undefined : Number(options.max);
  return module.analyseText(file.path, file.source, { max: max && max > 0 ? max : 500 });
}

function builtEntry(): string {
  const here = typeof __dirname === "string" ? __dirname : undefined;
  const candidates = here ? [join(here, "../dist/src/index.js"), join(here, "../src/index.js"), join(here, "../index.js")] : [];
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? pathToFileURL(found).href : "memocap";
}
