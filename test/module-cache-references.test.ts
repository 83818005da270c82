/**
 * A module cache's references are found from where its name occurs in the text, not by walking the
 * whole tree (src/analysis/module-cache/name-occurrences.ts); a `\u` escape in the text falls back
 * to the walk. Both ways must give the same references, in the same order: the sites are the same.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyser } from "../src/analysis/analyser.ts";

const ROOT = join(import.meta.dirname, "..");
const analyser = new Analyser({ max: 500, typeFacts: false, exhaustive: true });

/** The same file, with a `\u` escape in a comment at its end: its references are found by walking the tree. */
const walked = (text: string) => `${text}\n// \\u0041\n`;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));

const sitesOf = (file: string, text: string) => {
  try {
    return analyser.analyse(file, text).filter((site) => site.kind === "module-cache");
  } catch (error) {
    return (error as Error).message;
  }
};

describe("module-cache references", () => {
  it("are the same searched by name as walked, in every fixture and example file", () => {
    const files = [...sourceFiles(join(ROOT, "__testfixtures__")), ...sourceFiles(join(ROOT, "examples"))];
    let withCaches = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const searched = sitesOf(file, text);
      expect(searched, file).toEqual(sitesOf(file, walked(text)));
      if (searched.length > 0) withCaches++;
    }
    expect(withCaches).toBeGreaterThan(10);
  });

  it("are the same searched by name as walked where a static cache's class escapes, and its name is spelled in comments, strings and other scopes", () => {
    const text = [
      `class Registry {`,
      `  static cache = new Map<string, number>();`,
      `  static #byId: Record<string, number> = {};`,
      `  static get(k: string): number {`,
      `    // Registry.cache holds "cache" entries`,
      `    if (!Registry.cache.has(k)) Registry.cache.set(k, k.length);`,
      `    this.#byId[k] ??= k.length;`,
      `    const other = wrap(Registry).cache;`,
      `    return Registry.cache.get(k)! + other;`,
      `  }`,
      `}`,
      `const cache = new Map<string, string>();`,
      `export function f(k: string, Registry = "cache"): string {`,
      "  if (!cache.has(k)) cache.set(k, `${Registry}:${k}`);",
      `  return cache.get(k)!;`,
      `}`,
      `keep(Registry);`,
    ].join("\n");
    const searched = sitesOf("/project/registry.ts", text);
    expect(typeof searched === "string" ? searched : searched.map((site) => site.name)).toEqual(["Registry.cache", "Registry.#byId", "cache"]);
    // The walk meets `wrap(Registry).cache` before the `Registry` in it: that escape is the one reported.
    expect(typeof searched === "string" ? searched : searched[0]!.message).toMatch(/reached through `wrap\(Registry\)`/);
    expect(searched).toEqual(sitesOf("/project/registry.ts", walked(text)));
  });
});
