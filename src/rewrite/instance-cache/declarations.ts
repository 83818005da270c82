import type MagicString from "magic-string";
import { leadingIndent, type CodeStyle } from "./code-style.ts";

/**
 * Module-level declarations to add before classes, gathered per insertion point so that those for
 * one class come out as one block, in the order the plans gave them, followed by a blank line.
 */
export class DeclarationsBefore {
  private readonly blocks = new Map<number, string[]>();

  add(at: number, declaration: string): void {
    this.blocks.set(at, [...(this.blocks.get(at) ?? []), declaration]);
  }

  /** Each declaration on its own line at the indentation of the line it goes before. */
  write(source: string, edits: MagicString, style: CodeStyle): void {
    for (const [at, declarations] of this.blocks) {
      const indent = leadingIndent(source, at);
      const block = declarations.map((declaration, i) => (i === 0 ? declaration : `${indent}${declaration}`)).join(style.eol);
      // Inserted after the indent, so the first line reuses it and the class keeps its own.
      edits.prependRight(at + indent.length, `${block}${style.eol}${style.eol}${indent}`);
    }
  }
}
