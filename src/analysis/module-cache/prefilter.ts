import { storeDeclarations } from "./prefilter-declarations.ts";
import { mayBeWeakMapCache } from "./prefilter-weakmaps.ts";
import { isWrittenThrough } from "./prefilter-writes.ts";

/**
 * An empty store after `=`: `new Map`, `new WeakMap`, `{}`, `Object.create(null)`, also in
 * parentheses or after comments (a bundler's `@__PURE__`, a JSDoc cast `/** @type {T} *\/ ({})`).
 * Not after `==`, `!=`, `<=`, `>=`. Each filler starts with a different character, so the pattern
 * cannot backtrack out of hand.
 */
const STORE = String.raw`(?<![=!<>])=((?:[\s(]|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*\n)*)(?:(new\s+(Weak)?Map)\b|\{(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/)*\}|Object\.create\(\s*null\s*\))`;
/** The store alone, as a first test: V8 rejects nearly every file with it in a fraction of a millisecond. */
const ANY_STORE = new RegExp(STORE);
const STORES = new RegExp(STORE, "g");

/**
 * Cheap text test for a module cache: a module-level declaration (or class-static member) of an
 * empty store, whose name is later written through in the way of its kind (`name.set(` for a Map or
 * WeakMap, `name[key] =` for an object), and for a WeakMap also looked up with a key it is written
 * with. Most `= {}` are parameter or destructuring defaults, or constants that are never written;
 * skipping them keeps the parser for files that can hold a site.
 * Never false for a file that has a module-cache site (test/prefilter-shapes.test.ts holds the shapes).
 */
export function mayHoldModuleCache(text: string): boolean {
  if (!ANY_STORE.test(text)) return false;
  const tested = new Set<string>();
  const namesOf = storeDeclarations(text);
  for (const store of text.matchAll(STORES)) {
    const kind = store[2] === undefined ? "object" : "map";
    if (kind === "object" && closesAParenthesis(text, store.index + store[0].length, store[1]!)) continue;
    const names = namesOf(store.index);
    if (names === "unknown") return true;
    const weak = store[3] !== undefined;
    for (const name of names) {
      if (tested.has(`${kind} ${weak} ${name}`)) continue;
      tested.add(`${kind} ${weak} ${name}`);
      if (isWrittenThrough(text, name, kind) && (!weak || mayBeWeakMapCache(text, name))) return true;
    }
  }
  return false;
}

/** `f(options = {})`, `({ a } = {}) =>`: more `)` follow the store than opened after its `=`, so it is inside parentheses (a default). */
function closesAParenthesis(text: string, after: number, fillers: string): boolean {
  const opened = fillers.split("(").length - 1;
  let closed = 0;
  for (let i = after; i < text.length && /[\s)]/.test(text[i]!); i++) if (text[i] === ")") closed++;
  return closed > opened;
}
