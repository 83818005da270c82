import type { Collection, JSCodeshift } from "jscodeshift";
import type MagicString from "magic-string";
import { endOfLineAfter, lineEnding, preferredQuote } from "./source-layout.ts";
import { removeStatement } from "./remove-statement.ts";

const LRU_MODULE = "lru-cache";
const LRU_EXPORT = "LRUCache";

type Positioned = { start?: number | null; end?: number | null };

/**
 * Makes `LRUCache` from lru-cache available in the file and returns the local name to use:
 * an existing import or require is reused; otherwise one is added after the file's last import
 * (ESM) or last top-level require (CommonJS), in the file's quote and semicolon style. A require is
 * not hoisted: it goes after the last require that comes before `firstUse`, the offset of the
 * first code that runs `new LRUCache` (which may run while the module loads). `inPlaceOf` is a
 * statement the caller drops (the import of a library the file no longer uses): a new import takes
 * its place, else it is removed.
 */
export function ensureLruCacheBinding(
  j: JSCodeshift,
  root: Collection,
  source: string,
  edits: MagicString,
  moduleKind: "esm" | "cjs",
  firstUse = Number.POSITIVE_INFINITY,
  inPlaceOf?: { start: number; end: number },
): string {
  const existing = existingLocalName(j, root);
  if (existing) {
    if (inPlaceOf) removeStatement(source, edits, inPlaceOf);
    return existing;
  }

  const taken = root.find(j.Identifier, { name: LRU_EXPORT }).size() > 0;
  const localName = taken ? "BoundedLRUCache" : LRU_EXPORT;
  const quote = preferredQuote(source);
  const eol = lineEnding(source);
  const anchor = lastModuleStatement(j, root, moduleKind, firstUse);
  const semicolon = inPlaceOf ? source[inPlaceOf.end - 1] === ";" : anchor ? source[(anchor.end ?? 1) - 1] === ";" : true;
  const specifier = `${quote}${LRU_MODULE}${quote}`;
  const binding = localName === LRU_EXPORT ? LRU_EXPORT : `${LRU_EXPORT}${moduleKind === "esm" ? " as " : ": "}${localName}`;
  const statement =
    moduleKind === "esm"
      ? `import { ${binding} } from ${specifier}${semicolon ? ";" : ""}`
      : `const { ${binding} } = require(${specifier})${semicolon ? ";" : ""}`;

  if (inPlaceOf) {
    edits.overwrite(inPlaceOf.start, inPlaceOf.end, statement);
  } else if (anchor?.end != null) {
    edits.appendLeft(endOfLineAfter(source, anchor.end), `${eol}${statement}`);
  } else {
    edits.prependRight(headerEnd(source), `${statement}${eol}`);
  }
  return localName;
}

function existingLocalName(j: JSCodeshift, root: Collection): string | undefined {
  let name: string | undefined;
  root.find(j.ImportDeclaration, { source: { value: LRU_MODULE } }).forEach((path) => {
    for (const specifier of path.node.specifiers ?? []) {
      if (specifier.type === "ImportSpecifier" && specifier.imported.name === LRU_EXPORT && path.node.importKind !== "type") {
        const local = specifier.local?.name;
        name ??= typeof local === "string" ? local : LRU_EXPORT;
      }
    }
  });
  if (name) return name;
  root.find(j.VariableDeclarator, { init: { callee: { name: "require" }, arguments: [{ value: LRU_MODULE }] } }).forEach((path) => {
    if (path.node.id.type !== "ObjectPattern") return;
    for (const property of path.node.id.properties) {
      if ((property.type === "Property" || property.type === "ObjectProperty") && property.key.type === "Identifier" && property.key.name === LRU_EXPORT && property.value.type === "Identifier") {
        name ??= property.value.name;
      }
    }
  });
  return name;
}

/** The last top-level import (ESM) or require declaration before `firstUse` (CommonJS). */
function lastModuleStatement(j: JSCodeshift, root: Collection, moduleKind: "esm" | "cjs", firstUse: number): Positioned | undefined {
  const program = root.find(j.Program).nodes()[0];
  const body = (program?.body ?? []) as Array<{ type: string } & Positioned>;
  const isEarlyRequire = (statement: { type: string } & Positioned) => isRequireDeclaration(statement) && (statement.end ?? 0) <= firstUse;
  let last: Positioned | undefined;
  for (const statement of body) {
    if (moduleKind === "esm" ? statement.type === "ImportDeclaration" : isEarlyRequire(statement)) last = statement;
  }
  if (!last && moduleKind === "esm") {
    for (const statement of body) if (isEarlyRequire(statement)) last = statement;
  }
  return last;
}

/** `const x = require("m")`, `const { a } = require("m")`, `var x = _interop(require("m"))`, `const y = require("m").y`. */
function isRequireDeclaration(statement: unknown): boolean {
  const node = statement as { type: string; declarations?: Array<{ init?: unknown }> };
  if (node.type !== "VariableDeclaration") return false;
  return (node.declarations ?? []).every((declarator) => isRequireExpression(declarator.init));
}

function isRequireExpression(expression: unknown): boolean {
  const node = expression as { type?: string; callee?: { type?: string; name?: string }; arguments?: unknown[]; object?: unknown } | undefined;
  if (!node) return false;
  if (node.type === "MemberExpression") return isRequireExpression(node.object);
  if (node.type !== "CallExpression") return false;
  if (node.callee?.type === "Identifier" && node.callee.name === "require") return true;
  return node.arguments?.length === 1 && isRequireExpression(node.arguments[0]);
}

/** After a shebang, leading comments and a "use strict" directive: where a first import goes. */
function headerEnd(source: string): number {
  const header = /^(#![^\n]*\n)?(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*\n))*\s*(['"]use strict['"];?[^\n]*\n)?/.exec(source);
  return header?.[0].length ?? 0;
}
