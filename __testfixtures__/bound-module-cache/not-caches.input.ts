// Stores that are not caches: evicting from them would lose information, not just time.

type Handler = (payload: string) => string;

// A registry: its values are passed in.
const handlers = new Map<string, Handler>();

export function register(name: string, handler: Handler): void {
  handlers.set(name, handler);
}

export function dispatch(name: string, payload: string): string | undefined {
  return handlers.get(name)?.(payload);
}

// A lookup table filled while the module loads.
const statusText = new Map<number, string>();
statusText.set(200, "OK");
statusText.set(404, "Not Found");

export const describeStatus = (status: number): string => statusText.get(status) ?? "Unknown";

// Written from a fixed set of keys only.
const settings: Record<string, string> = {};

export function configure(theme: string): void {
  settings["theme"] = theme;
}

export const theme = (): string | undefined => settings["theme"];

// A counter: the new value is computed from the old one.
const hits = new Map<string, number>();

export function hit(path: string): number {
  const seen = hits.get(path) ?? 0;
  hits.set(path, seen + 1);
  return seen + 1;
}

// Seen-flags: a warning printed once per message.
const warned: Record<string, boolean> = {};

export function warnOnce(message: string): void {
  if (warned[message]) return;
  warned[message] = true;
  console.warn(message);
}

// A collection per key, filled after it is stored.
const listeners = new Map<string, Array<() => void>>();

export function on(event: string, listener: () => void): void {
  let list = listeners.get(event);
  if (!list) {
    list = [];
    listeners.set(event, list);
  }
  list.push(listener);
}

// Stored values changed in place after they are stored.
const tagged = new Map<string, string[]>();

export function tag(name: string, item: string): void {
  if (tagged.has(name)) tagged.get(name)!.push(item);
  else tagged.set(name, [item]);
}

// Values that come out different when computed again: an id handed out once per key.
let nextId = 1;
const ids = new Map<string, number>();

export function idOf(name: string): number {
  let id = ids.get(name);
  if (id === undefined) {
    id = nextId++;
    ids.set(name, id);
  }
  return id;
}
