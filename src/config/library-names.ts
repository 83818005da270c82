import { DECORATOR_LIBRARIES } from "../analysis/instance-cache/decorator-libraries.ts";
import { LIBRARY_ADAPTERS } from "../analysis/libraries/index.ts";

/**
 * The names a configuration's `libraries` may set options for: the `library` of the sites memocap
 * reports for memoizer calls and memoizing decorators (hand-written module caches have no library;
 * the `bound-module-cache` transform stands for them).
 */
export const CONFIGURABLE_LIBRARIES: readonly string[] = [...new Set([...LIBRARY_ADAPTERS.map((adapter) => adapter.id), ...DECORATOR_LIBRARIES.map((library) => library.id)])].sort();
