import ts from "../../typescript.cts";
import type { Site } from "../site.ts";
import { classFieldSite, fieldMemoizerCall } from "./class-field-site.ts";
import { DECORATOR_PREFILTER } from "./decorator-libraries.ts";
import { decoratorSite } from "./decorator-site.ts";
import { memoDecoratorOf } from "./memo-decorator.ts";
import { FileNames } from "./names.ts";
import { prototypeAssignment, prototypeSite } from "./prototype-site.ts";

const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * Instance-method caches of one file (DESIGN §3.3): memoizing decorators on methods and getters,
 * class fields holding a memoized function, and memoized prototype methods. `callSites` are the
 * memoizer calls the library adapters found; a class field or prototype assignment is one of those
 * calls seen from where it is stored.
 */
export function analyseInstanceCaches(sourceFile: ts.SourceFile, file: string, maxOfLibrary: (library: string) => number, callSites: readonly Site[]): Site[] {
  const byOffsets = new Map(callSites.filter((site) => site.kind === "memoize-call").map((site) => [`${site.start}:${site.end}`, site]));
  const decorators = DECORATOR_PREFILTER.test(sourceFile.text);
  if (!decorators && byOffsets.size === 0) return [];
  const names = new FileNames(sourceFile);
  const typed = TYPESCRIPT_FILE.test(file);
  const callSite = (call: ts.CallExpression) => byOffsets.get(`${call.getStart(sourceFile)}:${call.end}`);
  const sites: Site[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) {
      for (const member of node.members) {
        const memo = decorators ? memoDecoratorOf(member) : undefined;
        if (memo) sites.push(decoratorSite(member, memo, { sourceFile, file, max: maxOfLibrary(memo.memo[0]!.library.id), names, typed }));
        else if (ts.isPropertyDeclaration(member) && member.initializer) {
          const call = fieldMemoizerCall(member.initializer);
          const memoized = call && callSite(call);
          const site = memoized && classFieldSite(member, memoized, sourceFile, names);
          if (site) sites.push(site);
        }
      }
    } else if (ts.isExpressionStatement(node)) {
      const found = prototypeAssignment(node);
      const memoized = found && callSite(found.call);
      const site = memoized && prototypeSite(found, memoized, sourceFile, names, typed);
      if (site) sites.push(site);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}
