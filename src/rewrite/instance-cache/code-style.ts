import { indentationAt, lineEnding, preferredQuote } from "../source-layout.ts";

/** How new code is written into a file so that it reads as the file's own: line ending, semicolons, quotes. */
export interface CodeStyle {
  eol: string;
  semicolon: string;
  quote: string;
}

export function codeStyle(source: string): CodeStyle {
  return {
    eol: lineEnding(source),
    // A file written without semicolons has no line ending in one.
    semicolon: /;[ \t]*(?:\/\/[^\n]*)?\r?$/m.test(source) ? ";" : "",
    quote: preferredQuote(source),
  };
}

/** The unit of one indentation level inside a class: the member's indent beyond the class's own. */
export function indentUnit(source: string, memberOffset: number, classLineStart: number): string {
  const member = indentationAt(source, memberOffset);
  const owner = indentationAt(source, classLineStart);
  if (member.startsWith(owner) && member.length > owner.length) return member.slice(owner.length);
  return member.includes("\t") ? "\t" : "  ";
}

/**
 * Code moved from one indentation to another: every line after the first loses `from` and gains `to`.
 * Only called for code without multi-line strings, whose value re-indenting would change.
 */
export function reindent(text: string, from: string, to: string): string {
  return text.replace(/\n([ \t]*)/g, (whole, indent: string) => (indent.startsWith(from) ? `\n${to}${indent.slice(from.length)}` : whole));
}

/** The indentation of the line that starts at `lineStart`. */
export function leadingIndent(source: string, lineStart: number): string {
  return /^[ \t]*/.exec(source.slice(lineStart, lineStart + 200))?.[0] ?? "";
}

/** The file's indentation unit: a tab, or the smallest indent of an indented line outside comments (two spaces when none is). */
export function fileIndentUnit(source: string): string {
  let smallest: string | undefined;
  for (const match of source.matchAll(/\n([ \t]+)[^\s*]/g)) {
    const indent = match[1]!;
    if (indent.startsWith("\t")) return "\t";
    if (!smallest || indent.length < smallest.length) smallest = indent;
  }
  return smallest ?? "  ";
}
