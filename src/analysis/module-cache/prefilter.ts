/** A store created empty: `= new Map`, `= new WeakMap`, `= {}`, `= Object.create(null)`, also after a bundler's @__PURE__ comment. */
const STORE = String.raw`=\s*(?:\/\*[^*]*\*\/\s*)?(?:new\s+(?:Weak)?Map\b|\{\s*\}|Object\.create\(\s*null\s*\))`;

/**
 * Lines that may declare one: a top-level `const|let|var`, a later line of one declaration list
 * (`    cache = {},`), or a `static` member (not anchored: `private static readonly` come first).
 */
const DECLARATION_SOURCE = String.raw`^(?:export\s+)?(?:const|let|var)\s[^\n;]*?${STORE}[^\n]*|^[ \t]+[\w$]+\s*${STORE}\s*,[ \t]*$|\bstatic\s[^\n;]*?${STORE}[^\n]*`;
const ANY_DECLARATION = new RegExp(DECLARATION_SOURCE, "m");
/** The store alone: a regular expression V8 runs several times faster than ANY_DECLARATION, which needs it. */
const ANY_STORE = new RegExp(STORE);
const DECLARATIONS = new RegExp(DECLARATION_SOURCE, "gm");

/** The name before `=`, after an optional type annotation (which may hold `=>`). */
const NAMED_STORE = new RegExp(String.raw`([#\w$]+)\s*(?::(?:[^;=\n]|=>)*)?${STORE}`, "g");

/**
 * Cheap text test for a module cache: a declaration of an empty store whose name is later written
 * through (`name[`, `name.set(`). Most module-level `{}` are constants that are never written;
 * skipping them keeps the parser for files that can hold a site. One regular expression rejects
 * nearly every file; only files with a declaration have their names looked up.
 */
export function mayHoldModuleCache(text: string): boolean {
  if (!ANY_STORE.test(text) || !ANY_DECLARATION.test(text)) return false;
  for (const declaration of text.matchAll(DECLARATIONS)) {
    for (const [, name] of declaration[0].matchAll(NAMED_STORE)) {
      if (name && isWrittenThrough(text, name)) return true;
    }
  }
  return false;
}

function isWrittenThrough(text: string, name: string): boolean {
  return [`${name}[`, `${name}.set(`, `${name}?.[`, `${name}![`, `${name}!.set(`].some((use) => text.includes(use));
}
