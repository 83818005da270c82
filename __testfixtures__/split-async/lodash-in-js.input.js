import memoize from "lodash/memoize.js";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

/** @param {string} url */
async function fetchText(url) {
  upstream.calls++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`GET ${url} failed`);
  }
  return `body of ${url}`;
}

/** @param {string} url */
async function fetchJson(url) {
  upstream.calls++;
  computed.count++;
  return { url, words: url.length };
}

/** @param {string} text */
function countWords(text) {
  computed.count++;
  return text.split(" ").length;
}

/**
 * JavaScript is typed from the code: `fetchText` resolves to a string, a key for the core.
 * @param {string} url
 */
export const wordsIn = memoize(async function (url) {
  const text = await fetchText(url);
  return countWords(text);
});

/**
 * An object is no key: the promises stay cached, in an LRUCache that drops rejections.
 * @param {string} url
 */
export const summaryOf = memoize(async (url) => {
  const page = await fetchJson(url);
  return `${page.url}: ${page.words}`;
});
