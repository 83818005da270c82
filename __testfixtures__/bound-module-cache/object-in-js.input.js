export const computed = { count: 0 };

const greetings = {};

/**
 * @param {string} name
 * @param {string} lang
 */
export function greet(name, lang) {
  const key = lang + ":" + name;
  if (greetings[key] === undefined) {
    computed.count++;
    greetings[key] = (lang === "fr" ? "Bonjour " : "Hello ") + name;
  }
  return greetings[key];
}

const lengths = {};

/** @param {unknown} value */
function measure(value) {
  computed.count++;
  return String(value).length;
}

// Keys of unknown type go through String(), as the object's property names did.
/** @param {unknown} value */
export function lengthOf(value) {
  return lengths[value] || (lengths[value] = measure(value));
}
