import type { Collection, JSCodeshift } from "jscodeshift";
import type MagicString from "magic-string";
import { endOfLineAfter, lineEnding, preferredQuote } from "./source-layout.ts";

const LRU_MODULE = "lru-cache";
const LRU_EXPORT = "LRUCache";

type Positioned = { start?: number | null; end?: number | null };

/**
 * Makes `LRUCache` from lru-cache available in the file and returns the local name to use:
 * an existing import or require is reused; otherwise one is added after the file's last import
 * (ESM) or last top-level require (CommonJS), in the file's quote and semicolon style.
 */
export function ensureLruCacheBinding(j: JSCodeshift, root: Collection, source: string, edits: MagicString, moduleKind: "esm" | "cjs"): string {
  const existing = existingLocalName(j, root);
  if (existing) return existing;

  const taken = root.find(j.Identifier, { name: LRU_EXPORT }).size() > 0;
  const localName = taken ? "BoundedLRUCache" : LRU_EXPORT;
  const quote = preferredQuote(source);
  const eol = lineEnding(source);
  const anchor = lastModuleStatement(j, root, moduleKind);
  const semicolon = anchor ? source[(anchor.end ?? 1) - 1] === ";" : true;
  const specifier = `${quote}${LRU_MODULE}${quote}`;
  const binding = localName === LRU_EXPORT ? LRU_EXPORT : `${LRU_EXPORT}${moduleKind === "esm" ? " as " : ": "}${localName}`;
  const statement =
    moduleKind === "esm"
      ? `import { ${binding} } from ${specifier}${semicolon ? ";" : ""}`
      : `const { ${binding} } = require(${specifier})${semicolon ? ";" : ""}`;

  if (anchor?.end != null) {
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

/** The last top-level import (ESM) or require declaration (CommonJS). */
function lastModuleStatement(j: JSCodeshift, root: Collection, moduleKind: "esm" | "cjs"): Positioned | undefined {
  const program = root.find(j.Program).nodes()[0];
  const body = (program?.body ?? []) as Array<{ type: string } & Positioned>;
  let last: Positioned | undefined;
  for (const statement of body) {
    if (moduleKind === "esm" ? statement.type === "ImportDeclaration" : isRequireDeclaration(statement)) last = statement;
  }
  if (!last && moduleKind === "esm") {
    for (const statement of body) if (isRequireDeclaration(statement)) last = statement;
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
