import { codeMessage } from "../codes.ts";
import { mayHaveOption } from "../options-object.ts";
import type { CallContext } from "./adapter.ts";
import type { KeyFinding } from "../site.ts";
import type { FunctionTypeFacts, ValueTypeFacts } from "../types/type-facts.ts";

/** One part of a cache key, as the type checker sees it. */
export interface KeyPart {
  /** How the report names it: "argument 1 `user`", "the resolver's result". */
  label: string;
  facts: ValueTypeFacts;
}

/** The first `count` parameters of the memoized function as key parts (a rest parameter ends the list). */
export function parameterKeyParts(fn: FunctionTypeFacts | undefined, count: number = fn?.parameters.length ?? 0): KeyPart[] {
  const parts: KeyPart[] = [];
  for (const [index, parameter] of (fn?.parameters ?? []).slice(0, count).entries()) {
    if (parameter.rest) break;
    parts.push({ label: `argument ${index + 1} \`${parameter.name}\``, facts: parameter });
  }
  return parts;
}

/** How many leading parameters `fn.length` counts: those before the first default or rest parameter. */
export function runtimeLength(fn: FunctionTypeFacts): number {
  const first = fn.parameters.findIndex((parameter) => parameter.defaulted || parameter.rest);
  return first === -1 ? fn.parameters.length : first;
}

/**
 * MC401 for a library that compares key parts by identity (SameValueZero or ===): a part typed as
 * an object misses the cache whenever an equal object is made anew, and each miss adds an entry.
 */
export function objectKeyFindings(parts: KeyPart[]): KeyFinding[] {
  const objects = parts.filter((part) => part.facts.kind === "object");
  if (objects.length === 0) return [];
  const detail = objects.map((part) => `${part.label} is ${part.facts.text}`).join("; ");
  return [{ code: "MC401", message: codeMessage("MC401", detail) }];
}

/**
 * Key parts of a library that keys on the memoized function's own parameters (the call's first
 * argument): the first one, or all of them; none when one of `keyOptions` may be set on the options
 * argument, since such an option replaces the identity comparison.
 */
export function parameterIdentityKey(parameters: "first" | "all", options?: { index: number; keyOptions: string[] }) {
  return ({ call, types }: CallContext): KeyPart[] => {
    const memoized = call.arguments[0];
    if (!memoized) return [];
    const optionsArgument = options && call.arguments[options.index];
    if (options?.keyOptions.some((name) => mayHaveOption(optionsArgument, name))) return [];
    return parameterKeyParts(types.functionOf(memoized), parameters === "first" ? 1 : undefined);
  };
}
