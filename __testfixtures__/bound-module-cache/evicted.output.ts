// Caches that are already kept small by hand, and a WeakMap: bounded, left alone.

const recent = new Map<string, string>();

export function upper(text: string): string {
  let value = recent.get(text);
  if (value === undefined) {
    if (recent.size >= 100) recent.delete(recent.keys().next().value!);
    value = text.toUpperCase();
    recent.set(text, value);
  }
  return value;
}

const perRequest = new Map<string, number>();

export function lengthOf(text: string): number {
  if (!perRequest.has(text)) perRequest.set(text, text.length);
  return perRequest.get(text)!;
}

export function endRequest(): void {
  perRequest.clear();
}

let compiled: Record<string, RegExp> = {};

export function pattern(source: string): RegExp {
  return (compiled[source] ??= new RegExp(source));
}

export function resetPatterns(): void {
  compiled = {};
}

const limited: Record<string, string[]> = {};
const limit = 1000;
let stored = 0;

export function words(text: string): string[] {
  if (limited[text]) return limited[text];
  const split = text.split(" ");
  if (stored < limit) {
    limited[text] = split;
    stored++;
  }
  return split;
}

const pending = new Map<string, Promise<string>>();

export function load(url: string): Promise<string> {
  let request = pending.get(url);
  if (!request) {
    request = Promise.resolve(`body of ${url}`).finally(() => pending.delete(url));
    pending.set(url, request);
  }
  return request;
}

const expiring = new Map<string, number>();

export function stamp(id: string): number {
  let value = expiring.get(id);
  if (value === undefined) {
    value = id.length;
    expiring.set(id, value);
    setTimeout(() => expiring.delete(id), 60_000).unref();
  }
  return value;
}

// Keyed by objects and held weakly: an entry goes with its key.
const sizes = new WeakMap<object, number>();

export function sizeOf(value: object): number {
  let size = sizes.get(value);
  if (size === undefined) {
    size = Object.keys(value).length;
    sizes.set(value, size);
  }
  return size;
}
