import ts from "../../typescript.cts";
import { indentationAt } from "../../rewrite/source-layout.ts";

/**
 * The source text at [start, end) for a new depth: the lines after the first that start with `from`
 * start with `to` instead, except lines that begin inside a template literal (their whitespace is
 * part of a string).
 */
export function reindented(sourceFile: ts.SourceFile, start: number, end: number, from: string, to: string): string {
  const text = sourceFile.text.slice(start, end);
  if (from === to) return text;
  const frozen = templateRanges(sourceFile, start, end);
  let lineStart = start;
  return text
    .split("\n")
    .map((line, i) => {
      const at = lineStart;
      lineStart += line.length + 1;
      if (i === 0 || frozen.some(([begin, finish]) => at > begin && at < finish)) return line;
      return line.startsWith(from) ? to + line.slice(from.length) : line;
    })
    .join("\n");
}

/**
 * The indentation a function's lines are written relative to: its own line's, when it starts that
 * line (an argument on a line of its own), else that of the line the expression holding it starts on.
 */
export function baseIndentation(sourceFile: ts.SourceFile, node: ts.Node, holder: ts.Node): string {
  const text = sourceFile.text;
  const start = node.getStart(sourceFile);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const startsLine = text.slice(lineStart, start).trim() === "";
  return indentationAt(text, startsLine ? start : holder.getStart(sourceFile));
}

function templateRanges(sourceFile: ts.SourceFile, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: ts.Node): void => {
    if (node.end <= start || node.pos >= end) return;
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) ranges.push([node.getStart(sourceFile), node.end]);
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return ranges;
}
