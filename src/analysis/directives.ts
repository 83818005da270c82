import ts from "../typescript.cts";

export interface SiteDirectives {
  ignore: boolean;
  max?: number;
}

const IGNORE = /\bmemocap-ignore\b/;
const MAX = /\bmemocap-max:\s*(\d+)/;

/**
 * `// memocap-ignore` and `// memocap-max: N` on or above a site: in the comments before the
 * statement (or class member, or object property) that holds the call, or on the call's own line.
 */
export function siteDirectives(sourceFile: ts.SourceFile, call: ts.Node): SiteDirectives {
  const text = sourceFile.text;
  const holder = enclosingHolder(call);
  const comments = (ts.getLeadingCommentRanges(text, holder.pos) ?? []).map((range) => text.slice(range.pos, range.end));
  const callLineEnd = text.indexOf("\n", call.getStart(sourceFile));
  const restOfLine = text.slice(call.getStart(sourceFile), callLineEnd === -1 ? text.length : callLineEnd);
  const commentOnLine = restOfLine.match(/\/\/.*$|\/\*.*?\*\//g) ?? [];
  const all = [...comments, ...commentOnLine].join("\n");
  const max = all.match(MAX)?.[1];
  return { ignore: IGNORE.test(all), max: max ? Number(max) : undefined };
}

function enclosingHolder(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !ts.isSourceFile(current.parent)) {
    if (ts.isStatement(current) || ts.isClassElement(current) || ts.isObjectLiteralElement(current)) return current;
    current = current.parent;
  }
  return current;
}
