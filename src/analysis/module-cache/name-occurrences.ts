import ts from "../../typescript.cts";

/**
 * The identifiers (and private names, `#cache`) of the file spelled as one of `names`, in source
 * order, found from where the names occur in the text rather than by walking the whole tree: a
 * cache's name occurs a few times in a file of thousands of nodes. Undefined when the text has a
 * `\u` escape, which may spell an identifier the text search does not see (then walk the tree).
 */
export function identifiersNamed(sourceFile: ts.SourceFile, names: Iterable<string>): Array<ts.Identifier | ts.PrivateIdentifier> | undefined {
  const text = sourceFile.text;
  if (text.includes("\\u")) return undefined;
  const alternatives = [...names].map((name) => name.replaceAll("$", "\\$"));
  if (alternatives.length === 0) return [];
  const found: Array<ts.Identifier | ts.PrivateIdentifier> = [];
  for (const occurrence of text.matchAll(new RegExp(`(?<![\\w$#])(?:${alternatives.join("|")})(?![\\w$])`, "g"))) {
    const token = tokenAt(sourceFile, occurrence.index);
    if (token && (ts.isIdentifier(token) || ts.isPrivateIdentifier(token)) && token.getStart(sourceFile) === occurrence.index) found.push(token);
  }
  return found;
}

/** The deepest node (as ts.forEachChild reaches them: no JSDoc) whose range holds `position`. */
function tokenAt(sourceFile: ts.SourceFile, position: number): ts.Node {
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    const holds = (child: ts.Node) => child.pos <= position && position < child.end;
    ts.forEachChild(
      node,
      (child) => (holds(child) ? (next = child) : undefined),
      (children) => {
        // Children lie in source order, without overlap: a binary search finds the one that holds it.
        let low = 0;
        let high = children.length - 1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          const child = children[middle]!;
          if (position < child.pos) high = middle - 1;
          else if (position >= child.end) low = middle + 1;
          else return (next = child);
        }
        return undefined;
      },
    );
    if (!next) return node;
    node = next;
  }
}
