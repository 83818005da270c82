import ts from "../typescript.cts";

/**
 * JSDoc tags the analysis reads itself (through ts.getJSDocType): `@type`, and `@param` with its
 * aliases `@arg` and `@argument`.
 */
const JSDOC_READ = /@(?:type|param|arg)/;
const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * The syntax tree of one file for the analysis, as `ts.createSourceFile(…, true)` makes it, without
 * the work the analysis has no use for. A TypeScript file's JSDoc is parsed only when it has a tag
 * the analysis reads (doc comments cost a third of the parse of a well-documented file); a
 * JavaScript file with doc comments keeps them all (there JSDoc types values, for the per-file type
 * checker too). Without JSDoc, the parent pointers are set by one walk over the children, which
 * costs less than the compiler's own (that one also visits JSDoc nodes, and is kept where they are).
 */
export function parseSyntax(fileName: string, text: string): ts.SourceFile {
  const jsDoc = TYPESCRIPT_FILE.test(fileName) ? JSDOC_READ.test(text) : text.includes("/**");
  const jsDocParsingMode = jsDoc ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone;
  const sourceFile = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode }, jsDoc);
  if (!jsDoc) setParents(sourceFile);
  return sourceFile;
}

function setParents(root: ts.Node): void {
  const stack: ts.Node[] = [root];
  let parent = root;
  // A block body: forEachChild stops at the first child for which the callback returns something.
  const adopt = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = parent;
    stack.push(child);
  };
  while (stack.length > 0) {
    parent = stack.pop()!;
    ts.forEachChild(parent, adopt);
  }
}
