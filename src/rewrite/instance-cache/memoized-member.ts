import type MagicString from "magic-string";
import type { CacheKey, MemoizeMemberPlan } from "../../analysis/instance-cache/plan.ts";
import { indentationAt } from "../source-layout.ts";
import { indentUnit, type CodeStyle } from "./code-style.ts";
import type { DeclarationsBefore } from "./declarations.ts";

export interface MemberContext {
  source: string;
  edits: MagicString;
  lruCache: string;
  style: CodeStyle;
  declarations: DeclarationsBefore;
}

/**
 * The decorated member loses its decorator and becomes `<name>Uncached` (private in TypeScript); a
 * delegate with the original name, modifiers and parameters takes its place in front of it and
 * caches its results in the store declared before the class.
 */
export function applyMemoizeMember(plan: MemoizeMemberPlan, context: MemberContext): void {
  const { source, edits, style } = context;
  // Removals first: MagicString drops what was inserted at a range it removes afterwards.
  for (const decorator of plan.decorators) edits.remove(decorator.start, decorator.end);
  for (const modifier of plan.modifiers) {
    if (modifier.kind === "override") edits.remove(modifier.start, afterBlanks(source, modifier.end));
  }

  const indent = indentationAt(source, plan.memberStart);
  const unit = indentUnit(source, plan.memberStart, plan.storeAt);
  const body = delegateBody(plan, context, unit).map((line) => `${indent}${unit}${line}`);
  const delegate = [`${delegateHeader(plan)} {`, ...body, `${indent}}`].join(style.eol);

  const accessibility = plan.modifiers.find((modifier) => modifier.kind === "accessibility");
  const privateKeyword = plan.typed && !accessibility ? "private " : "";
  edits.prependRight(plan.memberStart, `${delegate}${style.eol}${style.eol}${indent}${privateKeyword}`);
  if (plan.typed && accessibility && accessibility.text !== "private") edits.overwrite(accessibility.start, accessibility.end, "private", { contentOnly: true });
  edits.overwrite(plan.nameStart, plan.nameEnd, plan.uncachedName, { contentOnly: true });

  context.declarations.add(plan.storeAt, storeDeclaration(plan, context));
}

function afterBlanks(source: string, offset: number): number {
  let at = offset;
  while (source[at] === " " || source[at] === "\t") at++;
  return at;
}

function delegateHeader(plan: MemoizeMemberPlan): string {
  const modifiers = plan.modifiers.filter((modifier) => modifier.kind !== "async").map((modifier) => `${modifier.text} `).join("");
  const accessor = plan.accessor === "get" ? "get " : "";
  const parameters = plan.parameters.map((parameter) => parameter.text).join(", ");
  const returnType = plan.returnType ? `: ${plan.returnType}` : "";
  return `${modifiers}${accessor}${plan.name}(${parameters})${returnType}`;
}

function storeDeclaration(plan: MemoizeMemberPlan, { lruCache, style }: MemberContext): string {
  const types = plan.types;
  if (plan.key.kind === "instance") {
    return `const ${plan.storeName} = new WeakMap${types ? `<object, ${types.value}>` : ""}()${style.semicolon}`;
  }
  const cacheType = types ? `<${types.key}, ${types.value}>` : "";
  if (plan.store === "per-instance") {
    return `const ${plan.storeName} = new WeakMap${types ? `<object, ${lruCache}${cacheType}>` : ""}()${style.semicolon}`;
  }
  return `const ${plan.storeName} = new ${lruCache}${cacheType}(${cacheOptions(plan)})${style.semicolon}`;
}

function cacheOptions(plan: MemoizeMemberPlan): string {
  return `{ max: ${plan.max}${plan.ttl ? `, ttl: ${plan.ttl}` : ""} }`;
}

/** Local names of the delegate that no parameter shadows. */
function localNames(plan: MemoizeMemberPlan): { cache: string; key: string; hit: string; value: string } {
  const taken = new Set(plan.parameters.map((parameter) => parameter.name));
  const pick = (...candidates: string[]) => {
    const free = candidates.find((candidate) => !taken.has(candidate)) ?? `${candidates[0]}$`;
    taken.add(free);
    return free;
  };
  return { cache: pick("cache", "instanceCache", "memoCache"), key: pick("key", "cacheKey", "memoKey"), hit: pick("hit", "cached", "memoHit"), value: pick("value", "result", "computed") };
}

