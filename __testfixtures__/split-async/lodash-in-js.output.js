import memoize from "lodash/memoize.js";
import { LRUCache } from "lru-cache";

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

const wordsInCore = memoize((text) => countWords(text));
wordsInCore.cache = new LRUCache({ max: 500 });

/**
 * JavaScript is typed from the code: `fetchText` resolves to a string, a key for the core.
 * @param {string} url
 */
export const wordsIn = async function (url) {
  const text = await fetchText(url);
  return wordsInCore(text);
};

/** @type {LRUCache<any, any>} */ const summaryOfCache = new LRUCache({ max: 500, fetchMethod: async (url) => {
  const page = await fetchJson(url);
  return `${page.url}: ${page.words}`;
} });

/**
 * An object is no key: the promises stay cached, in an LRUCache that drops rejections.
 * @param {string} url
 */
export const summaryOf = (url) => summaryOfCache.fetch(url);
