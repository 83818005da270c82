import type ts from "../../typescript.cts";

/** A node's code for a one-line message: whitespace collapsed, cut at `max` characters. */
export function snippet(node: ts.Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
