// fast-memoize's typings declare an ES default export that require() does not return; checked JS says what it is.
/** @type {import('fast-memoize').default} */
const memoize = /** @type {any} */ (require('fast-memoize'))
const { LRUCache } = require('lru-cache')

const computed = { count: 0 }

const tokenize = memoize(function (text) {
  computed.count++
  return text.split(/\s+/).length
}, { cache: { create: () => /** @type {any} */ (new LRUCache({ max: 500 })) } })

// @formatjs/fast-memoize is ESM-only; Node 20.19+ requires it all the same.
const { memoize: memoizeIntl } = require('@formatjs/fast-memoize')

const plural = memoizeIntl((locale) => {
  computed.count++
  return new Intl.PluralRules(locale).resolvedOptions().locale
}, { cache: { create: () => /** @type {any} */ (new LRUCache({ max: 500 })) } })

module.exports = { computed, tokenize, plural }
