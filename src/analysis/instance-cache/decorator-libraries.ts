import ts from "../../typescript.cts";
import { withoutDefault } from "../libraries/adapter.ts";
import type { ModuleRef } from "../module-ref.ts";
import { skipWrappers } from "../module-ref.ts";
import { keyFunction, keyMethod, milliseconds, readKnownOptions, type DecoratorConfig } from "./decorator-options.ts";
import type { CacheKey } from "./plan.ts";

/**
 * The memoizing decorators, as measured in research/memo-libs.md §3: which decorator mode they run
 * under, where they keep results, how they key them, and what their options mean.
 */
export interface DecoratorLibrary {
  id: string;
  /** The export name when this module + property path is one of the library's memoizing decorators. */
  exportOf(ref: ModuleRef): string | undefined;
  /** The decorator mode the library is written for (memo-libs.md §3: under the other it throws or does nothing). */
  mode: "legacy" | "standard";
  /** Where results live without a `cache` option: own store per instance, or one store per method for all instances. */
  store: "per-instance" | "shared";
  /** Keeps one value per instance whatever the arguments: already bounded. */
  oneValue?: boolean;
  /** Decorates getters too (others take methods only). */
  getters: boolean;
  /** The key for a method with parameters when the options set none. */
  defaultKey: CacheKey;
  /** Drops a rejected promise so that the next call tries again (the delegate must too). */
  evictsRejections(exportName: string): boolean;
  /** Functions of the library that clear a decorated method's cache: a file using them keeps the library. */
  clearFunctions: readonly string[];
  /** What the decorator's arguments ask for (`undefined` for a bare `@decorator`). */
  config(exportName: string, args: readonly ts.Expression[] | undefined): DecoratorConfig;
}

const FIRST_ARGUMENT: CacheKey = { kind: "first-argument" };
const NO_OPTIONS: DecoratorConfig = { kind: "migratable", tags: false };

function exportIn(ref: ModuleRef, module: RegExp, names: readonly string[], defaultName?: string): string | undefined {
  if (!module.test(ref.module)) return undefined;
  const path = withoutDefault(ref.path);
  if (path.length === 0) return defaultName;
  return path.length === 1 && names.includes(path[0]!) ? path[0] : undefined;
}

function unsupported(detail: string): DecoratorConfig {
  return { kind: "unsupported", detail };
}

const typescriptMemoize: DecoratorLibrary = {
  id: "typescript-memoize",
  exportOf: (ref) => exportIn(ref, /^typescript-memoize$/, ["Memoize", "MemoizeExpiring"]),
  mode: "legacy",
  store: "per-instance",
  getters: true,
  defaultKey: FIRST_ARGUMENT,
  evictsRejections: () => false,
  clearFunctions: ["clear"],
  config(exportName, args) {
    if (args === undefined) return unsupported("@Memoize without a call");
    if (exportName === "MemoizeExpiring") {
      const [expiring, hash] = args;
      const ttl = expiring && milliseconds(expiring);
      if (!ttl) return unsupported("the expiry is not a number of milliseconds");
      return withHash({ kind: "migratable", ttl, tags: false }, hash);
    }
    const [argument] = args;
    if (!argument) return NO_OPTIONS;
    const node = skipWrappers(argument);
    if (!ts.isObjectLiteralExpression(node)) return withHash(NO_OPTIONS, node);
    const read = readKnownOptions(node, ["hashFunction", "expiring", "tags"]);
    if (!("properties" in read)) return read;
    const expiring = read.properties.get("expiring");
    const ttl = expiring && milliseconds(expiring);
    if (expiring && !ttl) return unsupported("the expiry is not a number of milliseconds");
    return withHash({ kind: "migratable", ttl, tags: read.properties.has("tags") }, read.properties.get("hashFunction"));
  },
};

/** typescript-memoize's hashFunction: `true` joins the arguments' strings, a function is called with `this`. */
function withHash(config: Extract<DecoratorConfig, { kind: "migratable" }>, hash: ts.Expression | undefined): DecoratorConfig {
  if (!hash) return config;
  const node = skipWrappers(hash);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { ...config, key: { kind: "to-string-arguments" } };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return config;
  const key = keyFunction(node, "spread-with-this");
  return "unsupported" in key ? unsupported(key.unsupported) : { ...config, key };
}

