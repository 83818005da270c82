import type { Code } from "../analysis/codes.ts";

/** SARIF's result levels; memocap uses them in every output. */
export type Level = "error" | "warning" | "note" | "none";

/**
 * The long form of a reason code: what `memocap explain <code>` prints and what SARIF rules carry
 * as help. The one-line title stays in `CODES` (src/analysis/codes.ts).
 */
export interface Explanation {
  /**
   * "error": an unbounded cache stays in the code unless someone acts (fails `scan --check`);
   * "warning": a bug or a doubt a reviewer should look at; "note": information; "none": nothing to do.
   */
  level: Level;
  /** What the code means and what to do, in a few sentences. */
  details: string;
  /** The code as memocap finds it, and as it is (or should be) afterwards. */
  example: { before: string; after: string };
}

/**
 * One entry per code in CODES; test/explanations.test.ts fails for a code without one. Partial
 * rather than complete so that a new code shows up as a failing test, not as a build that breaks
 * everyone working on the tree.
 */
export const EXPLANATIONS: Partial<Record<Code, Explanation>> = {
  MC101: {
    level: "error",
    details:
      "lodash's memoize stores every result in a MapCache keyed by the first argument and never evicts. " +
      "Every distinct first argument stays in memory for the life of the process. memocap gives the " +
      "memoized function an LRUCache through lodash's documented `cache` property, so the key and the " +
      "returned function stay the same.",
    example: {
      before: 'import memoize from "lodash/memoize";\n\nexport const priceFor = memoize((sku: string) => lookUp(sku));',
      after:
        'import memoize from "lodash/memoize";\nimport { LRUCache } from "lru-cache";\n\n' +
        "export const priceFor = memoize((sku: string) => lookUp(sku));\npriceFor.cache = new LRUCache({ max: 500 });",
    },
  },
  MC102: {
    level: "error",
    details:
      "memoizee keeps every argument list it has seen unless `max` is set (`max: 0` and `max: Infinity` " +
      "also mean no limit). memocap adds `max` to the options, which turns on memoizee's own LRU eviction.",
    example: {
      before: 'import memoizee from "memoizee";\n\nconst stockOf = memoizee((sku) => fetchStock(sku));',
      after: 'import memoizee from "memoizee";\n\nconst stockOf = memoizee((sku) => fetchStock(sku), { max: 500 });',
    },
  },
  MC103: {
    level: "error",
    details:
      "fast-memoize stores results in a plain object that grows without limit, and its maintainers " +
      "declined a size option. Its `cache.create` hook takes any store with get/set, so an LRUCache bounds it.",
    example: {
      before: 'import memoize from "fast-memoize";\n\nconst render = memoize((id: string) => template(id));',
      after:
        'import memoize from "fast-memoize";\nimport { LRUCache } from "lru-cache";\n\n' +
        "const render = memoize((id: string) => template(id), { cache: { create: () => new LRUCache({ max: 500 }) } });",
    },
  },
  MC104: {
    level: "error",
    details:
      "mem keeps every key in a Map unless a `cache` is given. An LRUCache passed as `cache` bounds it; " +
      "keys and the returned function are unchanged.",
    example: {
      before: 'import mem from "mem";\n\nconst userById = mem((id: string) => loadUser(id));',
      after: 'import mem from "mem";\nimport { LRUCache } from "lru-cache";\n\nconst userById = mem((id: string) => loadUser(id), { cache: new LRUCache({ max: 500 }) });',
    },
  },
  MC105: {
    level: "error",
    details:
      "sindresorhus' memoize keeps every key in a Map unless a `cache` is given. An LRUCache passed as " +
      "`cache` bounds it; keys and the returned function are unchanged.",
    example: {
      before: 'import memoize from "memoize";\n\nconst slugOf = memoize((title: string) => slugify(title));',
      after:
        'import memoize from "memoize";\nimport { LRUCache } from "lru-cache";\n\n' +
        "const slugOf = memoize((title: string) => slugify(title), { cache: new LRUCache({ max: 500 }) });",
    },
  },
  MC106: {
    level: "error",
    details:
      "p-memoize keeps the resolved value of every key in a Map unless a `cache` is given (rejections are " +
      "not kept). An LRUCache passed as `cache` bounds it.",
    example: {
      before: 'import pMemoize from "p-memoize";\n\nconst fetchRate = pMemoize(async (currency: string) => getRate(currency));',
      after:
        'import pMemoize from "p-memoize";\nimport { LRUCache } from "lru-cache";\n\n' +
        "const fetchRate = pMemoize(async (currency: string) => getRate(currency), { cache: new LRUCache({ max: 500 }) });",
    },
  },
  MC107: {
    level: "error",
    details:
      "Plain `moize(fn)` keeps one entry, but `moize.infinite` and `maxSize: Infinity` keep every argument " +
      "list. memocap sets `maxSize` instead. moize scans its entries linearly, so keep the bound modest.",
    example: {
      before: 'import moize from "moize";\n\nconst area = moize.infinite((shape: Shape) => measure(shape));',
      after: 'import moize from "moize";\n\nconst area = moize((shape: Shape) => measure(shape), { maxSize: 500 });',
    },
  },
  MC108: {
    level: "error",
    details: "memize keeps every argument list unless `maxSize` is set. memocap adds `maxSize` to the options.",
    example: {
      before: 'import memize from "memize";\n\nconst format = memize((n: number, unit: string) => `${n} ${unit}`);',
      after: 'import memize from "memize";\n\nconst format = memize((n: number, unit: string) => `${n} ${unit}`, { maxSize: 500 });',
    },
  },
  MC109: {
    level: "error",
    details:
      "memoizerific's limit is its first argument; 0, Infinity or no limit keeps every argument list. " +
      "memocap writes the bound there.",
    example: {
      before: 'import memoizerific from "memoizerific";\n\nconst distance = memoizerific(0)((a: Point, b: Point) => measure(a, b));',
      after: 'import memoizerific from "memoizerific";\n\nconst distance = memoizerific(500)((a: Point, b: Point) => measure(a, b));',
    },
  },
  MC110: {
    level: "none",
    details: "The library's own size limit is set, so the cache cannot grow past it. Nothing to do.",
    example: {
      before: "const stockOf = memoizee((sku) => fetchStock(sku));",
      after: "const stockOf = memoizee((sku) => fetchStock(sku), { max: 100 });",
    },
  },
  MC111: {
    level: "none",
    details:
      "The memoized function's cache has been replaced (for lodash, `fn.cache = new LRUCache(...)`), so " +
      "that store decides the bound. Nothing to do; memocap recognises its own rewrite this way.",
    example: {
      before: "export const priceFor = memoize(lookUp);",
      after: "export const priceFor = memoize(lookUp);\npriceFor.cache = new LRUCache({ max: 500 });",
    },
  },
  MC112: {
    level: "none",
    details:
      "The library keeps a single entry by default (memoize-one, plain `moize(fn)`, micro-memoize, " +
      "reselect's lruMemoize), so the cache cannot grow. Nothing to do.",
    example: {
      before: 'import memoizeOne from "memoize-one";\n\nconst visible = memoizeOne((items: Item[]) => items.filter(isVisible));',
      after: "// unchanged: memoize-one remembers only the latest arguments",
    },
  },
  MC113: {
    level: "error",
    details:
      "micro-memoize keeps one entry by default, but in micro-memoize 4 `maxSize: Infinity` keeps every " +
      "argument list. memocap writes a finite `maxSize`. (micro-memoize 5 reads a finite maxSize only and " +
      "keeps one entry for Infinity: bounded, reported as MC430.) micro-memoize compares keys linearly, so " +
      "keep the bound modest.",
    example: {
      before: '// micro-memoize 4 installed\nimport memoize from "micro-memoize";\n\nconst area = memoize((w: number, h: number) => w * h, { maxSize: Infinity });',
      after: '// micro-memoize 4 installed\nimport memoize from "micro-memoize";\n\nconst area = memoize((w: number, h: number) => w * h, { maxSize: 500 });',
    },
  },
  MC114: {
    level: "error",
    details:
      "reselect 5's default `weakMapMemoize` lets object arguments go with the state, but keeps every " +
      "distinct primitive argument (an id, a page number) in a strong Map for ever. From reselect 5.3 a " +
      "`maxSize` in `memoizeOptions` and `argsMemoizeOptions` bounds it; it keeps two generations of " +
      "maxSize results, so memocap writes half of `--max`. Before 5.3 that option is ignored and " +
      "`lruMemoize` with `maxSize` is the bounded choice; memocap reads the installed version to choose.",
    example: {
      before: "const selectItem = createSelector([selectItems, (_: State, id: string) => id], (items, id) => items[id]);",
      after:
        "// reselect 5.3 installed, --max 500\nconst selectItem = createSelector([selectItems, (_: State, id: string) => id], (items, id) => items[id], {\n" +
        "  memoizeOptions: { maxSize: 250 },\n  argsMemoizeOptions: { maxSize: 250 },\n});",
    },
  },
  MC115: {
    level: "error",
    details:
      "nano-memoize has no size limit at all, so every argument list is kept for ever. memocap replaces the " +
      "call with a small wrapper over lru-cache, written into the file, that takes the same arguments, keys " +
      "as nano-memoize did and keeps at most `max` results; the memoized function is called as before.",
    example: {
      before: 'import nanomemoize from "nano-memoize";\n\nconst parse = nanomemoize((text: string) => compile(text));',
      after:
        'import { LRUCache } from "lru-cache";\n\nconst parse = boundedNanomemoize((text: string) => compile(text), { max: 500 });\n\n' +
        "/** nano-memoize's calls with at most `max` results kept (written by memocap) */\nfunction boundedNanomemoize(fn, options) {\n  // same keys as nano-memoize, results in an LRUCache\n}",
    },
  },
  MC116: {
    level: "error",
    details:
      "promise-memoize has no size limit, so every key it has seen is kept for ever. memocap replaces the " +
      "call with a small wrapper over lru-cache's `fetch()`, written into the file: same keys, calls in " +
      "flight share one promise, a rejected promise is dropped, and at most `max` results are kept.",
    example: {
      before: 'import promiseMemoize from "promise-memoize";\n\nconst loadUser = promiseMemoize((id: string) => fetchUser(id));',
      after:
        'import { LRUCache } from "lru-cache";\n\nconst loadUser = boundedPromiseMemoize((id: string) => fetchUser(id), { max: 500 });\n\n' +
        "/** promise-memoize's calls with at most `max` results kept (written by memocap) */\nfunction boundedPromiseMemoize(fn, options) {\n  // same keys as promise-memoize, results fetched through an LRUCache\n}",
    },
  },
  MC117: {
    level: "error",
    details:
      "utils-decorators' `memoizify` keeps every argument list in a Map unless a `cache` is given. An " +
      "LRUCache passed as `cache` bounds it.",
    example: {
      before: 'import { memoizify } from "utils-decorators";\n\nconst slugOf = memoizify((title: string) => slugify(title));',
      after:
        'import { memoizify } from "utils-decorators";\nimport { LRUCache } from "lru-cache";\n\n' +
        "const slugOf = memoizify((title: string) => slugify(title), { cache: new LRUCache({ max: 500 }) });",
    },
  },
  MC118: {
    level: "error",
    details:
      "@github/memoize keeps every argument list in a Map unless a `cache` is given. An LRUCache passed as " +
      "`cache` bounds it; the key (JSON of the arguments) is unchanged.",
    example: {
      before: 'import memoize from "@github/memoize";\n\nconst render = memoize((id: string, locale: string) => template(id, locale));',
      after:
        'import memoize from "@github/memoize";\nimport { LRUCache } from "lru-cache";\n\n' +
        "const render = memoize((id: string, locale: string) => template(id, locale), { cache: new LRUCache({ max: 500 }) });",
    },
  },
  MC120: {
    level: "error",
    details:
      "A Map or object at module scope is filled with keys that come from function inputs and nothing ever " +
      "removes them: a cache that grows for the life of the process. memocap makes it an LRUCache when " +
      "every use of it is one LRUCache supports.",
    example: {
      before:
        "const cache = new Map<string, Rate>();\n\nexport function rateFor(currency: string): Rate {\n" +
        "  let rate = cache.get(currency);\n  if (!rate) cache.set(currency, (rate = computeRate(currency)));\n  return rate;\n}",
      after:
        'import { LRUCache } from "lru-cache";\n\nconst cache = new LRUCache<string, Rate>({ max: 500 });\n\n' +
        "export function rateFor(currency: string): Rate {\n  let rate = cache.get(currency);\n" +
        "  if (!rate) cache.set(currency, (rate = computeRate(currency)));\n  return rate;\n}",
    },
  },
  MC121: {
    level: "none",
    details:
      "The module cache is emptied or trimmed by hand (clear, delete, a size check, a timer, or the Map is " +
      "replaced), so it has a bound of its own. Nothing to do.",
    example: {
      before: "const cache = new Map<string, Rate>();",
      after: "const cache = new Map<string, Rate>();\n// ...\nif (cache.size > 1000) cache.clear();",
    },
  },
  MC122: {
    level: "none",
    details:
      "The Map or object is filled when the module loads, or from a fixed set of keys: a lookup table, not " +
      "a cache. Its size does not depend on the inputs, so there is nothing to bound.",
    example: {
      before: "const unitNames = new Map([\n  [\"kg\", \"kilogram\"],\n  [\"g\", \"gram\"],\n]);",
      after: "// unchanged: a table of known size",
    },
  },
  MC123: {
    level: "none",
    details:
      "The Map or object holds values the program passes in (a registry, counters, seen-flags, state). " +
      "Evicting entries would lose data rather than recompute it, so it is not a cache and is left alone.",
    example: {
      before: "const handlers = new Map<string, Handler>();\nexport function register(name: string, handler: Handler) {\n  handlers.set(name, handler);\n}",
      after: "// unchanged: eviction would forget registered handlers",
    },
  },
  MC124: {
    level: "none",
    details:
      "A WeakMap lets go of an entry when its key object is collected, so it cannot hold on to memory " +
      "for keys the program no longer uses. Nothing to do.",
    example: {
      before: "const layoutOf = new WeakMap<Node, Layout>();",
      after: "// unchanged: entries go with their keys",
    },
  },
  MC125: {
    level: "none",
    details:
      "The memoized function takes no parameters, so every call has the same key and the cache holds one " +
      "entry: a lazily computed constant, not a leak. memocap leaves it. For libraries that key on the " +
      "arguments a call passes (lodash, mem, fast-memoize, moize...), that holds for calls without " +
      "arguments, which is what the function's type allows; a memoized function handed to other code as " +
      "it is made, or whose variable is passed on (`items.map(loadConfig)` passes each item) or called " +
      "with arguments in its file, may get keys anyway and is not counted here. memoizee keys on the " +
      "declared parameters (`fn.length`), so for it the one entry always holds.",
    example: {
      before: "const loadConfig = memoize(() => JSON.parse(readFileSync(\"config.json\", \"utf8\")));",
      after: "// unchanged: one entry",
    },
  },
  MC126: {
    level: "none",
    details:
      "Every parameter the library keys on has a type of a few values, as the type checker sees it: " +
      "`boolean` (2), an enum (one per member), a union of literals (`\"eur\" | \"usd\"`), `undefined` or " +
      "`null`; an optional parameter, or one with a default, adds `undefined`. The cache holds at most the " +
      "product of those counts, which the message gives, so memocap leaves it when that is at most the " +
      "bound it would write (`--max`). Only the parameters that form the key count: the first for lodash, " +
      "mem, memoize and p-memoize (or what lodash's resolver returns), the first `fn.length` for memoizee, " +
      "all of them for the others. As for MC125, a memoized function handed to other code, or called with " +
      "more arguments than it declares, is not counted, since its keys are then not those of its type.",
    example: {
      before: 'const formatterFor = memoize((currency: "eur" | "usd" | "gbp") => new Intl.NumberFormat("en", { style: "currency", currency }));',
      after: "// unchanged: at most 3 entries",
    },
  },
  MC201: {
    level: "warning",
    details:
      "The memoized function is async, so the cache stores promises. A rejected promise is cached like a " +
      "resolved one: after one failure (a timeout, a 503) every later call with that key gets the same " +
      "rejection without retrying. memocap still bounds the cache; use the library's promise mode, or " +
      "drop the key when the promise rejects.",
    example: {
      before: "const loadRates = memoize(async (currency: string) => fetchRates(currency));",
      after:
        "const loadRates = memoize(async (currency: string) => fetchRates(currency));\nloadRates.cache = new LRUCache({ max: 500 });\n" +
        "// by hand: forget failures so that the next call retries\n" +
        "const loadRatesRetrying = (currency: string) =>\n  loadRates(currency).catch((error) => {\n    loadRates.cache.delete(currency);\n    throw error;\n  });",
    },
  },
  MC202: {
    level: "warning",
    details:
      "micro-memoize renamed its promise option between majors: v4 reads `isPromise`, v5 reads `async`. " +
      "The name written here belongs to the other major, so the installed one ignores it and a rejected " +
      "promise stays cached. Use the name of the installed major.",
    example: {
      before: '// micro-memoize 5 installed\nconst load = memoize(async (id: string) => fetchItem(id), { isPromise: true });',
      after: '// micro-memoize 5 installed\nconst load = memoize(async (id: string) => fetchItem(id), { async: true });',
    },
  },
  MC203: {
    level: "error",
    details:
      "An unbounded memoized async function whose synchronous, deterministic core can be split out: " +
      "`fix` memoizes that core in its own bounded cache, keyed by the awaited inputs, and leaves an " +
      "async wrapper that is not memoized. Its I/O then runs on every call and its errors are never " +
      "cached, while the expensive part stays cached.",
    example: {
      before:
        "export const loadSchema = memoize(async (path: string) => {\n  const text = await readFile(path, \"utf8\");\n" +
        "  return compileSchema(JSON.parse(text));\n});",
      after:
        "const loadSchemaCore = memoize((text: string) => compileSchema(JSON.parse(text)));\nloadSchemaCore.cache = new LRUCache({ max: 500 });\n\n" +
        "export const loadSchema = async (path: string) => {\n  const text = await readFile(path, \"utf8\");\n  return loadSchemaCore(text);\n};",
    },
  },
  MC204: {
    level: "error",
    details:
      "An unbounded memoized async function with no sound synchronous core to split out: `fix` keeps one " +
      "bounded cache of promises that drops a promise when it rejects, so an immediate retry runs again " +
      "(the library's promise mode where it evicts in time: moize `isPromise`, micro-memoize v4 `isPromise` " +
      "or v5 `async`; else an LRUCache whose `fetchMethod` is the function: memoizee's `promise: true` drops " +
      "a rejection one tick late). The message says why it was not split.",
    example: {
      before: "const stockOf = memoizee(async (sku: string) => fetchStock(sku));",
      after:
        "const stockOfCache = new LRUCache({ max: 500, fetchMethod: async (sku: string) => fetchStock(sku) });\n\n" +
        "const stockOf = (sku: string) => stockOfCache.forceFetch(sku);",
    },
  },
  MC301: {
    level: "warning",
    details:
      "A memoized method or class field that never reads `this` keeps one cache per instance: every instance " +
      "computes and stores the same results again. memocap moves the results to one shared, bounded store (an " +
      "LRUCache before the class, or the memoized function itself for a class field) and keeps the member as a " +
      "thin delegate, so callers and subclasses see the same API.",
    example: {
      before: "class Formatter {\n  @Memoize()\n  slug(title: string): string {\n    return slugify(title);\n  }\n}",
      after:
        'const formatterSlugCache = new LRUCache<Parameters<Formatter["slugUncached"]>[0], { value: ReturnType<Formatter["slugUncached"]> }>({ max: 500 });\n\n' +
        "class Formatter {\n  slug(title: string): string {\n    const hit = formatterSlugCache.get(title);\n    if (hit) return hit.value;\n" +
        "    const value = this.slugUncached(title);\n    formatterSlugCache.set(title, { value });\n    return value;\n  }\n\n" +
        "  private slugUncached(title: string): string {\n    return slugify(title);\n  }\n}",
    },
  },
  MC302: {
    level: "error",
    details:
      "One cache serves every instance of a method that reads `this` (decko, utils-decorators and @github/memoize " +
      "decorators, a memoized prototype method): an instance gets a result computed for another one with the " +
      "same arguments, and cached values that hold an instance keep it alive. memocap gives each instance its " +
      "own bounded cache, kept in a WeakMap so that it goes with its instance.",
    example: {
      before: "class Account {\n  @memoize\n  statement(month: string): string {\n    return `${this.owner}: ${month}`;\n  }\n}",
      after:
        'const accountStatementCaches = new WeakMap<object, LRUCache<string, { value: ReturnType<Account["statementUncached"]> }>>();\n\n' +
        "class Account {\n  statement(month: string): string {\n    let cache = accountStatementCaches.get(this);\n" +
        "    if (!cache) accountStatementCaches.set(this, (cache = new LRUCache({ max: 500 })));\n    const key = String(month);\n" +
        "    const hit = cache.get(key);\n    if (hit) return hit.value;\n    const value = this.statementUncached(month);\n    cache.set(key, { value });\n    return value;\n  }\n\n" +
        "  private statementUncached(month: string): string {\n    return `${this.owner}: ${month}`;\n  }\n}",
    },
  },
  MC303: {
    level: "error",
    details:
      "Each instance has its own cache, and it keeps every distinct key for as long as the instance lives: a " +
      "long-lived instance (a service, a singleton) leaks like a module-level cache. memocap gives each instance " +
      "a bounded LRUCache, kept in a WeakMap so that it goes with its instance; the key is computed as the " +
      "library computed it.",
    example: {
      before: "class PriceService {\n  @Memoize()\n  priceFor(sku: string): number {\n    return this.lookUp(sku);\n  }\n}",
      after:
        'const priceServicePriceForCaches = new WeakMap<object, LRUCache<Parameters<PriceService["priceForUncached"]>[0], { value: ReturnType<PriceService["priceForUncached"]> }>>();\n\n' +
        "class PriceService {\n  priceFor(sku: string): number {\n    let cache = priceServicePriceForCaches.get(this);\n" +
        "    if (!cache) priceServicePriceForCaches.set(this, (cache = new LRUCache({ max: 500 })));\n    const hit = cache.get(sku);\n" +
        "    if (hit) return hit.value;\n    const value = this.priceForUncached(sku);\n    cache.set(sku, { value });\n    return value;\n  }\n\n" +
        "  private priceForUncached(sku: string): number {\n    return this.lookUp(sku);\n  }\n}",
    },
  },
  MC304: {
    level: "error",
    details:
      "typescript-memoize's `tags` option pushes the instance's cache into a global list on every call (an open " +
      "upstream bug): those caches are never released, and for a member without arguments the instance itself " +
      "is the key, so it is never collected either. memocap migrates the member to a bounded per-instance " +
      "store and drops the tags; `clear(tags)` no longer empties it, which the report says.",
    example: {
      before: 'class Report {\n  @Memoize({ tags: ["reports"] })\n  get summary(): string {\n    return this.render();\n  }\n}',
      after:
        'const reportSummaryCache = new WeakMap<object, { value: Report["summaryUncached"] }>();\n\n' +
        "class Report {\n  get summary(): string {\n    const hit = reportSummaryCache.get(this);\n    if (hit) return hit.value;\n" +
        "    const value = this.summaryUncached;\n    reportSummaryCache.set(this, { value });\n    return value;\n  }\n\n" +
        "  private get summaryUncached(): string {\n    return this.render();\n  }\n}",
    },
  },
  MC305: {
    level: "error",
    details:
      "The decorator keeps one cache for all instances (on the prototype), and it has no bound: every distinct " +
      "key is kept for ever. The method does not read `this`, so one store is right: memocap migrates it to one " +
      "bounded LRUCache before the class (never a cache object in the decorator's options).",
    example: {
      before: 'import { memoize } from "utils-decorators";\n\nclass Geo {\n  @memoize()\n  distance(a: string, b: string): number {\n    return measure(a, b);\n  }\n}',
      after:
        'import { LRUCache } from "lru-cache";\n\nconst geoDistanceCache = new LRUCache<string, { value: ReturnType<Geo["distanceUncached"]> }>({ max: 500 });\n\n' +
        "class Geo {\n  distance(a: string, b: string): number {\n    const key = JSON.stringify([a, b]);\n    const hit = geoDistanceCache.get(key);\n" +
        "    if (hit) return hit.value;\n    const value = this.distanceUncached(a, b);\n    geoDistanceCache.set(key, { value });\n    return value;\n  }\n\n" +
        "  private distanceUncached(a: string, b: string): number {\n    return measure(a, b);\n  }\n}",
    },
  },
  MC310: {
    level: "none",
    details:
      "At most one value is cached per instance (a method without arguments, a getter, memoize-decorator), or " +
      "one for all when the method reads no `this`, or none (p-memoize `cache: false`): the cache cannot grow. " +
      "Nothing to do.",
    example: {
      before: "class Config {\n  @Memoize()\n  get settings() {\n    return load(this.path);\n  }\n}",
      after: "// unchanged: one value per instance",
    },
  },
  MC311: {
    level: "note",
    details:
      "The decorator's options give its store (a cache object or a cache class), which decides where results " +
      "live and how many are kept; a cache object is shared by every instance. memocap leaves it; check that " +
      "the store evicts, and that the method does not read `this` if the store is shared.",
    example: {
      before: "class Geo {\n  @Memoize({ cache: sharedCache })\n  distance(a: string, b: string) {\n    return measure(a, b);\n  }\n}",
      after: "// unchanged: sharedCache decides; make it an LRUCache with a max",
    },
  },
  MC320: {
    level: "warning",
    details:
      "The decorator does not work under the project's decorator mode (read from the nearest tsconfig.json): " +
      "the legacy decorators throw at class definition under TypeScript 5 standard decorators, pMemoizeDecorator " +
      "throws under `experimentalDecorators`, and memoizeDecorator silently does nothing there. memocap leaves " +
      "the member; fix the mode or the decorator first.",
    example: {
      before: '// tsconfig: "experimentalDecorators": true\nclass A {\n  @memoizeDecorator()\n  f(x: number) {\n    return x * 2;\n  }\n}',
      after: '// tsconfig: standard decorators (no experimentalDecorators)\nclass A {\n  @memoizeDecorator()\n  f(x: number) {\n    return x * 2;\n  }\n}',
    },
  },
  MC321: {
    level: "error",
    details:
      "This member's cache has a problem memocap reports (the rest of the message says which), but it cannot " +
      "rewrite it safely: for example another decorator on the member, a destructured parameter, a generic " +
      "method or class, a first parameter that may be undefined (an LRUCache key in TypeScript), a key option " +
      "it cannot carry over, or a class field that would run before a binding it reads is initialised. It is " +
      "left for a person.",
    example: {
      before: "class Search {\n  @Memoize()\n  @Trace()\n  find(query: string) {\n    return this.index.find(query);\n  }\n}",
      after: "// by hand: bound the cache, keeping @Trace() where it was",
    },
  },
  MC401: {
    level: "warning",
    details:
      "The cache key is an object, compared by reference: an equal object built anew (a fresh options " +
      "object, a parsed request) misses the cache and adds an entry. The cache grows and hits nothing. " +
      "Key on a primitive, or give the memoizer a key function.",
    example: {
      before: "const quote = memoize((request: { sku: string; currency: string }) => price(request));\nquote({ sku: \"a\", currency: \"EUR\" }); // a new entry every call",
      after: "const quote = memoize(\n  (request: { sku: string; currency: string }) => price(request),\n  (request) => `${request.sku}:${request.currency}`,\n);",
    },
  },
  MC402: {
    level: "warning",
    details:
      "lodash's memoize keys on the first argument only, unless a resolver is given. A function of several " +
      "parameters returns the result of the first call for every later call with the same first argument, " +
      "whatever the others are. memocap reports this and never changes the key: add a resolver.",
    example: {
      before: "const add = memoize((a: number, b: number) => a + b);\nadd(1, 2); // 3\nadd(1, 3); // 3, from the cache",
      after: "const add = memoize((a: number, b: number) => a + b, (a: number, b: number) => `${a},${b}`);",
    },
  },
  MC403: {
    level: "warning",
    details:
      "memoizee keys on the first `fn.length` arguments. Rest parameters and parameters with defaults are " +
      "not counted in `fn.length`, so they are not part of the key and later calls return an earlier result. " +
      "Reported, never changed: set `length` (or `length: false`) in the options.",
    example: {
      before: "const sum = memoizee((...values: number[]) => total(values));\nsum(1, 2); // 3\nsum(5, 5); // 3, from the cache",
      after: "const sum = memoizee((...values: number[]) => total(values), { length: false });",
    },
  },
  MC404: {
    level: "warning",
    details:
      "mem, memoize and p-memoize key on the first argument only unless `cacheKey` is given, so a function " +
      "of several parameters returns an earlier result when only later arguments differ. Reported, never " +
      "changed: add a `cacheKey`.",
    example: {
      before: "const add = mem((a: number, b: number) => a + b);",
      after: "const add = mem((a: number, b: number) => a + b, { cacheKey: (args) => JSON.stringify(args) });",
    },
  },
  MC405: {
    level: "warning",
    details:
      "fast-memoize and nano-memoize switch to a one-argument mode when `fn.length` is 1, which is also " +
      "the case for `(a, b = 10) => ...`: later arguments are neither keyed nor passed to the function, so " +
      "`f(1, 2)` can return 11. Reported, never changed: pick the variadic strategy.",
    example: {
      before: "const f = memoize((a: number, b = 10) => a + b);\nf(1, 2); // 11",
      after: "const f = memoize((a: number, b = 10) => a + b, { strategy: memoize.strategies.variadic });",
    },
  },
  MC406: {
    level: "warning",
    details:
      "One `memoizerific(n)` result wraps several functions, and memoizerific keeps one cache per wrapper: " +
      "the functions answer each other's calls with the same arguments. Give each function its own wrapper.",
    example: {
      before: "const memo = memoizerific(100);\nconst double = memo((x: number) => x * 2);\nconst negate = memo((x: number) => -x);\ndouble(5); // 10\nnegate(5); // 10",
      after: "const double = memoizerific(100)((x: number) => x * 2);\nconst negate = memoizerific(100)((x: number) => -x);",
    },
  },
  MC420: {
    level: "note",
    details:
      "The cache is iterated somewhere. A Map iterates in insertion order; an LRUCache iterates the most " +
      "recently used entries first. The rewrite is made; check that the order does not matter there " +
      "(`rentries()` iterates least recently used first).",
    example: {
      before: "const cache = new Map<string, Rate>();\nfor (const [currency, rate] of cache) report(currency, rate);",
      after: "const cache = new LRUCache<string, Rate>({ max: 500 });\nfor (const [currency, rate] of cache) report(currency, rate); // most recent first",
    },
  },
  MC421: {
    level: "note",
    details:
      "The cached values' type is unknown, and LRUCache does not store `undefined`: a call whose result is " +
      "`undefined` is recomputed every time after the rewrite. Results stay correct, only uncached. " +
      "Store a sentinel or wrap the value if such results are expensive.",
    example: {
      before: "const cache = new Map();\ncache.set(key, compute(key)); // compute may return undefined",
      after: "const cache = new LRUCache<string, { value: unknown }>({ max: 500 });\ncache.set(key, { value: compute(key) });",
    },
  },
  MC422: {
    level: "note",
    details:
      "The module cache was a plain object, whose property names are strings: `cache[1]` and `cache[\"1\"]` " +
      "are the same entry. An LRUCache compares keys as they are, so the rewrite passes keys through " +
      "`String()` to keep the old behaviour.",
    example: {
      before: "const cache: Record<string, Rate> = {};\ncache[id] = computeRate(id);",
      after: "const cache = new LRUCache<string, Rate>({ max: 500 });\ncache.set(String(id), computeRate(id));",
    },
  },
  MC430: {
    level: "warning",
    details:
      "The option that sizes the cache is one the installed version of the library does not read, so the " +
      "cache is not sized as written (reselect reads weakMapMemoize's `maxSize` only from 5.3 on; " +
      "micro-memoize ignores some `maxSize` values). Upgrade the library or use the option it reads.",
    example: {
      before: '// reselect 5.1 installed\nconst selectItem = createSelector([selectItems, selectId], pick, { memoizeOptions: { maxSize: 500 } });',
      after:
        '// reselect 5.1 installed\nconst selectItem = createSelector([selectItems, selectId], pick, {\n' +
        "  memoize: lruMemoize,\n  memoizeOptions: { maxSize: 500 },\n  argsMemoize: lruMemoize,\n  argsMemoizeOptions: { maxSize: 500 },\n});",
    },
  },
  MC901: {
    level: "note",
    details:
      "A `// memocap-ignore` comment on or above the site tells memocap to leave it as it is. It is still " +
      "listed (and reported to SARIF as suppressed) so that the decision stays visible; `scan --check` " +
      "does not fail on it.",
    example: {
      before: "// memocap-ignore: the keys are the 12 month names\nconst monthName = memoize((month: number) => format(month));",
      after: "// unchanged",
    },
  },
  MC902: {
    level: "warning",
    details:
      "The options argument is not an object literal (a variable, a call, a spread), so memocap cannot " +
      "tell whether a bound is set and leaves the site. Check the options by hand, or write them inline.",
    example: {
      before: "const options = loadOptions();\nconst stockOf = memoizee(fetchStock, options);",
      after: "const stockOf = memoizee(fetchStock, { ...loadOptions(), max: 500 });",
    },
  },
  MC903: {
    level: "error",
    details:
      "The rewrite needs `import { LRUCache } from \"lru-cache\"`, but the package already depends on an " +
      "lru-cache older than 10, which has no named LRUCache export. memocap does not upgrade a dependency " +
      "for you: upgrade lru-cache to 10 or later and run memocap again.",
    example: {
      before: '"dependencies": { "lru-cache": "^6.0.0" }',
      after: '"dependencies": { "lru-cache": "^11.0.0" }',
    },
  },
  MC904: {
    level: "note",
    details:
      "The module assigns `memoize.Cache`, so every lodash memoize created afterwards uses that class and " +
      "the class decides the bound. memocap leaves these sites to it; make sure the class evicts.",
    example: {
      before: "memoize.Cache = WeakMap;\nconst layoutOf = memoize((node: Node) => measure(node));",
      after: "// unchanged: WeakMap lets entries go with their keys",
    },
  },
  MC905: {
    level: "error",
    details:
      "The library has no bound option, so memocap migrates its calls to a wrapper over lru-cache; this call " +
      "cannot be migrated without changing its behaviour (an option the wrapper does not keep, spread " +
      "arguments, extra arguments). The site stays unbounded: bound it by hand.",
    example: {
      before: "const parse = nanomemoize((text: string) => compile(text), { equals: deepEqual });",
      after:
        'import { LRUCache } from "lru-cache";\n\nconst parseCache = new LRUCache<string, { value: Compiled }>({ max: 500 });\n' +
        "const parse = (text: string) => {\n  let entry = parseCache.get(text);\n  if (!entry) parseCache.set(text, (entry = { value: compile(text) }));\n  return entry.value;\n};",
    },
  },
  MC906: {
    level: "error",
    details:
      "The memoizer is called in a form whose bound cannot be written in place (for example the options or the " +
      "limit come from elsewhere, or the wrapper is passed around before use). The site stays unbounded: " +
      "bound it by hand.",
    example: {
      before: "const memo = memoizerific(limitFromConfig);\nexport const area = memo((w: number, h: number) => w * h);",
      after: "export const area = memoizerific(500)((w: number, h: number) => w * h);",
    },
  },
  MC910: {
    level: "error",
    details:
      "The site would be rewritten by a transform that this run does not run: `--transforms` (or the " +
      "configuration's `transforms`) names the transforms that may run, and this one is not among them. " +
      "The site stays unbounded: add the transform, or bound it by hand. Without split-async, a memoized " +
      "async function is not reported here: bound-memoize bounds it as it is (its rejections stay cached, MC201).",
    example: {
      before: '// memocap.config.json: { "transforms": ["bound-memoize"] }\nconst cache = new Map<string, Report>();\nexport function report(id: string) {\n  if (!cache.has(id)) cache.set(id, build(id));\n  return cache.get(id)!;\n}',
      after: "// left as it is (bound-module-cache is not selected)",
    },
  },
  MC911: {
    level: "error",
    details:
      "The configuration turns rewriting off for this library (`\"libraries\": { \"<library>\": { \"rewrite\": false } }`): " +
      "its sites are still found and reported, but `fix` leaves them as they are. The site stays unbounded.",
    example: {
      before: '// memocap.config.json: { "libraries": { "memoizee": { "rewrite": false } } }\nexport const rate = memoizee((currency: string) => lookup(currency));',
      after: "// left as it is (rewriting memoizee is turned off)",
    },
  },
  MC920: {
    level: "error",
    details:
      "The module cache is exported, handed to other code, aliased or returned, so code memocap does not see " +
      "may rely on it being a Map or a plain object (its methods, its iteration order, its size). memocap " +
      "leaves it unbounded; bound it by hand where you can see every use.",
    example: {
      before: "export const cache = new Map<string, Rate>();",
      after: 'import { LRUCache } from "lru-cache";\n\nexport const cache = new LRUCache<string, Rate>({ max: 500 }); // after checking every importer',
    },
  },
  MC921: {
    level: "error",
    details:
      "The module cache is checked with `instanceof Map`, which an LRUCache fails, so the rewrite would " +
      "change behaviour. It stays unbounded: change the check, then bound the cache.",
    example: {
      before: "const cache = new Map();\nif (cache instanceof Map) cache.set(key, value);",
      after: "const cache = new LRUCache<string, Value>({ max: 500 });\ncache.set(key, value);",
    },
  },
  MC922: {
    level: "error",
    details:
      "Keys or values of the module cache can be `undefined` or `null`, which LRUCache does not store, so the " +
      "rewrite would change behaviour. It stays unbounded: wrap the values (or map null keys) first.",
    example: {
      before: "const cache = new Map<string, Rate | undefined>();",
      after: "const cache = new LRUCache<string, { rate: Rate | undefined }>({ max: 500 });",
    },
  },
  MC923: {
    level: "error",
    details:
      "The module cache is used in a way the LRUCache rewrite does not restate (for example an object cache " +
      "iterated with `Object.keys` or `for...in`, a Map created with initial entries, a method LRUCache lacks, " +
      "or a fill inside a larger expression). The reason names the use. It stays unbounded: bound it by hand.",
    example: {
      before: "const cache: Record<string, Rate> = {};\nfor (const currency in cache) report(currency, cache[currency]);",
      after:
        "const cache = new LRUCache<string, Rate>({ max: 500 });\n" +
        "for (const [currency, rate] of cache.entries()) report(currency, rate);",
    },
  },
};

/** The explanation of a code, when it has one (codes come from the analysis as plain strings). */
export function explanationOf(code: string): Explanation | undefined {
  return (EXPLANATIONS as Record<string, Explanation | undefined>)[code];
}

/** A site's level: its code's, or for a code not yet explained, "error" when it is unbounded. */
export function siteLevel(site: { code: string; bounded: boolean }): Level {
  return explanationOf(site.code)?.level ?? (site.bounded ? "none" : "error");
}

/** A finding's level: its code's, or "warning" for a code not yet explained. */
export function findingLevel(code: string): Level {
  return explanationOf(code)?.level ?? "warning";
}
