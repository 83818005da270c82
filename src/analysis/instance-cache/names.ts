import ts from "../../typescript.cts";

/**
 * Hands out names for new module-level bindings that no identifier of the file uses yet, so that
 * nothing is shadowed or redeclared. One per file analysis: names handed out are taken too.
 */
export class FileNames {
  private taken: Set<string> | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** `base`, or `base2`, `base3`... */
  fresh(base: string): string {
    const taken = (this.taken ??= identifiersOf(this.sourceFile));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  }
}

function identifiersOf(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** `PriceList` + `format` → `priceListFormat`; `URLParser` + `parse` → `urlParserParse`. */
export function joinedName(className: string | undefined, member: string): string {
  const owner = className ? className.replace(/^[A-Z]+?(?=[A-Z][a-z]|[^A-Z]|$)|^[A-Z]+$/, (head) => head.toLowerCase()) : "";
  const cleanMember = member.replace(/[^\w$]/g, "");
  return owner ? owner + cleanMember[0]!.toUpperCase() + cleanMember.slice(1) : cleanMember;
}
