import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

export interface Schema {
  source: string;
  rules: number;
}

async function download(path: string): Promise<string> {
  upstream.calls++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`download of ${path} failed`);
  }
  return `  {"$id": "${path}"}  `;
}

function compileSchema(text: string): Schema {
  computed.count++;
  return { source: text, rules: text.length };
}

const loadSchemaCore = memoize((text: string) => compileSchema(text.trim()));
loadSchemaCore.cache = new LRUCache({ max: 500 });

/** The schema at `path`, compiled. */
export const loadSchema = async (path: string): Promise<Schema> => {
  const text = await download(path);
  return loadSchemaCore(text);
};
