/**
 * Whether a module name in quotes binds anything the analysis can resolve a memoizer through: the
 * analysis follows `import … from "m"` and `require("m")` (also `import x = require("m")` and
 * interop helpers around it), nothing else. So a library's name counts for the prefilter only right
 * after `from` or `require(`, and not:
 * - in a re-export (`export { memoize } from "lodash"`, `export * from "reselect"`): it binds no
 *   local name;
 * - in a type-only import (`import type { Selector } from "reselect"`): no value to call;
 * - on a line that cannot be code: one starting with `//`, or a doc comment's example
 *   (` * import moize from "moize"`: `*` then a declaration keyword is no expression).
 * A comment between the keyword and the quote, where this cannot see through, counts (the file is
 * parsed).
 */
export function isImportedAt(text: string, quote: number): boolean {
  const end = tokenEndBefore(text, quote);
  if (end === undefined) return true;
  const linePrefix = text.slice(text.lastIndexOf("\n", quote - 1) + 1, quote);
  if (text.startsWith("from", end - 4)) {
    if (NOT_CODE.test(linePrefix)) return false;
    const head = text.slice(Math.max(0, end - 4 - MAX_HEAD_LENGTH), end - 4);
    return !RE_EXPORT.test(head) && !TYPE_ONLY_IMPORT.test(head);
  }
  if (text[end - 1] !== "(") return false;
  const callee = tokenEndBefore(text, end - 1);
  if (callee === undefined) return true;
  return text.startsWith("require", callee - 7) && !NOT_CODE.test(linePrefix);
}

/**
 * Where the code before `at` ends, past spaces: undefined when a comment may lie between (a `*\/`
 * there, or a line before with `//` on it), which this cannot see through.
 */
function tokenEndBefore(text: string, at: number): number | undefined {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (text.startsWith("*/", end - 2)) return undefined;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (end < lineStart && text.slice(text.lastIndexOf("\n", end - 1) + 1, end).includes("//")) return undefined;
  return end;
}

/**
 * A line comment's line, or a doc comment line holding an example declaration (`* @example const x = require(`).
 * In code, `*` then `import`/`const`… is no expression; only a `;` or a `}` closing an outer block
 * could start a real statement after it on the line.
 */
const NOT_CODE = /^\s*\/\/|^\s*\*\s*(?:@\w+\s+)?(?:import|export|const|let|var)\s(?:[^;{}]|\{[^{}]*\})*$/;
/** `export { a, b as c }`, `export type { T }`, `export *`, `export * as ns`, before `from`. */
const RE_EXPORT = /(?:^|[^\w$.])export\s*(?:type\s*)?(?:\{[^{}]*\}|\*(?:\s*as\s+[\w$]+)?)\s*$/;
/** `import type { T }`, `import type * as ns`, `import type T` (not `import type from`: a default import named `type`). */
const TYPE_ONLY_IMPORT = /(?:^|[^\w$.])import\s+type(?:\s*\{[^{}]*\}|\s*\*\s*as\s+[\w$]+|\s+(?!from\b)[\w$]+)\s*$/;
/** How much of a statement is read before `from`: a longer list of names counts (the file is parsed). */
const MAX_HEAD_LENGTH = 2000;
