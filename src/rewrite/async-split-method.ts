import type { Collection, JSCodeshift } from "jscodeshift";
import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";
import { unusedDecoratorImports } from "./instance-cache/decorator-imports.ts";
import { removeStatement } from "./remove-statement.ts";
import { endOfLineAfter, lineEnding, preferredQuote } from "./source-layout.ts";

export type SplitMethodPlan = Extract<RewritePlan, { kind: "split-async-method" }>;

/**
 * Carries out the splits of decorated methods of one file: each core is declared, each decorator
 * goes and each core's code becomes a call of the core; then the imports follow: the memoizer's
 * default export is imported where the file has no binding of it (in the place of a decorator
 * import that goes, else after the last import), and a decorator import nothing uses any more goes.
 */
export function applySplitMethods(plans: SplitMethodPlan[], j: JSCodeshift, root: Collection, source: string, edits: MagicString): void {
  for (const plan of plans) {
    edits.appendLeft(plan.insertAt, plan.declaration);
    edits.remove(plan.decorator.start, plan.decorator.end);
    edits.overwrite(plan.coreStart, plan.coreEnd, plan.coreCall);
  }
  const removed = plans.map((plan) => plan.decorator);
  const imports = unusedDecoratorImports(j, root, source, new Set(plans.map((plan) => plan.decoratorBinding)), removed);
  const added = [...new Map(plans.flatMap((plan) => (plan.defaultImport ? [[plan.defaultImport.module, plan.defaultImport] as const] : []))).values()];
  const texts = added.map(({ module, name }) => importText(source, name, module));
  const [replaced, ...dropped] = imports.statements;
  if (texts.length > 0 && replaced) edits.overwrite(replaced.start, replaced.end, texts.join(lineEnding(source)));
  else if (texts.length > 0) {
    const last = root.find(j.ImportDeclaration).nodes().at(-1) as { end?: number | null } | undefined;
    const at = endOfLineAfter(source, last?.end ?? 0);
    edits.appendLeft(at, texts.map((text) => `${lineEnding(source)}${text}`).join(""));
  }
  for (const statement of texts.length > 0 && replaced ? dropped : imports.statements) removeStatement(source, edits, statement);
  for (const part of imports.parts) {
    if (part.text) edits.overwrite(part.start, part.end, part.text);
    else edits.remove(part.start, part.end);
  }
}

function importText(source: string, name: string, module: string): string {
  const quote = preferredQuote(source);
  const semicolon = /^import [^\n]*;\s*$/m.test(source) ? ";" : "";
  return `import ${name} from ${quote}${module}${quote}${semicolon}`;
}
