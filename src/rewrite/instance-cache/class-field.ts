import type MagicString from "magic-string";
import type { ShareClassFieldPlan } from "../../analysis/instance-cache/plan.ts";
import { indentationAt } from "../source-layout.ts";
import { leadingIndent, reindent, type CodeStyle } from "./code-style.ts";
import type { DeclarationsBefore } from "./declarations.ts";

/** `compute = memoize(fn)` → `const fooCompute = memoize(fn)` before the class, and `compute = fooCompute`. */
export function applyShareClassField(plan: ShareClassFieldPlan, source: string, edits: MagicString, style: CodeStyle, declarations: DeclarationsBefore): void {
  const text = source.slice(plan.initializerStart, plan.initializerEnd);
  const moved = plan.reindent ? reindent(text, indentationAt(source, plan.initializerStart), leadingIndent(source, plan.constAt)) : text;
  declarations.add(plan.constAt, `const ${plan.constName} = ${moved}${style.semicolon}`);
  edits.overwrite(plan.initializerStart, plan.initializerEnd, plan.constName);
}
