import { LRUCache } from "lru-cache";
export const computed = { count: 0 };

const greetings = new LRUCache({ max: 500 });

/**
 * @param {string} name
 * @param {string} lang
 */
export function greet(name, lang) {
  const key = lang + ":" + name;
  if (greetings.get(key) === undefined) {
    computed.count++;
    greetings.set(key, (lang === "fr" ? "Bonjour " : "Hello ") + name);
  }
  return greetings.get(key);
}

const lengths = new LRUCache({ max: 500 });

/** @param {unknown} value */
function measure(value) {
  computed.count++;
  return String(value).length;
}

// Keys of unknown type go through String(), as the object's property names did.
/** @param {unknown} value */
export function lengthOf(value) {
  if (!lengths.has(String(value))) lengths.set(String(value), measure(value));
  return lengths.get(String(value));
}