const lodashDecorators: DecoratorLibrary = {
  id: "lodash-decorators",
  exportOf: (ref) =>
    exportIn(ref, /^lodash-decorators$/, ["Memoize", "memoize"]) ?? exportIn(ref, /^lodash-decorators\/memoize(\.js)?$/, ["Memoize", "memoize"], "Memoize"),
  mode: "legacy",
  store: "per-instance",
  getters: false,
  defaultKey: FIRST_ARGUMENT,
  evictsRejections: () => false,
  clearFunctions: [],
  config(_exportName, args) {
    // `@Memoize` without a call works too: lodash-decorators takes its parameters as optional.
    const [argument] = args ?? [];
    if (!argument) return NO_OPTIONS;
    const node = skipWrappers(argument);
    if (!ts.isObjectLiteralExpression(node)) return withResolver(node);
    const read = readKnownOptions(node, ["resolver", "type", "cache"]);
    if (!("properties" in read)) return read;
    if (read.properties.has("cache")) return { kind: "store-option", detail: "the cache option's object is shared by all instances" };
    if (read.properties.has("type")) return { kind: "store-option", detail: "the type option's class decides each instance's store and its bound" };
    const resolver = read.properties.get("resolver");
    return resolver ? withResolver(resolver) : NO_OPTIONS;
  },
};

/** lodash-decorators' resolver: a function (bound to the instance) or the name of a method of the instance. */
function withResolver(resolver: ts.Expression): DecoratorConfig {
  const byName = keyMethod(resolver);
  if (byName) return { kind: "migratable", key: byName, tags: false };
  const key = keyFunction(resolver, "spread-with-this");
  return "unsupported" in key ? unsupported(key.unsupported) : { kind: "migratable", key, tags: false };
}

const decko: DecoratorLibrary = {
  id: "decko",
  exportOf: (ref) => exportIn(ref, /^decko$/, ["memoize"]),
  mode: "legacy",
  store: "shared",
  getters: false,
  defaultKey: { kind: "string-first-argument", lowerCase: false },
  evictsRejections: () => false,
  clearFunctions: [],
  config(_exportName, args) {
    const [argument] = args ?? [];
    if (!argument) return NO_OPTIONS;
    const read = readKnownOptions(argument, ["caseSensitive", "cache"]);
    if (!("properties" in read)) return read;
    if (read.properties.has("cache")) return { kind: "store-option", detail: "the cache option's object is the store" };
    const caseSensitive = read.properties.get("caseSensitive");
    if (!caseSensitive || caseSensitive.kind === ts.SyntaxKind.TrueKeyword) return NO_OPTIONS;
    if (caseSensitive.kind !== ts.SyntaxKind.FalseKeyword) return unsupported("caseSensitive is not true or false");
    return { kind: "migratable", key: { kind: "string-first-argument", lowerCase: true }, tags: false };
  },
};

const memoizeDecorator: DecoratorLibrary = {
  id: "memoize-decorator",
  exportOf: (ref) => exportIn(ref, /^memoize-decorator$/, [], "default"),
  mode: "legacy",
  store: "per-instance",
  oneValue: true,
  getters: true,
  defaultKey: { kind: "instance" },
  evictsRejections: () => false,
  clearFunctions: [],
  config: () => NO_OPTIONS,
};

const utilsDecorators: DecoratorLibrary = {
  id: "utils-decorators",
  exportOf: (ref) => exportIn(ref, /^utils-decorators$/, ["memoize", "memoizeAsync"]),
  mode: "legacy",
  store: "shared",
  getters: false,
  defaultKey: { kind: "json-arguments" },
  evictsRejections: (exportName) => exportName === "memoizeAsync",
  clearFunctions: [],
  config(_exportName, args) {
    const [argument] = args ?? [];
    if (!argument) return NO_OPTIONS;
    const node = skipWrappers(argument);
    if (ts.isNumericLiteral(node)) return { kind: "migratable", ttl: node.getText(), tags: false };
    const read = readKnownOptions(node, ["cache", "keyResolver", "expirationTimeMs"]);
    if (!("properties" in read)) return read;
    if (read.properties.has("cache")) return { kind: "store-option", detail: "the cache option's object is the store" };
    const expiration = read.properties.get("expirationTimeMs");
    const ttl = expiration && milliseconds(expiration);
    if (expiration && !ttl) return unsupported("expirationTimeMs is not a number of milliseconds");
    const resolver = read.properties.get("keyResolver");
    if (!resolver) return { kind: "migratable", ttl, tags: false };
    // A method name is bound to the instance; a function is called as it is.
    const key = keyMethod(resolver) ?? keyFunction(resolver, "spread");
    return "unsupported" in key ? unsupported(key.unsupported) : { kind: "migratable", key, ttl, tags: false };
  },
};

