import type { Collection, JSCodeshift } from "jscodeshift";
import type { Site } from "../analysis/site.ts";
import type { LocatedNode } from "./apply-plan.ts";

/**
 * The call the analysis pointed at, found again in the jscodeshift tree by its offsets. A site the
 * tree does not have means the analysis and the text disagree: refuse rather than guess.
 */
export function locateCall(j: JSCodeshift, root: Collection, site: Site): LocatedNode {
  const match = root
    .find(j.CallExpression)
    .filter((path) => (path.node as LocatedNode).start === site.start && (path.node as LocatedNode).end === site.end)
    .nodes()[0];
  if (!match) throw new Error(`${site.file}:${site.line}:${site.column}: no call at the analysed offsets (the file changed?)`);
  return match as LocatedNode;
}
