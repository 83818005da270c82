import type MagicString from "magic-string";
import type { PerInstancePrototypePlan } from "../../analysis/instance-cache/plan.ts";
import { indentationAt } from "../source-layout.ts";
import { reindent, type CodeStyle } from "./code-style.ts";

/**
 * `X.prototype.m = memoize(X.prototype.m)` → each instance memoizes `m` for itself on first call, with
 * the same memoizer call (and bound); a WeakMap holds the memoized functions so that they go with
 * their instance:
 *
 *   const xMUncached = X.prototype.m;
 *   const xMByInstance = new WeakMap();
 *   X.prototype.m = function (...args) {
 *     let memoized = xMByInstance.get(this);
 *     if (!memoized) xMByInstance.set(this, (memoized = memoize(xMUncached)));
 *     return memoized.apply(this, args);
 *   };
 */
export function applyPerInstancePrototype(plan: PerInstancePrototypePlan, source: string, edits: MagicString, style: CodeStyle, unit: string): void {
  const s = style.semicolon;
  const indent = indentationAt(source, plan.statementStart);
  const { args, memoized } = plan.locals;
  const typed = plan.className !== undefined && plan.uncachedName !== undefined;

  let call = source.slice(plan.callStart, plan.callEnd);
  if (plan.methodArgument && plan.uncachedName) {
    const from = plan.methodArgument.start - plan.callStart;
    call = call.slice(0, from) + plan.uncachedName + call.slice(plan.methodArgument.end - plan.callStart);
  }
  if (plan.cacheStatement) {
    call = `Object.assign(${call}, { cache: ${source.slice(plan.cacheStatement.expressionStart, plan.cacheStatement.expressionEnd)} })`;
  }
  if (plan.reindent) call = reindent(call, indent, indent + unit);

  const parameters = typed ? `this: ${plan.className}, ...${args}: Parameters<typeof ${plan.uncachedName}>` : `...${args}`;
  const lines = [
    ...(plan.uncachedName ? [`const ${plan.uncachedName} = ${plan.target}${s}`] : []),
    `const ${plan.byInstanceName} = new WeakMap${typed ? `<object, typeof ${plan.uncachedName}>` : ""}()${s}`,
    // JavaScript checked by TypeScript (checkJs) needs the rest parameter typed.
    ...(typed ? [] : [`/** @param {...unknown} ${args} */`]),
    `${plan.target} = function (${parameters}) {`,
    `${unit}let ${memoized} = ${plan.byInstanceName}.get(this)${s}`,
    `${unit}if (!${memoized}) ${plan.byInstanceName}.set(this, (${memoized} = ${call}))${s}`,
    `${unit}return ${memoized}.apply(this, ${args})${s}`,
    `}${s}`,
  ];
  edits.overwrite(plan.statementStart, plan.statementEnd, lines.join(`${style.eol}${indent}`));
  // bound-memoize's `X.prototype.m.cache = …` is now part of each instance's function.
  if (plan.cacheStatement) edits.remove(plan.statementEnd, plan.cacheStatement.end);
}
