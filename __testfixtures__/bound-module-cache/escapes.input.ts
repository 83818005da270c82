// Caches other code may depend on, or whose values LRUCache would not keep: left alone with a reason.

// Exported: importers may use it as a Map.
export const exportedCache = new Map<string, number>();

export function lengthOf(text: string): number {
  if (!exportedCache.has(text)) exportedCache.set(text, text.length);
  return exportedCache.get(text)!;
}

// Passed to code typed Map.
const passed = new Map<string, string>();

function dump(map: Map<string, string>): string {
  return [...map.entries()].join(";");
}

export function lower(text: string): string {
  let value = passed.get(text);
  if (value === undefined) {
    value = text.toLowerCase();
    passed.set(text, value);
  }
  return value;
}

export const dumpLower = (): string => dump(passed);

// Checked with instanceof Map.
const checked = new Map<string, number>();

export function codeOf(text: string): number {
  if (!(checked instanceof Map)) throw new Error("not a map");
  let code = checked.get(text);
  if (code === undefined) {
    code = text.charCodeAt(0);
    checked.set(text, code);
  }
  return code;
}

// Values can be undefined: LRUCache would drop them.
const optional = new Map<string, string | undefined>();

export function firstWord(text: string): string | undefined {
  if (!optional.has(text)) optional.set(text, text.split(" ")[0] || undefined);
  return optional.get(text);
}

// Returned to callers.
const returned: Record<string, number> = {};

export function widthOf(text: string): number {
  return (returned[text] ??= text.length * 8);
}

export const allWidths = (): Record<string, number> => returned;