/** mem, memoize and p-memoize share their options: `cacheKey(arguments)`, `cache`, and (mem, memoize) `maxAge`. */
function sindresorhusConfig(args: readonly ts.Expression[] | undefined, known: readonly string[]): DecoratorConfig {
  const [argument] = args ?? [];
  const read = readKnownOptions(argument, known);
  if (!("properties" in read)) return read;
  const cache = read.properties.get("cache");
  if (cache) {
    if (skipWrappers(cache).kind === ts.SyntaxKind.FalseKeyword) return { kind: "store-option", detail: "cache: false keeps no results", keepsNothing: true };
    return { kind: "store-option", detail: "the cache option's object is shared by all instances" };
  }
  const maxAge = read.properties.get("maxAge");
  const ttl = maxAge && milliseconds(maxAge);
  if (maxAge && !ttl) return unsupported("maxAge is not a number of milliseconds");
  const cacheKey = read.properties.get("cacheKey");
  if (!cacheKey) return { kind: "migratable", ttl, tags: false };
  const key = keyFunction(cacheKey, "array");
  return "unsupported" in key ? unsupported(key.unsupported) : { kind: "migratable", key, ttl, tags: false };
}

const mem: DecoratorLibrary = {
  id: "mem",
  exportOf: (ref) => exportIn(ref, /^mem$/, ["memDecorator"]),
  mode: "legacy",
  store: "per-instance",
  getters: false,
  defaultKey: FIRST_ARGUMENT,
  evictsRejections: () => false,
  clearFunctions: ["memClear"],
  config: (_exportName, args) => (args === undefined ? unsupported("@memDecorator without a call") : sindresorhusConfig(args, ["cacheKey", "cache", "maxAge"])),
};

const memoize: DecoratorLibrary = {
  id: "memoize",
  exportOf: (ref) => exportIn(ref, /^memoize$/, ["memoizeDecorator"]),
  mode: "standard",
  store: "per-instance",
  getters: true,
  defaultKey: FIRST_ARGUMENT,
  evictsRejections: () => false,
  clearFunctions: ["memoizeClear"],
  config: (_exportName, args) => (args === undefined ? unsupported("@memoizeDecorator without a call") : sindresorhusConfig(args, ["cacheKey", "cache", "maxAge"])),
};

const pMemoize: DecoratorLibrary = {
  id: "p-memoize",
  exportOf: (ref) => exportIn(ref, /^p-memoize$/, ["pMemoizeDecorator"]),
  mode: "standard",
  store: "per-instance",
  getters: false,
  defaultKey: FIRST_ARGUMENT,
  evictsRejections: () => true,
  clearFunctions: ["pMemoizeClear"],
  config: (_exportName, args) => (args === undefined ? unsupported("@pMemoizeDecorator without a call") : sindresorhusConfig(args, ["cacheKey", "cache"])),
};

const githubMemoize: DecoratorLibrary = {
  id: "@github/memoize",
  exportOf: (ref) => exportIn(ref, /^@github\/memoize\/decorator(\.js)?$/, [], "default"),
  mode: "legacy",
  store: "shared",
  getters: false,
  defaultKey: { kind: "json-arguments-as-strings" },
  evictsRejections: () => true,
  clearFunctions: [],
  config(_exportName, args) {
    if (args === undefined) return unsupported("@memoize without a call");
    const read = readKnownOptions(args[0], ["hash", "cache"]);
    if (!("properties" in read)) return read;
    if (read.properties.has("cache")) return { kind: "store-option", detail: "the cache option's object is the store" };
    const hash = read.properties.get("hash");
    if (!hash) return NO_OPTIONS;
    const key = keyFunction(hash, "spread-with-this");
    return "unsupported" in key ? unsupported(key.unsupported) : { kind: "migratable", key, tags: false };
  },
};

export const DECORATOR_LIBRARIES: readonly DecoratorLibrary[] = [
  typescriptMemoize,
  lodashDecorators,
  decko,
  memoizeDecorator,
  utilsDecorators,
  mem,
  memoize,
  pMemoize,
  githubMemoize,
];

/** Cheap text test: a file that names none of these cannot hold a memoizing decorator. */
export const DECORATOR_PREFILTER = /typescript-memoize|lodash-decorators|\bdecko\b|memoize-decorator|utils-decorators|\bmemDecorator\b|\bmemoizeDecorator\b|\bpMemoizeDecorator\b|@github\/memoize/;

