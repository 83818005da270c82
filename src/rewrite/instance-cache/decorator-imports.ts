import type { Collection, JSCodeshift } from "jscodeshift";

export interface Range {
  start: number;
  end: number;
}

export interface Edit extends Range {
  text: string;
}

type Positioned = { start?: number | null; end?: number | null };
type Specifier = Positioned & { type: string; local?: { name?: unknown } | null };
type ImportNode = Positioned & { specifiers?: Specifier[] | null };

/** What to cut so that no import of a decorator the file no longer uses is left. */
export interface ImportRemovals {
  /** Whole import statements, every binding of which is unused. */
  statements: Range[];
  /** Bindings cut out of statements that keep others. */
  parts: Edit[];
}

/**
 * The imports of memoizing decorators that nothing uses once their decorators are gone (an unused
 * import would fail `noUnusedLocals` and keep a dependency the code no longer needs). Only ESM
 * imports are edited; a require stays.
 */
export function unusedDecoratorImports(j: JSCodeshift, root: Collection, source: string, bindings: ReadonlySet<string>, removed: readonly Range[]): ImportRemovals {
  const unused = new Set(
    [...bindings].filter(
      (binding) =>
        root
          .find(j.Identifier, { name: binding })
          .filter((path) => !isImportBinding(path.parent?.node as { type?: string }) && !within(path.node as Positioned, removed))
          .size() === 0,
    ),
  );
  const removals: ImportRemovals = { statements: [], parts: [] };
  if (unused.size === 0) return removals;
  root.find(j.ImportDeclaration).forEach((path) => {
    const declaration = path.node as ImportNode;
    const specifiers = declaration.specifiers ?? [];
    const gone = specifiers.map((specifier) => typeof specifier.local?.name === "string" && unused.has(specifier.local.name));
    if (!gone.includes(true)) return;
    if (gone.every(Boolean)) removals.statements.push({ start: declaration.start!, end: declaration.end! });
    else removals.parts.push(...specifierEdits(source, specifiers, gone));
  });
  return removals;
}

function isImportBinding(parent: { type?: string } | undefined): boolean {
  return parent?.type === "ImportSpecifier" || parent?.type === "ImportDefaultSpecifier" || parent?.type === "ImportNamespaceSpecifier";
}

function within(node: Positioned, ranges: readonly Range[]): boolean {
  return ranges.some((range) => node.start != null && node.start >= range.start && node.start < range.end);
}

/**
 * The edits for the bindings marked `gone` of an import that keeps at least one: the named bindings
 * are written again without them (`{ a, b, c }` → `{ a, c }`), and a default binding goes with its
 * comma; when no named binding is left, the braces go too (`import d, { a } from` → `import d from`).
 */
function specifierEdits(source: string, specifiers: Specifier[], gone: boolean[]): Edit[] {
  const edits: Edit[] = [];
  const named = specifiers.flatMap((specifier, i) => (specifier.type === "ImportSpecifier" ? [{ specifier, gone: gone[i]! }] : []));
  if (named.some((binding) => binding.gone)) {
    const first = named[0]!.specifier;
    const last = named[named.length - 1]!.specifier;
    const kept = named.filter((binding) => !binding.gone);
    if (kept.length > 0) {
      edits.push({ start: first.start!, end: last.end!, text: kept.map((binding) => source.slice(binding.specifier.start!, binding.specifier.end!)).join(", ") });
    } else {
      const before = specifiers[specifiers.indexOf(first) - 1]!;
      edits.push({ start: before.end!, end: source.indexOf("}", last.end!) + 1, text: "" });
    }
  }
  const defaultBinding = specifiers[0]!;
  if (defaultBinding.type === "ImportDefaultSpecifier" && gone[0]) {
    const after = /^\s*,\s*/.exec(source.slice(defaultBinding.end!))?.[0].length ?? 0;
    edits.push({ start: defaultBinding.start!, end: defaultBinding.end! + after, text: "" });
  }
  return edits;
}
