import type MagicString from "magic-string";

/** Removes the statement at [start, end): with its line when nothing else is on it, else alone. */
export function removeStatement(source: string, edits: MagicString, { start, end }: { start: number; end: number }): void {
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const newline = source.indexOf("\n", end);
  const lineEnd = newline === -1 ? source.length : newline;
  const aloneOnLine = /^[ \t]*$/.test(source.slice(lineStart, start)) && /^[ \t]*\r?$/.test(source.slice(end, lineEnd));
  if (aloneOnLine) edits.remove(lineStart, newline === -1 ? source.length : newline + 1);
  else edits.remove(start, end);
}
