import ts from "../../typescript.cts";
import type { TypeFacts, ValueTypeFacts } from "../types/type-facts.ts";

/** How a value is typed, as far as splitting an async function cares. */
export interface ValueType {
  /**
   * primitive: compared by value (strings, numbers, booleans, literals, enums...), so it can be a
   * cache key; thenable: a promise or other thenable; other: any other object; any: cannot tell.
   */
  kind: "primitive" | "thenable" | "other" | "any";
  /** Can be undefined (or void). */
  mayBeUndefined: boolean;
  /** Can be null. */
  mayBeNull: boolean;
  /** The type as TypeScript writes it (shortened when long), for messages. */
  text: string;
}

/** The questions the async analysis asks the type checker, over the run's type facts. */
export interface AsyncTypes {
  /** The type of an expression or of a declared name. */
  valueType(node: ts.Node): ValueType;
  /** What a call of the function returns, and what that settles to when it is a promise. */
  returnType(fn: ts.SignatureDeclaration): { returnsPromise: boolean | undefined; settles: ValueType };
  /** The type of a declared name written as TypeScript, when it can be written in full. */
  typeText(name: ts.Node): string | undefined;
}

const UNKNOWN: ValueType = { kind: "any", mayBeUndefined: true, mayBeNull: true, text: "unknown" };

/** Shortened type texts end like this (see types/type-facts.ts). */
const SHORTENED = "...";

export function asyncTypes(types: TypeFacts): AsyncTypes {
  return {
    valueType: (node) => view(types.valueOf(node as ts.Expression)),
    returnType: (fn) => {
      const facts = types.functionOf(functionExpressionOf(fn));
      return { returnsPromise: facts?.returnsPromise, settles: facts ? view(facts.settled) : UNKNOWN };
    },
    typeText: (name) => {
      const text = types.valueOf(name as ts.Expression)?.text;
      return text === undefined || text.endsWith(SHORTENED) ? undefined : text;
    },
  };
}

/** A function declaration is asked about through its name; other functions are expressions. */
function functionExpressionOf(fn: ts.SignatureDeclaration): ts.Expression {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name;
  return fn as unknown as ts.Expression;
}

function view(facts: ValueTypeFacts | undefined): ValueType {
  if (!facts || facts.kind === undefined) return { ...UNKNOWN, text: facts?.text ?? UNKNOWN.text };
  const kind = facts.thenable ? "thenable" : facts.kind === "primitive" ? "primitive" : "other";
  return { kind, mayBeUndefined: facts.mayBeUndefined !== false, mayBeNull: facts.mayBeNull !== false, text: facts.text };
}
