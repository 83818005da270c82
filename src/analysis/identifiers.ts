import ts from "../typescript.cts";

const namesOfFile = new WeakMap<ts.SourceFile, Set<string>>();

/** Is `name` written as an identifier anywhere in the file (comments and strings do not count)? */
export function isNameUsed(sourceFile: ts.SourceFile, name: string): boolean {
  let names = namesOfFile.get(sourceFile);
  if (!names) {
    const found = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) found.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    names = found;
    namesOfFile.set(sourceFile, names);
  }
  return names.has(name);
}
