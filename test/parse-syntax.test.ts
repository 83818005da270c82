/**
 * The analysis parses without the JSDoc it does not read and sets parent pointers itself
 * (src/analysis/parse-syntax.ts): the tree it walks must be the one the compiler's own parse gives,
 * and its sites the same.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ts from "../src/typescript.cts";
import { analyseSourceFile } from "../src/analysis/analyse-file.ts";
import { parseSyntax } from "../src/analysis/parse-syntax.ts";

const ROOT = join(import.meta.dirname, "..");

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));

const FILES = [...sourceFiles(join(ROOT, "__testfixtures__")), ...sourceFiles(join(ROOT, "examples")), ...sourceFiles(join(ROOT, "src"))];

const compilerParse = (file: string, text: string) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** Every node the analysis can reach (forEachChild), with its parent's kind and offsets. */
function parentLinks(sourceFile: ts.SourceFile): string[] {
  const links: string[] = [];
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      links.push(`${child.kind}@${child.pos}-${child.end} < ${child.parent?.kind}@${child.parent?.pos}-${child.parent?.end}`);
      visit(child);
    });
  };
  visit(sourceFile);
  return links;
}

describe("parseSyntax", () => {
  it("gives every node the parent the compiler's parse gives it", () => {
    expect(FILES.length).toBeGreaterThan(200);
    for (const file of FILES) {
      const text = readFileSync(file, "utf8");
      expect(parentLinks(parseSyntax(file, text)), file).toEqual(parentLinks(compilerParse(file, text)));
    }
  });

  it("finds the same sites in every fixture and example file as the compiler's full parse", () => {
    const options = { max: 500, versionOf: () => undefined };
    let withSites = 0;
    for (const file of FILES.filter((path) => !path.startsWith(join(ROOT, "src")))) {
      const text = readFileSync(file, "utf8");
      const sites = analyseSourceFile(parseSyntax(file, text), file, options);
      expect(sites, file).toEqual(analyseSourceFile(compilerParse(file, text), file, options));
      if (sites.length > 0) withSites++;
    }
    expect(withSites).toBeGreaterThan(100);
  });

  it("parses JSDoc where the analysis reads it: its tags in TypeScript, all of it in JavaScript", () => {
    const declaration = (sourceFile: ts.SourceFile) => (sourceFile.statements[0] as ts.VariableStatement).declarationList.declarations[0]!;
    const typed = `/** @type {Map<string, number>} */\nconst cache = new Map();`;
    expect(ts.getJSDocType(declaration(parseSyntax("/a.ts", typed)))).toBeDefined();
    expect(ts.getJSDocType(declaration(parseSyntax("/a.js", typed)))).toBeDefined();
    const param = `/** @param {string} k */\nconst f = (k) => k;`;
    const parameterOf = (sourceFile: ts.SourceFile) => (declaration(sourceFile).initializer as ts.ArrowFunction).parameters[0]!;
    expect(ts.getJSDocType(parameterOf(parseSyntax("/a.ts", param)))).toBeDefined();
    // No tag the analysis reads: a TypeScript file's doc comments stay comments; a JavaScript file's are parsed.
    const described = `/** The cache. @since 1.0 */\nconst cache = new Map();`;
    expect(ts.getJSDocCommentsAndTags(declaration(parseSyntax("/a.ts", described)))).toEqual([]);
    expect(ts.getJSDocCommentsAndTags(declaration(parseSyntax("/a.js", described)))).toHaveLength(1);
  });
});
