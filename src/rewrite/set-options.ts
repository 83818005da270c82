import type MagicString from "magic-string";
import type { RewritePlan } from "../analysis/site.ts";
import type { LocatedNode } from "./apply-plan.ts";
import { indentationAt, lineEnding } from "./source-layout.ts";

type SetOptions = Extract<RewritePlan, { kind: "set-options" }>;
type Entry = SetOptions["options"][number];
type Property = NonNullable<LocatedNode["properties"]>[number];

/**
 * Sets several options of a call's options object, some inside nested object options, as text
 * edits: existing values are replaced, missing properties appended after the last one (on their own
 * line when the object is written over several lines), and a missing object is written whole.
 */
export function setOptions(plan: SetOptions, source: string, edits: MagicString, call: LocatedNode): void {
  const args = call.arguments ?? [];
  const options = args[plan.argIndex];
  if (!options) {
    const last = args[args.length - 1];
    if (!last || args.length !== plan.argIndex) throw new Error(`cannot add options at argument ${plan.argIndex}`);
    const multiline = args.length > 1 && source.slice(args[args.length - 2]!.end!, last.start!).includes("\n");
    const separator = multiline ? `,${lineEnding(source)}${indentationAt(source, last.start!)}` : ", ";
    edits.appendLeft(last.end!, `${separator}${objectText(plan.options)}`);
    return;
  }
  setProperties(requireObject(options, "options argument"), plan.options, source, edits);
}

function setProperties(object: LocatedNode, entries: Entry[], source: string, edits: MagicString): void {
  const properties = object.properties ?? [];
  if (properties.length === 0) {
    edits.overwrite(object.start!, object.end!, objectText(entries));
    return;
  }
  const appended: string[] = [];
  const nestedDone = new Set<string>();
  for (const entry of entries) {
    if (entry.within === undefined) {
      const existing = findProperty(properties, entry.name);
      if (!existing?.value) appended.push(`${entry.name}: ${entry.value}`);
      // `{ memoize }` names its value with its key: both go.
      else if ((existing as { shorthand?: boolean }).shorthand) edits.overwrite(existing.start!, existing.end!, `${entry.name}: ${entry.value}`);
      else edits.overwrite(existing.value.start!, existing.value.end!, entry.value);
      continue;
    }
    if (nestedDone.has(entry.within)) continue;
    nestedDone.add(entry.within);
    const inner = within(entries, entry.within);
    const nested = findProperty(properties, entry.within);
    if (nested?.value) setProperties(requireObject(nested.value, entry.within), inner, source, edits);
    else appended.push(`${entry.within}: ${objectText(inner)}`);
  }
  if (appended.length === 0) return;
  const last = properties[properties.length - 1]!;
  const multiline = source.slice(object.start!, last.start!).includes("\n");
  const separator = multiline ? `,${lineEnding(source)}${indentationAt(source, last.start!)}` : ", ";
  edits.appendLeft(last.end!, appended.map((property) => `${separator}${property}`).join(""));
}

/** `{ a: 1, b: { c: 2 } }` for entries a, and c within b, in the order the entries come. */
function objectText(entries: Entry[]): string {
  const parts: string[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.within === undefined) parts.push(`${entry.name}: ${entry.value}`);
    else if (entries.findIndex((other) => other.within === entry.within) === index) parts.push(`${entry.within}: ${objectText(within(entries, entry.within))}`);
  }
  return `{ ${parts.join(", ")} }`;
}

/** The entries that go inside nested option `name`, as entries of that object. */
function within(entries: Entry[], name: string): Entry[] {
  return entries.filter((entry) => entry.within === name).map(({ name: option, value }) => ({ name: option, value }));
}

function findProperty(properties: Property[], name: string): Property | undefined {
  return properties.find((property) => !property.computed && (property.key?.name === name || property.key?.value === name));
}

function requireObject(node: LocatedNode, what: string): LocatedNode {
  if (node.type !== "ObjectExpression") throw new Error(`${what} is not an object literal`);
  return node;
}