function delegateBody(plan: MemoizeMemberPlan, { lruCache, style }: MemberContext, unit: string): string[] {
  const s = style.semicolon;
  const names = localNames(plan);
  const args = plan.parameters.map((parameter) => (parameter.rest ? `...${parameter.name}` : parameter.name)).join(", ");
  const compute = plan.accessor === "get" ? `this.${plan.uncachedName}` : `this.${plan.uncachedName}(${args})`;
  const boxed = names.value === "value" ? "{ value }" : `{ value: ${names.value} }`;
  const lines: string[] = [];

  if (plan.key.kind === "instance") {
    lines.push(`const ${names.hit} = ${plan.storeName}.get(this)${s}`, `if (${names.hit}) return ${names.hit}.value${s}`, `const ${names.value} = ${compute}${s}`, `${plan.storeName}.set(this, ${boxed})${s}`);
    if (plan.evictRejections) {
      lines.push(...dropOnRejection(names.value, `${plan.storeName}.get(this)?.value === ${names.value}`, `${plan.storeName}.delete(this)`, style, unit));
    }
    lines.push(`return ${names.value}${s}`);
    return lines;
  }

  let cache = plan.storeName;
  if (plan.store === "per-instance") {
    cache = names.cache;
    lines.push(`let ${cache} = ${plan.storeName}.get(this)${s}`, `if (!${cache}) ${plan.storeName}.set(this, (${cache} = new ${lruCache}(${cacheOptions(plan)})))${s}`);
  }
  const keyExpression = renderKey(plan.key, plan, style);
  let key = keyExpression;
  if (!/^[A-Za-z_$][\w$]*$/.test(keyExpression)) {
    key = names.key;
    lines.push(`const ${key} = ${keyExpression}${s}`);
  }
  lines.push(`const ${names.hit} = ${cache}.get(${key})${s}`, `if (${names.hit}) return ${names.hit}.value${s}`, `const ${names.value} = ${compute}${s}`, `${cache}.set(${key}, ${boxed})${s}`);
  if (plan.evictRejections) {
    lines.push(...dropOnRejection(names.value, `${cache}.peek(${key})?.value === ${names.value}`, `${cache}.delete(${key})`, style, unit));
  }
  lines.push(`return ${names.value}${s}`);
  return lines;
}

/** As the library did: a rejected promise leaves the cache (unless a newer call replaced it), so the next call tries again. */
function dropOnRejection(value: string, stillCached: string, remove: string, style: CodeStyle, unit: string): string[] {
  return [`void Promise.resolve(${value}).catch(() => {`, `${unit}if (${stillCached}) ${remove}${style.semicolon}`, `})${style.semicolon}`];
}

function renderKey(key: CacheKey, plan: MemoizeMemberPlan, style: CodeStyle): string {
  const names = plan.parameters.map((parameter) => (parameter.rest ? `...${parameter.name}` : parameter.name));
  const spread = names.join(", ");
  const array = `[${spread}]`;
  const q = style.quote;
  switch (key.kind) {
    case "first-argument":
      return plan.parameters[0]!.name;
    case "string-first-argument":
      return `String(${plan.parameters[0]!.name})${key.lowerCase ? ".toLowerCase()" : ""}`;
    case "json-arguments":
      return `JSON.stringify(${array})`;
    case "json-arguments-as-strings":
      return `JSON.stringify(${array}, (_key, item) => (typeof item === ${q}object${q} ? item : String(item)))`;
    case "to-string-arguments":
      return `${array}.map((item) => item.toString()).join(${q}!${q})`;
    case "key-function": {
      const callee = key.inline ? `(${key.text})` : key.text;
      if (key.call === "array") return `${callee}(${array})`;
      // An arrow function has no `this` of its own: calling it in place types its parameters from the arguments.
      if (key.call === "spread-with-this" && !key.inline) return `${callee}.call(this${spread ? `, ${spread}` : ""})`;
      return `${callee}(${spread})`;
    }
    case "key-method":
      return `this.${key.name}(${spread})`;
    case "instance":
      return "this";
  }
}
