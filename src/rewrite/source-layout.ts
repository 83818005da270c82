/** Facts about a file's text that inserted code must follow: line ending, indentation, quotes. */

export function lineEnding(text: string): "\n" | "\r\n" {
  const firstBreak = text.indexOf("\n");
  return firstBreak > 0 && text[firstBreak - 1] === "\r" ? "\r\n" : "\n";
}

/** The whitespace at the start of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? "";
}

/**
 * Where to insert a new line after a statement ending at `offset`: after a trailing comment on the
 * same line, so that the comment stays with its statement.
 */
export function endOfLineAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  const lineEnd = newline === -1 ? text.length : newline > 0 && text[newline - 1] === "\r" ? newline - 1 : newline;
  const rest = text.slice(offset, lineEnd);
  return /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest) ? lineEnd : offset;
}

/** The quote the file's module specifiers use. */
export function preferredQuote(text: string): "'" | '"' {
  const match = /(?:\bfrom\s*|\brequire\(\s*)(['"])/.exec(text);
  return match?.[1] === "'" ? "'" : '"';
}

/** Does the statement text end with a semicolon (the file's style)? */
export function endsWithSemicolon(text: string, statementEnd: number): boolean {
  return text[statementEnd - 1] === ";";
}

/** A line starting with one of these continues the previous expression when semicolons are omitted. */
export function startsAsiHazard(text: string, offset: number): boolean {
  return /^\s*[([`+\-/]/.test(text.slice(offset, offset + 200));
}
