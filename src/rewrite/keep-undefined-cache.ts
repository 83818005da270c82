import type { Collection, JSCodeshift } from "jscodeshift";
import type MagicString from "magic-string";
import { KEEP_UNDEFINED_CACHE } from "../analysis/keep-undefined.ts";
import { lineEnding } from "./source-layout.ts";

/**
 * Makes the file's `lruCacheKeepingUndefined(max)` available and returns its name: the top-level
 * function of that name when the file has one (an earlier run added it), else a new one appended
 * to the file. LRUCache treats `set(key, undefined)` as a delete, so a memoized function whose
 * result is undefined would run again on every call; the helper stores each result in a box, which
 * is never undefined, and gives lodash the `has/get/set/delete/clear` it calls.
 */
export function ensureKeepUndefinedCache(j: JSCodeshift, root: Collection, source: string, edits: MagicString, lruCache: string, typed: boolean): string {
  const existing = root.find(j.FunctionDeclaration).filter((path) => path.parent?.node.type === "Program" && path.node.id?.name === KEEP_UNDEFINED_CACHE);
  if (existing.size() > 0) return KEEP_UNDEFINED_CACHE;

  const taken = (name: string) => root.find(j.Identifier, { name }).size() > 0;
  let name = KEEP_UNDEFINED_CACHE;
  for (let suffix = 2; taken(name); suffix++) name = `${KEEP_UNDEFINED_CACHE}${suffix}`;

  const eol = lineEnding(source);
  const helper = helperText(name, lruCache, typed, indentUnit(source), usesSemicolons(j, root, source) ? ";" : "").join(eol);
  const endsWithLine = source.endsWith("\n");
  edits.append(`${endsWithLine ? "" : eol}${helper}${endsWithLine ? eol : ""}`);
  return name;
}

function helperText(name: string, lruCache: string, typed: boolean, indent: string, semicolon: string): string[] {
  const [i1, i2, i3] = [indent, indent.repeat(2), indent.repeat(3)];
  const about = "An LRUCache that keeps `undefined` results too (LRUCache does not store undefined); added by memocap.";
  // JavaScript gets JSDoc types, so that a project checking its JS (checkJs) accepts the helper too.
  const key = typed ? ": K" : "";
  const jsdoc = (tags: string) => (typed ? [] : [`${i2}/** ${tags} */`]);
  return [
    "",
    ...(typed ? [`/** ${about} */`, `function ${name}<K extends {}, V>(max: number) {`] : ["/**", ` * ${about}`, " * @param {number} max", " */", `function ${name}(max) {`]),
    ...(typed ? [] : [`${i1}/** @type {${lruCache}<{}, { value: unknown }>} */`]),
    `${i1}const boxes = new ${lruCache}${typed ? "<K, { value: V }>" : ""}({ max })${semicolon}`,
    `${i1}return {`,
    ...jsdoc("@param {{}} key"),
    `${i2}has: (key${key}) => boxes.has(key),`,
    ...jsdoc("@param {{}} key"),
    `${i2}get: (key${key}) => boxes.get(key)?.value,`,
    ...jsdoc("@param {{}} key @param {unknown} value"),
    `${i2}set(key${key}, value${typed ? ": V" : ""}) {`,
    `${i3}boxes.set(key, { value })${semicolon}`,
    `${i3}return this${semicolon}`,
    `${i2}},`,
    ...jsdoc("@param {{}} key"),
    `${i2}delete: (key${key}) => boxes.delete(key),`,
    `${i2}clear: () => boxes.clear(),`,
    `${i1}}${semicolon}`,
    "}",
  ];
}

/** The file's indentation step: a tab, or the first indented line's spaces (2 when there is none). */
function indentUnit(source: string): string {
  const first = /^([ \t]+)[^\s*]/m.exec(source)?.[1];
  if (!first) return "  ";
  return first.startsWith("\t") ? "\t" : " ".repeat(Math.min(first.length, 4));
}

/** Does the file end its statements with semicolons? Judged by its first top-level statement that would. */
function usesSemicolons(j: JSCodeshift, root: Collection, source: string): boolean {
  const program = root.find(j.Program).nodes()[0];
  const statement = (program?.body ?? []).find((node) => ["ImportDeclaration", "VariableDeclaration", "ExpressionStatement"].includes(node.type)) as { end?: number | null } | undefined;
  return statement?.end == null || source[statement.end - 1] === ";";
}
